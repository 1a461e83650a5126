import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../../src/cli/output.js';

describe('writeAtomic', () => {
  it('replaces a regular file and leaves no temp file behind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-out-'));
    const f = path.join(dir, 'r.json');
    await writeFile(f, 'old');
    await writeAtomic(f, 'new');
    expect(await readFile(f, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['r.json']);
  });

  it('creates missing folders', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-out-'));
    const f = path.join(dir, 'a', 'b', 'r.txt');
    await writeAtomic(f, 'x');
    expect(await readFile(f, 'utf8')).toBe('x');
  });

  // Bug: `--output /dev/null` (as root) renamed the temp file over /dev/null, replacing the device.
  it('writes into a named pipe instead of replacing it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-out-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let s = '';
      createReadStream(fifo, 'utf8').on('data', (d) => (s += String(d))).on('end', () => resolve(s)).on('error', reject);
    });
    await writeAtomic(fifo, 'through the pipe');
    expect(await read).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('updates the file a symlink points to and keeps the link', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-out-'));
    const real = path.join(dir, 'real.json');
    const link = path.join(dir, 'link.json');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
  });
});
