/**
 * One entry point for every transcript format: by extension, else by content. Pure: the caller
 * reads the file and passes its content (and the path to name in errors).
 */
import { parseTranscriptJson } from './json.js';
import type { Transcript } from './model.js';
import { parseSrt } from './srt.js';
import { stripBom } from './text.js';
import { parseTxt } from './txt.js';
import { parseVtt } from './vtt.js';

import type { TranscriptFormat } from './formats.js';

export type { TranscriptFormat } from './formats.js';

const BY_EXTENSION: Readonly<Record<string, TranscriptFormat>> = { srt: 'srt', vtt: 'vtt', webvtt: 'vtt', json: 'json', txt: 'txt' };

/** The format a path's extension names (case-insensitive), or undefined for anything else. */
export function transcriptFormatOf(path: string): TranscriptFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}

const VTT_SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/;
const SRT_TIMING = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/m;

/** The format the content looks like: a WEBVTT signature, a JSON object, SRT timing lines, else text. */
export function sniffTranscriptFormat(content: string): TranscriptFormat {
  const head = stripBom(content).trimStart();
  if (VTT_SIGNATURE.test(head)) return 'vtt';
  if (head.startsWith('{')) return 'json';
  if (SRT_TIMING.test(head)) return 'srt';
  return 'txt';
}

/**
 * Parse a transcript; throws TranscriptParseError (file:line:col and what was expected) on
 * malformed input. The format is `format`, else the extension of `file`, else sniffed. A `.srt`
 * that is really WebVTT (it starts with the signature) is read as WebVTT.
 */
export function parseTranscript(content: string, file: string, format?: TranscriptFormat): Transcript {
  let f = format ?? transcriptFormatOf(file) ?? sniffTranscriptFormat(content);
  if (f === 'srt' && VTT_SIGNATURE.test(stripBom(content))) f = 'vtt';
  switch (f) {
    case 'srt':
      return parseSrt(content, file);
    case 'vtt':
      return parseVtt(content, file);
    case 'json':
      return parseTranscriptJson(content, file);
    case 'txt':
      return parseTxt(content, file);
  }
}
