/**
 * The corpus evaluation analyses each line once: a corpus line is checked by the full ruleset and
 * then by the disclosure recognisers, and both read the same analysis.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument } from 'yaml';
import type { AnalyzedText, Analyzer } from '../../src/text/analyze.js';
import { loadCorpus, sharingAnalyses } from '../corpus/evaluate.js';

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

describe('loadCorpus', () => {
  /** Each item's line as the yaml package places it (what loadCorpus reported before its quick reading). */
  function yamlLines(source: string): number[] {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    const items = (doc.get('lines', true) as { items: { range: [number, number, number] }[] }).items;
    return items.map((n) => lineCounter.linePos(n.range[0]).line);
  }

  const HEAD = 'language: ko\nruleset: kr\n';
  const DOCS = [
    // The corpus's own layout, with comments, blank lines and a key after the list.
    `${HEAD}lines:\n  # a comment\n  - text: 최고의 제품\n    expect: [superlative]\n\n  - text: 보통 제품\n    trap: true\n  #  - text: commented out\nnotes: done\n`,
    // The list at the key's own indentation, an item over several lines, a block scalar holding "- ".
    `${HEAD}lines:\n- text: 하나\n-\n  text: 둘\n  expect:\n    - superlative\n- text: |\n    셋\n    - 넷\n`,
    // A flow list and a list that is a key's value on the same line: read by the yaml package.
    `${HEAD}lines: [{ text: 하나 }, { text: 둘 }]\n`,
    `${HEAD}lines:   # the lines\n  - { text: 하나 }\n  - text: "둘\n      셋"\n`,
  ];

  it.each(DOCS.map((d, i) => [i, d] as const))('gives each item the line the yaml package gives it (document %i)', async (i, source) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-corpus-'));
    const file = path.join(dir, `c${i}.yaml`);
    writeFileSync(file, source);
    const corpus = await loadCorpus(file);
    expect(corpus.lines.map((l) => l.line)).toEqual(yamlLines(source));
    expect(corpus.lines.map((l) => l.text)).toEqual((parse(source) as { lines: { text: string }[] }).lines.map((l) => l.text));
  });

  it('names the file and line of a broken corpus, and reads a file again once it changed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-corpus-'));
    const file = path.join(dir, 'c.yaml');
    writeFileSync(file, `${HEAD}lines:\n  - text: 하나\n  - text: [unclosed\n`);
    await expect(loadCorpus(file)).rejects.toThrow(/c\.yaml:\d+:\d+: /);
    writeFileSync(file, `${HEAD}lines:\n  - text: 하나\n  - expect: [superlative]\n`);
    await expect(loadCorpus(file)).rejects.toThrow(/c\.yaml:5: each line needs a non-empty "text"/);
    writeFileSync(file, `${HEAD}lines:\n  - text: 하나\n`);
    expect((await loadCorpus(file)).lines).toEqual([{ text: '하나', expect: [], discloses: [], trap: false, line: 4 }]);
  });
});
