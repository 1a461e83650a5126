import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { contractedStem } from '../../../src/rules/ko-contracted.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

const source = (words: string[]): string => `id: kcontract
language: ko
rules:
  - id: kcontract/r
    kind: prohibit
    category: price
    severity: error
    message: { en: r, ko: r }
    reference: test
    match:
      - id: m
        words: [${words.join(', ')}]
    examples: { bad: [x], good: [y] }
`;
const found = (words: string[], line: string): string[] => prohibitedTexts(compileSource(source(words), ko), line, ko);

describe('contractedStem: a stem whose last vowel contracts with 아/어', () => {
  it.each([
    ['나오', '나와'],
    ['보', '봐'],
    ['주', '줘'],
    ['두', '둬'],
    ['하', '해'],
    ['되', '돼'],
    ['오', '와'],
    ['배우', '배워'],
  ])('%s → %s', (stem, form) => {
    expect(contractedStem(stem)).toBe(form);
  });
  it.each(['가', '먹', '지', '쓰', '나', ''])('"%s" has none', (stem) => {
    expect(contractedStem(stem)).toBeUndefined();
  });
});

// Round 40's writers: 본전도 안 나오 did not find 본전도 안 나와요, 못 봐 did not find 못 봐요.
describe('a Korean stem written as a word finds its contracted spoken forms', () => {
  it.each([
    [['본전도 안 나오'], '이 가격이면 본전도 안 나와요', '본전도 안 나와요'],
    [['본전도 안 나오'], '본전도 안 나오는 가격', '본전도 안 나오'],
    [['못 봐'], '어디서도 못 봐요', '못 봐요'],
    [['못 봐'], '이 가격 못 봐', '못 봐'],
    [['변을 못 보'], '며칠째 변을 못 봐서', '변을 못 봐서'],
    [['효과 보'], '저도 효과 봐요', '효과 봐요'],
    [['원가도 안 되'], '원가도 안 돼요', '원가도 안 돼요'],
    [['만족 못 하'], '만족 못 해요', '만족 못 해요'],
  ])('%j finds "%s"', (words, line, span) => {
    expect(found(words, line)).toEqual([span]);
  });
  it.each([
    [['못 봐'], '어디서도 못 봤어요'],
    [['본전도 안 나오'], '본전도 안 나올 거예요'],
    [['본전도 안 나오'], '본전도 안 나왔어요'],
    [['치료되'], '다들 치료됐다고 올려요'],
    [['안 나와'], '안 나오는 가격'],
  ])('%j stays off "%s" (not that contraction)', (words, line) => {
    expect(found(words, line)).toEqual([]);
  });
});

// A cue is a word like any other: written as a stem, it finds the contraction too.
describe('a Korean cue written as a stem finds its contracted spoken form', () => {
  const withCue = `id: kcue
language: ko
rules:
  - id: kcue/r
    kind: prohibit
    category: efficacy
    severity: error
    message: { en: r, ko: r }
    reference: test
    match:
      - id: m
        words: [완치]
    unless: { after: [장담 못 하, 보장 안 되], window: 8 }
    examples: { bad: [x], good: [y] }
`;
  it.each(['완치는 장담 못 해요', '완치는 보장 안 돼요', '완치는 장담 못 하고요'])('"%s" is excused', (line) => {
    expect(prohibitedTexts(compileSource(withCue, ko), line, ko)).toEqual([]);
  });
  it('the claim without the cue is still found', () => {
    expect(prohibitedTexts(compileSource(withCue, ko), '완치돼요 진짜로', ko)).toHaveLength(1);
  });
});
