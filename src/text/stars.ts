/**
 * Star symbols read as a rating. Decoration is read as a space (normalize.ts), but a star beside a
 * score (★5, 5★, ⭐4.5) or a row of five stars (★★★★★, ★★★★☆) is a rating, and a rule on a paid
 * five-star review needs to see it: 「★5つけてくれた方にクーポン」 must reach the rules as
 * 星5つけてくれた方に…, not as a bare 5. Pure.
 */
import type { Language } from '../transcript/model.js';

/** Filled stars (★ ⭐ 🌟) and the empty one (☆), as NFKC leaves them. */
const FILLED = /^[\u2605\u2b50\u{1f31f}]$/u;
const EMPTY = '\u2606';

/** Is this code point (as a string) a star symbol? */
export function isStar(ch: string): boolean {
  return ch === EMPTY || FILLED.test(ch);
}

/** The word for a star: 星 (ja, zh), 별 (ko). */
const STAR_WORD: Record<Language, string> = { ja: '星', zh: '星', ko: '별' };

/** Digits up to 5 written in Han (★五つ): the numbers pass rewrites them later. */
const SCORE_AFTER = /^ ?([0-5](?:\.[0-9])?|[一二三四五])(?![0-9.])/u;
const SCORE_BEFORE = /(?<![0-9.+\-/:~x×])[0-5](?:\.[0-9])? ?$/u;
/**
 * A unit after the figure makes it a date, a price or a count, not a score (★5月限定, ★3個セット,
 * ★2割引, ★1位, ★1+1★, ★5/10): the star is a bullet there.
 */
const NOT_A_SCORE_UNIT = /^[月日時分秒年円個本枚%名人回件割倍位万千百代歳才cgkmx원월일시명년회위배+\-/:~×〜]/u;

const ZH_DIGITS = ['〇', '一', '二', '三', '四', '五'];

/** A row of exactly five stars, filled ones first (★★★★★, ★★★☆☆): the number filled, else undefined. */
function rowScore(stars: readonly string[]): number | undefined {
  if (stars.length !== 5) return undefined;
  let filled = 0;
  while (filled < 5 && FILLED.test(stars[filled] as string)) filled++;
  if (filled === 0) return undefined;
  for (let k = filled; k < 5; k++) if (stars[k] !== EMPTY) return undefined;
  return filled;
}

/** A row of five read in the language's words for a rating: 星4, 四星, 별 4개. */
function rowReading(score: number, language: Language): string {
  if (language === 'zh') return `${ZH_DIGITS[score] ?? score}星`;
  if (language === 'ko') return ` 별 ${score}개 `;
  return `星${score}`;
}

/**
 * How the run of star symbols `stars` (code points) between `before` and `after` (the text on either
 * side) reads: the language's word for a star beside a score, a counted rating for a row of five,
 * or undefined (decoration: read as a space).
 */
export function starReading(stars: readonly string[], before: string, after: string, language: Language): string | undefined {
  const word = STAR_WORD[language];
  const next = SCORE_AFTER.exec(after);
  if (next && !NOT_A_SCORE_UNIT.test(after.slice(next[0].length))) return language === 'ko' ? ` ${word} ` : word;
  if (SCORE_BEFORE.test(before) && !/^ ?[0-9]/u.test(after)) return language === 'ko' ? ` ${word} ` : word;
  const score = rowScore(stars);
  return score === undefined ? undefined : rowReading(score, language);
}
