/**
 * Creating a folder and the folders above it, like `mkdir -p`, without Node's own
 * `mkdir(dir, { recursive: true })`: on Linux, Node 20's recursive mkdir never returns when a
 * parent exists but refuses children with ENOENT, as /proc does (`mkdir /proc/nope` is ENOENT and
 * `mkdir /proc` is EEXIST, so it steps back and forth forever at full CPU: the promise never
 * settles and the process never exits). Here each folder is tried at most twice, once before and
 * once after its parent is made, so such a path fails with the ENOENT it got.
 *
 * Errors are mkdir's own: ENOTDIR when a parent is a file, EEXIST when `dir` is a file, EACCES,
 * EROFS... A `dir` that already exists as a folder (or a symlink to one) is not an error.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** mkdir of one folder; true when it was made or is already a folder, false on ENOENT (a parent is missing). */
async function makeOne(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') return false;
    if (code === 'EEXIST' && (await stat(dir).then((s) => s.isDirectory(), () => false))) return true;
    throw e;
  }
}

/** Make `dir` and any missing folder above it (a no-op when it exists as a folder). */
export async function makeDir(dir: string): Promise<void> {
  const abs = path.resolve(dir);
  if (await makeOne(abs)) return;
  const parent = path.dirname(abs);
  if (parent !== abs) await makeDir(parent);
  // The parent is there now: a second ENOENT is final (a parent that takes no children).
  if (!(await makeOne(abs))) {
    throw Object.assign(new Error(`ENOENT: cannot create folder '${abs}'`), { code: 'ENOENT', path: abs, syscall: 'mkdir' });
  }
}
