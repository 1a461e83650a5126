/**
 * The progress display in a real terminal (a pseudo-terminal from util-linux `script`) and in CI.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { assertBuildCurrent, BIN, ROOT, runCli } from '../helpers/cli.js';

const run = promisify(execFile);

function folder(n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-progress-'));
  for (let i = 0; i < n; i++) cpSync(path.join(ROOT, 'samples/ja-stream.vtt'), path.join(dir, `stream-${String(i).padStart(2, '0')}.vtt`));
  return dir;
}

describe('progress', () => {
  it('on a terminal: one line redrawn in place with done/total and an ETA, then the summary', async () => {
    const dir = folder(12);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
    delete env.CI;
    assertBuildCurrent();
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} audit ${JSON.stringify(dir)} --format json --output ${JSON.stringify(path.join(dir, 'r.json'))}`;
    const { stdout } = await run('script', ['-q', '-e', '-c', cmd, '/dev/null'], { env, cwd: ROOT }).catch((e: { stdout: string }) => e);
    expect(stdout).toMatch(/\r\[\d+\/12\]/);
    expect(stdout).toContain('ETA');
    expect(stdout).not.toMatch(/\[1\/12\] [^\r\n]*: \d+ findings?\r?\n/);
    expect(stdout).toContain('summary');
  });

  it('in CI: no animation, one line per finished file', async () => {
    const dir = folder(5);
    const r = await runCli(['audit', dir, '--format', 'json', '--output', path.join(dir, 'r.json')], { env: { CI: 'true' } });
    expect(r.stderr).not.toContain('\r');
    const lines = r.stderr.split('\n').filter((l) => /^\[\d\/5\] /.test(l));
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^\[5\/5\] .*stream-\d\d\.vtt: \d+ findings?$/);
  });
});
