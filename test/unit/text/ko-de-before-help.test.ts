/**
 * "-는 데 도움" (helps to) written without the space (높이는데도움): ko-dic reads the ending 는데 (높이/VV 는데/EC); before
 * 도움 it is 는/ETM 데/NNB as written with the space, so a rule that stops at 데 (study or health tips that only help) does.
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
  id: 'help',
  language: 'ko',
  sources: [],
  context: {},
  rules: [
    {
      id: 'help/r',
      kind: 'prohibit',
      category: 'efficacy',
      severity: 'error',
      message: { en: 'r' },
      reference: 'test',
      match: [{ id: 'm', seq: [['점수가', '면역력'], ['오르다', '높이다'], { not: ['데'] }] as never }],
      examples: { bad: [], good: [] },
    },
  ],
};
const found = (line: string) => checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: line }] }, ko).length;

describe('는데 before 도움', () => {
  it('is read 는/ETM 데/NNB', () => {
    expect(ko.analyze('오르는데도움이돼요').tokens.slice(1, 3).map((t) => `${t.surface}/${t.pos}`)).toEqual(['는/ETM', '데/NNB']);
  });
  it('so a rule stopping at 데 stops there, written with the space or without; the ending 는데 elsewhere is kept', () => {
    expect(found('오답노트를꾸준히쓰면점수가오르는데도움이돼요')).toBe(0);
    expect(found('면역력 높이는데 도움을 줄 수 있어요')).toBe(0);
    expect(found('면역력 높이는 데 도움을 줄 수 있어요')).toBe(0);
    expect(found('이거먹고나서점수가오르는데진짜신기해요')).toBe(1);
  });
});
