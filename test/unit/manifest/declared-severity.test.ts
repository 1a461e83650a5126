/**
 * `declaredSeverity`: a claim lawful for one product category and not for another (美白 for a
 * registered whitening cosmetic or quasi-drug vs an ordinary cosmetic) is a warning while nobody has
 * said what the product is, an error once a manifest declares it one of the rule's `products`, and
 * nothing when the manifest declares a category the rule does not cover.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, preparedOf, type Prepared } from '../../../src/audit/engine.js';
import { compileRules } from '../../../src/rules/compile.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { builtinEngine } from '../../helpers/builtin.js';
import { loadGazetteer } from '../../../src/manifest/load.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { loadRuleset } from '../../../src/rules/load.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Language } from '../../../src/transcript/model.js';

const engine = builtinEngine();
const manifest = (category: string) => parseManifest(`products:\n  - name: 商品\n    category: ${category}\n`, 'm.yaml', loadGazetteer());

// [language, line, rule, the registered category that may say it]
const ZH_LINE = '家人们这款精华可以美白，今天拍一发二';
const ZH_RULE = 'cn/registration/special-cosmetic-efficacy';
const cases: [Language, string, string, string][] = [
  ['zh', ZH_LINE, ZH_RULE, 'functional-cosmetic'],
  ['ja', 'この美容液、美白もできちゃうんです', 'jp/registration/cosmetic-whitening', 'quasi-drug'],
  ['ko', '이 크림 바르면 미백 효과 확실히 봐요', 'kr/registration/functional-claim', 'functional-cosmetic'],
];

const severityOf = async (language: Language, text: string, ruleId: string, category?: string) => {
  const findings = await engine.check({ segments: [{ start: 3, end: 8, text }] }, language, category ? manifest(category) : undefined);
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.severity);
};

describe('a claim only a registered product may make', () => {
  it.each(cases)('%s: a warning without a manifest', async (language, text, ruleId) => {
    expect(await severityOf(language, text, ruleId)).toEqual(['warning']);
  });

  it.each(cases)('%s: an error when the manifest declares an ordinary cosmetic', async (language, text, ruleId) => {
    expect(await severityOf(language, text, ruleId, 'cosmetic')).toEqual(['error']);
  });

  it.each(cases)('%s: not reported when the manifest declares the registered category', async (language, text, ruleId, registered) => {
    expect(await severityOf(language, text, ruleId, registered)).toEqual([]);
  });

  it('a product without a category keeps the warning', async () => {
    const m = parseManifest('products:\n  - name: 精华\n', 'm.yaml', loadGazetteer());
    const findings = await engine.check({ segments: [{ start: 0, end: 4, text: ZH_LINE }] }, 'zh', m);
    expect(findings.filter((f) => f.ruleId === ZH_RULE).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('declaredSeverity in a ruleset file', () => {
  const rule = (extra: string) => `id: t\nlanguage: zh\nrules:\n  - id: t/r\n    kind: prohibit\n    category: efficacy\n    severity: warning\n${extra}    message: { en: m, zh: m }\n    reference: r\n    terms: [美白]\n    examples: { bad: [美白], good: [保湿] }\n`;

  it('needs products, reported at its line and column', () => {
    const { problems } = parseRulesetSource(rule('    declaredSeverity: error\n'), 'r.yaml');
    expect(problems).toEqual([expect.objectContaining({ file: 'r.yaml', line: 8, column: 5, reason: expect.stringMatching(/declaredSeverity needs "products"/) as string })]);
    expect(parseRulesetSource(rule('    declaredSeverity: error\n    products: [cosmetic]\n'), 'r.yaml').problems).toEqual([]);
  });

  it('must be a severity', () => {
    const { problems } = parseRulesetSource(rule('    declaredSeverity: fatal\n    products: [cosmetic]\n'), 'r.yaml');
    expect(problems[0]).toMatchObject({ file: 'r.yaml', line: 8 });
  });

  it('an override of the severity holds whatever the manifest declares', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lc-declared-'));
    const file = path.join(dir, 'house.yaml');
    await writeFile(file, `id: house\nlanguage: zh\nextends: [cn]\noverrides:\n  ${ZH_RULE}: { severity: info }\nrules: []\n`);
    const rs = await loadRuleset(file);
    const r = rs.rules.find((x) => x.id === ZH_RULE);
    expect(r).toMatchObject({ severity: 'info' });
    expect(r?.declaredSeverity).toBeUndefined();
    // The engine over the house ruleset as loaded, its rules compiled but for this one alone: a rule's findings do not
    // depend on the other rules, and compiling all of cn took most of this file's time.
    const one = { ...rs, rules: rs.rules.filter((x) => x.id === ZH_RULE) };
    const house = new (class extends Engine {
      protected override async build(): Promise<Prepared> {
        const zh = await createAnalyzerFor('zh');
        return preparedOf(zh, [one], compileRules([one], zh));
      }
    })();
    const findings = await house.check({ segments: [{ start: 0, end: 4, text: ZH_LINE }] }, 'zh', manifest('cosmetic'));
    expect(findings.filter((f) => f.ruleId === ZH_RULE).map((f) => f.severity)).toEqual(['info']);
  });
});

// [language, line, rule, a category whose registration allows the words]
const wordingCases: [Language, string, string, string][] = [
  ['zh', '这款燕麦饮有助于增强免疫力，早上来一杯', 'cn/registration/health-function-on-food', 'health-food'],
  ['ja', 'このお茶には睡眠の質を高める機能が報告されています', 'jp/registration/function-wording-on-food', 'functional-food'],
  ['ko', '이 두유는 면역력 증진에 도움을 줄 수 있어요', 'kr/registration/function-wording-on-food', 'health-food'],
];

describe('onlyWhen: declared — registered wording said of a product declared an ordinary food', () => {
  it.each(wordingCases)('%s: silent without a manifest, and for a product without a category', async (language, text, ruleId) => {
    expect(await severityOf(language, text, ruleId)).toEqual([]);
    const m = parseManifest('products:\n  - name: 商品\n', 'm.yaml', loadGazetteer());
    const findings = await engine.check({ segments: [{ start: 0, end: 4, text }] }, language, m);
    expect(findings.filter((f) => f.ruleId === ruleId)).toEqual([]);
  });

  it.each(wordingCases)('%s: an error for a declared ordinary food', async (language, text, ruleId) => {
    expect(await severityOf(language, text, ruleId, 'food')).toEqual(['error']);
  });

  it.each(wordingCases)('%s: silent for the registered category', async (language, text, ruleId, registered) => {
    expect(await severityOf(language, text, ruleId, registered)).toEqual([]);
  });

  it('needs products in a ruleset file', () => {
    const text = 'id: t\nlanguage: zh\nrules:\n  - id: t/r\n    kind: prohibit\n    category: efficacy\n    severity: error\n    onlyWhen: declared\n    message: { en: m, zh: m }\n    reference: r\n    terms: [有助于]\n    examples: { bad: [有助于], good: [保湿] }\n';
    expect(parseRulesetSource(text, 'r.yaml').problems).toEqual([expect.objectContaining({ line: 8, reason: expect.stringMatching(/onlyWhen: declared needs "products"/) as string })]);
  });
});
