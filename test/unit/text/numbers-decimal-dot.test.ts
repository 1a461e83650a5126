/**
 * A decimal point written as a middle dot (一・五キロ, 1・5キロ, 二・五kg) or said as 点 (一点五斤) before a unit of
 * measure is one number, 1.5, as 1.5キロ is; a middle dot that lists (一・二年生, 1・2・3キロ) and a 点 that tells the
 * time (三点五十分) or says "a little" (一点点) are left as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/text/normalize.js';
import { findNumbers, numberBounds } from '../../../src/text/numbers.js';

/** Each number findNumbers finds in the normalised `text`, with its bounds. */
function read(text: string, language: 'ja' | 'zh' = 'ja'): [string, { lo: number; hi: number } | undefined][] {
  const n = normalize(text, language).text;
  return findNumbers(n, language).map((x) => [n.slice(x.start, x.end), numberBounds(n.slice(x.start, x.end))]);
}

const KANJI = '〇一二三四五六七八九';
const kanjiDigits = (n: number): string => [...String(n)].map((d) => KANJI[Number(d)]).join('');
const kanjiNumber = (n: number): string => {
  if (n === 0) return '〇';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${KANJI[tens]}十`}${ones === 0 ? '' : KANJI[ones]}`;
};

describe('a decimal point written as a middle dot or said as 点', () => {
  it('一・五キロ, 1・5キロ, 1･5キロ, 二・五kg, 三十六・五度, 1・5パーセント, 一点五斤 and 百分之九十九点九 are 1.5, 2.5, 36.5, 99.9', () => {
    expect(read('一・五キロ痩せた')).toEqual([['1.5', { lo: 1.5, hi: 1.5 }]]);
    expect(read('1・5キロ痩せた')).toEqual([['1.5', { lo: 1.5, hi: 1.5 }]]);
    expect(read('1･5キロ痩せた')).toEqual([['1.5', { lo: 1.5, hi: 1.5 }]]);
    expect(read('二・五kg減')).toEqual([['2.5', { lo: 2.5, hi: 2.5 }]]);
    expect(read('三十六・五度')).toEqual([['36.5', { lo: 36.5, hi: 36.5 }]]);
    expect(read('1・5パーセント')).toEqual([['1.5', { lo: 1.5, hi: 1.5 }]]);
    expect(read('瘦了一点五斤', 'zh')).toEqual([['1.5', { lo: 1.5, hi: 1.5 }]]);
    expect(read('三点五公斤', 'zh')).toEqual([['3.5', { lo: 3.5, hi: 3.5 }]]);
    expect(read('除菌率百分之九十九点九', 'zh')).toEqual([['99.9', { lo: 99.9, hi: 99.9 }]]);
  });

  it('a list (一・二年生, 1・2・3キロ), a time (三点五十分) and "a little" (一点点) are not decimals', () => {
    expect(read('一・二年生').map(([s]) => s)).toEqual(['一', '二']);
    expect(read('1・2・3キロ').map(([s]) => s)).toEqual(['1', '2', '3']);
    expect(read('三点五十分', 'zh').map(([s]) => s)).toEqual(['三', '五十']);
    expect(read('就一点点', 'zh').map(([s]) => s)).toEqual(['一']);
  });

  it('property: a whole part and a fraction written with a middle dot (digits or kanji) before a unit read as whole.fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('・', '･', '·'),
        fc.boolean(),
        fc.constantFrom('キロ', 'kg', 'センチ', '倍'),
        (whole, fraction, dot, kanji, unit) => {
          const written = kanji ? `${kanjiNumber(whole)}${dot}${kanjiDigits(fraction)}` : `${whole}${dot}${fraction}`;
          const value = Number(`${whole}.${fraction}`);
          expect(read(`${written}${unit}`)).toEqual([[`${whole}.${fraction}`, { lo: value, hi: value }]]);
        },
      ),
    );
  });

  it('property: numbers listed with middle dots before a word that is no unit of measure, or three or more in a row, stay apart', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 5 }), fc.constantFrom('年生', '位', '番', 'キロ'), fc.boolean(), (ns, after, kanji) => {
        fc.pre(after !== 'キロ' || ns.length >= 3);
        const parts = ns.map((n) => (kanji ? kanjiNumber(n) : String(n)));
        expect(read(`${parts.join('・')}${after}`).map(([s]) => s)).toEqual(parts);
      }),
    );
  });
});
