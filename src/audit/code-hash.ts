/**
 * A hash of the code in one folder of the tool: caches key on it, so an entry written by other code (a rebuilt compiler
 * or loader with the same version number while developing) is not used. Each folder is read once per process.
 *
 * Run from src/ (under a test runner) it hashes the folder's .ts sources. Run as built, it reads the same hashes from
 * dist/code-hash.json, which the build computed from the sources it transpiled (scripts/build-src.mjs): the CLI as built
 * and its sources share their cache entries when one was built from the other — a fresh machine's test run compiles each
 * language's rules once, not once for each — while a source edited and not yet built keeps an entry of its own. A build
 * without that file (older, or made by other means) hashes its .js modules, as every build did before.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hashes = new Map<string, Promise<string>>();
let built: Record<string, string> | null | undefined;

/** sha256 of a folder's modules: each name (sorted), a NUL, its content. Read synchronously: ~40 small files, ~3 ms. */
function hashModules(dir: string): string {
  const names = readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
  const hash = createHash('sha256');
  for (const n of names) hash.update(n).update('\0').update(readFileSync(path.join(dir, n)));
  return hash.digest('hex');
}

/** The sources' hashes the build wrote beside the built modules, or null (running from src/, or no such file). */
function builtHashes(): Record<string, string> | null {
  if (built !== undefined) return built;
  built = null;
  if (!fileURLToPath(import.meta.url).endsWith('.js')) return built;
  try {
    const file = fileURLToPath(new URL('../code-hash.json', import.meta.url));
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { folders?: unknown };
    if (parsed.folders && typeof parsed.folders === 'object') built = parsed.folders as Record<string, string>;
  } catch {
    // No such file (or not JSON): the built modules are hashed instead.
  }
  return built;
}

/** sha256 of the modules directly in `folder` (relative to the tool's root folder, e.g. "rules" or "text/tokenizers"). */
export function folderCodeHash(folder: string): Promise<string> {
  let h = hashes.get(folder);
  if (!h) {
    h = (async () => {
      const fromBuild = builtHashes()?.[folder];
      if (typeof fromBuild === 'string') return fromBuild;
      return hashModules(fileURLToPath(new URL(`../${folder}/`, import.meta.url)));
    })();
    hashes.set(folder, h);
  }
  return h;
}
