/**
 * A manifest's `sponsored: true` makes every ad disclosure owed whatever is said. The engine once compiled the rules a
 * second time without their `when` for it (a whole compile of the built-in rules, 3–13 s of CPU a language, first
 * through no cache and then as a cache entry of its own); the check now treats a required ad disclosure's `when` as met
 * for a sponsored stream, with the rules compiled once. What it reports is what that second compile reported.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/audit/engine.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileRules } from '../../../src/rules/compile.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { loadRuleset } from '../../../src/rules/load.js';
import type { Rule } from '../../../src/rules/model.js';
import type { Manifest } from '../../../src/manifest/model.js';

const RULESET = `id: t
language: zh
rules:
  - id: t/ad
    kind: require
    category: ad-disclosure
    severity: warning
    message: { en: m, zh: m }
    reference: test
    match:
      - id: said
        words: [广告]
    when:
      match:
        - id: tie
          words: [品牌方]
    examples: { bad: [今天是品牌方专场], good: [今天是品牌方专场 这是广告] }
`;

describe('a stream declared sponsored', () => {
  it('owes every ad disclosure with the rules compiled once, one cache entry for both', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-sponsored-'));
    const file = path.join(dir, 't.yaml');
    writeFileSync(file, RULESET);
    const cache = { cacheDir: path.join(dir, 'cache'), version: 'test' };
    const transcript = { segments: [{ start: 0, end: 5, text: '今天上新 家人们冲' }], durationSec: 5 };
    const sponsored = { sponsored: true, products: [] } as unknown as Manifest;
    const engine = new Engine({ rulesets: [file], cache });
    const first = await engine.check(transcript, 'zh', sponsored);
    expect(first.map((f) => `${f.kind}:${f.ruleId}`)).toEqual(['missing:t/ad']);
    // Without the declaration the tie is not there, and nothing is required; both read the same compiled entry.
    expect(await engine.check(transcript, 'zh')).toEqual([]);
    expect(readdirSync(path.join(cache.cacheDir, 'compiled'))).toHaveLength(1);
    // Said, the disclosure is made either way.
    expect(await engine.check({ segments: [{ start: 0, end: 5, text: '今天上新 这是广告' }], durationSec: 5 }, 'zh', sponsored)).toEqual([]);
  });

  it('reports what the rules with every ad disclosure\'s `when` left out report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-sponsored-'));
    const file = path.join(dir, 't.yaml');
    writeFileSync(file, RULESET);
    const rs = await loadRuleset(file);
    const zh = await createAnalyzerFor('zh');
    const withoutWhen = rs.rules.map((r) => {
      if (r.kind !== 'require' || r.category !== 'ad-disclosure') return r;
      const copy: Rule = { ...r };
      delete (copy as { when?: unknown }).when;
      return copy;
    });
    const texts = ['今天上新 家人们冲', '今天是品牌方专场', '品牌方专场 这是广告', '这是广告'];
    for (const text of texts) {
      const t = { segments: [{ start: 0, end: 5, text }], durationSec: 5 };
      const declared = checkTranscript(compileRules([rs], zh), t, zh, { sponsored: true });
      expect(declared, text).toEqual(checkTranscript(compileRules([{ ...rs, rules: withoutWhen }], zh), t, zh, { sponsored: true }));
    }
  });
});
