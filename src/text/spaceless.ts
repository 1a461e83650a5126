/**
 * Korean written without spaces (captions, hashtags, on-screen text read by OCR): the runs of a
 * text that a rule's words written with spaces (다는 광고, 라이브 끝나면) should match without them
 * (다는광고, 라이브끝나면). Pure.
 */

import { KO_NATIVE_NUMERAL } from './numbers.js';
import type { Token } from './tokenizer.js';

/**
 * Hangul syllables from which a run without spaces counts as written without spaces: a word written
 * with spaces has at most 9 (in all but one of the 50,000 words of the Korean corpus), so text
 * written with spaces never has such a run.
 */
export const SPACELESS_SYLLABLES = 10;

export interface Run {
  start: number;
  end: number;
}

function syllables(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) n++;
  }
  return n;
}

/**
 * The runs of `text` between whitespace that are written without spaces: those of at least
 * SPACELESS_SYLLABLES Hangul syllables, and hashtags (#당뇨에좋은차: a # and two syllables or more).
 */
export function spacelessRuns(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const n = syllables(m[0]);
    if (n >= SPACELESS_SYLLABLES || (n >= 2 && m[0].startsWith('#'))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Counters a native numeral is said before (세 배, 두 달, 다섯 개, 한 포). */
const COUNTERS = '(?:배|개|번|달|시간|살|가지|명|포|병|알|봉|세트|칸|주|잔|통|박스|장|킬로|권|벌|마리|팩|회|곳|군데|바퀴|층|대|스푼|방울|캡슐)';
/**
 * A Sino-Korean digit said alone before 킬로 (오킬로, 삼킬로): written with spaces text/numbers.ts reads it only where no
 * word ends on it (무조건 오킬로); without spaces the word before is written against it (무조건오킬로, 한달만에오킬로).
 */
const SINO_KILO = '[일이삼사오육칠팔구](?=킬로)';
const GLUED = new RegExp(`${KO_NATIVE_NUMERAL}(?=${COUNTERS})|${SINO_KILO}`, 'gu');

/**
 * The native Korean numerals written right before their counter in runs written without spaces
 * (세배, 두달, 열배), and a Sino-Korean digit before 킬로 (무조건오킬로): written with spaces they stand
 * apart (세 배), and the numbers of text/numbers.ts are only those. Where the text's tokens start one
 * (세/MM 배, 열배/NNG, 오킬/NNP), it is a number.
 */
export function gluedNativeNumbers(text: string, runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    for (const m of text.slice(run.start, run.end).matchAll(GLUED)) out.push({ start: run.start + m.index, end: run.start + m.index + m[0].length });
  }
  return out;
}

/** Tags of a token that is part of the word before it (particles, endings, suffixes, the copula, punctuation). */
const INSIDE_WORD = /^(?:J|E|XS|VCP|S[FCPE])/u;

/**
 * The length of [from, to) as it would be written with spaces: one more for each token inside a
 * run written without spaces that starts a word (a noun, a verb, an adverb; not a particle, an
 * ending, a suffix or the copula, which are written on to the word before). A cue's window counts
 * characters, and spaces are a fifth of them: without spaces a cue 10 characters away reached words
 * it does not reach written with spaces.
 */
export function spacedLength(tokens: readonly Token[], runs: readonly Run[], from: number, to: number): number {
  let n = to - from;
  if (runs.length === 0 || n <= 0) return n;
  for (const t of tokens) {
    if (t.start <= from) continue;
    if (t.start >= to) break;
    if (!INSIDE_WORD.test(t.pos) && runs.some((r) => r.start < t.start && t.start < r.end)) n++;
  }
  return n;
}
