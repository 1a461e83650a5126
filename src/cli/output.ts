/**
 * Writing reports: atomically (temp file + rename), so a reader never sees half a report.
 * Only regular files are replaced that way: `--output /dev/stdout`, a named pipe or a device is
 * written to as it is (renaming over it would replace the device node itself), and a symlink is
 * followed so the file it points to is updated, not the link.
 *
 * Several reports of one run are written together: every temporary first, then the renames, so
 * an interruption leaves either the old set or the new one beside each other, never a new JSON
 * beside an old HTML. A replaced report keeps its permissions (0600 stays 0600). Temporaries
 * left by a run that was killed are removed by the next run that writes there.
 */
import { access, chmod, constants, mkdir, open, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface Target {
  path: string;
  regular: boolean;
  /** Permission bits of the file being replaced. */
  mode?: number;
}

async function target(file: string): Promise<Target> {
  try {
    const real = await realpath(file);
    const st = await stat(real);
    return st.isFile() ? { path: real, regular: true, mode: st.mode & 0o7777 } : { path: real, regular: false };
  } catch {
    // Not there yet: resolve the folder (it may be a symlink) and keep the name.
    const abs = path.resolve(file);
    try {
      return { path: path.join(await realpath(path.dirname(abs)), path.basename(abs)), regular: true };
    } catch {
      return { path: abs, regular: true };
    }
  }
}

const TMP = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function tempName(t: string): string {
  return path.join(path.dirname(t), `.${path.basename(t)}.${process.pid}.${Date.now()}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporaries of `name` in `dir` left by runs that are no longer running. */
export async function cleanStaleTemporaries(dir: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TMP.exec(e);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !alive(pid)) await rm(path.join(dir, e), { force: true });
  }
}

/** Write several files so that they change together: all temporaries, then all renames. */
export async function writeAllAtomic(files: readonly { file: string; content: string }[]): Promise<void> {
  const staged: { tmp: string; target: Target }[] = [];
  try {
    for (const f of files) {
      const t = await target(f.file);
      if (!t.regular) continue;
      const dir = path.dirname(t.path);
      await mkdir(dir, { recursive: true });
      await cleanStaleTemporaries(dir, path.basename(t.path));
      const tmp = tempName(t.path);
      staged.push({ tmp, target: t });
      await writeFile(tmp, f.content, { encoding: 'utf8', mode: t.mode ?? 0o666 });
      if (t.mode !== undefined) await chmod(tmp, t.mode);
    }
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
  for (const s of staged) await rename(s.tmp, s.target.path);
  // Pipes and devices last, written as they are.
  for (const f of files) {
    const t = await target(f.file);
    if (!t.regular) await writeFile(t.path, f.content, 'utf8');
  }
}

export async function writeAtomic(file: string, content: string): Promise<void> {
  await writeAllAtomic([{ file, content }]);
}

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
    await mkdir(dir, { recursive: true });
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

export function writeStdout(content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(content, (err) => (err ? reject(err) : resolve()));
  });
}
