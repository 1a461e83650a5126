/**
 * Plain-text transcripts (.txt): one utterance a line, blank lines skipped, each line optionally
 * prefixed with `[hh:mm:ss]` or `[mm:ss]` (optionally `.mmm`). Pure: the caller reads the file.
 *
 * - No line timed: the transcript is untimed (start/end null, findings reported by line).
 * - Every line timed: a line ends where the next starts; the last lasts an estimate from its
 *   length (0.25 s a character, at least 1 s).
 * - Some lines timed (chapter-style notes, a forgotten stamp): the stamps are anchors and the
 *   untimed lines between two anchors share that stretch with the anchor line before them,
 *   in proportion to their length; lines before the first anchor share 0 s to it; lines after
 *   the last are estimated one after another. A user with sparse timestamps wants the file
 *   audited, not rejected, and the interpolated times stay between the real ones.
 * - A stamp alone on a line times the line after it.
 * Stamps going backwards are an error (usually a typo), as is a malformed stamp: a bracket that
 * holds only digits, colons and dots but is not a time. `[笑]` or `[12:30から]` is just text.
 */
import { formatClock, parseClock } from './clock.js';
import { TranscriptParseError, type Segment, type Transcript } from './model.js';
import { cleanText, isBlankLine, roundMs, splitLines } from './text.js';

interface Item {
  line: number;
  text: string;
  /** Seconds, when the line has a stamp. */
  stamp: number | null;
  /** Where the stamp is written (a lone stamp sits on the line before its text). */
  stampLine: number;
  stampColumn: number;
}

const SECONDS_PER_CHAR = 0.25;
const MIN_SECONDS = 1;
const BRACKET = /^\[([^\]\n]*)\]/;
const STAMP_LIKE = /^\s*[0-9][0-9:.,\s]*$/;

export function parseTxt(content: string, file: string): Transcript {
  const lines = splitLines(content);
  const read: Item[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (!isBlankLine(raw)) read.push(readLine(raw, i + 1, file));
  }
  const items = attachLoneStamps(read);
  checkOrder(items, file);
  if (items.every((it) => it.stamp === null)) {
    return { segments: items.map((it) => ({ start: null, end: null, text: it.text, line: it.line })), untimed: true };
  }
  return { segments: timeItems(items).filter((s) => s.text !== '') };
}

function readLine(raw: string, line: number, file: string): Item {
  const lead = raw.length - raw.trimStart().length;
  const bracket = BRACKET.exec(raw.slice(lead));
  const inner = bracket?.[1];
  if (!bracket || inner === undefined || !inner.includes(':') || !STAMP_LIKE.test(inner)) {
    return { line, text: cleanText(raw), stamp: null, stampLine: line, stampColumn: 0 };
  }
  const token = inner.trim();
  const column = lead + 2 + (inner.length - inner.trimStart().length);
  const ms = parseClock(token, '.');
  if (typeof ms !== 'number') {
    throw new TranscriptParseError(file, line, column + ms.offset, `${ms.reason.replace(/\(hh:mm:ss\.mmm\)/, '([hh:mm:ss] or [mm:ss], optionally .mmm)')}`);
  }
  return { line, text: cleanText(raw.slice(lead + bracket[0].length)), stamp: ms / 1000, stampLine: line, stampColumn: column };
}

/** A stamp alone on its line times the untimed line after it. */
function attachLoneStamps(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const next = items[k + 1];
    if (!it) continue;
    if (it.text === '' && it.stamp !== null && next && next.stamp === null) {
      out.push({ ...next, stamp: it.stamp, stampLine: it.stampLine, stampColumn: it.stampColumn });
      k++;
    } else {
      out.push(it);
    }
  }
  return out;
}

function checkOrder(items: readonly Item[], file: string): void {
  let previous: Item | undefined;
  for (const it of items) {
    if (it.stamp === null) continue;
    if (previous?.stamp != null && it.stamp < previous.stamp) {
      throw new TranscriptParseError(
        file,
        it.stampLine,
        it.stampColumn,
        `expected timestamps in order, but ${formatClock(it.stamp, '.')} comes after ${formatClock(previous.stamp, '.')} on line ${previous.stampLine}`,
      );
    }
    previous = it;
  }
}

/** Characters (code points) of the text, as `Array.from(text).length` counts them, without the array. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) continue;
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

function estimate(text: string): number {
  return Math.max(MIN_SECONDS, codePoints(text) * SECONDS_PER_CHAR);
}

/**
 * Times for every item: anchors from stamps, the lines between them interpolated. Written over
 * index ranges into one array (a three-hour file has 10,000 anchors: a slice and a spread each
 * were most of the parse's garbage).
 */
function timeItems(items: readonly Item[]): Segment[] {
  const anchors: number[] = [];
  for (let k = 0; k < items.length; k++) if (items[k]?.stamp !== null) anchors.push(k);
  const first = anchors[0] ?? 0;
  const segments: Segment[] = [];
  share(segments, items, 0, first, 0, items[first]?.stamp ?? 0);
  for (let a = 0; a < anchors.length; a++) {
    const k = anchors[a] as number;
    const next = anchors[a + 1];
    const from = items[k]?.stamp ?? 0;
    const nextStamp = next === undefined ? undefined : items[next]?.stamp;
    if (nextStamp == null) oneAfterAnother(segments, items, k, items.length, from);
    else share(segments, items, k, next ?? items.length, from, nextStamp);
  }
  return segments;
}

const weightOf = (it: Item): number => (it.text ? Math.max(1, codePoints(it.text)) : 0);

/** The lines lo..hi-1 split [from, to] in proportion to their length, appended to `out`. */
function share(out: Segment[], items: readonly Item[], lo: number, hi: number, from: number, to: number): void {
  let sum = 0;
  for (let j = lo; j < hi; j++) sum += weightOf(items[j] as Item);
  const total = sum || 1;
  let done = 0;
  for (let j = lo; j < hi; j++) {
    const it = items[j] as Item;
    const start = from + ((to - from) * done) / total;
    done += weightOf(it);
    const end = from + ((to - from) * done) / total;
    out.push({ start: roundMs(start), end: roundMs(end), text: it.text, line: it.line });
  }
}

function oneAfterAnother(out: Segment[], items: readonly Item[], lo: number, hi: number, from: number): void {
  let t = from;
  for (let j = lo; j < hi; j++) {
    const it = items[j] as Item;
    const start = t;
    t += estimate(it.text);
    out.push({ start: roundMs(start), end: roundMs(t), text: it.text, line: it.line });
  }
}
