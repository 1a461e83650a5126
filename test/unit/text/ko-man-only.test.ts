/**
 * 만 written right after a word: the particle "only" (하나만, 오늘만) or 10,000 (단돈만원). The text reader (findNumbers)
 * and the token reader (koreanNumeralSpans) ask the same question (koManAfterWordIsOnly).
 */
import { describe, expect, it } from 'vitest';
import { findNumbers, koManAfterWordIsOnly } from '../../../src/text/numbers.js';

const numbersIn = (text: string): string[] => findNumbers(text, 'ko').map((n) => text.slice(n.start, n.end));

describe('koManAfterWordIsOnly', () => {
  it('is "only" after a word ending in Hangul, and agrees with what findNumbers reads', () => {
    for (const word of ['하나', '오늘', '이것', '몇']) expect(koManAfterWordIsOnly(word), word).toBe(true);
    for (const word of ['단돈', '딱', '3', '']) expect(koManAfterWordIsOnly(word), word).toBe(false);
    expect(numbersIn('오늘만 원 플러스 원')).toEqual([]);
    expect(numbersIn('단돈만원')).toEqual(['만']);
  });
});
