import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distinctFiles, loadRulesetCached, rulesetCacheFile } from '../../../src/audit/ruleset-cache.js';
import { MAX_ENTRIES } from '../../../src/io/cache-entry.js';
import { BUILTIN_DIR, loadRuleset } from '../../../src/rules/load.js';
import { RulesetError } from '../../../src/rules/model.js';
import { runCli, runCliInProcess } from '../../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

/** A copy of the built-in cn ruleset (cn.yaml extends cn/*.yaml), to edit. */
function copyCn(): string {
  const dir = tmp('lc-rscache-rs-');
  cpSync(path.join(BUILTIN_DIR, 'cn.yaml'), path.join(dir, 'cn.yaml'));
  cpSync(path.join(BUILTIN_DIR, 'cn'), path.join(dir, 'cn'), { recursive: true });
  return path.join(dir, 'cn.yaml');
}

/** A copy of a small fixture ruleset (layered/house.yaml extends ../zh-basic.yaml): the cache's
 * keys, invalidation and bounds do not depend on the ruleset's size, and loading cn takes ~1.5 s. */
function copySmall(): string {
  const dir = tmp('lc-rscache-rs-');
  const fixtures = path.resolve(import.meta.dirname, '../../fixtures/rulesets');
  mkdirSync(path.join(dir, 'layered'));
  cpSync(path.join(fixtures, 'layered', 'house.yaml'), path.join(dir, 'layered', 'house.yaml'));
  cpSync(path.join(fixtures, 'zh-basic.yaml'), path.join(dir, 'zh-basic.yaml'));
  return path.join(dir, 'layered', 'house.yaml');
}

/** The marker plantMarker puts in place of the cached ruleset. */
const MARKER = { marker: true, rules: [] };

/** Replace the cached ruleset with a marker, so a later load shows whether the entry was used. */
function plantMarker(file: string): void {
  const [head] = readFileSync(file, 'utf8').split('\n');
  const entry = JSON.parse(head as string) as { ruleset: unknown; lazy: unknown };
  entry.ruleset = MARKER;
  entry.lazy = [];
  writeFileSync(file, `${JSON.stringify(entry)}\n[]`);
}

describe('ruleset cache', () => {
  it('returns exactly what the loader returns, then serves it from disk', async () => {
    const ref = copyCn();
    const cacheDir = tmp('lc-rscache-');
    const opts = { cacheDir, version: '1.0.0' };
    const direct = await loadRuleset(ref);
    expect(await loadRulesetCached(ref, opts)).toEqual(direct);
    expect(await loadRulesetCached(ref, opts)).toEqual(direct);
    plantMarker(await rulesetCacheFile(ref, opts));
    expect(await loadRulesetCached(ref, opts)).toEqual(MARKER);
  });

  // A warm audit read the whole entry (2.9 MB for jp), two thirds of it word lists and examples
  // that only compiling and `rules show`/`rules test` read: they are parsed at their first read now.
  it('parses the rules\u2019 word lists, examples and unless cues only when one is read', async () => {
    const ref = copySmall();
    const cacheDir = tmp('lc-rscache-');
    const opts = { cacheDir, version: '1.0.0' };
    const direct = await loadRuleset(ref);
    await loadRulesetCached(ref, opts);
    const file = await rulesetCacheFile(ref, opts);
    const [head, rest] = readFileSync(file, 'utf8').split('\n') as [string, string];
    const firstLine = (JSON.parse(head) as { ruleset: { rules: Record<string, unknown>[] } }).ruleset.rules;
    expect(firstLine.filter((r) => 'match' in r || 'examples' in r || 'unless' in r).map((r) => r.id)).toEqual([]);
    // Damage the second line only: what an audit reads still comes from the first.
    writeFileSync(file, `${head}\n${rest.slice(0, 10)}`);
    const cached = await loadRulesetCached(ref, opts);
    expect(cached.rules.map((r) => [r.id, r.kind, r.severity, r.message])).toEqual(direct.rules.map((r) => [r.id, r.kind, r.severity, r.message]));
    expect(() => JSON.stringify(cached.rules)).toThrow(/damaged ruleset cache entry.*delete it/);
    // Whole again: every field of every rule, read through the first line's getters.
    writeFileSync(file, `${head}\n${rest}`);
    const again = await loadRulesetCached(ref, opts);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(again.rules.map((r) => r.examples)).toEqual(direct.rules.map((r) => r.examples));
  });

  it('hashes each file once, and keeps both contents of a file read twice differently', () => {
    const a = { path: '/r/vocab.yaml', sha256: 'a', shown: '/r/vocab.yaml' };
    const x = { path: '/r/x.yaml', sha256: 'x', shown: '/r/x.yaml' };
    expect(distinctFiles([a, x, a, { ...a, sha256: 'b' }])).toEqual([a, x, { ...a, sha256: 'b' }]);
  });

  it('serves one entry to every working directory its files are shown the same from, and another where they are shown relatively', async () => {
    const ref = copySmall();
    const cacheDir = tmp('lc-rscache-');
    const opts = { cacheDir, version: '1.0.0' };
    const home = process.cwd();
    try {
      // Two folders outside the ruleset's (two CI checkouts, two segments' folders): files shown by absolute paths.
      process.chdir(tmp('lc-rscache-cwd-'));
      const outside = await loadRuleset(ref);
      expect(outside.sources).toEqual([ref, path.resolve(path.dirname(ref), '..', 'zh-basic.yaml')]);
      await loadRulesetCached(ref, opts);
      plantMarker(await rulesetCacheFile(ref, opts));
      process.chdir(tmp('lc-rscache-cwd-'));
      expect(await loadRulesetCached(ref, opts)).toEqual(MARKER);
      // From the ruleset's own folder its files are shown relatively: not the entry written outside it.
      process.chdir(path.dirname(ref));
      const inside = await loadRulesetCached(ref, opts);
      expect(inside.sources).toEqual(['house.yaml', path.resolve(path.dirname(ref), '..', 'zh-basic.yaml')]);
      expect(inside).toEqual(await loadRuleset(ref));
    } finally {
      process.chdir(home);
    }
  });

  it('is invalidated when an extended file or the tool version changes', async () => {
    const ref = copySmall();
    const cacheDir = tmp('lc-rscache-');
    const opts = { cacheDir, version: '1.0.0' };
    const direct = await loadRuleset(ref);
    await loadRulesetCached(ref, opts);
    plantMarker(await rulesetCacheFile(ref, opts));
    // Another version has its own entry.
    expect(await loadRulesetCached(ref, { cacheDir, version: '1.0.1' })).toEqual(direct);
    // A change in a file the ruleset extends (not the one named) is seen.
    appendFileSync(path.join(path.dirname(ref), '..', 'zh-basic.yaml'), '\n# edited\n');
    expect(await loadRulesetCached(ref, opts)).toEqual(direct);
  });

  it('never fails a run: an unwritable or damaged cache only means loading the YAML', async () => {
    const ref = copySmall();
    const blocker = path.join(tmp('lc-rscache-'), 'file');
    writeFileSync(blocker, 'not a folder');
    expect((await loadRulesetCached(ref, { cacheDir: blocker, version: '1' })).id).toBe('house');
    const cacheDir = tmp('lc-rscache-');
    await loadRulesetCached(ref, { cacheDir, version: '1' });
    writeFileSync(await rulesetCacheFile(ref, { cacheDir, version: '1' }), '{ damaged');
    expect((await loadRulesetCached(ref, { cacheDir, version: '1' })).id).toBe('house');
  });

  it('does not cache a bad ruleset: its problems are reported on every run', async () => {
    const dir = tmp('lc-rscache-bad-');
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'id: bad\nlanguage: xx\nrules: []\n');
    const opts = { cacheDir: tmp('lc-rscache-'), version: '1' };
    await expect(loadRulesetCached(file, opts)).rejects.toBeInstanceOf(RulesetError);
    await expect(loadRulesetCached(file, opts)).rejects.toBeInstanceOf(RulesetError);
  });

  // It was unbounded: one entry per working directory and ruleset, never removed (435 entries,
  // 93 MB after a day of test runs on the build machine).
  it('keeps the folder bounded: writing an entry removes the oldest beyond MAX_ENTRIES', async () => {
    const cacheDir = tmp('lc-rscache-');
    const dir = path.join(cacheDir, 'rulesets');
    mkdirSync(dir, { recursive: true });
    const old = (i: number) => path.join(dir, `${i.toString(16).padStart(64, '0')}.json`);
    for (let i = 0; i < MAX_ENTRIES + 5; i++) {
      writeFileSync(old(i), '{}');
      utimesSync(old(i), 1_000_000 + i, 1_000_000 + i);
    }
    const ref = copySmall();
    const opts = { cacheDir, version: '1.0.0' };
    await loadRulesetCached(ref, opts);
    const left = readdirSync(dir);
    expect(left).toHaveLength(MAX_ENTRIES);
    expect(left).toContain(path.basename(await rulesetCacheFile(ref, opts)));
    expect(left).toContain(path.basename(old(MAX_ENTRIES + 4)));
    expect(left).not.toContain(path.basename(old(0)));
  });

  it('shares one entry, ruleset and compiled, between the CLI as built and the sources it was built from', async () => {
    // Until the forty-eighth session each keyed on the hash of its own modules (dist's .js, src's .ts), so a fresh
    // machine's test run loaded and compiled every built-in ruleset twice; the build now records its sources' hashes.
    // (Before the forty-seventh both wrote one file, and every alternate run loaded the YAML again.)
    const ref = copySmall();
    const cacheDir = tmp('lc-rscache-builds-');
    const txt = path.join(tmp('lc-rscache-in-'), 'one.txt');
    writeFileSync(txt, '国家级的好产品\n');
    const args = ['audit', txt, '--ruleset', ref, '--format', 'json', '--cache-dir', cacheDir];
    expect((await runCli(args)).code).toBe(1);
    const entries = () => ({ rulesets: readdirSync(path.join(cacheDir, 'rulesets')), compiled: readdirSync(path.join(cacheDir, 'compiled')) });
    const written = entries();
    expect([written.rulesets.length, written.compiled.length]).toEqual([1, 1]);
    expect((await runCliInProcess(args)).code).toBe(1);
    // The in-process run found both entries (other code would have written entries of its own beside them).
    expect(entries()).toEqual(written);
  });
});
