/**
 * A hash of the code in one folder of the tool as it runs (dist/ when built, src/ under a test
 * runner): caches key on it, so an entry written by other code (a rebuilt compiler or loader with
 * the same version number while developing) is not used. Each folder is read once per process.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hashes = new Map<string, Promise<string>>();

/** sha256 of the modules directly in `folder` (relative to the tool's root folder, e.g. "rules" or "text/tokenizers"). */
export function folderCodeHash(folder: string): Promise<string> {
  let h = hashes.get(folder);
  if (!h) {
    // Read synchronously: some forty small files, ~3 ms, where a promise per file took ~17 ms.
    h = (async () => {
      const dir = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
      const names = readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
      const hash = createHash('sha256');
      for (const n of names) hash.update(n).update('\0').update(readFileSync(path.join(dir, n)));
      return hash.digest('hex');
    })();
    hashes.set(folder, h);
  }
  return h;
}
