/**
 * A file that several files of one ruleset extend is read and assembled once per load: every rule file of the built-in
 * cn, jp and kr extends its vocab.yaml, which was read, parsed and expanded again for each of them (loading cn took
 * about 7 s instead of 3 on the build machine). What the ruleset holds does not change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulesetReading } from '../../../src/rules/load.js';
import { prohibitRuleEntry } from '../../helpers/rule-source.js';

const SHARED = 'id: shared\nlanguage: zh\nvocab:\n  ill: [失眠, 痛风]\nrules: []\n';
const part = (id: string, verb: string) =>
  `id: ${id}\nlanguage: zh\nextends: [shared.yaml]\nrules:\n${prohibitRuleEntry({ id: `${id}/cure`, language: 'zh', seq: `["{ill}", ${verb}]`, bad: `失眠${verb}`, good: verb })}`;

describe('a file several files extend', () => {
  it('is read once per load, and each file extending it gets its lists', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-extends-'));
    writeFileSync(path.join(dir, 'shared.yaml'), SHARED);
    writeFileSync(path.join(dir, 'a.yaml'), part('a', '治好'));
    writeFileSync(path.join(dir, 'b.yaml'), part('b', '根治'));
    writeFileSync(path.join(dir, 'main.yaml'), 'id: main\nlanguage: zh\nextends: [a.yaml, b.yaml]\nrules: []\n');
    const { ruleset, read } = await loadRulesetReading(path.join(dir, 'main.yaml'));
    expect(read.map((f) => path.basename(f.path))).toEqual(['main.yaml', 'a.yaml', 'shared.yaml', 'b.yaml']);
    expect(ruleset.rules.map((r) => r.id)).toEqual(['a/cure', 'b/cure']);
    for (const r of ruleset.rules) expect(JSON.stringify(r.kind === 'prohibit' && r.match)).toContain('痛风');
    // Another load reads it again (a file may have changed between loads).
    expect((await loadRulesetReading(path.join(dir, 'main.yaml'))).read).toHaveLength(4);
  });
});
