/**
 * Chinese words written with quotation marks around a short part of them: 降“三高”, 降「三高」 (a caption marks the
 * disease, the host says 降三高). The rules' words are searched once more in the text with those marks taken out, and
 * a word found across a mark stands at its place in the text as written, marks and all: the text itself keeps its
 * marks, so a quotation cue (不能说“降三高”) still sees them. Likewise, in every language, the words and cues said across
 * a filler (わけでは、えー、ありません). Pure.
 */
import type { HitBuffer } from './automaton.js';
import type { Token } from '../text/tokenizer.js';
import type { Lattice } from './lattice.js';

/** The most characters a pair of marks may wrap and still be read as part of a word. */
export const MAX_QUOTED = 4;
const INNER = `[^\\s“”「」『』‘’"，。！？、；：,.!?;:]{1,${MAX_QUOTED}}`;
const SHORT_QUOTE = new RegExp(`“${INNER}”|「${INNER}」|『${INNER}』|‘${INNER}’|"${INNER}"`, 'gu');

/** The text without the marks of its short quotations, and for each of its characters the index it has in `text`. */
export interface Unmarked {
  text: string;
  at: Int32Array;
}

/** `text` with the paired marks around each short quotation (at most MAX_QUOTED characters) taken out, or undefined when it has none. */
export function withoutShortQuoteMarks(text: string): Unmarked | undefined {
  const marks: [number, number][] = [];
  SHORT_QUOTE.lastIndex = 0;
  for (let m = SHORT_QUOTE.exec(text); m !== null; m = SHORT_QUOTE.exec(text)) {
    const close = m.index + m[0].length - 1;
    marks.push([m.index, m.index + 1], [close, close + 1]);
  }
  return withoutRanges(text, marks);
}

/**
 * `text` without the given [start, end) ranges (in order, not overlapping) — the fillers a host said inside a phrase,
 * with the comma one of them brought (text/fillers.ts: 治るわけでは、えー、ありません reads わけでは、ありません) — or
 * undefined when there are none.
 */
export function withoutRanges(text: string, ranges: readonly (readonly [number, number])[] | undefined): Unmarked | undefined {
  if (!ranges?.length) return undefined;
  const kept = text.length - ranges.reduce((n, [a, b]) => n + (b - a), 0);
  const at = new Int32Array(kept);
  let out = '';
  let k = 0;
  let from = 0;
  for (const [a, b] of [...ranges, [text.length, text.length] as const]) {
    for (let i = from; i < a; i++) at[k++] = i;
    out += text.slice(from, a);
    from = b;
  }
  return { text: out, at };
}

/**
 * Keeps, of the `found` hits in `hits` (on the unmarked text), the words that run across a mark taken out, moved to
 * their places in the text as written, at the front of the buffer; returns how many. Stems (negative values) are left
 * out: a word read across marks is taken as written.
 */
export function keepAcrossMarks(hits: HitBuffer, found: number, u: Unmarked): number {
  let n = 0;
  for (let k = 0; k < found; k++) {
    const value = hits.value[k] as number;
    const s = hits.start[k] as number;
    const e = hits.end[k] as number;
    if (value < 0 || e - s < 2) continue;
    const start = u.at[s] as number;
    const end = (u.at[e - 1] as number) + 1;
    if (end - start === e - s) continue;
    hits.start[n] = start;
    hits.end[n] = end;
    hits.value[n++] = value;
  }
  return n;
}

/**
 * The quiet ranges and the breath commas (the tokens `breathCommas` found: a Japanese or Korean pause comma after a
 * particle or a connective), in order, none overlapping; the quiet ranges themselves where there is no breath.
 */
export function withBreaths(L: Lattice, breathTokens: readonly number[]): readonly (readonly [number, number])[] | undefined {
  const { tokens, quiet } = L.a;
  const breaths = breathTokens.map((i): [number, number] => [(tokens[i] as Token).start, (tokens[i] as Token).end]);
  if (breaths.length === 0) return quiet;
  const all = [...(quiet ?? []), ...breaths].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
