/**
 * A Japanese cue that spans words does not end inside a particle it only began: the question cue ですか is not in
 * ですから ("because"), so シミが消えますから、もう悩まないです — a reason given for the claim, then a denial of worry — is
 * a claim, while 下がりますか？いいえ、下がりません (asked, then answered no) stays clean. A cue cut inside another kind
 * of word still counts, since there the tokenizer's reading may be wrong (手洗い read 手洗|いとう).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

const rules = (unless: string) =>
  compileSource(
    `id: t\nlanguage: ja\nrules:\n  - id: t/fade\n    kind: prohibit\n    category: efficacy\n    severity: error\n    message: { en: m, ja: m }\n    reference: test\n    match:\n      - id: fade\n        words: [消える]\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`,
    ja,
  );

describe('a Japanese cue ending inside a particle', () => {
  it('ですか does not fire on ですから, and still fires on ですか', () => {
    const c = rules('{ after: [ますか], window: 4 }');
    expect(prohibitedTexts(c, 'シミが消えますからね', ja)).toEqual(['消え']);
    expect(prohibitedTexts(c, 'シミが消えますか', ja)).toEqual([]);
  });
  it('a cue cut inside a word that is no particle still counts', () => {
    const c = rules('{ before: [手洗い], window: 8 }');
    expect(prohibitedTexts(c, '手洗いとうがいで菌が消える', ja)).toEqual([]);
  });
});

describe('the built-in Japanese rules', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ja')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it('report a claim given as a reason (…消えますから) and leave a question answered no clean', async () => {
    expect(await said('シミが消えますから、もう悩まないです')).not.toEqual([]);
    expect(await said('血圧が下がりますか？いいえ、下がりません')).toEqual([]);
  });
});
