/**
 * A range said with a comma between two small numbers (2、3キロ, 2,3キロ, 二、三キロ: two or three kilos) is one number
 * read by both ends, as 2〜3 is; a list (1、2、3) stays numbers apart and a thousands separator (2,300) one value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, numberBounds } from '../../../src/text/numbers.js';

/** Each number findNumbers finds in `text`, with its bounds. */
function read(text: string, language: 'ja' | 'zh' = 'ja'): [string, { lo: number; hi: number } | undefined][] {
  return findNumbers(text, language).map((n) => [text.slice(n.start, n.end), numberBounds(text.slice(n.start, n.end))]);
}

describe('a range said with a comma', () => {
  it('2、3キロ, 2,3キロ and 二、三キロ are 2 to 3, as 2〜3キロ (only the 3 was read, 2,3 as 23)', () => {
    for (const text of ['2、3キロ痩せた', '2,3キロ痩せた', '二、三キロ痩せた', '2〜3キロ痩せた']) {
      expect(read(text), text).toEqual([[text.slice(0, text.indexOf('キ')), { lo: 2, hi: 3 }]]);
    }
    expect(read('2、3斤', 'zh')).toEqual([['2、3', { lo: 2, hi: 3 }]]);
  });

  it('a list of three (1、2、3), a falling pair (3、2) and a thousands separator (2,300; 1,234,567) are not ranges', () => {
    expect(read('1、2、3キロ').map(([s]) => s)).toEqual(['1', '2', '3']);
    expect(read('3、2キロ').map(([s]) => s)).toEqual(['3', '2']);
    expect(read('2,300円')).toEqual([['2,300', { lo: 2300, hi: 2300 }]]);
    expect(read('1,234,567円')).toEqual([['1,234,567', { lo: 1234567, hi: 1234567 }]]);
  });

  it('property: a < b said as a、b or a,b is the range a–b; an amount written with thousands separators is its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom('、', ','), (a, d, comma) => {
        const b = Math.min(99, a + d);
        fc.pre(a < b);
        expect(read(`${a}${comma}${b}キロ`)).toEqual([[`${a}${comma}${b}`, { lo: a, hi: b }]]);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), (n) => {
        const written = n.toLocaleString('en-US');
        expect(read(`${written}円`)).toEqual([[written, { lo: n, hi: n }]]);
      }),
    );
  });

  it('property: a list of three or more numbers joined by commas stays one number each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 6 }), fc.constantFrom('、', ','), (ns, comma) => {
        expect(read(`${ns.join(comma)}キロ`).map(([s]) => s)).toEqual(ns.map(String));
      }),
    );
  });
});
