/**
 * 없앴다 ("got rid of", the past of 없애다) with a plain ending: ko-dic reads 없/VA 앴/EP 다/EC, the adjective 없다 ("there
 * is none"); 없앴어요 is one token with the base 없애다. A rule keyed on 없애다 now finds both, one keyed on 없다 neither
 * (r58koe's request: its rule listed the written forms by hand).
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

const rule = (words: string[]): Ruleset => ({
  id: 'smell',
  language: 'ko',
  sources: [],
  context: {},
  rules: [
    {
      id: 'smell/r',
      kind: 'prohibit',
      category: 'efficacy',
      severity: 'warning',
      message: { en: 'r' },
      reference: 'test',
      match: [{ id: 'm', seq: [['비린내', '냄새'], { words: ['를', '을'], optional: true }, { words: ['완전히', '싹'], optional: true }, words] as never }],
      examples: { bad: [], good: [] },
    },
  ],
});
const found = (rs: Ruleset, line: string) => checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: line }] }, ko).length;

describe('없앴다 is the past of 없애다', () => {
  it('reads 없 before 앴 as the verb 없애다', () => {
    expect(ko.analyze('비린내를 완전히 없앴다').tokens.map((t) => `${t.surface}/${t.base ?? ''}`)).toContain('없/없애다');
    expect(ko.analyze('부작용이 없다').tokens.map((t) => `${t.surface}/${t.base ?? ''}`)).toContain('없/없다');
  });

  it('a rule keyed on 없애다 finds every past form; one keyed on 없다 none of them', () => {
    for (const line of ['비린내를 완전히 없앴다', '냄새를 싹 없앴어요', '비린내를 없앴습니다']) {
      expect({ line, n: found(rule(['없애다']), line) }).toEqual({ line, n: 1 });
      expect({ line, n: found(rule(['없다']), line) }).toEqual({ line, n: 0 });
    }
  });
});
