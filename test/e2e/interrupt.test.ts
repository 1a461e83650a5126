/**
 * Ctrl-C in the middle of a batch: the files in flight finish, no new ones start, and the report
 * written is partial and says so (exit 130).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuildCurrent, BIN, ROOT } from '../helpers/cli.js';

describe('interrupting a batch', () => {
  it('SIGINT writes a partial report marked interrupted and exits 130', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-sigint-'));
    const n = 400;
    for (let i = 0; i < n; i++) cpSync(path.join(ROOT, 'samples/zh-stream.srt'), path.join(dir, `s-${String(i).padStart(3, '0')}.srt`));
    const out = path.join(dir, 'report.json');
    assertBuildCurrent();
    const child = spawn(process.execPath, [BIN, 'audit', dir, '--concurrency', '1', '--format', 'json', '--output', out], {
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // Once a few files are done, press Ctrl-C.
        if (/\[5\/400\]/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('close', resolve);
    });
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { interrupted?: boolean; files: { status: string }[] };
    expect(report.interrupted).toBe(true);
    expect(report.files.length).toBeGreaterThanOrEqual(5);
    expect(report.files.length).toBeLessThan(n);
    for (const f of report.files) expect(f.status).toBe('ok');
  }, 120_000);
});
