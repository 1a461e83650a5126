/**
 * Japanese: a one-kanji cue written as the stem of a verb or an adjective (飲, 治, 走) stands for that word in any
 * of its forms (飲んだ, 治って, 走れば). Matched on word boundaries alone, as one-character cues are (一 is not in 一般),
 * it met no token: the token is the inflected word (飲ん, base 飲む), whose boundary falls after the kana. Pure.
 */
import type { CharSpan, Lattice } from './lattice.js';

const INFLECTING = /^(?:動詞|形容詞)/u;

/** Whether the one-character cue at `c` begins a Japanese verb or adjective written with that kanji as its stem. */
export function stemOfInflected(L: Lattice, c: CharSpan): boolean {
  if (c.end - c.start !== 1 || L.chinese || L.lexicon.spokenForms === true) return false;
  const t = L.tokenStartingAt[c.start] ?? -1;
  const token = t < 0 ? undefined : L.a.tokens[t];
  const stem = L.a.norm.text[c.start] ?? '';
  return token !== undefined && token.end > c.end && INFLECTING.test(token.pos) && token.surface.startsWith(stem) && token.base.startsWith(stem) && /\p{sc=Han}/u.test(stem);
}
