/**
 * Round 40: a denial among a rule's own `unless` cues does not reach past a correction or a contrast any more than the
 * ruleset's negation does. 这个不是药，是能治病的 corrects 药 to 能治病: cn/ad-law/medical-claim lists 不是 (window 4)
 * among its own cues, which the ruleset's `notPast` ({contrast}, {correction}) did not cut until now.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import { negationNotPast, withNegationNotPast } from '../../../src/rules/model.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

function compile(unless: string, negation = '{ before: [不是], window: 4, notPast: ["，是", 但是] }'): CompiledRules {
  const src = `id: t\nlanguage: zh\ncontext:\n  negation: ${negation}\nrules:\n  - id: t/cure\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { en: m, zh: m }\n    reference: test\n    match:\n      - id: cure\n        words: [治病]\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`;
  return compileSource(src, zh);
}

const found = (c: CompiledRules, text: string) => prohibitedTexts(c, text, zh);

describe("a rule's own denial cues and the ruleset's notPast", () => {
  it('a correction or a contrast cuts a before cue of the rule itself', () => {
    const c = compile('{ before: [不是], window: 4 }');
    expect(found(c, '这个不是药，是能治病的')).toEqual(['治病']);
    expect(found(c, '不是药，但是能治病')).toEqual(['治病']);
  });
  it('the denial still counts with nothing between, and a group with its own notPast keeps it', () => {
    expect(found(compile('{ before: [不是], window: 4 }'), '这个不是药，不能治病')).toEqual([]);
    expect(found(compile('{ before: [不是], window: 4, notPast: [但是] }'), '这个不是药，是能治病的')).toEqual([]);
  });
  it('withNegationNotPast leaves groups without a cue before the match, and rulesets without notPast, as they are', () => {
    const g = { after: ["不了"] };
    expect(withNegationNotPast([g], negationNotPast({ negation: { before: ['不是'], notPast: ['但是'] } }))).toEqual([g]);
    expect(withNegationNotPast({ before: ['不是'] }, negationNotPast({ negation: { before: ['不是'] } }))).toEqual({ before: ['不是'] });
    expect(withNegationNotPast({ before: ['不是'], notPast: [] }, negationNotPast({ negation: { notPast: ['但是'] } }))).toEqual([{ before: ['不是'], notPast: [] }]);
  });
});

describe('the built-in Chinese rules', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'zh')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it('report 这个不是药，是能治病的 and leave 这个不是药，不能治病 clean', async () => {
    expect(await said('这个不是药，是能治病的')).not.toEqual([]);
    expect(await said('这个不是药，不能治病')).toEqual([]);
  });
});
