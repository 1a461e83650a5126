import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileRules } from '../../../src/rules/compile.js';
import { runExamples } from '../../../src/rules/examples.js';
import { loadRuleset } from '../../../src/rules/load.js';
import { RulesetError } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';

const ruleset = (match: string, unless: string) => `id: bare
language: zh
vocab:
  disease: [痛风, 糖尿病]
  neg: [并不能, 不会]
rules:
  - id: bare/cure
    kind: prohibit
    category: medical-claim
    severity: error
    message: { zh: 不得宣称治病, en: no cure claims }
    reference: 《广告法》第十七条
    match:
${match}
    unless: ${unless}
    examples:
      bad: [{ text: 喝了痛风就好了, match: 痛风 }, { text: 糖尿病根治, matcher: cure }]
      good: [并不能痛风, 不会得糖尿病, 说明书上写着糖尿病]
`;

const MATCH = `      - id: named
        words: "{disease}"
      - id: cure
        seq: [{words: "{disease}"}, {notAfter: "{neg}"}, 根治]`;

describe('a word list written as one bare "{name}" is that one-item list', () => {
  it('under words, a seq element\'s words and a cue key: the rule runs as with ["{name}"]', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bare-'));
    const file = path.join(dir, 'bare.yaml');
    writeFileSync(file, ruleset(MATCH, '{ before: "{neg}", anywhere: ["说明书"] }'));
    const rs = await loadRuleset(file);
    expect(rs.rules[0]?.match?.[0]?.words).toEqual(['痛风', '糖尿病']);
    const analyzer = await createAnalyzerFor('zh');
    const results = runExamples(compileRules([rs], analyzer), analyzer);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(5);
  });

  // Round 45 (a writer's request): `{number: "{units}"}` was refused, so unit lists were written out inline again.
  it('a number step\'s units written as one bare "{name}" are that list', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bare-'));
    const file = path.join(dir, 'bare.yaml');
    const units = `      - id: named
        words: "{disease}"
      - id: cure
        seq: [{number: "{span}"}, {words: "{disease}"}, 根治]`;
    writeFileSync(file, ruleset(units, '{ before: "{neg}", anywhere: ["说明书"] }').replace('  neg: [并不能, 不会]', '  neg: [并不能, 不会]\n  span: [天, 个月]').replace('{ text: 糖尿病根治, matcher: cure }', '{ text: 三个月糖尿病根治, matcher: cure }'));
    const rs = await loadRuleset(file);
    const step = rs.rules[0]?.match?.[1]?.seq?.[0] as { number?: unknown };
    expect(step.number).toEqual(['天', '个月']);
    const analyzer = await createAnalyzerFor('zh');
    expect(runExamples(compileRules([rs], analyzer), analyzer).filter((r) => !r.passed)).toEqual([]);
  });

  it('another bare string where a list is wanted is an error at its line and column', () => {
    const { ruleset: parsed, problems } = parseRulesetSource(ruleset(MATCH.replace('words: "{disease}"', 'words: 痛风'), '{ anywhere: 说明书 }'), 'bare.yaml');
    expect(parsed).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.reason}`)).toEqual([
      '15:9: "words" is a list of words: write [痛风] (a bare string is taken as a list only when it is a vocab list, "{name}")',
      '18:15: "anywhere" is a list of words: write [说明书] (a bare string is taken as a list only when it is a vocab list, "{name}")',
    ]);
  });

  it('an unknown bare name is reported where it is written; bad YAML keeps file:line:col', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bare-'));
    const file = path.join(dir, 'bare.yaml');
    writeFileSync(file, ruleset(MATCH, '{ before: "{nope}" }'));
    const err = await loadRuleset(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesetError);
    expect((err as RulesetError).problems[0]).toMatchObject({ line: 18, column: 15, reason: expect.stringContaining('no vocab list "nope"') });
    const broken = parseRulesetSource(ruleset(MATCH, '{ before: "{neg}" '), 'bare.yaml');
    expect(broken.problems[0]).toMatchObject({ file: 'bare.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(broken.ruleset).toBeUndefined();
  });
});
