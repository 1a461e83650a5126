/**
 * WebVTT (.vtt) parser. Pure: the caller reads the file.
 *
 * Follows the WebVTT block structure: a `WEBVTT` signature, header lines (an old-style
 * `Language: ja` names the language), then blocks separated by blank lines. NOTE, STYLE and
 * REGION blocks are skipped; a cue is an optional identifier, a timing line (cue settings after
 * it are ignored) and text. Tags are stripped (ruby readings `<rt>` dropped with them), entities
 * decoded, and inline timestamps `<00:00:01.500>` become word timing. Unlike SRT, a block with
 * no timing line is an error: WebVTT has no text continuing across a blank line.
 */
import { parseClock, parseTimingLine, quote, timingExample, type Fail } from './clock.js';
import { languageFromTag, TranscriptParseError, type Language, type Segment, type Transcript, type Word } from './model.js';
import { isBlankLine, joinerBetween, splitLines, stripControls } from './text.js';

type Piece = { text: string } | { time: number };

/** Ruby readings and fallback parentheses nest; their text is not what was said twice. */
interface TagState {
  hidden: number;
}

const SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const LANGUAGE_HEADER = /^Language\s*:\s*(\S+)/i;

export function parseVtt(content: string, file: string): Transcript {
  const lines = splitLines(content);
  const at = (lineNo: number): Fail => (column, reason) => {
    throw new TranscriptParseError(file, lineNo, column, reason);
  };
  const first = lines[0] ?? '';
  if (!SIGNATURE.test(first)) {
    at(1)(1, `expected the WebVTT signature "WEBVTT" on the first line, found ${quote(first)}`);
  }

  let language: Language | undefined;
  let i = 1;
  for (; i < lines.length && !isBlankLine(lines[i] ?? '') && !(lines[i] ?? '').includes('-->'); i++) {
    const tag = LANGUAGE_HEADER.exec((lines[i] ?? '').trim())?.[1];
    if (tag) language = languageFromTag(tag) ?? language;
  }

  const segments: Segment[] = [];
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlankLine(line)) {
      i++;
    } else if (SKIPPED_BLOCK.test(line)) {
      while (i < lines.length && !isBlankLine(lines[i] ?? '')) i++;
    } else {
      const timingAt = line.includes('-->') ? i : identifiedTimingLine(lines, i, at);
      const timing = parseTimingLine(lines[timingAt] ?? '', '.', at(timingAt + 1));
      let end = timingAt + 1;
      while (end < lines.length && !isBlankLine(lines[end] ?? '') && !(lines[end] ?? '').includes('-->')) end++;
      const segment = cueSegment(lines.slice(timingAt + 1, end), timingAt + 2, timing);
      if (segment) segments.push(segment);
      i = end;
    }
  }
  return language ? { language, segments } : { segments };
}

/** Index of the timing line after a cue identifier at `i`, or an error saying it is missing. */
function identifiedTimingLine(lines: readonly string[], i: number, at: (lineNo: number) => Fail): number {
  const identifier = (lines[i] ?? '').trim();
  const next = lines[i + 1];
  if (next !== undefined && next.includes('-->')) return i + 1;
  const expected = `expected a timing line like ${timingExample('.')} after the cue identifier ${quote(identifier)}`;
  if (next === undefined) return at(i + 1)((lines[i] ?? '').length + 1, expected);
  return at(i + 2)(1, isBlankLine(next) ? expected : `${expected}, found ${quote(next.trim())}`);
}

function cueSegment(textLines: readonly string[], firstLineNo: number, timing: { start: number; end: number }): Segment | undefined {
  const state: TagState = { hidden: 0 };
  const stream: Piece[] = [];
  let text = '';
  let line: number | undefined;
  textLines.forEach((raw, k) => {
    const pieces = trimPieces(cuePieces(raw, state));
    const visible = pieces.map((p) => ('text' in p ? p.text : '')).join('');
    if (visible) {
      line ??= firstLineNo + k;
      if (text) {
        const joiner = joinerBetween(text, visible);
        stream.push({ text: joiner });
        text += joiner;
      }
      text += visible;
    }
    stream.push(...pieces);
  });
  if (!text || line === undefined) return undefined;
  const words = wordsOf(stream, timing.start, timing.end);
  return words ? { start: timing.start, end: timing.end, text, words, line } : { start: timing.start, end: timing.end, text, line };
}

/** Text runs and inline timestamps of one cue line; other tags vanish. */
function cuePieces(raw: string, state: TagState): Piece[] {
  const out: Piece[] = [];
  const pushText = (s: string) => {
    if (s && state.hidden === 0) out.push({ text: stripControls(decodeEntities(s)) });
  };
  let pos = 0;
  while (pos < raw.length) {
    const lt = raw.indexOf('<', pos);
    if (lt < 0) {
      pushText(raw.slice(pos));
      break;
    }
    pushText(raw.slice(pos, lt));
    const gt = raw.indexOf('>', lt);
    const tag = raw.slice(lt + 1, gt < 0 ? raw.length : gt).trim();
    pos = gt < 0 ? raw.length : gt + 1;
    if (/^\d/.test(tag)) {
      const ms = parseClock(tag, '.');
      if (typeof ms === 'number' && state.hidden === 0) out.push({ time: ms / 1000 });
      continue;
    }
    const ruby = /^(\/?)(rt|rp)\b/i.exec(tag);
    if (ruby) state.hidden = ruby[1] ? Math.max(0, state.hidden - 1) : state.hidden + 1;
  }
  return out;
}

/** Whitespace at the ends of a line removed, timestamps kept where they are. */
function trimPieces(pieces: Piece[]): Piece[] {
  const out = pieces.map((p) => ({ ...p }));
  for (const p of out) {
    if (!('text' in p)) continue;
    p.text = p.text.trimStart();
    if (p.text) break;
  }
  for (let k = out.length - 1; k >= 0; k--) {
    const p = out[k];
    if (!p || !('text' in p)) continue;
    p.text = p.text.trimEnd();
    if (p.text) break;
  }
  return out.filter((p) => !('text' in p) || p.text !== '');
}

/**
 * Words from inline timestamps: each run of text starts at the timestamp before it (the cue
 * start for the first) and ends where the next begins. Timestamps outside the cue or going
 * backwards are clamped, as players do.
 */
function wordsOf(stream: readonly Piece[], start: number, end: number): Word[] | undefined {
  if (!stream.some((p) => 'time' in p)) return undefined;
  const runs: { start: number; text: string }[] = [{ start, text: '' }];
  for (const p of stream) {
    const last = runs[runs.length - 1] ?? { start, text: '' };
    if ('text' in p) last.text += p.text;
    else runs.push({ start: Math.min(Math.max(p.time, last.start), end), text: '' });
  }
  const words: Word[] = [];
  runs.forEach((run, k) => {
    const t = run.text.trim();
    if (t) words.push({ start: run.start, end: runs[k + 1]?.start ?? end, text: t });
  });
  return words.length > 0 ? words : undefined;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '', rlm: '',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] ?? whole) : whole;
  });
}
