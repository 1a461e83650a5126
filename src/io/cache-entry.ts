/**
 * Writing one entry of a cache folder: JSON, best effort, atomically (temp file + rename), so a
 * reader never sees half an entry. A cache that cannot be written only makes the next run slower,
 * so failures are swallowed (the temp file removed) and reported as `false`.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeCacheEntry(file: string, entry: unknown): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, JSON.stringify(entry), 'utf8');
    await rename(tmp, file);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}
