/**
 * A manifest's `sponsored: true` makes every ad disclosure required whatever is said: the engine compiles the rules once
 * more without their `when`. That compile did not go through the cache folder, so a CI job auditing one sponsored
 * segment a run paid a whole compile of the built-in rules every run (3–13 s of CPU a language). Now the sponsored form
 * is a compiled entry of its own, kept beside the plain one and read back by the next run.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/audit/engine.js';
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

describe('the rules a sponsored stream needs', () => {
  it('are compiled through the cache folder: one more entry, read back by the next engine', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-sponsored-'));
    const file = path.join(dir, 't.yaml');
    writeFileSync(file, RULESET);
    const cache = { cacheDir: path.join(dir, 'cache'), version: 'test' };
    const transcript = { segments: [{ start: 0, end: 5, text: '今天上新 家人们冲' }], durationSec: 5 };
    const sponsored = { sponsored: true, products: [] } as unknown as Manifest;
    const first = await new Engine({ rulesets: [file], cache }).check(transcript, 'zh', sponsored);
    expect(first.map((f) => `${f.kind}:${f.ruleId}`)).toEqual(['missing:t/ad']);
    // The plain rules and the sponsored form, each an entry of its own.
    expect(readdirSync(path.join(cache.cacheDir, 'compiled'))).toHaveLength(2);
    const again = await new Engine({ rulesets: [file], cache }).check(transcript, 'zh', sponsored);
    expect(again).toEqual(first);
    expect(readdirSync(path.join(cache.cacheDir, 'compiled'))).toHaveLength(2);
    // Without the declaration the tie is not there, and nothing is required.
    expect(await new Engine({ rulesets: [file], cache }).check(transcript, 'zh')).toEqual([]);
  });
});
