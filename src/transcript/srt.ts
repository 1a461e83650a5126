/**
 * SubRip (.srt) parser. Pure: the caller reads the file.
 *
 * Lenient where real files are sloppy: BOM, CRLF/CR, missing or out-of-order cue numbers, a
 * missing blank line between cues, `.` instead of `,` before the milliseconds, formatting tags,
 * empty cues, NUL/^Z padding and lone numbers at the end. Text after a blank line inside a cue
 * (no number, no timing) still belongs to that cue: dropping spoken words silently would hide
 * them from the audit. Strict where guessing would misplace words: a malformed timing line, a
 * cue that ends before it starts, or a numbered cue without a timing line is an error.
 */
import { parseTimingLine, quote, timingExample, type Fail } from './clock.js';
import { TranscriptParseError, type Segment, type Transcript } from './model.js';
import { cleanText, isBlankLine, joinCueLines, splitLines } from './text.js';

interface Cue {
  start: number;
  end: number;
  lines: string[];
  /** 1-based line of the first visible text. */
  line?: number;
}

const INDEX = /^\d+$/;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;
const LINE_BREAK_TAG = /<br\s*\/?>/i;

/** Visible text of one line: `<br>` splits it, formatting tags and `{\an8}` overrides go. */
function visibleParts(raw: string): string[] {
  return raw
    .split(LINE_BREAK_TAG)
    .map((part) => cleanText(part.replace(ASS_OVERRIDE, '').replace(TAG, '')))
    .filter((part) => part !== '');
}

export function parseSrt(content: string, file: string): Transcript {
  const lines = splitLines(content);
  const cues: Cue[] = [];
  let cue: Cue | undefined;
  /** True while lines belong to the current cue's text (until a blank line). */
  let open = false;
  const failAt = (lineNo: number): Fail => (column, reason) => {
    throw new TranscriptParseError(file, lineNo, column, reason);
  };
  const isTiming = (i: number) => lines[i]?.includes('-->') === true;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (isBlankLine(raw)) {
      open = false;
      continue;
    }
    if (raw.includes('-->')) {
      cue = { ...parseTimingLine(raw, ',', failAt(i + 1)), lines: [] };
      cues.push(cue);
      open = true;
      continue;
    }
    const trimmed = raw.trim();
    if (INDEX.test(trimmed) && isTiming(i + 1)) continue;
    if (!open && INDEX.test(trimmed)) {
      const next = lines[i + 1];
      if (next === undefined || isBlankLine(next)) continue; // a lone number: nothing is lost
      throw new TranscriptParseError(file, i + 2, 1, `expected the timing line of cue ${trimmed}, like ${timingExample(',')}, found ${quote(next.trim())}`);
    }
    if (!cue) {
      const column = raw.length - raw.trimStart().length + 1;
      throw new TranscriptParseError(file, i + 1, column, `expected a cue number or a timing line like ${timingExample(',')}, found ${quote(trimmed)}`);
    }
    open = true;
    const parts = visibleParts(raw);
    if (parts.length === 0) continue;
    cue.line ??= i + 1;
    cue.lines.push(...parts);
  }
  return { segments: cues.flatMap(toSegment) };
}

function toSegment(cue: Cue): Segment[] {
  const text = joinCueLines(cue.lines);
  if (!text || cue.line === undefined) return [];
  return [{ start: cue.start, end: cue.end, text, line: cue.line }];
}
