/**
 * Never destroy data: outputs that are inputs are refused, unwritable outputs are found before
 * any work, several reports change together, permissions are kept, stale temporaries go.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterMessage } from '../../../src/cli/audit.js';
import { checkOutputs } from '../../../src/cli/report-output.js';
import { UsageError } from '../../../src/cli/errors.js';
import { cleanStaleTemporaries, unwritableReason, writeAllAtomic } from '../../../src/cli/output.js';

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lc-safe-'));
}

describe('checkOutputs', () => {
  const dir = tmp();
  const v = path.join(dir, 'v.srt');
  writeFileSync(v, '1\n00:00:01,000 --> 00:00:02,000\n日本一\n');
  symlinkSync(v, path.join(dir, 'link.srt'));

  it.each([
    ['--output v.srt', { output: v }],
    ['--output ./v.srt', { output: path.join(dir, '.', 'sub', '..', 'v.srt') }],
    ['--output through a symlink', { output: path.join(dir, 'link.srt') }],
    ['--write-baseline v.srt', { writeBaseline: v }],
  ])('refuses %s when v.srt is an input', async (_, o) => {
    const p = checkOutputs({ formats: ['json'], ...o }, [v]);
    await expect(p).rejects.toThrow(UsageError);
    await expect(p).rejects.toThrow(/that is an input of this audit; livecomply never writes over its inputs/);
    expect(readFileSync(v, 'utf8')).toContain('日本一');
  });

  it('refuses writing a report over the baseline being read, but allows rewriting that baseline', async () => {
    const b = path.join(dir, 'b.json');
    writeFileSync(b, '{}');
    await expect(checkOutputs({ formats: ['json'], output: b, baseline: b }, [v])).rejects.toThrow(/--baseline being read/);
    await expect(checkOutputs({ formats: ['json'], writeBaseline: b, baseline: b }, [v])).resolves.toBeUndefined();
  });

  it('says when --output-dir is a file, before any work', async () => {
    const f = path.join(dir, 'a-file');
    writeFileSync(f, 'x');
    await expect(checkOutputs({ formats: ['json', 'html'], outputDir: f }, [v])).rejects.toThrow(`--output-dir ${f}: is a file, not a folder`);
  });

  it('says /dev/full and a folder cannot take a report', async () => {
    await expect(checkOutputs({ formats: ['json'], output: '/dev/full' }, [v])).rejects.toThrow(/cannot write the report to \/dev\/full \(--output\): is \/dev\/full/);
    await expect(checkOutputs({ formats: ['json'], output: dir }, [v])).rejects.toThrow(/is a folder/);
  });

  it('lets /dev/null and new files in new folders through', async () => {
    await expect(checkOutputs({ formats: ['json'], output: '/dev/null' }, [v])).resolves.toBeUndefined();
    await expect(checkOutputs({ formats: ['json'], output: path.join(dir, 'new', 'r.json') }, [v])).resolves.toBeUndefined();
  });
});

describe('unwritableReason', () => {
  it('names a folder that cannot be written into (a read-only mount, or permissions for a non-root user)', async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    const why = await unwritableReason(path.join(dir, 'r.json'));
    // Root writes anywhere; everyone else is refused with the reason.
    if (process.getuid?.() === 0) expect(why).toBeUndefined();
    else expect(why).toMatch(/permission denied/);
    chmodSync(dir, 0o755);
  });
});

describe('writeAllAtomic', () => {
  it('writes several reports, keeps a replaced report 0600, and leaves no temporaries', async () => {
    const dir = tmp();
    const json = path.join(dir, 'r.json');
    writeFileSync(json, 'old', { mode: 0o600 });
    chmodSync(json, 0o600);
    await writeAllAtomic([
      { file: json, content: 'new json' },
      { file: path.join(dir, 'r.html'), content: 'new html' },
    ]);
    expect(readFileSync(json, 'utf8')).toBe('new json');
    expect(statSync(json).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.json']);
  });

  it('changes none of the reports when one of them cannot be written', async () => {
    const dir = tmp();
    const json = path.join(dir, 'r.json');
    writeFileSync(json, 'old');
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    await expect(writeAllAtomic([{ file: json, content: 'new' }, { file: path.join(blocked, 'r.html'), content: 'x' }])).rejects.toThrow();
    expect(readFileSync(json, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['file', 'r.json']);
  });

  it('removes temporaries left by a run that was killed, not those of a live one', async () => {
    const dir = tmp();
    // A pid that is certainly gone: a child that has exited.
    const dead = Number(execFileSync('sh', ['-c', 'echo $$']).toString().trim());
    const stale = path.join(dir, `.r.json.${dead}.1700000000000.tmp`);
    const live = path.join(dir, `.r.json.${process.ppid}.1700000000000.tmp`);
    writeFileSync(stale, 'x'.repeat(1000));
    writeFileSync(live, 'x');
    await cleanStaleTemporaries(dir, 'r.json');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('filterMessage', () => {
  it('names the filter and how to reach subfolders', () => {
    expect(filterMessage(['streams'], 12, { include: ['*.txt'] })).toBe(
      'no files to audit in streams: --include "*.txt" left out all 12 file(s) found; globs match paths relative to the folder given, so "*.txt" matches only files directly in it: use "**/*.txt" for every subfolder',
    );
  });
});
