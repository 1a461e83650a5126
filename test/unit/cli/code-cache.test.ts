/**
 * The binary runs the bundled build with a V8 code cache in the cache folder (bin/bundle.cjs): the
 * first run of a command marks it, the second writes the cache, the next read it, and all say the same. A cache folder
 * that cannot be written changes nothing but the speed.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../helpers/cli.js';

const SMALL_RULESET = path.join(ROOT, 'test', 'fixtures', 'rulesets', 'zh-basic.yaml');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lc-code-cache-'));

describe('code cache of the bundled build', () => {
  it('is written by the second run of a command, read by the next, and changes no output', async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'livecomply.cjs'))) return; // a build without the bundle runs the ES modules
    const cache = tmp();
    const dir = tmp();
    const file = path.join(dir, 'one.txt');
    writeFileSync(file, '[0:00:01] 这款面霜是全网最低价\n');
    // A small ruleset: the built-in ones cost seconds to compile into an empty cache folder.
    const args = ['audit', file, '--lang', 'zh', '--ruleset', SMALL_RULESET, '--format', 'json', '--fail-on', 'never'];
    const env = { LIVECOMPLY_CACHE_DIR: cache };
    // The first run only marks; the second writes the cache; the third reads it.
    const first = await runCli(args, { env });
    expect(readdirSync(path.join(cache, 'code')).filter((n) => /^audit\.zh-[0-9a-f]{20}\.bin\.seen$/.test(n))).toHaveLength(1);
    const second = await runCli(args, { env });
    const written = readdirSync(path.join(cache, 'code'));
    expect(written.filter((n) => /^audit\.zh-[0-9a-f]{20}\.bin$/.test(n))).toHaveLength(1);
    expect(written).toHaveLength(1);
    const third = await runCli(args, { env });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(readdirSync(path.join(cache, 'code'))).toEqual(written);
    expect(first.stdout).toContain('test-zh/lowest-price');
  });

  it('runs the same when the cache folder cannot be written', async () => {
    const dir = tmp();
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    // The small ruleset again: the built-in ones cost seconds to load without a cache, and say nothing more here.
    const args = ['rules', 'list', SMALL_RULESET];
    const writable = await runCli(args, { env: { LIVECOMPLY_CACHE_DIR: tmp() } });
    const blocked = await runCli(args, { env: { LIVECOMPLY_CACHE_DIR: path.join(blocker, 'cache') } });
    expect(blocked).toEqual(writable);
    expect(writable.stdout).toContain('test-zh');
  });
});
