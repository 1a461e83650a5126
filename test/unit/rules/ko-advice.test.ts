/**
 * Round 39: an effect said as what a tip is for (키 크는 비결은 잠이랑 운동이에요), with no goods in the sentence, is
 * everyday advice: a rule whose law is about some goods (`products`) does not report it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { adviceWithoutGoods } from '../../../src/rules/ko-advice.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

const advice = (text: string, claim: string) => adviceWithoutGoods(ko.analyze(text).tokens, text.indexOf(claim) + claim.length);

describe('adviceWithoutGoods', () => {
  it.each([
    ['키 크는 비결은 잠이랑 운동이에요', '키 크는'],
    ['살 빠지는 방법은 꾸준한 운동이에요', '살 빠지는'],
    ['살 빠지는 방법은 꾸준한 운동이에요', '살 빠지'],
  ])('"%s" is advice', (text, claim) => {
    expect(advice(text, claim)).toBe(true);
  });
  it.each([
    ['키 크는 비결은 바로 이 젤리예요', '키 크는'],
    ['이거 먹으면 키 크는 비결이 따로 없어요', '키 크는'],
    ['키 크는 젤리는 잠이랑 같이 챙기세요', '키 크는'],
    ['키가 쑥쑥 커요', '키가 쑥쑥 커요'],
  ])('"%s" is not (goods named, or no tip)', (text, claim) => {
    expect(advice(text, claim)).toBe(false);
  });
});

describe('the built-in Korean rules', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ko')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it('leave everyday advice clean', async () => {
    expect(await said('키 크는 비결은 잠이랑 운동이에요')).toEqual([]);
  });
  it('still report the goods named as the tip', async () => {
    expect(await said('키 크는 비결은 바로 이 영양제예요')).not.toEqual([]);
  });
});
