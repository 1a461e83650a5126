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
import { alternation, entryText, expandPattern, joinedParts, joinedWords, numberEntry, numberOfEntry, vocabName, vocabRefs, wordRefs, writtenVocab } from '../../../src/rules/vocab.js';
import fc from 'fast-check';

async function problemsOf(yaml: string): Promise<(number | string | undefined)[][]> {
  const err = (await loadRuleset(path.join(files({ 'r.yaml': yaml }), 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
  expect(err).toBeInstanceOf(RulesetError);
  return err.problems.map((p) => [p.line, p.column, p.reason]);
}

describe('vocab expansion', () => {
  it('expands {name} into an escaped alternation, longest word first, and leaves quantifiers alone', () => {
    expect(alternation(['痛风', '高血压', 'a.b', '痛风'])).toBe('(?:a\\.b|高血压|痛风)');
    expect(expandPattern('{disease}.{0,8}(治好|根治)', { disease: ['痛风', '糖尿病'] })).toEqual({ pattern: '(?:糖尿病|痛风).{0,8}(治好|根治)', unknown: [], numbers: [] });
    expect(expandPattern('x{2}y{1,3}', {})).toEqual({ pattern: 'x{2}y{1,3}', unknown: [], numbers: [] });
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

  it('a brace that is no whole list name, in a cue or a seq, is an error at its entry (it would be looked for as written, braces and all)', async () => {
    expect(await problems(ruleset('      - { around: [布, "{cloth"] }'))).toEqual([
      [16, 23, '"{cloth": a brace belongs to a vocab list\'s name, "{name}" (a list stands alone, "{spot}", or joined to characters or other lists, "去{spot}", "{tonic}{organ}")'],
    ]);
    const seq = await problems(ruleset('      - { around: [布] }', '[シワ, {gap: 4}, "x{}", {not: "{1cloth}z"}]'));
    expect(seq.map(([line, column]) => [line, column])).toEqual([[14, 29], [14, 37]]);
  });

  it('a list joined to characters in a cue stands for each of its words so joined', async () => {
    const rs = await loadRuleset(path.join(files({ 'r.yaml': ruleset('      - { around: [布, "{cloth}の"] }') }), 'r.yaml'));
    const rule = rs.rules[0]!;
    expect(rule.kind === 'prohibit' && rule.unless).toEqual([{ around: ['布', 'シャツの', 'アイロンの'] }]);
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten))).toEqual([{ name: 'cloth', words: 2, rules: ['r/wrinkle'] }]);
  });

  it('an unknown list in a cue is reported at its own entry', async () => {
    expect(await problems(ruleset('      - { around: [布, "{clth}"] }'))).toEqual([
      [16, 23, 'cue uses {clth}, but no vocab list "clth" is defined in this ruleset or one it extends (defined: cloth)'],
    ]);
  });
});

// Chinese compounds are made of morphemes: a tonic verb and an organ (健脾, 补肝肾, 养肝肾) make more functions than any
// list of whole phrases held (round 50): a joined entry, "{tonic}{organ}", stands for every word of the one before
// every word of the other, so the class is written once and reviewed as two short lists.
describe('joined lists: "{tonic}{organ}", "去{spot}"', () => {
  const rule = (words: string) => `id: r
language: zh
vocab:
  tonic: [补, 养, 健]
  organ: [肝肾, 脾胃]
  function: ["{tonic}{organ}", 安神]
rules:
  - id: r/tonic
    kind: prohibit
    category: medical-claim
    severity: error
    message: { zh: m, en: m }
    reference: test
    match:
      - id: m
        words: ${words}
    examples: { bad: [这个粉补肝肾], good: [补水] }
`;
  it('a joined entry stands for every word of one list before every word of the other, in a matcher and in a list', async () => {
    const rs = await loadRuleset(path.join(files({ 'r.yaml': rule('["{tonic}{organ}", "去{organ}"]') }), 'r.yaml'));
    const r = rs.rules[0]!;
    expect([...(r.match?.[0]?.words ?? [])].sort()).toEqual(['健肝肾', '健脾胃', '养肝肾', '养脾胃', '去肝肾', '去脾胃', '补肝肾', '补脾胃'].sort());
    expect([...(rs.vocab?.function ?? [])].sort()).toEqual(['健肝肾', '健脾胃', '养肝肾', '养脾胃', '安神', '补肝肾', '补脾胃'].sort());
    // `rules vocab`: a reviewer adding an organ sees the rule that joins it.
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten)).filter((u) => u.rules.length > 0).map((u) => u.name).sort()).toEqual(['organ', 'tonic']);
    const zh = await createAnalyzerFor('zh');
    const found = (text: string) => checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh).map((f) => f.text);
    expect(found('这个山药粉补肝肾')).toEqual(['补肝肾']);
    expect(found('吃这个能健脾胃')).toEqual(['健脾胃']);
    expect(found('补水又保湿')).toEqual([]);
  });

  it('an unknown list in a joined entry is an error at that entry; a join of more than 5,000 words is refused', async () => {
    expect(await problemsOf(rule('[安神, "{tonic}{organs}"]'))).toEqual([
      [16, 21, 'matcher uses {organs}, but no vocab list "organs" is defined in this ruleset or one it extends (defined: tonic, organ, function)'],
    ]);
    const big = Array.from({ length: 80 }, (_, i) => `w${i}`).join(', ');
    const huge = rule('[安神, "{a}{a}"]').replace('vocab:\n', `vocab:\n  a: [${big}]\n`);
    expect(await problemsOf(huge)).toEqual([[17, 21, '"{a}{a}" joins lists into 6400 words, more than 5000: join shorter lists, or split the entry']]);
  });

  // Round 50's ko writer wrote each join twice, with the particle and without ("{media}{at} {feat}", "{media} {feat}").
  it('a part written {name?} is the list\'s words or nothing; a join of optional parts only makes no empty word', () => {
    const lists: Record<string, string[]> = { a: ['x', 'yy'], b: ['1'] };
    expect(joinedWords(joinedParts('{a}{b?}z') ?? [], (n) => lists[n]).words).toEqual(['x1z', 'xz', 'yy1z', 'yyz']);
    expect(joinedWords(joinedParts('{b?}') ?? [], (n) => lists[n]).words).toEqual(['1']);
    expect(wordRefs('{a}{b?}z')).toEqual(['a', 'b']);
  });

  it('joinedWords: as many words as the lists\' sizes multiplied, each the parts in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'b'), fc.string({ minLength: 1, maxLength: 3 }).filter((t) => !/[{}]/.test(t))), { minLength: 1, maxLength: 4 }), (spec) => {
        const lists: Record<string, string[]> = { a: ['x', 'yy'], b: ['1', '2', '3'] };
        const word = spec.map((p) => (p === 'a' || p === 'b' ? `{${p}}` : p)).join('');
        const parts = joinedParts(word);
        if (!spec.some((p) => p === 'a' || p === 'b') || vocabName(word) !== undefined) return parts === undefined;
        const { words } = joinedWords(parts ?? [], (n) => lists[n]);
        const expected = spec.reduce((acc, p) => acc.flatMap((h) => (lists[p] && (p === 'a' || p === 'b') ? lists[p].map((w) => h + w) : [h + p])), ['']);
        return JSON.stringify(words) === JSON.stringify(expected);
      }),
    );
  });
});

// Round 49's writers and a house ruleset's author: a word added to a list must reach every rule that names the list,
// not only the file's own rules. A list naming itself extends the inherited list of that name.
describe('a list that names itself extends the inherited list', () => {
  const base = `id: base
language: zh
vocab:
  disease: [痛风]
  ailment: ["{disease}", 失眠]
rules:
${RULE('base/cure', '{disease}.{0,8}治好')}
${RULE('base/better', '{ailment}.{0,4}好了')}`;
  const found = async (rs: Awaited<ReturnType<typeof loadRuleset>>, text: string) => {
    const zh = await createAnalyzerFor('zh');
    const all = checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh);
    return all.filter((f) => f.kind === 'prohibited').map((f) => f.ruleId).sort();
  };
  it('every inherited rule and list naming it, directly or through another list, finds the words added', async () => {
    const dir = files({ 'base.yaml': base, 'house.yaml': 'id: house\nlanguage: zh\nextends: [base.yaml]\nvocab:\n  disease: ["{disease}", 鹅掌风]\nrules: []\n' });
    const rs = await loadRuleset(path.join(dir, 'house.yaml'));
    expect(rs.vocab?.disease).toEqual(['痛风', '鹅掌风']);
    expect(rs.vocab?.ailment).toEqual(['痛风', '鹅掌风', '失眠']);
    expect(await found(rs, '喝了一个月鹅掌风就治好了')).toEqual(['base/better', 'base/cure']);
    expect(await found(rs, '喝了一个月痛风就治好了')).toEqual(['base/better', 'base/cure']);
    // The base alone is as it was.
    expect(await found(await loadRuleset(path.join(dir, 'base.yaml')), '喝了一个月鹅掌风就治好了')).toEqual([]);
    // A ruleset extending the house may grow it again.
    writeFileSync(path.join(dir, 'top.yaml'), 'id: top\nlanguage: zh\nextends: [house.yaml]\nvocab:\n  disease: ["{disease}", 灰指甲]\nrules: []\n');
    const top = await loadRuleset(path.join(dir, 'top.yaml'));
    expect(top.vocab?.ailment).toEqual(['痛风', '鹅掌风', '灰指甲', '失眠']);
    expect(await found(top, '灰指甲好了')).toEqual(['base/better']);
  });

  it('a list naming itself with no inherited list of that name is still an error at that entry', async () => {
    const dir = files({ 'r.yaml': 'id: r\nlanguage: zh\nvocab:\n  disease: ["{disease}", 鹅掌风]\nrules: []\n' });
    const err = (await loadRuleset(path.join(dir, 'r.yaml')).catch((e: unknown) => e)) as RulesetError;
    expect(err.problems.map((p) => [p.line, p.reason])).toEqual([[4, 'vocab list "disease" names "{disease}", which names "disease" again: lists cannot contain themselves (a list names itself only to extend the list of that name a ruleset it extends defines)']]);
  });

  it('the built-in cn: a house list adding a disease reaches the built-in rules that name {disease}', async () => {
    const dir = files({ 'house.yaml': 'id: house\nlanguage: zh\nextends: [cn]\nvocab:\n  disease: ["{disease}", 鹅掌风]\nrules: []\n' });
    const rs = await loadRuleset(path.join(dir, 'house.yaml'));
    expect(await found(rs, '喝了三个月，我的鹅掌风好了')).not.toEqual([]);
    expect(await found(await builtinRuleset('cn'), '喝了三个月，我的鹅掌风好了')).toEqual([]);
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

// Asked for by writers of rounds 56, 57 and 58: a list of amounts that holds a number as well as words
// (几斤, 好几斤 or 3 斤 and more) had to be written as two matchers, one with the list and one with the number.
describe('numbers in vocab lists: {number: [斤], min: 3} among the words', () => {
  const ruleset = (lists: string, seq: string, extra = '') => `id: r
language: zh
vocab:
${lists}
rules:
  - id: r/loss
    kind: prohibit
    category: efficacy
    severity: error
    message: { zh: m, en: m }
    reference: test
    match:
      - id: m
        seq: ${seq}${extra}
    examples: { bad: [一个月瘦了五斤], good: [瘦了一斤] }
`;
  const LISTS = '  amount: [好几斤, {number: [斤, 公斤], min: 3}]\n  any_amount: ["{amount}", 一大圈]';

  it('where the list stands as a seq element, each number is one more alternative (bounds and units kept), through nested lists', async () => {
    const rs = await loadRuleset(path.join(files({ 'r.yaml': ruleset(LISTS, '[瘦了, "{any_amount}"]') }), 'r.yaml'));
    expect(rs.rules[0]!.match?.[0]?.seq?.[1]).toEqual(['好几斤', { number: ['斤', '公斤'], min: 3 }, '一大圈']);
    const zh = await createAnalyzerFor('zh');
    const found = (text: string) => checkTranscript(compileRules([rs], zh), { segments: [{ start: 0, end: 5, text }] }, zh).map((f) => f.text);
    expect(found('一个月瘦了五斤')).toEqual(['瘦了五斤']);
    expect(found('一个月瘦了10公斤')).toEqual(['瘦了10公斤']);
    expect(found('一个月瘦了好几斤')).toEqual(['瘦了好几斤']);
    expect(found('一个月瘦了一大圈')).toEqual(['瘦了一大圈']);
    expect(found('一个月瘦了两斤')).toEqual([]);
    expect(found('一个月瘦了五岁')).toEqual([]);
  });

  it('a list in a file a ruleset extends brings its numbers along; among written alternatives too', async () => {
    const dir = files({
      'vocab.yaml': `id: v\nlanguage: zh\nvocab:\n${LISTS}\nrules: []\n`,
      'r.yaml': ruleset('  own: [x]', '[瘦了, ["{amount}", 一圈]]').replace('rules:', 'extends: [vocab.yaml]\nrules:'),
    });
    const rs = await loadRuleset(path.join(dir, 'r.yaml'));
    expect(rs.rules[0]!.match?.[0]?.seq?.[1]).toEqual(['好几斤', { number: ['斤', '公斤'], min: 3 }, '一圈']);
  });

  it('a list holding a number used where no number can stand is an error at that place, naming the list', async () => {
    const unlessIn = ruleset(LISTS, '[瘦了, 一圈]', '\n    unless: { before: ["{amount}"] }');
    expect(await problemsOf(unlessIn)).toEqual([[16, 24, 'a cue uses {amount}, which holds a number ({number: …}): a list\'s numbers count only where the list stands as a seq element or among a seq\'s alternatives (not in a cue); use a list of words here']]);
    const wordsMatcher = ruleset(LISTS, '[瘦了]').replace('        seq: [瘦了]', '        words: ["{amount}", 瘦了]');
    expect((await problemsOf(wordsMatcher))[0]?.[2]).toMatch(/^a words list uses \{amount\}, which holds a number/);
    const optional = ruleset(LISTS, '[瘦了, {words: ["{amount}"], optional: true}]');
    expect((await problemsOf(optional))[0]?.[2]).toMatch(/^a words list uses \{amount\}, which holds a number/);
    const joined = ruleset(LISTS, '[瘦了, "{amount}左右"]');
    expect((await problemsOf(joined))[0]?.[2]).toBe('"{amount}左右" joins {amount}, which holds a number ({number: …}): a number cannot be joined to characters; use the list as a seq element of its own');
  });

  it('bounds that leave no number, a wrong key, and a list whose numbers make too many ways to read a seq are refused', async () => {
    expect(await problemsOf(ruleset('  amount: [几斤, {number: [斤], min: 5, max: 3}]', '[瘦了, "{amount}"]'))).toEqual([[4, 38, '"max" (3) is below "min" (5): no number fits']]);
    expect((await problemsOf(ruleset('  amount: [几斤, {numbers: [斤]}]', '[瘦了, "{amount}"]')))[0]?.[0]).toBe(4);
    const many = '  n: [{number: [斤]}, {number: [公斤]}, {number: [kg]}]';
    const problems = await problemsOf(ruleset(many, '["{n}", 瘦了, "{n}", "{n}"]'));
    expect(problems).toEqual([[14, 9, 'with the numbers its vocab lists hold, its alternatives read 27 ways (more than 16): split the matcher in two, or take the numbers out of a list']]);
  });

  it('an entry keeps its number as written through encoding, listings and nested joins', () => {
    const n = { number: ['{unit}', '斤'], min: 2 };
    const e = numberEntry(n);
    expect(numberOfEntry(e)).toEqual(n);
    expect(joinedParts(e)).toBeUndefined();
    expect(vocabName(e)).toBeUndefined();
    expect(entryText(e)).toBe('{number: [{unit}, 斤], min: 2}');
    expect(writtenVocab({ a: ['x', e] })).toEqual({ a: ['x', n] });
    fc.assert(fc.property(fc.record({ number: fc.oneof(fc.constant(true as const), fc.array(fc.string({ minLength: 1 }), { minLength: 1 })), min: fc.integer() }), (x) => {
      expect(numberOfEntry(numberEntry(x))).toEqual(x);
    }));
  });
});
