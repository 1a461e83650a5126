/**
 * A cache folder of a test's own that still finds the built-in rulesets loaded and compiled, and the
 * dictionaries expanded: `rulesets/`, `compiled/`, `dictionaries/` and `code/` are links to the
 * default cache folder's, which the suite's global setup warmed (test/global-setup.ts). Nothing else
 * is shared: no transcript and no speech model of the default folder is seen, so a test that needs
 * "no model here" still gets it. Without this, an end-to-end run with `--cache-dir` of its own
 * compiled all three languages and expanded the Japanese dictionary again (15–25 s of the format
 * test's run). What an empty cache folder does is tested with empty folders (compiled-cache,
 * ruleset-cache, ja-dictionary, jieba-vocabulary tests).
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from '../../src/io/cache-dir.js';

const SHARED = ['rulesets', 'compiled', 'dictionaries', 'code'] as const;

/** Creates `dir` (if need be) with links to the warmed parts of the default cache folder; returns `dir`. */
export function warmCacheDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const from = defaultCacheDir();
  for (const part of SHARED) {
    const source = path.join(from, part);
    mkdirSync(source, { recursive: true });
    const link = path.join(dir, part);
    if (!existsSync(link)) symlinkSync(source, link, 'dir');
  }
  return dir;
}
