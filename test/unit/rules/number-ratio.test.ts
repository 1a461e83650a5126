/**
 * A number step's `ratio`: this number divided by the one an earlier number step of the match took (asked in rounds 58
 * and 59: 原价两万 … 只要一百九 is a reference price far above today's, 原价两百 … 一百九 is not; 去年五百度今年三百度 is
 * myopia said to have improved, 去年三百度今年四百度 a viewer's own eyes getting worse).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

const FAR_BELOW = '[原价, {number: [元, 块, 万]}, {gap: 6, scope: sentence}, 只要, {number: [元, 块], ratio: {max: 0.2}}]';
const TIMES = '[今天, {number: [元]}, {gap: 4, scope: sentence}, 原价, {number: [元, 万], ratio: {min: 5}}]';

describe('ratio: a number against the earlier number of its match', () => {
  it('max: a price a fifth of the one before or less; the whole number as said (两万, 3万)', () => {
    const c = compileSource(seqRulesSource('zh', [FAR_BELOW], 'misleading-price'), zh);
    expect(prohibitedTexts(c, '原价两万 今天只要一百九块', zh)).toEqual(['原价两万 今天只要一百九块']);
    expect(prohibitedTexts(c, '原价3万，今天只要999元', zh)).toEqual(['原价3万，今天只要999元']);
    expect(prohibitedTexts(c, '原价两百 今天只要一百九块', zh)).toEqual([]);
    expect(prohibitedTexts(c, '原价199元 今天只要99元', zh)).toEqual([]);
  });

  it('min: five times the number before or more, in the other order', () => {
    const c = compileSource(seqRulesSource('zh', [TIMES], 'misleading-price'), zh);
    expect(prohibitedTexts(c, '今天99元 原价999元', zh)).toEqual(['今天99元 原价999元']);
    expect(prohibitedTexts(c, '今天99元 原价129元', zh)).toEqual([]);
  });

  it('a range counts by the end that could meet the bound (五六百 against 一百: top 600 over 100)', () => {
    const c = compileSource(seqRulesSource('zh', ['[今天, {number: [元, 块]}, {gap: 4, scope: sentence}, 原价, {number: [元, 块], ratio: {min: 5}}]'], 'misleading-price'), zh);
    expect(prohibitedTexts(c, '今天一百块 原价五六百块', zh)).toEqual(['今天一百块 原价五六百块']);
    expect(prohibitedTexts(c, '今天一百块 原价三四百块', zh)).toEqual([]);
  });

  it('is refused without an earlier number, on another element, or with bounds that leave nothing', () => {
    const problems = (seq: string) => parseRulesetSource(seqRulesSource('zh', [seq]), 'house.yaml').problems.map(formatProblem).join('\n');
    expect(problems('[原价, {number: [元], ratio: {min: 5}}]')).toMatch(/house\.yaml:\d+:\d+: .*"ratio" compares this number with an earlier one/);
    expect(problems('[{number: [元]}, {words: [只要], ratio: {min: 5}}]')).toMatch(/"ratio" applies to a number only/);
    expect(problems('[{number: [元]}, 只要, {number: [元], ratio: {min: 0}}]')).toMatch(/"ratio" bounds must be numbers above 0/);
    expect(problems('[{number: [元]}, 只要, {number: [元], ratio: {min: 5, max: 2}}]')).toMatch(/"ratio" max \(2\) is below its min \(5\)/);
    expect(problems('[{number: [元]}, 只要, {number: [元], ratio: {times: 5}}]')).toMatch(/"ratio" must be \{min: N\} and\/or \{max: N\}/);
  });
});
