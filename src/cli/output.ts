/**
 * Writing reports: atomically (temp file + rename), so a reader never sees half a report.
 * Only regular files are replaced that way: `--output /dev/stdout`, a named pipe or a device is
 * written to as it is (renaming over it would replace the device node itself), and a symlink is
 * followed so the file it points to is updated, not the link.
 */
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

async function target(file: string): Promise<{ path: string; regular: boolean }> {
  try {
    const real = await realpath(file);
    return { path: real, regular: (await stat(real)).isFile() };
  } catch {
    return { path: path.resolve(file), regular: true };
  }
}

export async function writeAtomic(file: string, content: string): Promise<void> {
  const t = await target(file);
  if (!t.regular) {
    await writeFile(t.path, content, 'utf8');
    return;
  }
  const dir = path.dirname(t.path);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(t.path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, t.path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export function writeStdout(content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(content, (err) => (err ? reject(err) : resolve()));
  });
}
