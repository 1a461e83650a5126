/**
 * The corpus evaluation analyses each line once: a corpus line is checked by the full ruleset and
 * then by the disclosure recognisers, and both read the same analysis.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyzedText, Analyzer } from '../../src/text/analyze.js';
import { sharingAnalyses } from '../corpus/evaluate.js';

function countingAnalyzer(): { analyzer: Analyzer; calls: string[] } {
  const calls: string[] = [];
  const analyzer: Analyzer = {
    language: 'ko',
    baseForms: true,
    analyze: (text): AnalyzedText => {
      calls.push(text);
      return { norm: { original: text, text, origStart: [], origEnd: [] }, tokens: [], boundaries: new Set([0, text.length]) };
    },
    normalizeTerm: (term) => term.trim(),
  };
  return { analyzer, calls };
}

describe('sharingAnalyses', () => {
  it('analyses a text checked twice in a row once and hands back the same analysis', () => {
    const { analyzer, calls } = countingAnalyzer();
    const shared = sharingAnalyses(analyzer);
    const first = shared.analyze('최고의 제품');
    expect(shared.analyze('최고의 제품')).toBe(first);
    shared.analyze('다른 줄');
    // Only the last text is kept: a corpus line's two checks follow one another.
    shared.analyze('최고의 제품');
    expect(calls).toEqual(['최고의 제품', '다른 줄', '최고의 제품']);
  });

  it('keeps the language, base forms and term normalisation of the analyser it wraps', () => {
    const { analyzer } = countingAnalyzer();
    const shared = sharingAnalyses(analyzer);
    expect([shared.language, shared.baseForms, shared.normalizeTerm(' 최고 ')]).toEqual(['ko', true, '최고']);
  });
});
