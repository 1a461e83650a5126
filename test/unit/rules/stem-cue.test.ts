/**
 * A Japanese one-kanji cue written as a verb's stem (飲, 治) stands for the verb in any form: matched on word boundaries
 * as one-character cues are, it used to meet no token (飲んだ is 飲ん|だ, base 飲む), and every such cue was dead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

const rules = (unless: string) => `
id: t
language: ja
rules:
  - id: t/r
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, ja: m }
    reference: test
    match:
      - id: m
        seq: [痛み, が, 消える]
    unless:
      - ${unless}
    examples: { bad: [x], good: [y] }
`;

describe('a one-kanji cue written as a verb stem', () => {
  it('meets the verb in any form', () => {
    const c = compileSource(rules('{ anywhere: [飲], scope: sentence }'), ja, { noContext: true });
    expect(prohibitedTexts(c, '薬を飲んだら痛みが消えた', ja)).toEqual([]);
    expect(prohibitedTexts(c, '薬を飲めば痛みが消える', ja)).toEqual([]);
    // not inside another word, nor as the second kanji of a word
    expect(prohibitedTexts(c, '飲食店で痛みが消えた', ja)).toEqual(['痛みが消え']);
    expect(prohibitedTexts(c, 'この痛みが消える', ja)).toEqual(['痛みが消える']);
  });

  it('in a notWith list too: the goods taken cancel the excuse', () => {
    const c = compileSource(rules('{ after: [とか], window: 4, then: [言えない], notWith: [飲], notWithScope: sentence }'), ja, { noContext: true });
    expect(prohibitedTexts(c, '痛みが消えるとか言えないけど飲んだら分かる', ja)).toEqual(['痛みが消える']);
    expect(prohibitedTexts(c, '痛みが消えるとか言えないです', ja)).toEqual([]);
  });
});
