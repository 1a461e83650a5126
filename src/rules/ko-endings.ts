/**
 * Korean: the connective ending -ㄹ수록 ("the more …") comes out of ko-dic in three shapes: one word with its verb
 * (쓸수록/VV+EC), the verb's form then a noun (바를/VV+ETM 수록/NNG), or the stem then the ending (먹/VV 을수록/EC).
 * A rule word 수록 is found in each, at the end of a word of the first and the last shape, standing for the whole
 * word. Pure.
 */
import type { Token } from '../text/tokenizer.js';

/** The ending a rule word names at the end of a ko-dic word that ends a clause with it (쓸수록, 을수록). */
const ENDING = '수록';

/** Whether the word [start, end) of the text is the 수록 ending token `t` (a connective ending, EC, or a form with one) with more before it. */
export function isKoreanEndingWord(text: string, t: Token, start: number, end: number): boolean {
  return end === t.end && start > t.start && text.slice(start, end) === ENDING && /(?:^|\+)EC$/u.test(t.pos);
}
