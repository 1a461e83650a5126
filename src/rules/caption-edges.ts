/**
 * Where a caption unit begins and ends: the `{start: true}` and `{end: true}` steps of a `seq`. A product
 * title, a selling point, a banner or a hashtag is often a claim only because its words stand alone (「28天亮白」,
 * 「#항산화」, 「免疫UP」); inside a sentence the same words may be anything. A unit is bounded by the start or end
 * of the text, a line break, punctuation, a hashtag mark, a bar or slash, a middle dot, a dash or tilde, a
 * bracket, or an emoji or other symbol (♥, ✨, ★: captions set items apart with them, and normalisation reads
 * them as a space); combining marks and joiners are passed over. In Chinese and Japanese a space is an edge as
 * well (captions list items with spaces); in Korean it is not (it separates words), and is passed over. The marks are read in
 * the text as written: normalisation drops the spaces between Chinese or Japanese characters. Pure.
 */
import type { NormalizedText } from '../text/normalize.js';
import type { Token } from '../text/tokenizer.js';

// A line break, sentence and clause punctuation (full and half width), # | / ・ · • ‧ - – — ~ 〜 …, and brackets and quotes.
const EDGE = /[\n\r。．.!?！？、，,；;：:#＃|｜/／・·•‧\-–—~〜…【】〔〕[\]()（）｛｝{}「」『』《》〈〉<>“”"‘’']/u;
// Emoji and other symbols (★ ♡ ✨ ✔ ♥): an edge as a space is in Chinese and Japanese.
const SYMBOL = /[\p{So}\p{Sk}]/u;
// Combining marks, variation selectors and joiners (inside an emoji): passed over.
const FILLER = /[\p{Mn}\u200d\ufe0e\ufe0f]/u;

/** Whether character `ch` closes off a caption unit on this side. */
function edgeChar(ch: string, spaceEdges: boolean): boolean | undefined {
  if (EDGE.test(ch) || SYMBOL.test(ch)) return true;
  if (/\s/u.test(ch)) return spaceEdges ? true : undefined;
  return FILLER.test(ch) ? undefined : false;
}

/** Whether a `{start: true}` / `{end: true}` step holds before token `p` (after token p - 1) of the analysed text. */
export function anchorHolds(norm: NormalizedText, tokens: readonly Token[], kind: 'start' | 'end', p: number, spaceEdges: boolean): boolean {
  return kind === 'start' ? unitStartsAt(norm, tokens[p]?.start ?? norm.text.length, spaceEdges) : unitEndsAt(norm, p > 0 ? (tokens[p - 1] as Token).end : 0, spaceEdges);
}

/** Whether a caption unit begins at offset `at` of the normalised text (read in the text as written). */
export function unitStartsAt(norm: NormalizedText, at: number, spaceEdges: boolean): boolean {
  return unitStartsIn(norm.original, at < norm.text.length ? (norm.origStart[at] as number) : norm.original.length, spaceEdges);
}

/** Whether a caption unit ends at offset `at` of the normalised text (read in the text as written). */
export function unitEndsAt(norm: NormalizedText, at: number, spaceEdges: boolean): boolean {
  return unitEndsIn(norm.original, at > 0 ? (norm.origEnd[at - 1] as number) : 0, spaceEdges);
}

/** Whether a caption unit begins at character offset `at` of `text`: only filler between it and an edge before. */
export function unitStartsIn(text: string, at: number, spaceEdges: boolean): boolean {
  // Backwards a code point at a time (an emoji is two code units), without copying the text before.
  for (let i = at; i > 0; ) {
    const low = text.charCodeAt(i - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && i > 1 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
    i -= width;
    const edge = edgeChar(text.slice(i, i + width), spaceEdges);
    if (edge !== undefined) return edge;
  }
  return true;
}

/** Whether a caption unit ends at character offset `at` of `text`: only filler between it and an edge after. */
export function unitEndsIn(text: string, at: number, spaceEdges: boolean): boolean {
  for (const ch of text.slice(at)) {
    const edge = edgeChar(ch, spaceEdges);
    if (edge !== undefined) return edge;
  }
  return true;
}
