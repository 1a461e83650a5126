/**
 * Writing one entry of a cache folder: JSON through the one atomic writer (io/atomic-write.ts),
 * best effort. A cache that cannot be written only makes the next run slower, so a failure is
 * reported as `false`, never thrown.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './atomic-write.js';

export async function writeCacheEntry(file: string, entry: unknown): Promise<boolean> {
  return writeCacheContent(file, JSON.stringify(entry));
}

/** Write an entry's bytes as they are (an entry in a layout of its own). */
async function writeCacheContent(file: string, content: string | Uint8Array): Promise<boolean> {
  return writeAtomic(file, content).then(
    () => true,
    () => false,
  );
}

/**
 * How many entries a cache folder keeps (the most recently used, by modification time: a hit
 * touches its entry): each edit of a ruleset, new version or working directory writes another
 * entry (up to about 2 MB compiled), so the least recently used beyond this many are removed when
 * one is written.
 */
export const MAX_ENTRIES = 24;

/**
 * Mark an entry as just used, so pruning keeps it over entries written later but not read since
 * (one ruleset audited every day outlives a day's edits of another). Best effort.
 */
export async function touchCacheEntry(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

/** Write an entry already laid out (text or bytes) and keep its folder bounded (best effort: false when it could not be written). */
export async function writeBoundedCacheContent(file: string, content: string | Uint8Array): Promise<boolean> {
  if (!(await writeCacheContent(file, content))) return false;
  await pruneCacheFolder(path.dirname(file), file).catch(() => undefined);
  return true;
}

/** Remove the oldest entries (`<sha256>.json` or `.bin`, by modification time) beyond MAX_ENTRIES, never `keep`. */
async function pruneCacheFolder(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => /^[0-9a-f]{64}\.(json|bin)$/.test(n));
  if (names.length <= MAX_ENTRIES) return;
  const dated = await Promise.all(
    names.map(async (n) => ({ file: path.join(dir, n), mtime: await stat(path.join(dir, n)).then((s) => s.mtimeMs, () => 0) })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of dated.slice(MAX_ENTRIES)) if (file !== keep) await rm(file, { force: true });
}
