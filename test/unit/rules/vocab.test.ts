import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import { asWritten, BUILTIN_DIR, loadRuleset } from '../../../src/rules/load.js';
import { builtinRuleset } from '../../helpers/builtin.js';
import { vocabUses } from '../../../src/rules/vocab-uses.js';
import { RulesetError } from '../../../src/rules/model.js';
import { alternation, expandPattern, vocabRefs } from '../../../src/rules/vocab.js';

describe('vocab expansion', () => {
  it('expands {name} into an escaped alternation, longest word first, and leaves quantifiers alone', () => {
    expect(alternation(['痛风', '高血压', 'a.b', '痛风'])).toBe('(?:a\\.b|高血压|痛风)');
    expect(expandPattern('{disease}.{0,8}(治好|根治)', { disease: ['痛风', '糖尿病'] })).toEqual({ pattern: '(?:糖尿病|痛风).{0,8}(治好|根治)', unknown: [] });
    expect(expandPattern('x{2}y{1,3}', {})).toEqual({ pattern: 'x{2}y{1,3}', unknown: [] });
    expect(expandPattern('{nope}', {}).unknown).toEqual(['nope']);
    expect(vocabRefs('{a}.{0,3}{b_2}')).toEqual(['a', 'b_2']);
  });
});

function files(map: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-vocab-'));
  for (const [name, text] of Object.entries(map)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const RULE = (id: string, pattern: string) => `  - id: ${id}
    kind: prohibit
    category: medical-claim
    severity: error
    message: { zh: 不得宣称治疗疾病, en: no cure claims }
    reference: 《广告法》第十七条
    patterns: ['${pattern}']
    examples: { bad: [喝了糖尿病就治好了], good: [喝了心情好] }
`;

describe('vocab in rulesets', () => {
  it('a list defined once is used by the rulesets that extend it, and a 200-word list fits', async () => {
    const diseases = ['糖尿病', '高血压', '痛风', ...Array.from({ length: 200 }, (_, i) => `病${i}号`)];
    const dir = files({
      'vocab.yaml': `id: v\nlanguage: zh\nvocab:\n  disease: [${diseases.join(', ')}]\nrules: []\n`,
      'claims.yaml': `id: c\nlanguage: zh\nextends: [vocab.yaml]\nrules:\n${RULE('c/cure', '{disease}.{0,8}(治好|根治)')}`,
    });
    const rs = await loadRuleset(path.join(dir, 'claims.yaml'));
    expect(rs.vocab?.disease).toHaveLength(203);
    expect(rs.rules[0]!.patterns![0]!.length).toBeGreaterThan(500);
    const zh = await createAnalyzerFor('zh');
    const found = (text: string) => checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh).length > 0;
    expect(found('喝了三个月，痛风就治好了')).toBe(true);
    expect(found('病17号也能根治')).toBe(true);
    expect(found('心情治好了')).toBe(false);
  });

  it('an unknown name is a ruleset error at the pattern, naming the lists that exist', async () => {
    const dir = files({ 'r.yaml': `id: r\nlanguage: zh\nvocab:\n  disease: [痛风]\nrules:\n${RULE('r/cure', '{diseases}.{0,8}治好')}` });
    const err = await loadRuleset(path.join(dir, 'r.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesetError);
    const p = (err as RulesetError).problems[0]!;
    expect(p.line).toBe(12);
    expect(p.reason).toBe('pattern uses {diseases}, but no vocab list "diseases" is defined in this ruleset or one it extends (defined: disease)');
  });

  // Round 33's zh writer: a "{disease}" inside a vocab list was taken as the literal word and matched
  // nothing, silently (six Korean lists named other lists so).
  it('a list may name other lists, through any depth, in this file or one it extends', async () => {
    const dir = files({
      'vocab.yaml': 'id: v\nlanguage: zh\nvocab:\n  chronic: [痛风, 高血压]\nrules: []\n',
      'r.yaml': `id: r\nlanguage: zh\nextends: [vocab.yaml]\nvocab:\n  skin: [湿疹]\n  ailment: ["{chronic}", "{skin}", 失眠]\n  any: ["{ailment}", 便秘]\nrules:\n${RULE('r/cure', '{any}.{0,8}治好')}`,
    });
    const rs = await loadRuleset(path.join(dir, 'r.yaml'));
    expect([...(rs.vocab?.any ?? [])].sort()).toEqual(['便秘', '失眠', '湿疹', '痛风', '高血压'].sort());
    const zh = await createAnalyzerFor('zh');
    expect(checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text: '喝了一个月湿疹就治好了' }] }, zh)).toHaveLength(1);
  });

  it('a list naming an unknown list, or itself, is a ruleset error at that entry', async () => {
    const dir = files({ 'r.yaml': 'id: r\nlanguage: zh\nvocab:\n  a: [x, "{b}"]\n  b: ["{a}"]\n  c: ["{nope}"]\nrules: []\n' });
    const err = (await loadRuleset(path.join(dir, 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
    expect(err).toBeInstanceOf(RulesetError);
    expect(err.problems.map((p) => [p.line, p.reason])).toEqual([
      [5, 'vocab list "b" names "{a}", which names "b" again: lists cannot contain themselves'],
      [6, 'vocab list "c" names "{nope}", but no vocab list "nope" is defined in this ruleset or one it extends'],
    ]);
  });

  it('a bad list name or an empty list is refused with its place', async () => {
    const dir = files({ 'r.yaml': 'id: r\nlanguage: zh\nvocab:\n  1bad: [x]\n  empty: []\nrules: []\n' });
    const err = (await loadRuleset(path.join(dir, 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
    expect(err.problems.map((p) => [p.line, p.reason])).toEqual([
      [4, 'vocab key "1bad" must start with a letter or "_" and hold only letters, digits, "_" and "-"'],
      [5, 'vocab.empty must have at least 1 item(s)'],
    ]);
  });
  it('a list named among a rule\'s unless cues or the ruleset\'s context cues stands for its words there too (a cue "{name}" was once taken literally)', async () => {
    const dir = files({
      'r.yaml': `id: r
language: zh
vocab:
  took_medicine: [吃了退烧药, 吃了感冒药]
rules:
  - id: r/no-injection
    kind: prohibit
    category: medical-claim
    severity: error
    message: { zh: 不得宣称不用打针, en: no "no injections needed" claims }
    reference: 《广告法》第十七条
    match:
      - { id: words, words: [不用打针] }
    unless:
      - before: ["{took_medicine}"]
        scope: sentence
    examples: { bad: [喝了这个 现在不用打针了], good: [孩子吃了退烧药 现在不用打针了] }
`,
    });
    const rs = await loadRuleset(path.join(dir, 'r.yaml'));
    const rule = rs.rules[0]!;
    expect(rule.kind === 'prohibit' && rule.unless).toEqual([{ before: ['吃了退烧药', '吃了感冒药'], scope: 'sentence' }]);
    const zh = await createAnalyzerFor('zh');
    const found = (text: string) => checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh).length > 0;
    expect(found('喝了这个 现在不用打针了')).toBe(true);
    expect(found('孩子吃了感冒药 现在不用打针了')).toBe(false);
    // The ruleset's own context cues too (a denial list kept once, used by every rule).
    const ctx = files({ 'r.yaml': readFileSync(path.join(dir, 'r.yaml'), 'utf8').replace('rules:\n', 'context:\n  negation:\n    - after: ["{denied}"]\n      window: 4\nrules:\n').replace('vocab:\n', 'vocab:\n  denied: [是骗人的, 不可能]\n') });
    const withContext = await loadRuleset(path.join(ctx, 'r.yaml'));
    expect(withContext.context.negation).toEqual([{ after: ['是骗人的', '不可能'], window: 4 }]);
    expect(checkTranscript(compileRules([withContext], zh), { segments: [{ start: 0, end: 5, text: '喝了这个就不用打针是骗人的' }] }, zh)).toEqual([]);
    const bad = files({ 'r.yaml': readFileSync(path.join(dir, 'r.yaml'), 'utf8').replace('"{took_medicine}"', '"{took_medicines}"') });
    const err = (await loadRuleset(path.join(bad, 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
    expect(err).toBeInstanceOf(RulesetError);
    expect(err.problems.map((p) => [p.line, p.reason])).toEqual([[15, 'cue uses {took_medicines}, but no vocab list "took_medicines" is defined in this ruleset or one it extends (defined: took_medicine)']]);
  });
});

describe('vocab lists in cues as in matchers', () => {
  const ruleset = (unless: string, seq = '[シワ, {gap: 4}, 消える]') => `id: r
language: ja
vocab:
  cloth: [シャツ, アイロン]
rules:
  - id: r/wrinkle
    kind: prohibit
    category: efficacy
    severity: error
    message: { ja: m, en: m }
    reference: test
    match:
      - id: m
        seq: ${seq}
    unless:
${unless}
    examples: { bad: [シワが消える], good: [シャツのシワが消える] }
`;
  const problems = async (yaml: string) => {
    const err = (await loadRuleset(path.join(files({ 'r.yaml': yaml }), 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
    expect(err).toBeInstanceOf(RulesetError);
    return err.problems.map((p) => [p.line, p.column, p.reason]);
  };

  it('every cue key (before, after, around, inside, then) names a list, and `rules vocab` counts the rule as its user', async () => {
    const rs = await loadRuleset(path.join(files({ 'r.yaml': ruleset('      - { around: ["{cloth}"] }\n      - { inside: ["{cloth}"] }\n      - { before: ["{cloth}"], after: ["{cloth}"], then: ["{cloth}"] }') }), 'r.yaml'));
    const rule = rs.rules[0]!;
    expect(rule.kind === 'prohibit' && rule.unless).toEqual([
      { around: ['シャツ', 'アイロン'] },
      { inside: ['シャツ', 'アイロン'] },
      { before: ['シャツ', 'アイロン'], after: ['シャツ', 'アイロン'], then: ['シャツ', 'アイロン'] },
    ]);
    // A list only an `unless` names is still in use: a reviewer adding a word to it sees the rule.
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten))).toEqual([{ name: 'cloth', words: 2, rules: ['r/wrinkle'] }]);
  });

  it('a list joined to other characters, in a cue or a seq, is an error at its entry (it was looked for as written, braces and all)', async () => {
    expect(await problems(ruleset('      - { around: [布, "{cloth}が"] }'))).toEqual([
      [16, 23, '"{cloth}が": a vocab list is written as a whole word, "{name}" (a list cannot be joined to other characters: list the joined words, or give the list and the other words entries of their own)'],
    ]);
    const seq = await problems(ruleset('      - { around: [布] }', '[シワ, {gap: 4}, "x{cloth}", {not: "{cloth}z"}]'));
    expect(seq.map(([line, column]) => [line, column])).toEqual([[14, 29], [14, 42]]);
  });

  it('an unknown list in a cue is reported at its own entry', async () => {
    expect(await problems(ruleset('      - { around: [布, "{clth}"] }'))).toEqual([
      [16, 23, 'cue uses {clth}, but no vocab list "clth" is defined in this ruleset or one it extends (defined: cloth)'],
    ]);
  });
});

describe('the built-in word-list files', () => {
  // The contrast and correction lists were cn.yaml's own, so a rule file (which cn.yaml extends, and which itself
  // extends cn/vocab.yaml) could not name them and spelled 但是/可是/不过 out again in its unless groups.
  it('hold the lists the rulesets\' context names, so a rule file can name {contrast} in a matcher\'s unless', async () => {
    const dir = files({
      'r.yaml': `id: r\nlanguage: zh\nextends: [${JSON.stringify(path.join(BUILTIN_DIR, 'cn', 'vocab.yaml'))}]\nrules:
  - id: r/cure
    kind: prohibit
    category: medical-claim
    severity: error
    message: { zh: 不得宣称治疗疾病, en: no cure claims }
    reference: 《广告法》第十七条
    match:
      - id: cure
        seq: [治好, 了]
        unless: [{ before: ["{contrast}"], window: 2 }]
    examples: { bad: [{ text: 喝了就治好了, match: 治好了, matcher: cure }], good: [可是治好了] }
`,
    });
    const rs = await loadRuleset(path.join(dir, 'r.yaml'));
    for (const name of ['contrast', 'correction']) expect(rs.vocab?.[name]?.length).toBeGreaterThan(3);
    const zh = await createAnalyzerFor('zh');
    const found = (text: string) => checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh).length > 0;
    expect(found('喝了就治好了')).toBe(true);
    expect(found('不过治好了')).toBe(false);
  });

  it('in kr, hold the advice and goods-pointing lists the context names', async () => {
    const vocabFile = await loadRuleset(path.join(BUILTIN_DIR, 'kr', 'vocab.yaml'));
    for (const name of ['advice_tip', 'goods_pointed']) expect(vocabFile.vocab?.[name]?.length).toBeGreaterThan(3);
    expect((await builtinRuleset('kr')).vocab?.advice_tip).toEqual(vocabFile.vocab?.advice_tip);
  });
});
