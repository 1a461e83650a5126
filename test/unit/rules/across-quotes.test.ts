/**
 * Chinese words written with quotation marks around a short part of them (降“三高”, 降「三高」) are the rules' words,
 * as 降三高 is; a quoted rule read out (不能说降“三高”) is still cleared by a quotation cue, which sees the marks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { withoutShortQuoteMarks } from '../../../src/rules/across-quotes.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

const RULES = `id: t
language: zh
context:
  quotation:
    - before: [不能说, 广告法规定]
      window: 12
rules:
  - id: t/r
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, zh: m }
    reference: test
    match:
      - id: m
        words: [降三高, 三高人群]
    examples: { bad: [x], good: [y] }
`;

describe('a word with quotation marks around a short part of it (Chinese)', () => {
  it('降“三高” and 降「三高」 are 降三高; “三高”人群 is 三高人群', () => {
    const c = compileSource(RULES, zh);
    expect(prohibitedTexts(c, '这款茶能降“三高”', zh)).toEqual(['降“三高']);
    expect(prohibitedTexts(c, '这款茶能降「三高」', zh)).toEqual(['降「三高']);
    expect(prohibitedTexts(c, '这款茶能降三高', zh)).toEqual(['降三高']);
    expect(prohibitedTexts(c, '适合“三高”人群', zh)).toEqual(['三高”人群']);
  });

  it('not across a long quotation, nor across marks that do not pair', () => {
    const c = compileSource(RULES, zh);
    expect(prohibitedTexts(c, '降“三高是什么意思呢”', zh)).toEqual([]);
    expect(prohibitedTexts(c, '降“三高」', zh)).toEqual([]);
  });

  it('a quoted rule read out is still cleared by a quotation cue (the marks stay in the text)', () => {
    const c = compileSource(RULES, zh);
    expect(prohibitedTexts(c, '广告法规定不能说降“三高”', zh)).toEqual([]);
    expect(prohibitedTexts(c, '我们不能说“降三高”', zh)).toEqual([]);
  });

  it('property: the text without short-quote marks maps each character back to the same character', () => {
    const char = fc.constantFrom(...[...'降三高“”「」『』‘’"人群，。 a1']);
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        const u = withoutShortQuoteMarks(text);
        if (!u) return;
        expect(u.at.length).toBe(u.text.length);
        [...u.text].forEach((ch, i) => expect(text[u.at[i] as number]).toBe(ch));
        for (let i = 1; i < u.at.length; i++) expect(u.at[i] as number).toBeGreaterThan(u.at[i - 1] as number);
      }),
    );
  });
});
