import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import type { Ruleset } from '../../../src/rules/model.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

const ruleset: Ruleset = {
  id: 'lemma',
  language: 'ja',
  sources: [],
  context: {},
  rules: [
    {
      id: 'lemma/cure',
      kind: 'prohibit',
      category: 'medical-claim',
      severity: 'error',
      message: { en: 'cure claim' },
      reference: 'test',
      // Dictionary forms whose tokens' base forms equal their surfaces.
      terms: ['治る', 'シミが消える'],
      examples: { bad: ['治る'], good: ['治療'] },
    },
  ],
};

describe('terms match by base form', () => {
  it.each(['アトピーが治りました', 'シミが消えますよ', 'シミが消えた'])('a term in dictionary form matches the conjugated "%s"', (line) => {
    const c = compileRules([ruleset], ja);
    const found = checkTranscript(c, { segments: [{ start: 0, end: 5, text: line }] }, ja);
    expect(found.map((f) => f.ruleId)).toEqual(['lemma/cure']);
  });

  it('still on token boundaries: 消える is not found inside other words', () => {
    const c = compileRules([ruleset], ja);
    expect(checkTranscript(c, { segments: [{ start: 0, end: 5, text: 'シミ対策が消えるまで待つ' }] }, ja)).toEqual([]);
  });
});

// Round 15's notes: 選んだ (選ん + だ) was keyed 選ぶ + だ, and なら's base is だ, so 「選ぶなら」 matched.
describe('a word written in the past or with the copula states, it does not suppose', () => {
  const stated: Ruleset = {
    ...ruleset,
    id: 'stated',
    rules: [{ ...(ruleset.rules[0] as Ruleset['rules'][number]), id: 'stated/said', terms: ['治った', '選んだ', '綺麗だ'], examples: { bad: ['治った'], good: ['治ったら'] } }],
  };
  const found = (line: string) => checkTranscript(compileRules([stated], ja), { segments: [{ start: 0, end: 5, text: line }] }, ja).map((f) => f.text);

  it.each([
    ['腰痛が治ったんです', '治った'],
    ['みんなが選んだ一本', '選んだ'],
    ['肌が綺麗だよ', '綺麗だ'],
  ])('「%s」 is found', (line, words) => {
    expect(found(line)).toEqual([words]);
  });

  it.each(['腰痛が治ったら嬉しい', 'どれか一つ選ぶなら', '選んだら損はない', '肌が綺麗なら', 'きっと選んだろう'])('「%s」 (conditional or conjecture) is not', (line) => {
    expect(found(line)).toEqual([]);
  });
});
