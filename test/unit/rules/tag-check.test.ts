/**
 * A part of speech no analyser of the ruleset's language gives matches nothing: loading the ruleset warns at the tag
 * (file:line:col, as `rules lint` prints warnings) and lists the language's tags.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../../src/rules/load.js';
import { formatProblem } from '../../../src/rules/model.js';
import { isAnalyserTag } from '../../../src/rules/pos-tags.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileRules } from '../../../src/rules/compile.js';
import { runExamples } from '../../../src/rules/examples.js';

const RULESET = `id: tags
language: ko
vocab:
  pointed: ["@NPP", "이@MM", 제품]
rules:
  - id: tags/cure
    kind: prohibit
    category: medical-claim
    severity: error
    message: { ko: 치료 표현 금지, en: no cure claims }
    reference: 식품표시광고법 제8조
    match:
      - id: cure
        seq: [{pos: [NNG, 名詞]}, 완치]
    unless: { after: [비결], window: 2, notWith: ["{pointed}", "그@MMX"] }
    examples: { bad: [당뇨 완치], good: [완치 아님] }
`;

describe('unknown part-of-speech tags', () => {
  it('are warned about where they are written, with the language tags listed; known tags are not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-tags-'));
    const file = path.join(dir, 'tags.yaml');
    writeFileSync(file, RULESET);
    const warnings = ((await loadRuleset(file)).warnings ?? []).map(formatProblem);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/tags\.yaml:14:27: a pos element has the part of speech "名詞", which no ko analyser token carries.*ko tags: NNG, NNP, .*ETM/);
    expect(warnings[1]).toMatch(/tags\.yaml:4:13: the notWith word "@NPP" has the part of speech "NPP"/);
    expect(warnings[2]).toMatch(/tags\.yaml:15:62: the notWith word "그@MMX" has the part of speech "MMX"/);
  });

  it('are warned about in a sequence\'s words too, where they now count (이@MM), written there or in a list it names', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-tags-'));
    const file = path.join(dir, 'tags.yaml');
    const seq = RULESET.replace('seq: [{pos: [NNG, 名詞]}, 완치]', 'seq: [["이@MX", "{pointed}"], {words: [요@MM, "저@MMM"]}, 완치]').replace('notWith: ["{pointed}", "그@MMX"]', 'notWith: [그@MM]');
    writeFileSync(file, seq);
    const warnings = ((await loadRuleset(file)).warnings ?? []).map(formatProblem);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/tags\.yaml:14:16: the seq word "이@MX" has the part of speech "MX"/);
    expect(warnings[1]).toMatch(/tags\.yaml:4:13: the seq word "@NPP" has the part of speech "NPP"/);
    expect(warnings[2]).toMatch(/tags\.yaml:14:\d+: the seq word "저@MMM" has the part of speech "MMM"/);
  });

  it('leave a word whose @ starts no tag-like part of speech as written in a sequence (@cosme, a shop\'s name)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-tags-'));
    const file = path.join(dir, 'shop.yaml');
    const ja = `id: shop\nlanguage: ja\nrules:\n  - id: shop/rank\n    kind: prohibit\n    category: superlative\n    severity: error\n    message: { ja: 順位, en: rank }\n    reference: 景品表示法 第5条第1号\n    match:\n      - id: rank\n        seq: [["@cosme", 楽天], {gap: 2}, 1位]\n    examples: { bad: ["@cosmeで1位"], good: [1位] }\n`;
    writeFileSync(file, ja);
    const rs = await loadRuleset(file);
    expect(rs.warnings ?? []).toEqual([]);
    const an = await createAnalyzerFor('ja');
    expect(runExamples(compileRules([rs], an), an).filter((r) => !r.passed)).toEqual([]);
  });

  it('take any beginning of a tag, and in Korean whole tags joined with +', () => {
    for (const tag of ['N', 'NNB', 'VV+EC', 'VV+E', 'MM']) expect(isAnalyserTag(tag, 'ko'), tag).toBe(true);
    for (const tag of ['NPP', '名詞', 'V+EC', '']) expect(isAnalyserTag(tag, 'ko'), tag).toBe(false);
    for (const tag of ['名詞', '名詞-固有名詞', '連体詞']) expect(isAnalyserTag(tag, 'ja'), tag).toBe(true);
    expect(isAnalyserTag('名詞-固有名詞-地域', 'ja')).toBe(false);
    for (const tag of ['nt', 'eng', 'n']) expect(isAnalyserTag(tag, 'zh'), tag).toBe(true);
    expect(isAnalyserTag('NNP', 'zh')).toBe(false);
  });
});
