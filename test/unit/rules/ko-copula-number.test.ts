/**
 * Korean forms ko-dic cuts in ways a rule cannot follow. A numeral before the copula or subject particle 이 (오백이에요:
 * ko-dic 오/백/이/에요) is the number alone, not
 * a number ending in the digit 2 (502) that takes the copula with it; 십이 (12) stays 12. A rule word 수록 finds the
 * ending -ㄹ수록 in each of its shapes (바를|수록, 먹|을수록, 쓸수록).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { isKoreanEndingWord } from '../../../src/rules/ko-endings.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

/** What one rule per sequence reports on `text`. */
function found(seqs: string[], text: string): string[] {
  return prohibitedTexts(compileSource(seqRulesSource('ko', seqs), ko), text, ko);
}

describe('a Korean numeral before the copula 이', () => {
  it('오백이에요 is 500 and the copula: a number then 이에요 is found', () => {
    expect(found(['[{number: true}, 이에요]'], '가격이 오백이에요')).toEqual(['오백이에요']);
    expect(found(['[{number: true}, 이에요]'], '삼천이에요')).toEqual(['삼천이에요']);
  });

  it('오백이 넘어요 is over 500, not 502; 십이 개월 and 이백이십이 원 keep their last 이', () => {
    expect(found(['[{number: true, min: 500, max: 500}, 이, 넘]'], '오백이 넘어요')).toEqual(['오백이 넘']);
    expect(found(['[{number: [개월], min: 12, max: 12}]'], '십이 개월')).toEqual(['십이 개월']);
    expect(found(['[{number: [원], min: 222, max: 222}]'], '이백이십이 원')).toEqual(['이백이십이 원']);
  });
});

describe('the Korean ending -ㄹ수록 in its three ko-dic shapes', () => {
  it('a rule word 수록 finds 바를|수록, 먹|을수록 and 쓸수록 (one word with its verb)', () => {
    const seq = ['[수록, {gap: 2}, 좋아요]'];
    expect(found(seq, '바를수록 좋아요')).toEqual(['수록 좋아요']);
    expect(found(seq, '먹을수록 좋아요')).toEqual(['을수록 좋아요']);
    expect(found(seq, '쓰면 쓸수록 피부가 좋아요')).toEqual(['쓸수록 피부가 좋아요']);
  });

  it('only at the end of a connective ending, or a word with one (a noun that ends in 수록 is no ending)', () => {
    const token = (surface: string, pos: string) => ({ surface, pos, base: surface, start: 0, end: surface.length });
    expect(isKoreanEndingWord('쓸수록', token('쓸수록', 'VV+EC'), 1, 3)).toBe(true);
    expect(isKoreanEndingWord('을수록', token('을수록', 'EC'), 1, 3)).toBe(true);
    expect(isKoreanEndingWord('재수록', token('재수록', 'NNG'), 1, 3)).toBe(false);
    expect(isKoreanEndingWord('수록', token('수록', 'EC'), 0, 2)).toBe(false);
  });
});
