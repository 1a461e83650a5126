/**
 * Report destinations: whether a path can be written, why not, and stdout. The atomic writer
 * itself is io/atomic-write.ts (shared with the transcript cache).
 */
import { access, constants, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { target } from '../io/atomic-write.js';
import { makeDir } from '../io/make-dir.js';

export { cleanStaleTemporaries, writeAllAtomic, writeAtomic } from '../io/atomic-write.js';

/** Where a path leads once symlinks are followed (the path itself, resolved, when it does not exist). */
export async function resolvedPath(file: string): Promise<string> {
  return (await target(file)).path;
}

/**
 * Why a report could not be written to `file`, checked before any work is done: undefined when it
 * can be. Creates missing folders (as the write would). A device other than /dev/null and the
 * standard streams is refused: /dev/full would fail only at the end.
 */
export async function unwritableReason(file: string): Promise<string | undefined> {
  const abs = path.resolve(file);
  let st;
  try {
    st = await stat(abs);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory()) return 'is a folder';
  if (st && !st.isFile()) {
    if (st.isFIFO() || ['/dev/null', '/dev/stdout', '/dev/stderr'].includes(abs) || abs.startsWith('/dev/fd/') || abs.startsWith('/proc/self/fd/')) return undefined;
    if (abs === '/dev/full') return 'is /dev/full (every write to it fails)';
    if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a file';
  }
  const dir = path.dirname((await target(abs)).path);
  try {
    await makeDir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EEXIST' || code === 'ENOTDIR' ? `cannot create it: ${path.dirname(abs)} is not a folder` : `cannot create its folder (${code ?? (e as Error).message})`;
  }
  // A real write proves more than access(): read-only mounts, quotas, and root on a read-only folder.
  const probe = path.join(dir, `.livecomply-write-test.${process.pid}.${Date.now()}.tmp`);
  try {
    const fh = await open(probe, 'wx');
    await fh.close();
    await rm(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `cannot write into ${dir} (permission denied)`;
    if (code === 'EROFS') return `cannot write into ${dir} (read-only file system)`;
    if (code === 'ENOSPC') return `cannot write into ${dir} (no space left on the device)`;
    return `cannot write into ${dir} (${code ?? (e as Error).message})`;
  }
  if (st?.isFile()) {
    try {
      await access(abs, constants.W_OK);
    } catch {
      return 'is read-only';
    }
  }
  return undefined;
}

/** A failed write as a sentence (the check before the run makes this rare). */
export function writeErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? (e as Error).message;
}

/** UTF-16 code units per chunk of a long write: at most 3 UTF-8 bytes each, so a chunk fits STDOUT_CHUNK_BYTES. */
const STDOUT_CHUNK_UNITS = 1 << 18;
const STDOUT_CHUNK_BYTES = 3 * STDOUT_CHUNK_UNITS;

function writeOut(out: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that closed the pipe (`| head -1`) wants no more: the rest is dropped, not an error.
    out.write(chunk, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
  });
}

/**
 * Write `content` to standard output (or `out`). A long report (a three-hour stream's JSON is
 * 10 MB or more) goes out in chunks encoded into one reused buffer, each written before the next is
 * encoded, instead of as one buffer as large as the report: new memory is what such a write costs.
 */
export async function writeStdout(content: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (content.length <= STDOUT_CHUNK_UNITS) return writeOut(out, content);
  const buf = Buffer.allocUnsafe(STDOUT_CHUNK_BYTES);
  for (let at = 0; at < content.length; ) {
    let end = Math.min(content.length, at + STDOUT_CHUNK_UNITS);
    // Never split a surrogate pair between two chunks.
    const last = content.charCodeAt(end - 1);
    if (end < content.length && last >= 0xd800 && last <= 0xdbff) end--;
    const n = buf.write(content.slice(at, end), 0, 'utf8');
    await writeOut(out, buf.subarray(0, n));
    at = end;
  }
}
