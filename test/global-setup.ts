/**
 * Before any test: the HTML report's page script is bundled from its sources (html-client/*.ts),
 * so tests that import src/ never run a stale bundle (it is quick and rewrites nothing unchanged).
 *
 * And one temporary folder for the whole run: the test workers and the CLI processes they start
 * inherit it as TMPDIR, so every `mkdtemp(os.tmpdir() …)` of a test lands in it, and it is removed
 * when the run ends. Before, each run left its folders behind (about 46 MB a run, the format tests'
 * reports most of it), and repeated runs filled the disk of the build machine.
 *
 * And the CLI's cache folder warmed for the built-in rulesets: one audit per language, the three at
 * once, before any worker starts, from a temporary folder (where the rulesets' files are shown by
 * absolute paths, as in every test that runs the CLI in a folder of its own), then the three again
 * from the project's folder (where they are shown relatively: another ruleset entry, the same
 * compiled one). On a fresh machine (CI) the end-to-end files each began with CLI runs that
 * compiled the rulesets and expanded the dictionaries at the same time, several files at once (the
 * format tests' first run alone took 15–25 s); now they find what these runs wrote. The tests still
 * run the same CLI; what an empty cache folder does is tested with folders of its own.
 *
 * And then the same three rulesets read in this process into the entries the workers' builtinCompiled
 * reads (test/helpers/builtin.ts). Each worker loaded and compiled all three itself before (4–12 s a
 * language). Since the forty-eighth session the sources and the CLI built from them share their cache
 * entries (dist/code-hash.json), so this reads what the CLI's runs wrote; before, it compiled every
 * ruleset a second time beside them (on a fresh machine about half of this setup's CPU), so the three
 * steps now run one after another.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const WARM_LINES = { ja: 'こんにちは、今日もよろしくお願いします', zh: '大家好，欢迎来到直播间', ko: '안녕하세요, 오늘도 잘 부탁드려요' } as const;

/** One audit per built-in language through the built CLI, all at once, run in `cwd` (best effort: a failure here is the tests' to report). */
function warmCliCache(dir: string, cwd: string): Promise<void> {
  const bin = path.join(ROOT, 'bin', 'livecomply.cjs');
  if (!existsSync(path.join(ROOT, 'dist', 'livecomply.cjs'))) return Promise.resolve();
  const runs = Object.entries(WARM_LINES).map(([lang, line]) => {
    const file = path.join(dir, `warm-${lang}.txt`);
    writeFileSync(file, `${line}\n`);
    return new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [bin, 'audit', file, '--lang', lang, '--format', 'json'], { cwd, stdio: 'ignore' });
      child.on('error', () => resolve());
      child.on('close', () => resolve());
    });
  });
  return Promise.all(runs).then(() => undefined);
}

/** The built-in rulesets through test/helpers/builtin.ts, once, so the workers find their cache entries (best effort). */
async function warmSourceCache(): Promise<void> {
  const { builtinCompiled } = await import('./helpers/builtin.js');
  for (const name of ['cn', 'jp', 'kr']) await builtinCompiled(name).catch(() => undefined);
}

export default async function setup(): Promise<() => void> {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'build-client.mjs')], { stdio: 'inherit' });
  const run = mkdtempSync(path.join(os.tmpdir(), 'livecomply-test-'));
  const before = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  for (const key of ['TMPDIR', 'TMP', 'TEMP'] as const) process.env[key] = run;
  await warmCliCache(run, run);
  await warmCliCache(run, ROOT);
  await warmSourceCache();
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(run, { recursive: true, force: true });
  };
}
