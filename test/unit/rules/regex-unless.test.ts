/**
 * Round 41: a Korean writer saw an `unless` cue fail to excuse a finding of a `regex:` matcher
 * (kr/food-labeling/disease-claim, any-disease-prevented, on a drug disclaimer: a disease prevented or treated, then "는 의약품이 아닙니다"). Regex
 * findings go through the same excuse path as structured ones (scan-memo.ts clearedByContext, by character span);
 * what kept the cue out was the Korean copula-denial scope (ko-denial-scope.ts): the clause end of 예방하거나 was read
 * as ending the claim, so 의약품이 아닙니다 denied "another noun". A match joined to a second predicate that modifies
 * the denied noun (예방하거나 고치는 의약품) is denied with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

function compile(matcher: string, unless: string): CompiledRules {
  const src = `id: t\nlanguage: ko\nrules:\n  - id: t/d\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { en: m, ko: m }\n    reference: test\n    match:\n      - id: d\n        ${matcher}\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`;
  return compileSource(src, ko);
}

const REGEX = "regex: '[가-힣]{0,4}(병)(을|를)? ?(예방|치료)'";
const SEQ = 'seq: [질병, 을, 예방]';
const LAWFUL = '모든 병을 예방하거나 고치는 의약품이 아닙니다';

describe('unless cues on a regex matcher', () => {
  it.each([REGEX, SEQ])('%s: a cue before, inside or across the match excuses it', (m) => {
    expect(prohibitedTexts(compile(m, '{ anywhere: [모든], notPast: [] }'), LAWFUL, ko)).toEqual([]);
    expect(prohibitedTexts(compile(m, '{ inside: [병을] }'), LAWFUL, ko)).toEqual([]);
    expect(prohibitedTexts(compile(m, '{ before: [모든] }'), '모든 병을 예방해요', ko)).toEqual([]);
    expect(prohibitedTexts(compile(m, '{ before: [모든] }'), '이 차가 질병을 예방해요', ko)).toEqual(['질병을 예방']);
  });

  it.each([REGEX, SEQ])('%s: a denial of the noun the match modifies through a joined predicate excuses it', (m) => {
    for (const u of ['{ anywhere: [의약품이 아닙니다], notPast: [] }', '{ after: [아닙니다], scope: sentence }']) {
      expect(prohibitedTexts(compile(m, u), LAWFUL, ko)).toEqual([]);
      expect(prohibitedTexts(compile(m, u), '병을 예방하고 고치는 의약품이 아닙니다', ko)).toEqual([]);
      expect(prohibitedTexts(compile(m, u), '질병을 예방, 완화하는 의약품이 아닙니다', ko)).toEqual([]);
    }
  });

  it('still reports a claim whose clause ends before another noun is denied', () => {
    const c = compile(REGEX, '{ after: [아닙니다, 아니고], scope: sentence }');
    expect(prohibitedTexts(c, '이 차가 질병을 예방해요, 약이 아닙니다', ko)).toEqual(['질병을 예방']);
    expect(prohibitedTexts(c, '이 차가 질병을 예방해요 비싼 약 아니고 차예요', ko)).toEqual(['질병을 예방']);
  });
});
