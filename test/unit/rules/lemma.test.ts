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
