/** Round 38: Korean cute and dialect endings (좋아용, 했어유, 좋아여, 맛있당) read as the standard ones. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import type { Ruleset } from '../../../src/rules/model.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

describe('cute endings are respelled before matching', () => {
  it.each([
    ['피부에 좋아용', '피부에 좋아요'],
    ['살이 빠져용', '살이 빠져요'],
    ['다이어트 돼용', '다이어트 돼요'],
    ['너무 아파용', '너무 아파요'],
    ['피부에 좋아유', '피부에 좋아요'],
    ['저도 했어유', '저도 했어요'],
    ['피부에 좋아여', '피부에 좋아요'],
    ['정말 맛있당', '정말 맛있다'],
    ['이거 좋네용!', '이거 좋네요!'],
  ])('"%s" reads as "%s"', (said, read) => {
    expect(ko.analyze(said).norm.text).toBe(read);
  });
  it.each(['유아용 로션', '여성용 샴푸', '남녀용', '식사 대용', '사용 중', '비용', '내용', '효용', '이유', '여유', '우유 함유', '1개당 3천원', '식당', '지방을 줄여 드려요', '질을 높여', '잘 보여'])(
    'leaves the noun or the 어-form in "%s" as it is',
    (text) => {
      expect(ko.analyze(text).norm.text).toBe(text);
    },
  );
  it('a rule written with 요 finds the cute form and quotes it as said', () => {
    const rs: Ruleset = {
      id: 'kc',
      language: 'ko',
      sources: [],
      context: {},
      rules: [{ id: 'kc/r', kind: 'prohibit', category: 'efficacy', severity: 'error', message: { en: 'r' }, reference: 'test', match: [{ id: 'm', seq: ['살이', '빠져요'] as never }], examples: { bad: [], good: [] } }],
    };
    const found = checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: '살이 쫙 빠져용' }] }, ko);
    expect(found.map((f) => f.text)).toEqual([]);
    const direct = checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: '살이 빠져용' }] }, ko);
    expect(direct.map((f) => f.text)).toEqual(['살이 빠져용']);
  });
});
