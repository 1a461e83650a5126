/** Fixture access and error capture shared by the transcript tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TranscriptParseError } from '../../../src/transcript/model.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'transcripts');

/** A fixture's content exactly as on disk (a BOM stays in, as readFile gives it). */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The TranscriptParseError `fn` throws; fails the test if it throws nothing or something else. */
export function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscriptParseError) return e;
    throw e;
  }
  throw new Error('expected a TranscriptParseError, but parsing succeeded');
}

/** Lines as editors count them (BOM removed; CRLF, CR or LF). */
export function linesOf(content: string): string[] {
  return content.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}
