/**
 * Round 48: a matcher's own `category`. One family is a medical claim said of a disease and an efficacy claim said
 * of a cosmetic's look (two writers had to split such a family into two rules, or leave half of it to older rules).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/compile.js';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../../helpers/cli.js';
import { prohibitedFindings, rulesetFromSource, throughCache } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

const SOURCE = `id: t
language: zh
rules:
  - id: t/repair
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, zh: m }
    reference: test
    match:
      - id: disease
        seq: [修复, [湿疹, 皮炎]]
      - id: look
        seq: [修复, [细纹, 毛孔]]
        category: efficacy
    examples: { bad: [修复湿疹], good: [保湿] }
`;

const categories = (c: ReturnType<typeof compileRules>, text: string) => prohibitedFindings(c, text, zh).map((f) => `${f.matcher}:${f.category}`);

describe('a matcher\u2019s own category', () => {
  it('is what its findings report; the rule\u2019s category stands for its other matchers', () => {
    const c = compileRules([rulesetFromSource(SOURCE)], zh);
    expect(categories(c, '这个能修复湿疹')).toEqual(['disease:medical-claim']);
    expect(categories(c, '这个能修复细纹')).toEqual(['look:efficacy']);
  });

  it('survives the compiled cache', () => {
    const rs = rulesetFromSource(SOURCE);
    const back = throughCache(compileRules([rs], zh), [rs]);
    expect(categories(back, '这个能修复细纹')).toEqual(['look:efficacy']);
  });

  it('is an error on a required disclosure\u2019s matcher, and must be a category name', () => {
    const req = `id: t
language: zh
rules:
  - id: t/seller
    kind: require
    category: seller-disclosure
    severity: error
    message: { en: m, zh: m }
    reference: test
    match:
      - id: named
        words: [经营者]
        category: efficacy
    examples: { bad: [你好], good: [经营者是某某公司] }
`;
    const { problems } = parseRulesetSource(req, 'r.yaml');
    expect(problems.map(formatProblem).join('\n')).toMatch(/matcher "named": "category" names what a prohibited claim is; a require rule's matchers cannot have one/);
    const bad = parseRulesetSource(SOURCE.replace('category: efficacy', 'category: Efficacy!'), 'b.yaml');
    expect(bad.problems.length).toBeGreaterThan(0);
  });

  it('is counted by `rules list` beside the rules’ own categories (it was not: the list said no rule reported efficacy)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lc-mcat-')), 'house.yaml');
    writeFileSync(file, SOURCE);
    const json = await runCliInProcess(['rules', 'list', '--json', file]);
    expect(json.code).toBe(0);
    const [rs] = JSON.parse(json.stdout) as { byCategory: Record<string, number>; byMatcherCategory: Record<string, number> }[];
    expect(rs).toMatchObject({ byCategory: { 'medical-claim': 1 }, byMatcherCategory: { efficacy: 1 } });
    const text = await runCliInProcess(['rules', 'list', file]);
    expect(text.stdout).toMatch(/efficacy +0 +\+1 rule through a matcher's category/);
    expect(text.stdout).toMatch(/medical-claim +1\n/);
  });
});
