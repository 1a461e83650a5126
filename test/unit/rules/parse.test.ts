import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import { loadRuleset } from '../../../src/rules/load.js';
import { RulesetError } from '../../../src/rules/model.js';
import { compileLinear, linearRegexProblem } from '../../../src/rules/regex.js';
import { vocabRefs } from '../../../src/rules/vocab.js';
import { cueGroups } from '../../../src/rules/model.js';

const FIX = 'test/fixtures/rulesets';

async function problemsOf(ref: string): Promise<string[]> {
  try {
    await loadRuleset(ref);
  } catch (e) {
    if (e instanceof RulesetError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('ruleset validation', () => {
  it('names file, line and column and what was expected (bad enum)', async () => {
    const [p] = await problemsOf(`${FIX}/invalid/bad-severity.yaml`);
    expect(p).toBe(`${FIX}/invalid/bad-severity.yaml:7:5: rules[0].severity must be one of "error", "warning", "info"`);
  });

  it('reports YAML syntax errors with their position', async () => {
    const [p] = await problemsOf(`${FIX}/invalid/yaml-syntax.yaml`);
    expect(p).toMatch(/^test\/fixtures\/rulesets\/invalid\/yaml-syntax\.yaml:5:\d+: YAML: /);
  });

  it('refuses regular expressions the linear-time engine cannot run, and says what to write instead', async () => {
    const [p] = await problemsOf(`${FIX}/invalid/unsafe-regex.yaml`);
    expect(p).toMatch(/unsafe-regex\.yaml:10:\d+: pattern "日本一\(\?!です\)" uses lookaround.*\{not: \[\.\.\.\]\}/);
  });

  it('reports unknown keys, missing fields and a missing local-language message', () => {
    const src = [
      'id: x',
      'language: ko',
      'rules:',
      '  - id: x/a',
      '    kind: prohibit',
      '    category: superlative',
      '    severity: error',
      '    message: { en: Superlative }',
      '    reference: 표시광고법 제3조',
      '    terms: [최고]',
      '    examples: { bad: [최고], good: [최근] }',
      '  - id: x/b',
      '    kind: require',
      '    category: seller-disclosure',
      '    severity: error',
      '    message: { ko: 판매자, en: Seller }',
      '    terms: [판매자]',
      '    timing: { every: 60, sometimes: true }',
      '    examples: { bad: [안녕], good: [판매자는] }',
    ].join('\n');
    const { problems } = parseRulesetSource(src, 'x.yaml');
    const text = problems.map((p) => `${p.line}:${p.column} ${p.reason}`);
    expect(text).toContain('12:5 rules[1] is missing "reference"');
    expect(text).toContain('18:26 rules[1].timing has an unknown key "sometimes"');
    expect(problems.length).toBe(2);
    const fixed = src.replace('    terms: [판매자]', '    reference: 전자상거래법 제13조\n    terms: [판매자]').replace(', sometimes: true', '');
    const second = parseRulesetSource(fixed, 'x.yaml').problems.map((p) => `${p.line}:${p.column} ${p.reason}`);
    expect(second).toEqual(['8:5 rules[0].message needs a "ko" text (the ruleset\'s language) as well as "en"']);
  });

  it('onlyWhen takes "sponsored" or "declared" (a prohibit rule for sponsored streams or declared products), and says so at its position', () => {
    const rule = (onlyWhen: string) =>
      ['id: x', 'language: zh', 'rules:', '  - id: x/a', '    kind: prohibit', '    category: endorsement', '    severity: error', '    message: { zh: 否认广告, en: Denied }', '    reference: 广告法 第十四条', `    onlyWhen: ${onlyWhen}`, '    terms: [不是广告]', '    examples: { bad: [不是广告], good: [是广告] }'].join('\n');
    expect(parseRulesetSource(rule('sponsored'), 'x.yaml').problems).toEqual([]);
    const text = parseRulesetSource(rule('always'), 'x.yaml').problems.map((p) => `${p.line}:${p.column} ${p.reason}`);
    expect(text).toEqual(['10:5 rules[0].onlyWhen must be one of "sponsored", "declared"']);
  });

  it('rejects duplicate rule ids and duplicate keys', () => {
    const rule = (id: string) =>
      `  - { id: ${id}, kind: prohibit, category: superlative, severity: error, message: { zh: a, en: a }, reference: r, terms: [最佳], examples: { bad: [最佳], good: [好] } }`;
    const { problems } = parseRulesetSource(['id: d', 'language: zh', 'rules:', rule('d/a'), rule('d/a')].join('\n'), 'd.yaml');
    expect(problems.map((p) => p.reason)).toEqual(['rule id "d/a" is used twice (first at rules[0])']);
    const dup = parseRulesetSource('id: d\nid: e\nlanguage: zh\n', 'd.yaml');
    expect(dup.problems[0]?.line).toBe(2);
  });

  it('an empty file says what it expected', () => {
    const { problems } = parseRulesetSource('', 'empty.yaml');
    expect(problems[0]?.reason).toMatch(/empty/);
  });

  it('property: any text gives either a ruleset or problems with positions inside the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const { ruleset, problems } = parseRulesetSource(s, 'f.yaml');
        expect(ruleset === undefined ? problems.length > 0 : problems.length === 0).toBe(true);
        const lines = s.split(/\r\n|\r|\n/).length;
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines + 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extends and overrides', () => {
  it('layers house rules on a base ruleset: disable and change severity', async () => {
    const rs = await loadRuleset(`${FIX}/layered/house.yaml`);
    const ids = rs.rules.map((r) => r.id);
    expect(ids).toEqual(['test-zh/absolute', 'test-zh/seller', 'house/no-competitor']);
    expect(rs.rules.find((r) => r.id === 'test-zh/absolute')?.severity).toBe('warning');
    expect(cueGroups(rs.context.negation).flatMap((g) => g.before ?? [])).toContain('不是');
    expect(rs.sources).toEqual([`${FIX}/layered/house.yaml`, `${FIX}/zh-basic.yaml`]);
  });

  it('warns, at the extends entry, when a later entry replaces a rule of an earlier one', async () => {
    const rs = await loadRuleset(`${FIX}/layered/twins.yaml`);
    expect(rs.rules.filter((r) => r.id === 'test-zh/absolute').map((r) => r.severity)).toEqual(['warning']);
    expect(rs.warnings).toEqual([
      { file: `${FIX}/layered/twins.yaml`, line: 4, column: 29, reason: expect.stringMatching(/extends "twin-b\.yaml", whose rule "test-zh\/absolute" replaces the rule of that id from "\.\.\/zh-basic\.yaml"/) },
    ]);
    // A file's own rule replacing an inherited one is what overriding means: no warning.
    expect((await loadRuleset(`${FIX}/layered/house.yaml`)).warnings).toBeUndefined();
  });

  it('detects extends cycles', async () => {
    const [p] = await problemsOf(`${FIX}/layered/cycle-a.yaml`);
    expect(p).toMatch(/goes round in a circle: .*cycle-a\.yaml → .*cycle-b\.yaml → .*cycle-a\.yaml/);
  });

  it('an override naming no inherited rule is an error at its line', () => {
    return expect(problemsOf(`${FIX}/layered/house.yaml`)).resolves.toEqual([]);
  });

  it('unknown built-in names list the available ones', async () => {
    const [p] = await problemsOf('nope');
    expect(p).toMatch(/no built-in ruleset "nope"/);
  });
});

describe('regular expressions run in linear time (RE2)', () => {
  it.each(['(?<=a)b', '(?!x)y', '(a)\\1', '(a|b'])('refuses %s with a reason', (re) => {
    expect(linearRegexProblem(re)).toBeDefined();
  });
  it.each(['全网最?低价', '由.{1,20}(公司|店)(销售|发货)', '(?:no\\.?1|ナンバーワン)', '\\p{Script=Han}{2}', '\\p{L}+'])('accepts %s', (re) => {
    expect(linearRegexProblem(re)).toBeUndefined();
  });
  // Patterns a backtracking engine takes minutes on (issue 13) finish in linear time.
  it.each([['(a|a)*$', 'a'], ['(a|aa)+$', 'a'], ['(.*?,){15}X', ','], ['(a{1,30}){1,30}$', 'a']])('%s does not backtrack', (re, ch) => {
    const text = ch.repeat(3_000) + '!';
    const t0 = performance.now();
    compileLinear(re).spans(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
  it('\\p{L} is a Unicode property, not the vocab reference {L}', () => {
    expect(vocabRefs('\\p{L}+{disease}')).toEqual(['disease']);
  });
});
