/**
 * Where a `gap` step may end. A gap skips 0 to `max` tokens, never across a stop of its scope; a `spaced` gap counts
 * the words a Korean writer sees between spaces (어절) instead of the analyser's tokens, so `{gap: 3, spaced: true}`
 * is "up to three words" however many morphemes ko-dic cut them into (입병이 | 이틀 | 만에 | 싹 is four words and six
 * tokens). Where no space separates words — Chinese, Japanese, Korean run together in a caption or hashtag — every
 * token counts, as in any gap. A reduplication cut into pieces (蹭|蹭|蹭) counts once. Pure.
 */
import type { Token } from '../text/tokenizer.js';
import type { Step } from './compile.js';
import type { Lattice } from './lattice.js';
import { isPauseComma } from '../text/tokenizer.js';
import { breathComma } from './pauses.js';
import { GAP_STOP, LINE_BREAK, SENTENCES_CROSSED, stopIn, stopTable } from './stops.js';

/** Whether token `t` begins a word a `spaced` gap counts: after a space (or at the start) in spaced Korean, always elsewhere. */
function countsAsWord(L: Lattice, t: Token): boolean {
  if (L.spaceEdges || t.start === 0) return true;
  if (/\s/u.test(L.a.norm.text[t.start - 1] as string)) return true;
  return L.spaceless.some((r) => r.start <= t.start && t.start < r.end);
}

/** The one character a token repeats (蹭, 唰唰), or undefined when it holds two different ones. */
function repeatedChar(t: Token | undefined): string | undefined {
  const chars = t ? [...t.surface] : [];
  const c = chars[0];
  return c !== undefined && chars.every((x) => x === c) ? c : undefined;
}

/**
 * Whether token `i` goes on a reduplication the token before began (蹭|蹭|蹭, 刷刷|刷, 唰|唰|唰: said for speed or
 * emphasis, cut into pieces by the tokenizer): a gap counts the run as one word.
 */
function continuesReduplication(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  // On a gap's every step: most tokens differ from the one before at their first character, so stop there.
  if (!t || !prev || t.surface[0] !== prev.surface[0]) return false;
  const c = repeatedChar(t);
  return c !== undefined && repeatedChar(prev) === c;
}

/**
 * Where a gap starting at token `p` may end: 0 to `max` words on, not across a stop of its scope. In
 * Japanese and Korean a clause gap crosses one pause comma that follows a particle or a connective
 * (がん細胞が、すっと消える), as a word step does; a comma the gap crosses is not one of its words
 * (免疫の力が、めっちゃ上がる fits the gap the line without the comma fits).
 */
export function gapEnds(L: Lattice, step: Extract<Step, { kind: 'gap' }>, p: number): number[] {
  const tokens = L.a.tokens;
  const stop = GAP_STOP[step.scope];
  const table = stopTable(L);
  let pauses = step.scope === 'clause' && !L.chinese ? 1 : 0;
  let sentences = SENTENCES_CROSSED[step.scope];
  // Tokens passed that the count does not take: a comma crossed, and (spaced) a token inside a word already counted.
  let free = 0;
  // Where the sentence end last crossed ends: a mark right after it is the same end (희귀병!! 이유만: one end, not two).
  let crossedTo = -1;
  const out: number[] = [];
  for (let k = 0; p + k <= tokens.length; k++) {
    const t = tokens[p + k - 1];
    // A token that is no word of its own (the rest of a word already counted, a piece of a reduplication) is free
    // before the count is checked: the gap that skips 삼 | 년 | 만에 skips three words, 에 included.
    const inWord = k > 0 && t !== undefined && ((step.spaced === true && !countsAsWord(L, t)) || (k > 1 && continuesReduplication(tokens, p + k - 1)));
    if (inWord) free++;
    const stopped = k > 0 && t !== undefined && stopIn(table, t.start, t.end, stop);
    const breath = stopped && pauses > 0 && breathComma(L, p + k - 1);
    // next-sentence: one sentence end crossed (never a line break), the stop no word of the gap's.
    const overEnd = stopped && !breath && !stopIn(table, t.start, t.end, LINE_BREAK);
    const sameEnd = overEnd && t.start === crossedTo;
    const crossing = overEnd && (sentences > 0 || sameEnd);
    if (crossing) free++;
    // One word past the count: only a breath right after the last word the gap may skip (絶対に、損は: a gap of one
    // skips に, then the comma after it, as it would cross the comma before に).
    if (k > step.max + free && !(t && breathComma(L, p + k - 1))) break;
    if (stopped) {
      if (breath) pauses--;
      else if (crossing) {
        if (!sameEnd) sentences--;
        crossedTo = t.end;
      } else break;
    }
    if (k > 0 && t && !inWord && isPauseComma(t)) free++;
    out.push(p + k);
  }
  return out;
}
