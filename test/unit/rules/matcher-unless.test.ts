/**
 * A matcher's own `unless`: cues that excuse that matcher's hits only. A rule-wide `unless` clears every
 * matcher's claims near its cue, which twice cleared real claims another matcher of the rule made.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainExample } from '../../../src/rules/explain.js';
import { loadRuleset } from '../../../src/rules/load.js';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import { compileRules } from '../../../src/rules/compile.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { prohibitedTexts, rulesetFromSource, throughCache } from '../../helpers/rule-source.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

const source = (matchers: string, extra = '') => `
id: t
language: ja
${extra}rules:
  - id: t/slim
    kind: prohibit
    category: efficacy
    severity: error
    message: { en: m, ja: m }
    reference: test
    match:
${matchers}
    examples: { bad: [x], good: [y] }
`;

const TWO = `      - id: appetite
        seq: [食欲, {words: [が], optional: true}, [抑える, なくなる]]
        unless: { before: [夏バテ, 風邪], window: 8 }
      - id: weight
        seq: [{number: [キロ]}, 痩せる]`;

describe('a matcher\u2019s own unless', () => {
  it('excuses that matcher\u2019s hits and not another matcher\u2019s claim beside the cue', () => {
    const rs = rulesetFromSource(source(TWO));
    const c = compileRules([rs], ja);
    expect(prohibitedTexts(c, '夏バテで食欲がなくなった', ja)).toEqual([]);
    expect(prohibitedTexts(c, 'これで食欲がなくなった', ja)).toEqual(['食欲がなくなっ']);
    // The same cue right before the other matcher's words: still a claim.
    expect(prohibitedTexts(c, '夏バテでも3キロ痩せた', ja)).toEqual(['3キロ痩せ']);
  });

  it('says which matcher\u2019s group excused a line, and survives the compiled cache', () => {
    const rs = rulesetFromSource(source(TWO));
    const c = compileRules([rs], ja);
    expect(explainExample(c, ja, 't/slim', '夏バテで食欲がなくなった', 'bad')).toMatch(/matcher "appetite"'s unless group 1 excused it \(its before cue/);
    const back = throughCache(c, [rs]);
    expect(prohibitedTexts(back, '夏バテで食欲がなくなった', ja)).toEqual([]);
    expect(prohibitedTexts(back, 'これで食欲がなくなった', ja)).toEqual(['食欲がなくなっ']);
  });

  it('names vocab lists as a rule\u2019s unless does', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lc-munless-'));
    const file = path.join(dir, 'r.yaml');
    await writeFile(file, source(TWO.replace('[夏バテ, 風邪]', '["{ailment}"]'), 'vocab: { ailment: [夏バテ, 風邪] }\n'));
    const c = compileRules([await loadRuleset(file)], ja);
    expect(prohibitedTexts(c, '風邪で食欲がなくなった', ja)).toEqual([]);
  });

  // Round 44 bug: a matcher's `unless: {anywhere: "{name}"}` (one bare vocab reference, as a rule's unless may be written)
  // stayed a string, which the expansion took letter by letter: the cue list became {, a, i, l, … and the guard excused
  // nothing in a Japanese line (and any line with one of those letters). A bare word that is no vocab list is an error.
  it('takes one bare vocab reference as the list, in a matcher\u2019s unless and onlyWith alike', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lc-munless-'));
    const file = path.join(dir, 'r.yaml');
    const bare = TWO.replace('unless: { before: [夏バテ, 風邪], window: 8 }', 'unless: { anywhere: "{ailment}", scope: sentence }')
      .replace('seq: [{number: [キロ]}, 痩せる]', 'seq: [{number: [キロ]}, 痩せる]\n        onlyWith: { anywhere: "{period}", scope: sentence }');
    await writeFile(file, source(bare, 'vocab: { ailment: [夏バテ, 風邪], period: [一か月, 一週間] }\n'));
    const c = compileRules([await loadRuleset(file)], ja);
    expect(prohibitedTexts(c, '風邪で食欲がなくなった', ja)).toEqual([]);
    expect(prohibitedTexts(c, 'これで食欲がなくなった', ja)).toEqual(['食欲がなくなっ']);
    // A letter of the list's name is no cue.
    expect(prohibitedTexts(c, 'aiで食欲がなくなった', ja)).toEqual(['食欲がなくなっ']);
    expect(prohibitedTexts(c, '一か月で3キロ痩せた', ja)).toEqual(['3キロ痩せ']);
    expect(prohibitedTexts(c, '3キロ痩せた', ja)).toEqual([]);
    const wrong = parseRulesetSource(source(TWO.replace('unless: { before: [夏バテ, 風邪], window: 8 }', 'unless: { anywhere: 夏バテ }')), 'house.yaml').problems.map(formatProblem);
    expect(wrong.join('\n')).toMatch(/house\.yaml:\d+:\d+: .*"anywhere" is a list of words/);
  });

  it('onlyWith: a matcher counts only with one of its cues in reach; the other matchers are not bound by it', () => {
    const src = source(`      - id: secure
        words: [万全]
        onlyWith: { around: [物件, マンション, 住まい], scope: sentence }
      - id: weight
        seq: [{number: [キロ]}, 痩せる]`);
    const c = compileRules([rulesetFromSource(src)], ja);
    expect(prohibitedTexts(c, 'このマンションは防犯対策も万全です', ja)).toEqual(['万全']);
    expect(prohibitedTexts(c, '準備は万全です', ja)).toEqual([]);
    expect(prohibitedTexts(c, '準備は万全、3キロ痩せた', ja)).toEqual(['3キロ痩せ']);
    expect(explainExample(c, ja, 't/slim', '準備は万全です', 'bad')).toMatch(/matcher "secure" counts only with one of its onlyWith cues in reach, and none is/);
    const back = throughCache(c, [rulesetFromSource(src)]);
    expect(prohibitedTexts(back, '準備は万全です', ja)).toEqual([]);
    expect(prohibitedTexts(back, 'この物件は万全です', ja)).toEqual(['万全']);
  });

  it('is an error at its line on a require rule\u2019s matcher, and a bad cue group is one too', () => {
    const require = `
id: t
language: ja
rules:
  - id: t/seller
    kind: require
    category: seller-disclosure
    severity: error
    message: { en: m, ja: m }
    reference: test
    match:
      - id: name
        words: [販売元]
        unless: { before: [旧] }
    examples: { bad: [x], good: [販売元] }
`;
    expect(parseRulesetSource(require, 'house.yaml').problems.map(formatProblem).join('\n')).toMatch(/house\.yaml:14:\d+: .*"unless" decides whether .*a require rule's matchers cannot have one/);
    expect(parseRulesetSource(require.replace('unless:', 'onlyWith:'), 'house.yaml').problems.map(formatProblem).join('\n')).toMatch(/house\.yaml:14:\d+: .*"onlyWith" decides whether/);
    const bad = parseRulesetSource(source(TWO.replace('window: 8', 'window: 8, then2: [x]')), 'house.yaml').problems.map(formatProblem);
    expect(bad.join('\n')).toMatch(/house\.yaml:14:\d+: .*unknown key "then2"/);
  });
});
