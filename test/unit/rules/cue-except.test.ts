/**
 * A cue group's `except`: phrases in which its cues do not count. Cues are found anywhere in the text (a cue 까요 also
 * stands at the end of 을까요), so a cue inside a longer phrase that says the opposite fired: r59koa's question cue 까요
 * excused a Korean claim ending in the explaining -니까요 ("I'm telling you"), and an earlier writer's 合格 cue fired
 * inside 不合格. Before session 49 only a `nearby` group took `except`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts, seqUnlessSource } from '../../helpers/rule-source.js';

const rule = seqUnlessSource;

let ko: Analyzer;
let zh: Analyzer;
beforeAll(async () => {
  [ko, zh] = await Promise.all([createAnalyzerFor('ko'), createAnalyzerFor('zh')]);
});

describe('a cue group\'s except', () => {
  it('Korean: the question cue 까요 still excuses a question, not a claim said with -니까요', () => {
    const without = compileSource(rule('ko', '[효과, 있]', '{around: [까요], scope: sentence}'), ko);
    const withExcept = compileSource(rule('ko', '[효과, 있]', '{around: [까요], scope: sentence, except: [니까요]}'), ko);
    // Before: the cue read inside 니까요 and excused the claim.
    expect(prohibitedTexts(without, '정말 효과 있다니까요', ko)).toEqual([]);
    expect(prohibitedTexts(withExcept, '정말 효과 있다니까요', ko)).toEqual(['효과 있']);
    expect(prohibitedTexts(withExcept, '정말 효과 있을까요', ko)).toEqual([]);
    // One cue outside every except phrase is enough.
    expect(prohibitedTexts(withExcept, '좋으니까요 효과 있을까요', ko)).toEqual([]);
  });

  it('Chinese: 合格 excuses a test passed, not inside 不合格', () => {
    const without = compileSource(rule('zh', '[完全, 没问题]', '{around: [合格], scope: sentence}'), zh);
    const c = compileSource(rule('zh', '[完全, 没问题]', '{around: [合格], scope: sentence, except: [不合格]}'), zh);
    expect(prohibitedTexts(without, '检测结果不合格也完全没问题', zh)).toEqual([]);
    expect(prohibitedTexts(c, '检测结果不合格也完全没问题', zh)).toEqual(['完全没问题']);
    expect(prohibitedTexts(c, '检测合格了完全没问题', zh)).toEqual([]);
  });
});
