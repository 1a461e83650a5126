import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendsOf, findExtendingRuleset, topExtender } from '../../../src/cli/rules-parent.js';
import { BUILTIN_DIR } from '../../../src/rules/load.js';

describe('the ruleset that extends a ruleset file (rules test runs the file with its context cues)', () => {
  it('reads the extends list of a YAML text, and nothing from text that is not a mapping with one', () => {
    expect(extendsOf('id: x\nextends: [a.yaml, b/c.yaml]\n')).toEqual(['a.yaml', 'b/c.yaml']);
    expect(extendsOf('id: x\n')).toEqual([]);
    expect(extendsOf('- a\n- b\n')).toEqual([]);
    expect(extendsOf('id: [unclosed\n')).toEqual([]);
  });

  it('climbs to the top of the chain, and stops on a circle', () => {
    const by = new Map([['/r/a.yaml', ['/r/mid.yaml']], ['/r/mid.yaml', ['/top.yaml']]]);
    expect(topExtender('/r/a.yaml', by)).toBe('/top.yaml');
    expect(topExtender('/top.yaml', by)).toBeUndefined();
    expect(topExtender('/a', new Map([['/a', ['/b']], ['/b', ['/a']]]))).toBe('/b');
  });

  it('finds jp.yaml for rulesets/jp/yakki.yaml, and the parent folder of a house ruleset', async () => {
    expect(await findExtendingRuleset(path.join(BUILTIN_DIR, 'jp', 'yakki.yaml'))).toBe(path.join(BUILTIN_DIR, 'jp.yaml'));
    expect(await findExtendingRuleset(path.join(BUILTIN_DIR, 'jp.yaml'))).toBeUndefined();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-parent-'));
    mkdirSync(path.join(dir, 'house'));
    writeFileSync(path.join(dir, 'house.yaml'), 'id: house\nlanguage: zh\nextends: [house/claims.yaml]\n');
    writeFileSync(path.join(dir, 'house', 'claims.yaml'), 'id: claims\nlanguage: zh\nrules: []\n');
    writeFileSync(path.join(dir, 'house', 'other.yaml'), 'id: other\nlanguage: zh\nrules: []\n');
    expect(await findExtendingRuleset(path.join(dir, 'house', 'claims.yaml'))).toBe(path.join(dir, 'house.yaml'));
    expect(await findExtendingRuleset(path.join(dir, 'house', 'other.yaml'))).toBeUndefined();
  });
});
