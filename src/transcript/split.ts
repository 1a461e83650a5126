/**
 * Long segments cut into pieces before checking, so every later stage (normalising, tokenizing,
 * matching) works on bounded pieces and the whole audit is linear in the length of a line: a
 * 1 MB line of a plain-text transcript is a few thousand pieces, not one string that the
 * grapheme segmenter and tokenizers take minutes over. Pure.
 *
 * A piece ends at a sentence end (。！？!?. or a line break) when there is one in the last part
 * of the window, else after a comma or space, else at the window's edge (never inside a surrogate
 * pair). Each piece's text is a slice of the original, so quotes stay true to the source; it keeps
 * the segment's line, its times are interpolated by position (as findings inside a segment are),
 * and word timestamps go with the piece they fall in.
 */
import type { Segment, Transcript, Word } from './model.js';
import { roundMs } from './text.js';

/** Pieces are at most this many UTF-16 units; real subtitle cues and transcript lines are far shorter. */
export const MAX_PIECE = 1000;

const SENTENCE_END = /[。！？!?．.\n\r]/;
const SOFT_BREAK = /[、，,；;：:\s]/;

function cutAt(text: string, from: number, max: number): number {
  const hard = from + max;
  if (hard >= text.length) return text.length;
  const floor = from + Math.floor(max / 2);
  for (const re of [SENTENCE_END, SOFT_BREAK]) {
    for (let i = hard; i > floor; i--) if (re.test(text[i - 1] as string)) return i;
  }
  const c = text.charCodeAt(hard - 1);
  return c >= 0xd800 && c <= 0xdbff ? hard - 1 : hard;
}

/** The [start, end) offsets of the pieces of a text. */
export function pieces(text: string, max = MAX_PIECE): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < text.length; ) {
    const to = cutAt(text, from, max);
    out.push([from, to]);
    from = to;
  }
  return out;
}

function splitSegment(seg: Segment, max: number): Segment[] {
  const spans = pieces(seg.text, max);
  const len = seg.text.length;
  const at = (o: number) => (seg.start === null || seg.end === null ? null : roundMs(seg.start + ((seg.end - seg.start) * o) / len));
  // Each word goes with the piece its text starts in (found in order, as the locator finds them).
  const wordsOf: Word[][] = spans.map(() => []);
  let cursor = 0;
  let p = 0;
  for (const w of seg.words ?? []) {
    const t = w.text.trim();
    const found = t ? seg.text.indexOf(t, cursor) : -1;
    if (found < 0) continue;
    cursor = found + t.length;
    while (p < spans.length - 1 && found >= (spans[p] as [number, number])[1]) p++;
    wordsOf[p]?.push(w);
  }
  return spans.map(([from, to], i) => {
    const piece: Segment = { start: at(from), end: at(to), text: seg.text.slice(from, to) };
    if (seg.line !== undefined) piece.line = seg.line;
    if (seg.words) piece.words = wordsOf[i] ?? [];
    return piece;
  });
}

/** The transcript with every segment longer than `max` cut into pieces (the same object when none is). */
export function splitLongSegments(t: Transcript, max = MAX_PIECE): Transcript {
  if (!t.segments.some((s) => s.text.length > max)) return t;
  return { ...t, segments: t.segments.flatMap((s) => (s.text.length > max ? splitSegment(s, max) : [s])) };
}
