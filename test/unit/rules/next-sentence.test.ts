/**
 * `scope: next-sentence` (rounds 55–56: four Japanese writers asked for it): a claim's two halves said as two sentences
 * of one turn (「ペースメーカーの方もいますよね。でも使って大丈夫です」). A gap with it crosses one sentence end, never two
 * (nor a line break where the text keeps one); a cue with it reaches one sentence further each way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/compile.js';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { prohibitedTexts, rulesetFromSource, seqRulesSource } from '../../helpers/rule-source.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

const rules = (seq: string) => compileRules([rulesetFromSource(seqRulesSource('ja', [seq]))], ja);

describe('scope: next-sentence', () => {
  it('lets a gap cross one sentence end, not two', () => {
    const next = rules('[ペースメーカー, {gap: 12, scope: next-sentence}, 大丈夫]');
    expect(prohibitedTexts(next, 'ペースメーカーの方もいますよね。でも使って大丈夫です', ja)).toEqual(['ペースメーカーの方もいますよね。でも使って大丈夫']);
    expect(prohibitedTexts(next, 'ペースメーカーの方もいますよね！でも大丈夫です', ja)).toHaveLength(1);
    expect(prohibitedTexts(next, 'ペースメーカーの方。いますよね。大丈夫です', ja)).toEqual([]);
    // A sentence scope stops at the first.
    expect(prohibitedTexts(rules('[ペースメーカー, {gap: 12, scope: sentence}, 大丈夫]'), 'ペースメーカーの方もいますよね。でも使って大丈夫です', ja)).toEqual([]);
  });

  it('does not count the sentence end as one of the gap\'s words', () => {
    const next = rules('[ペースメーカー, {gap: 4, scope: next-sentence}, 大丈夫]');
    expect(prohibitedTexts(next, 'ペースメーカーの方。でも大丈夫です', ja)).toHaveLength(1);
  });

  it('lets a cue reach the sentence before the match', () => {
    const source = `id: t\nlanguage: ja\nrules:\n  - id: t/r0\n    kind: prohibit\n    category: guarantee\n    severity: error\n    message: { en: m, ja: m }\n    reference: test\n    match:\n      - id: m0\n        seq: [使って大丈夫]\n    unless:\n      - { before: [医師に相談], scope: next-sentence }\n    examples: { bad: [x], good: [y] }\n`;
    const c = compileRules([rulesetFromSource(source)], ja);
    expect(prohibitedTexts(c, '医師に相談してください。それなら使って大丈夫です', ja)).toEqual([]);
    expect(prohibitedTexts(c, '医師に相談してください。はい。それなら使って大丈夫です', ja)).toEqual(['使って大丈夫']);
  });

  // r59kob: a caption's doubled mark (희귀병!! 이유만 알면) counted as two sentence ends, so the gap stopped at the second.
  it('reads a run of marks (!!, ?!, 。。) as one sentence end, for a gap and for a cue', () => {
    const next = rules('[ペースメーカー, {gap: 12, scope: next-sentence}, 大丈夫]');
    expect(prohibitedTexts(next, 'ペースメーカーの方もいますよね!!でも大丈夫です', ja)).toHaveLength(1);
    expect(prohibitedTexts(next, 'ペースメーカーの方もいますよね？！でも大丈夫です', ja)).toHaveLength(1);
    expect(prohibitedTexts(next, 'ペースメーカーの方も!!いますよね!!大丈夫です', ja)).toEqual([]);
    const source = `id: t\nlanguage: ja\nrules:\n  - id: t/r0\n    kind: prohibit\n    category: guarantee\n    severity: error\n    message: { en: m, ja: m }\n    reference: test\n    match:\n      - id: m0\n        seq: [使って大丈夫]\n    unless:\n      - { before: [医師に相談], scope: next-sentence }\n    examples: { bad: [x], good: [y] }\n`;
    const c = compileRules([rulesetFromSource(source)], ja);
    expect(prohibitedTexts(c, '医師に相談してください!!それなら使って大丈夫です', ja)).toEqual([]);
    expect(prohibitedTexts(c, '医師に相談してください!!はい!!それなら使って大丈夫です', ja)).toEqual(['使って大丈夫']);
  });

  it('is one of the scopes a ruleset may name, and others are still refused', () => {
    const bad = parseRulesetSource(seqRulesSource('ja', ['[a, {gap: 2, scope: paragraph}, b]']), 'house.yaml').problems.map(formatProblem).join('\n');
    expect(bad).toMatch(/house\.yaml:\d+:\d+: .*"next-sentence"/);
  });
});
