/**
 * Writing files (reports, transcripts, cache entries): atomically (temp file + rename), so a reader never sees half a report.
 * Only regular files are replaced that way: `--output /dev/stdout`, a named pipe or a device is
 * written to as it is (renaming over it would replace the device node itself), and a symlink is
 * followed so the file it points to is updated, not the link.
 *
 * Several reports of one run are written together: every temporary first, then the renames, so
 * an interruption leaves either the old set or the new one beside each other, never a new JSON
 * beside an old HTML. A replaced report keeps its permissions (0600 stays 0600). Temporaries
 * left by a run that was killed are removed by the next run that writes there.
 */
import { chmod, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir.js';

export interface Target {
  path: string;
  regular: boolean;
  /** Permission bits of the file being replaced. */
  mode?: number;
}

/** Where writing `file` leads (symlinks followed), and whether it is a regular file (or will be). */
export async function target(file: string): Promise<Target> {
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
export async function writeAllAtomic(files: readonly { file: string; content: string | Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; target: Target }[] = [];
  try {
    for (const f of files) {
      const t = await target(f.file);
      if (!t.regular) continue;
      const dir = path.dirname(t.path);
      await makeDir(dir);
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
    if (!t.regular) await writeFile(t.path, f.content, typeof f.content === 'string' ? 'utf8' : undefined);
  }
}

export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await writeAllAtomic([{ file, content }]);
}
