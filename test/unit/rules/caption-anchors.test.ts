/**
 * `{start: true}` and `{end: true}`: words that are a claim only when they stand alone, as a whole caption, title,
 * hashtag or clause. Through the real parser and the real tokenizers, plus property tests of the edge scan.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitEndsIn, unitStartsIn } from '../../../src/rules/caption-edges.js';
import { explainExample } from '../../../src/rules/explain.js';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Language } from '../../../src/transcript/model.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

const analyzers = new Map<Language, Analyzer>();
beforeAll(async () => {
  for (const l of ['ja', 'zh', 'ko'] as const) analyzers.set(l, await createAnalyzerFor(l));
});

function finds(language: Language, seq: string): (text: string) => string[] {
  const an = analyzers.get(language) as Analyzer;
  const c = compileSource(seqRulesSource(language, [seq], 'efficacy'), an, { noContext: true });
  return (text) => prohibitedTexts(c, text, an);
}

describe('caption anchors', () => {
  it('a whole caption, a hashtag, a list item or a title in brackets; not the same words inside a sentence', () => {
    const f = finds('zh', '[{start: true}, {number: [天]}, 淡斑, {end: true}]');
    for (const line of ['28天淡斑', '#28天淡斑 #补水', '美白｜28天淡斑', '【28天淡斑】', '28天淡斑！✨', '1. 28天淡斑\n2. 补水', '补水 28天淡斑']) {
      expect(f(line), line).toEqual(['28天淡斑']);
    }
    for (const line of ['28天淡斑是不可能的', '想要28天淡斑', '她说28天淡斑了吗']) expect(f(line), line).toEqual([]);
  });

  it('in Korean a space separates words, not captions; hashtags, dots and dashes still do', () => {
    const f = finds('ko', '[{start: true}, 항산화, {end: true}]');
    for (const line of ['항산화', '#항산화 #피부건강', '피부건강 · 항산화', '여주 - 항산화', '항산화!']) expect(f(line), line).toEqual(['항산화']);
    for (const line of ['항산화 성분이 들어 있어요', '이 차는 항산화']) expect(f(line), line).toEqual([]);
    // An emoji or symbol between words sets caption items apart, as in Chinese and Japanese.
    expect(f('항산화 ♥ 오늘의 특가')).toEqual(['항산화']);
    expect(f('#유기농 ✨ 항산화 ✨ 면역')).toEqual(['항산화']);
  });

  it('one anchor alone: the words end the caption, whatever comes before', () => {
    const f = finds('ja', '[免疫, UP, {end: true}]');
    expect(f('話題の免疫UP')).toEqual(['免疫UP']);
    expect(f('免疫UP！')).toEqual(['免疫UP']);
    expect(f('免疫UPのための食事とは')).toEqual([]);
  });

  it('an anchor between words: goods named, then a unit of its own', () => {
    const f = finds('ja', '[[茶, オイル], {gap: 6, scope: turn}, {start: true}, [血圧, 記憶力], {end: true}]');
    expect(f('#ごぼう茶 #血圧')).toEqual(['茶 #血圧']);
    expect(f('青魚のオイル｜記憶力')).toEqual(['オイル｜記憶力']);
    expect(f('お茶を飲むと血圧')).toEqual([]);
  });

  it('says why a bad example failed at an anchor', () => {
    const an = analyzers.get('zh') as Analyzer;
    const c = compileSource(seqRulesSource('zh', ['[{start: true}, {number: [天]}, 淡斑, {end: true}]'], 'efficacy'), an, { noContext: true });
    expect(explainExample(c, an, 't/r0', '28天淡斑是不可能的', 'bad')).toMatch(/step 4, \{end: true\}: the line goes on after the words/);
  });

  it.each([
    ['[{start: yes}, 淡斑]', /"start" must be true/],
    ['[淡斑, {end: true, optional: true}]', /an end element cannot be optional/],
    ['[{start: true}, {end: true}]', /needs at least one word, pos or number element/],
  ])('%s is a file:line:col error', (seq, want) => {
    const problems = parseRulesetSource(seqRulesSource('zh', [seq], 'efficacy'), 'house.yaml').problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(/house\.yaml:12:\d+: /); // the seq's line in seqRulesSource
    expect(problems.join('\n')).toMatch(want);
  });
});

describe('caption edges (property)', () => {
  const word = fc.stringMatching(/^[一-龥가-힣ぁ-んa-z0-9]{1,6}$/);
  const filler = fc.stringMatching(/^[ \u200d\ufe0f]{0,3}$/u);
  const edge = fc.constantFrom('', '。', '!', '#', '|', '・', '】', '\n', '，', '-', '/', '♥', '✨', '\u{1F525}');

  it('a word with only filler and an edge after it ends a unit, with more words after that edge or not', () => {
    fc.assert(
      fc.property(word, filler, edge, word, fc.boolean(), (w, fill, e, next, spaceEdges) => {
        const text = `${w}${fill}${e}${e ? next : ''}`;
        expect(unitEndsIn(text, w.length, spaceEdges)).toBe(true);
        expect(unitStartsIn(`${next}${e}${fill}${w}`.slice(e ? 0 : next.length), (e ? `${next}${e}${fill}` : fill).length, spaceEdges)).toBe(true);
      }),
    );
  });

  it('a letter or digit after the filler, with no edge, means the unit goes on (a space is an edge only where told)', () => {
    fc.assert(
      fc.property(word, fc.stringMatching(/^[\u200d\ufe0f]{0,2}$/u), word, (w, fill, next) => {
        expect(unitEndsIn(`${w}${fill}${next}`, w.length, true)).toBe(false);
        expect(unitStartsIn(`${next}${fill}${w}`, `${next}${fill}`.length, true)).toBe(false);
        expect(unitEndsIn(`${w} ${next}`, w.length, false)).toBe(false);
        expect(unitEndsIn(`${w} ${next}`, w.length, true)).toBe(true);
      }),
    );
  });
});
