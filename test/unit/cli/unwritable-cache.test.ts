/**
 * A cache folder that cannot be created gives the same report as a working one, and ends. Node 20's
 * `mkdir(dir, { recursive: true })` never returns for a folder under /proc (mkdir of the folder is
 * ENOENT, of /proc EEXIST, and it steps back and forth at full CPU), so an audit with
 * LIVECOMPLY_CACHE_DIR=/proc/... used to spin for ever. /proc refuses new folders on every Linux and
 * to root as well (CI runs as root, where a chmod'ed folder stays writable). Each case has a timeout:
 * without the fix, these never settle.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../../src/io/atomic-write.js';
import { writeBoundedCacheContent } from '../../../src/io/cache-entry.js';
import { makeDir } from '../../../src/io/make-dir.js';
import { createJapaneseTokenizer } from '../../../src/text/tokenizers/ja.js';
import { loadJiebaVocabulary } from '../../../src/text/tokenizers/jieba-vocabulary.js';
import { ROOT, runCli, runCliInProcess } from '../../helpers/cli.js';

const onLinux = process.platform === 'linux';
/** A folder no one can create, not even root. */
const PROC = `/proc/livecomply-no-such-folder-${process.pid}/cache`;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lc-unwritable-cache-'));
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: NodeJS.ErrnoException) => e.code);

describe.skipIf(!onLinux)('a cache folder under /proc', () => {
  it('makeDir fails at once with ENOENT (Node\'s recursive mkdir never returns there)', async () => {
    expect(await codeOf(makeDir(PROC))).toBe('ENOENT');
    expect(await codeOf(makeDir(path.join(PROC, 'a', 'b')))).toBe('ENOENT');
  }, 10_000);

  it('makeDir makes missing folders, accepts an existing one, and refuses a file on the way', async () => {
    const dir = tmp();
    await makeDir(path.join(dir, 'a', 'b', 'c'));
    expect(statSync(path.join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await makeDir(path.join(dir, 'a', 'b'));
    writeFileSync(path.join(dir, 'file'), '');
    expect(await codeOf(makeDir(path.join(dir, 'file', 'x')))).toBe('ENOTDIR');
    expect(await codeOf(makeDir(path.join(dir, 'file')))).toBe('EEXIST');
  }, 10_000);

  it('a cache entry or an atomic write there fails instead of hanging', async () => {
    expect(await writeBoundedCacheContent(path.join(PROC, 'compiled', 'x.json'), JSON.stringify({ a: 1 }))).toBe(false);
    expect(await codeOf(writeAtomic(path.join(PROC, 'x.bin'), 'x'))).toBe('ENOENT');
  }, 10_000);

  it('the tokenizers\' caches (Japanese dictionary, Chinese index) are skipped', async () => {
    const ja = await createJapaneseTokenizer({ cacheDir: PROC });
    expect(ja.tokenize('日本一売れてます').map((t) => t.surface)).toEqual(['日本一', '売れ', 'て', 'ます']);
    const require = createRequire(import.meta.url);
    const vocabulary = await loadJiebaVocabulary(require.resolve('@node-rs/jieba/dict.txt'), 'test', PROC);
    expect(vocabulary).toBeDefined();
  }, 60_000);

  it('an audit in-process gives the same report as with a working cache folder', async () => {
    const audit = smallAudit();
    const args = (cache: string) => [...audit, '--cache-dir', cache];
    const working = await runCliInProcess(args(tmp()));
    const blocked = await runCliInProcess(args(PROC));
    expect(blocked).toEqual(working);
    expect(working.stdout).toContain('test-zh/lowest-price');
  }, 60_000);

  it('a report under /proc is refused before the audit, not waited for', async () => {
    const file = oneCue();
    const r = await runCliInProcess(['audit', file, '--lang', 'ja', '--output', path.join(PROC, 'report.json'), '--cache-dir', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot create its folder (ENOENT)');
  }, 60_000);

  it('the binary (with its code cache) ends with the same report', async () => {
    const args = smallAudit();
    const working = await runCli(args, { env: { LIVECOMPLY_CACHE_DIR: tmp() } });
    const blocked = await runCli(args, { env: { LIVECOMPLY_CACHE_DIR: PROC }, timeoutMs: 30_000 });
    expect(blocked).toEqual(working);
    expect(JSON.parse(working.stdout).files).toHaveLength(1);
  }, 60_000);
});

/**
 * An audit of a one-cue Chinese transcript with a small ruleset: every cache it writes (the compiled
 * ruleset, the Chinese index, the code cache) is in play, without the seconds the built-in rulesets
 * take to compile with no cache. The Japanese dictionary's cache is the case above.
 */
function smallAudit(): string[] {
  const file = path.join(tmp(), 'one.srt');
  writeFileSync(file, '1\n00:00:01,000 --> 00:00:03,000\n这款面霜是全网最低价\n');
  const ruleset = path.join(ROOT, 'test', 'fixtures', 'rulesets', 'zh-basic.yaml');
  return ['audit', file, '--lang', 'zh', '--ruleset', ruleset, '--format', 'json', '--fail-on', 'never'];
}

/** A one-cue Japanese transcript with a claim, in a fresh folder. */
function oneCue(): string {
  const file = path.join(tmp(), 'one.srt');
  writeFileSync(file, '1\n00:00:01,000 --> 00:00:03,000\nこの美容液は日本一売れてます\n');
  return file;
}

describe('folders are made by makeDir', () => {
  // Not counting `quoted` mentions in comments.
  it('no source calls Node\'s recursive mkdir (it hangs under /proc)', () => {
    const files = [
      ...readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'src', f)),
      ...readdirSync(path.join(ROOT, 'bin')).filter((f) => f.endsWith('.cjs')).map((f) => path.join(ROOT, 'bin', f)),
    ];
    const offenders = files.filter((f) => /(?<![`\w])mkdir(Sync)?\([^\n]*recursive/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
