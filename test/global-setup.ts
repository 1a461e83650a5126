/**
 * Before any test: the HTML report's page script is bundled from its sources (html-client/*.ts),
 * so tests that import src/ never run a stale bundle (it is quick and rewrites nothing unchanged).
 *
 * And one temporary folder for the whole run: the test workers and the CLI processes they start
 * inherit it as TMPDIR, so every `mkdtemp(os.tmpdir() …)` of a test lands in it, and it is removed
 * when the run ends. Before, each run left its folders behind (about 46 MB a run, the format tests'
 * reports most of it), and repeated runs filled the disk of the build machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'build-client.mjs')], { stdio: 'inherit' });
  const run = mkdtempSync(path.join(os.tmpdir(), 'livecomply-test-'));
  const before = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  for (const key of ['TMPDIR', 'TMP', 'TEMP'] as const) process.env[key] = run;
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(run, { recursive: true, force: true });
  };
}
