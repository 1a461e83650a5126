import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeAtomic, writeStdout } from '../../../src/cli/output.js';

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

describe('writeStdout', () => {
  /** A stream that keeps a copy of every chunk (a reused buffer must be written before it changes). */
  function collector(): { out: Writable; bytes: () => Buffer } {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(Buffer.from(chunk));
        setImmediate(done);
      },
    });
    return { out, bytes: () => Buffer.concat(chunks) };
  }

  it('writes a long text in chunks, byte for byte, without splitting a surrogate pair', async () => {
    const unit = 1 << 18;
    // A pair straddles the first chunk's end; CJK (3 bytes each) fills the rest.
    const content = `${'a'.repeat(unit - 1)}😀${'国家级最高'.repeat(unit / 4)}\n😀`;
    const { out, bytes } = collector();
    await writeStdout(content, out);
    expect(bytes().equals(Buffer.from(content, 'utf8'))).toBe(true);
  });

  it('property: any text comes out as its UTF-8 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 30_000 }), async (piece, times) => {
        const content = piece.repeat(times);
        const { out, bytes } = collector();
        await writeStdout(content, out);
        expect(bytes().equals(Buffer.from(content, 'utf8'))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
