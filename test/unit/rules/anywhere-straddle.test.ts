/**
 * Round 40: an `anywhere` cue that runs across an edge of the match — beginning before it and ending inside it, or
 * beginning inside it and ending after it — counts, as `anywhere` means "wherever it stands". `around` and `inside`
 * keep their meanings (a cue across the edge is neither).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

function compile(unless: string): CompiledRules {
  const src = `id: t\nlanguage: zh\nrules:\n  - id: t/fat\n    kind: prohibit\n    category: efficacy\n    severity: error\n    message: { en: m, zh: m }\n    reference: test\n    match:\n      - id: fat\n        words: [分解脂肪]\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`;
  return compileSource(src, zh);
}

const found = (c: CompiledRules, text: string) => prohibitedTexts(c, text, zh);

describe('anywhere across the edge of the match', () => {
  it('counts a cue that begins before the match and ends inside it', () => {
    expect(found(compile('{ anywhere: [酶可以分解] }'), '这种酶可以分解脂肪')).toEqual([]);
  });
  it('leaves around and inside as they were: a cue across the edge is neither', () => {
    expect(found(compile('{ around: [酶可以分解] }'), '这种酶可以分解脂肪')).not.toEqual([]);
    expect(found(compile('{ inside: [酶可以分解] }'), '这种酶可以分解脂肪')).not.toEqual([]);
  });
  it('still reports the match when the cue is elsewhere', () => {
    expect(found(compile('{ anywhere: [酶可以分解] }'), '这款茶可以分解脂肪')).not.toEqual([]);
  });
});
