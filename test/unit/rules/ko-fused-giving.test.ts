/**
 * Verb + 아/어 + 주다 written without a space (막아주는, 빼주고), which ko-dic keeps as one verb (막아주/VV, base
 * 막아주다): read as the verb and 주다, so a rule keyed on 막아 주다 or 빼 주다 finds it as it finds 막아 주는.
 */
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

const rs: Ruleset = {
  id: 'give',
  language: 'ko',
  sources: [],
  context: {},
  rules: [
    {
      id: 'give/r',
      kind: 'prohibit',
      category: 'efficacy',
      severity: 'error',
      message: { en: 'r' },
      reference: 'test',
      match: [{ id: 'm', seq: [['염증을', '유해파를'], { words: ['싹'], optional: true }, ['막아 주다', '빼 주다']] as never }],
      examples: { bad: [], good: [] },
    },
  ],
};
const found = (line: string) => checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: line }] }, ko).map((f) => f.text);

describe('a giving 주다 fused on a verb', () => {
  it('is the verb and 주다 as tokens (막/VV 아/EC 주/VX, 빼/VV+EC 주/VX)', () => {
    const tokens = (text: string) => ko.analyze(text).tokens.map((t) => `${t.surface}/${t.base}`);
    expect(tokens('막아주는')).toEqual(['막/막다', '아/아', '주/주다', '는/는']);
    expect(tokens('빼주고')).toEqual(['빼/빼다', '주/주다', '고/고']);
  });

  it.each([
    ['유해파를싹막아주는동판깔개예요', '유해파를싹막아주는'],
    ['염증을빼주는차예요', '염증을빼주는'],
    ['유해파를 싹 막아 주는 깔개', '유해파를 싹 막아 주는'],
    ['유해파를 막아주는 깔개', '유해파를 막아주는'],
  ])('막아 주다 / 빼 주다 find "%s"', (line, span) => {
    expect(found(line)).toEqual([span]);
  });
});
