/**
 * Chinese "N-odd" numbers: a round number with 多 after it (三十多种, 十多斤, 一百多块, 30多种) is read as the range
 * it says, from the number to just below its last place's next step (三十多 30 to 39); jieba keeps 三十多种 one word,
 * where only 三十 was read and the 多 stood between it and its unit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, numberBounds } from '../../../src/text/numbers.js';

/** Each number findNumbers finds in Chinese `text`, with its bounds. */
function read(text: string): [string, { lo: number; hi: number } | undefined][] {
  return findNumbers(text, 'zh').map((n) => [text.slice(n.start, n.end), numberBounds(text.slice(n.start, n.end))]);
}

const DIGIT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** A number below 10,000 said in Chinese numerals (十 alone for 10, 三十, 一百二十, 两千). */
function said(n: number): string {
  const th = Math.floor(n / 1000);
  const h = Math.floor(n / 100) % 10;
  const t = Math.floor(n / 10) % 10;
  const o = n % 10;
  let s = th ? `${th === 2 ? '两' : DIGIT[th]}千` : '';
  if (h) s += `${DIGIT[h]}百`;
  else if (s && (t || o)) s += '零';
  if (t) s += n < 20 ? '十' : `${DIGIT[t]}十`;
  else if (h && o) s += '零';
  return s + (DIGIT[o] ?? '');
}

describe('Chinese N-odd numbers (三十多种, 十多斤)', () => {
  it('三十多种, 十多斤, 一百多种, 两千多人, 30多种 and 100多斤 are read by both ends', () => {
    expect(read('有三十多种')).toEqual([['三十多', { lo: 30, hi: 39 }]]);
    expect(read('瘦了十多斤')).toEqual([['十多', { lo: 10, hi: 19 }]]);
    expect(read('一百多种')).toEqual([['一百多', { lo: 100, hi: 199 }]]);
    expect(read('一百二十多种')).toEqual([['一百二十多', { lo: 120, hi: 129 }]]);
    expect(read('两千多人')).toEqual([['两千多', { lo: 2000, hi: 2999 }]]);
    expect(read('30多种')).toEqual([['30多', { lo: 30, hi: 39 }]]);
    expect(read('100多斤')).toEqual([['100多', { lo: 100, hi: 199 }]]);
    // 来 after 百 as after 十 (十来天): about a hundred.
    expect(read('一百来斤')).toEqual([['一百来', { lo: 100, hi: 190 }]]);
  });

  it('not 3万多 (its 万 a unit the number carries), 35多, 多少 (how many) nor a bare 多', () => {
    expect(read('月入3万多').map(([s]) => s)).toEqual(['3万']);
    expect(read('35多').map(([s]) => s)).toEqual(['35']);
    expect(read('三十多少').map(([s]) => s)).toEqual(['三十']);
    expect(read('多种')).toEqual([]);
  });

  it('property: a round number said or written with 多 is that number to just below its next step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.constantFrom(10, 100, 1000), fc.boolean(), (k, step, digits) => {
        const n = step === 1000 ? (k % 9 + 1) * 1000 : step === 100 ? (k % 99 + 1) * 100 : k * 10;
        fc.pre(n < 10_000);
        const place = n % 1000 === 0 ? 1000 : n % 100 === 0 ? 100 : 10;
        const written = digits ? String(n) : said(n);
        const top = digits ? n + 10 ** (String(n).length - String(n).replace(/0+$/u, '').length) - 1 : n + place - 1;
        expect(read(`有${written}多种`)).toEqual([[`${written}多`, { lo: n, hi: top }]]);
      }),
    );
  });
});
