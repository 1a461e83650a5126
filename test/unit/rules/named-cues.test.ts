/**
 * Named cue groups: a ruleset's `cues:` names a cue group (or several), and `{use: name}` stands for it in any cue list —
 * a rule's or a matcher's unless, a matcher's onlyWith, the context — in that file or any file extending it. Writers of
 * round 60 wrote the same group shapes into 7 to 11 rules each (a claim put in a kind of seller's mouth and called a con;
 * a viewer's question read out): one definition, reviewed once, is what they asked for.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileRules } from '../../../src/rules/compile.js';
import { asWritten, loadRuleset, namedCuesAsWritten } from '../../../src/rules/load.js';
import { vocabUses } from '../../../src/rules/vocab-uses.js';
import { RulesetError, type Ruleset } from '../../../src/rules/model.js';
import { prohibitRuleEntry, prohibitedTexts } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

/** Writes the files into a new folder and loads `main`. */
async function load(files: Record<string, string>, main = 'main.yaml'): Promise<Ruleset> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-cues-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return loadRuleset(path.join(dir, main));
}

const BASE = `id: base
language: zh
vocab:
  hearsay: [网上说, 听说]
cues:
  said-by-others:
    before: ["{hearsay}"]
    window: 8
rules: []
`;

/** A rule whose unless (the rule's, or its matcher's when `onMatcher`) is written as given. */
const rule = (unless: string, onMatcher = false) =>
  prohibitRuleEntry({ id: 'main/cure', language: 'zh', seq: '[治好, 失眠]', ...(onMatcher ? { matcherUnless: unless } : { unless }), bad: '这个能治好失眠', good: '网上说这个能治好失眠' });
const main = (unless: string, onMatcher = false, head = '') => `id: main\nlanguage: zh\nextends: [base.yaml]\n${head}rules:\n${rule(unless, onMatcher)}`;

describe('named cue groups', () => {
  it('a rule\'s and a matcher\'s unless use a group named in a file they extend, as if written there', async () => {
    const inline = await load({ 'base.yaml': BASE, 'main.yaml': main('[{before: ["{hearsay}"], window: 8}]') });
    for (const onMatcher of [false, true]) {
      const used = await load({ 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-others}]', onMatcher) });
      const c = compileRules([used], zh);
      expect(prohibitedTexts(c, '这个能治好失眠', zh)).toEqual(['治好失眠']);
      expect(prohibitedTexts(c, '网上说这个能治好失眠', zh)).toEqual([]);
      if (!onMatcher) expect(used.rules[0]?.kind === 'prohibit' && used.rules[0].unless).toEqual(inline.rules[0]?.kind === 'prohibit' && inline.rules[0].unless);
      // What the file wrote is kept for `rules show`: the name, not the words.
      expect(JSON.stringify(asWritten(used.rules[0] as never))).toContain('"use":"said-by-others"');
    }
  });

  it('a name may stand for several groups, beside groups of the rule\'s own, and in the context', async () => {
    const base = BASE.replace('rules: []', '  doubted:\n    - {before: [号称], window: 6}\n    - {after: [是假的], window: 6}\nrules: []');
    const rs = await load({ 'base.yaml': base, 'main.yaml': main('[{use: doubted}, {after: [吗], window: 2}]') });
    const c = compileRules([rs], zh);
    for (const lawful of ['号称能治好失眠', '能治好失眠是假的', '能治好失眠吗']) expect(prohibitedTexts(c, lawful, zh)).toEqual([]);
    const ctx = await load({ 'base.yaml': BASE, 'main.yaml': `id: main\nlanguage: zh\nextends: [base.yaml]\ncontext:\n  quotation: [{use: said-by-others}]\nrules:\n${rule('{after: [吗], window: 2}')}` });
    expect(prohibitedTexts(compileRules([ctx], zh), '听说能治好失眠', zh)).toEqual([]);
  });

  it('a list grown by a ruleset extending them reaches the named groups that name it, and the rules using them', async () => {
    const files = { 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-others}]') };
    const house = 'id: house\nlanguage: zh\nextends: [main.yaml]\nvocab:\n  hearsay: ["{hearsay}", 朋友说]\nrules: []\n';
    const grown = await load({ ...files, 'house.yaml': house }, 'house.yaml');
    const c = compileRules([grown], zh);
    expect(prohibitedTexts(c, '朋友说这个能治好失眠', zh)).toEqual([]);
    expect(prohibitedTexts(c, '这个能治好失眠', zh)).toEqual(['治好失眠']);
    // Not grown, the rule still reports it.
    expect(prohibitedTexts(compileRules([await load(files)], zh), '朋友说这个能治好失眠', zh)).toEqual(['治好失眠']);
  });

  it('rules vocab counts a rule among the users of the lists its named groups name', async () => {
    const rs = await load({ 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-others}]') });
    const uses = vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten), namedCuesAsWritten(rs));
    expect(uses.find((u) => u.name === 'hearsay')?.rules).toEqual(['main/cure']);
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten)).find((u) => u.name === 'hearsay')?.rules).toEqual([]);
  });

  it('a list a rule names only under notWith is grown into the rule too, and counted as the rule\'s by rules vocab', async () => {
    // The rule's hearsay cue does not excuse a line with a word of {sure} in it; a house ruleset adds 肯定 to {sure}.
    // Before, only the cue keys (before … then) were read for the lists a rule names: the grown word never reached it.
    const base = BASE.replace('rules: []', '').replace('vocab:\n', 'vocab:\n  sure: [保证]\n');
    const files = { 'base.yaml': base, 'main.yaml': main('[{before: ["{hearsay}"], window: 8, notWith: ["{sure}"]}]') };
    const house = 'id: house\nlanguage: zh\nextends: [main.yaml]\nvocab:\n  sure: ["{sure}", 肯定]\nrules: []\n';
    const grown = compileRules([await load({ ...files, 'house.yaml': house }, 'house.yaml')], zh);
    expect(prohibitedTexts(grown, '听说这个肯定能治好失眠', zh)).toEqual(['治好失眠']);
    expect(prohibitedTexts(grown, '听说这个能治好失眠', zh)).toEqual([]);
    const rs = await load(files);
    expect(prohibitedTexts(compileRules([rs], zh), '听说这个肯定能治好失眠', zh)).toEqual([]);
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten)).find((u) => u.name === 'sure')?.rules).toEqual(['main/cure']);
  });

  it('problems are reported at their line and column', async () => {
    const problems = async (files: Record<string, string>) => {
      try {
        await load(files);
      } catch (e) {
        if (e instanceof RulesetError) return e.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}: ${p.reason}`);
        throw e;
      }
      return [];
    };
    expect(await problems({ 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-other}]') })).toEqual([
      'main.yaml:14:15: uses the cue group "said-by-other", but no named cue group (cues:) of that name is defined in this ruleset or one it extends (defined: said-by-others)',
    ]);
    expect(await problems({ 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-others, window: 3}]') })).toEqual([
      'main.yaml:14:36: a group that uses the named group "said-by-others" has nothing else ("window" here): write the cues in the named group, or as a group of their own beside it',
    ]);
    expect(await problems({ 'base.yaml': BASE, 'main.yaml': main('[{use: said-by-others}]', false, 'cues:\n  said-by-others: {before: [号称]}\n') })).toEqual([
      'main.yaml:5:3: the cue group "said-by-others" is already defined in a ruleset this one extends: give this one another name',
    ]);
    expect(await problems({ 'base.yaml': BASE, 'main.yaml': main('[{use: again}]', false, 'cues:\n  again: {use: said-by-others}\n') })).toEqual([
      'main.yaml:5:11: a named cue group holds its own cues: "use" (of "said-by-others") belongs where cue groups are used (a rule\'s or a matcher\'s unless or onlyWith, the context)',
    ]);
    expect(await problems({ 'base.yaml': BASE.replace('["{hearsay}"]', '["{heresay}"]'), 'main.yaml': main('[{use: said-by-others}]') })).toEqual([
      'base.yaml:7:14: cue uses {heresay}, but no vocab list "heresay" is defined in this ruleset or one it extends (defined: hearsay)',
    ]);
  });
});
