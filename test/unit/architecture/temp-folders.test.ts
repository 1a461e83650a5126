/**
 * The suite's temporary folders live in one folder per run (test/global-setup.ts), removed when the run ends: a test
 * that makes one with mkdtemp(os.tmpdir() …), and a CLI process it starts, both write there. Before, every run left
 * about 46 MB behind in the system's temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('temporary folders of a test run', () => {
  it('are made in the run\u2019s own folder, which the processes the tests start inherit', () => {
    const run = os.tmpdir();
    expect(path.basename(run)).toMatch(/^livecomply-test-/);
    expect(path.dirname(mkdtempSync(path.join(os.tmpdir(), 'lc-probe-')))).toBe(run);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("os").tmpdir())'], { encoding: 'utf8' });
    expect(child.stdout).toBe(run);
  });
});
