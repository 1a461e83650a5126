/**
 * A `then` cue "?" under a scope reads the mark that closes the sentence, as an `after` cue "?" does (session 48): a
 * viewer's question read out (みかさん、シミが消える?) pairs its name with the question mark that ends it. r60jaf found
 * the pair never met: the scope's reach stops short of its own stop, and only `after` looked at the closing mark.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts, seqUnlessSource } from '../../helpers/rule-source.js';

const rule = (unless: string) => seqUnlessSource('ja', '[シミ, が, 消える]', unless);

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

describe('a then cue "?" and the closing mark', () => {
  it('a before cue paired with the question mark that ends the sentence excuses the question, not the statement', () => {
    const c = compileSource(rule('{before: [さん], then: ["?"], scope: sentence}'), ja, { noContext: true });
    expect(prohibitedTexts(c, 'みかさん、シミが消える?', ja)).toEqual([]);
    expect(prohibitedTexts(c, 'みかさん、シミが消える', ja)).toEqual(['シミが消える']);
    expect(prohibitedTexts(c, 'みかさん、シミが消える。次の方?', ja)).toEqual(['シミが消える']);
  });
  it('an inside cue paired with it too', () => {
    const c = compileSource(rule('{inside: [シミ], then: ["?"], scope: sentence}'), ja, { noContext: true });
    expect(prohibitedTexts(c, 'シミが消える?', ja)).toEqual([]);
    expect(prohibitedTexts(c, 'シミが消える', ja)).toEqual(['シミが消える']);
  });
});
