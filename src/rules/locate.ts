/**
 * Seconds for a character offset in a segment: word timestamps when the transcript has them,
 * otherwise interpolated across the segment by character position. Pure.
 */
import type { Segment } from '../transcript/model.js';

export interface Locator {
  /** Seconds at the original-text offset `offset` (start side), or null when untimed. */
  startAt(offset: number): number | null;
  /** Seconds at the end of a span ending at `offset`. */
  endAt(offset: number): number | null;
}

interface WordSpan {
  from: number;
  to: number;
  start: number;
  end: number;
}

function wordSpans(seg: Segment): WordSpan[] {
  const spans: WordSpan[] = [];
  let cursor = 0;
  for (const w of seg.words ?? []) {
    const t = w.text.trim();
    if (!t) continue;
    const at = seg.text.indexOf(t, cursor);
    if (at < 0) continue;
    spans.push({ from: at, to: at + t.length, start: w.start, end: w.end });
    cursor = at + t.length;
  }
  return spans;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function locator(seg: Segment): Locator {
  const { start, end } = seg;
  if (start === null || end === null) return { startAt: () => null, endAt: () => null };
  const len = Math.max(seg.text.length, 1);
  const interp = (o: number) => round(start + ((end - start) * Math.min(Math.max(o, 0), len)) / len);
  const spans = wordSpans(seg);
  if (spans.length === 0) return { startAt: interp, endAt: interp };
  return {
    startAt(o) {
      const w = spans.find((s) => o < s.to);
      return w ? round(o <= w.from ? w.start : w.start + ((w.end - w.start) * (o - w.from)) / (w.to - w.from)) : interp(o);
    },
    endAt(o) {
      const w = [...spans].reverse().find((s) => o > s.from);
      return w ? round(o >= w.to ? w.end : w.start + ((w.end - w.start) * (o - w.from)) / (w.to - w.from)) : interp(o);
    },
  };
}
