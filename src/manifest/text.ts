/**
 * Text helpers of the manifest checks: a compact form (NFKC, lower case, no whitespace) that
 * maps back to the original text, and the similarity that decides a "close paraphrase". Pure.
 */
import { graphemesOf } from '../text/normalize.js';
import { compact } from './model.js';

export interface Compact {
  text: string;
  /** For each UTF-16 index of `text`, the original span it came from. */
  from: number[];
  to: number[];
}

export function compactWithMap(original: string): Compact {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  // Windowed (graphemesOf): ICU's segmenter is superlinear on one long string.
  for (const g of graphemesOf(original)) {
    const n = compact(g.segment);
    text += n;
    for (let i = 0; i < n.length; i++) {
      from.push(g.index);
      to.push(g.index + g.segment.length);
    }
  }
  return { text, from, to };
}

/** The original span of compact indexes [start, end). */
export function originalRange(c: Compact, start: number, end: number): { start: number; end: number } {
  return { start: c.from[start] ?? 0, end: c.to[Math.max(start, end - 1)] ?? c.to[c.to.length - 1] ?? 0 };
}

/** Compact text without punctuation and symbols: the form claims are compared in. */
export function claimForm(s: string): string {
  return compact(s).replace(/[\p{P}\p{S}]/gu, '');
}

function grams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  const n = chars.length < 2 ? 1 : 2;
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice coefficient of the character-bigram multisets of two strings (0..1). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const ga = grams(a);
  const gb = grams(b);
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of ga.values()) na += v;
  for (const [g, v] of gb) {
    nb += v;
    both += Math.min(v, ga.get(g) ?? 0);
  }
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

/** The share of `words`' bigrams (characters, for one character) that occur in `claim` (0..1). */
export function containment(words: string, claim: string): number {
  const gw = grams(words);
  const gc = grams(claim);
  let n = 0;
  let inClaim = 0;
  for (const [g, v] of gw) {
    n += v;
    inClaim += Math.min(v, gc.get(g) ?? 0);
  }
  return n === 0 ? 0 : inClaim / n;
}

/** How close a paraphrase must be to a registered claim to be allowed. */
export const PARAPHRASE_THRESHOLD = 0.75;

/**
 * The best similarity of a registered claim to a stretch of `said` (both in claimForm) that
 * covers [at, at + len): windows from 3/4 to 5/4 of the claim's length. A claim said as
 * registered scores 1; a claim that goes beyond the registration scores low, because the words
 * beyond it are not in the claim.
 */
export function claimSimilarity(said: string, at: number, len: number, claim: string): number {
  const L = claim.length;
  if (L === 0 || said.length === 0) return 0;
  let best = 0;
  const minW = Math.max(len, Math.floor(L * 0.75));
  const maxW = Math.min(said.length, Math.ceil(L * 1.25));
  if (minW > maxW) return dice(said, claim) * (said.length >= len ? 1 : 0);
  for (let w = minW; w <= maxW; w++) {
    for (let s = Math.max(0, at + len - w); s <= Math.min(at, said.length - w); s++) {
      const d = dice(said.slice(s, s + w), claim);
      if (d > best) best = d;
    }
  }
  return best;
}
