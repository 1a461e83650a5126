/**
 * Writing one entry of a cache folder: JSON through the one atomic writer (io/atomic-write.ts),
 * best effort. A cache that cannot be written only makes the next run slower, so a failure is
 * reported as `false`, never thrown.
 */
import { writeAtomic } from './atomic-write.js';

export async function writeCacheEntry(file: string, entry: unknown): Promise<boolean> {
  return writeAtomic(file, JSON.stringify(entry)).then(
    () => true,
    () => false,
  );
}
