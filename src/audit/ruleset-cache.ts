/**
 * Loaded rulesets cached on disk, so a run does not parse and validate the same YAML again.
 *
 * An entry holds whatever rules/load.ts returns (plain JSON data, after `extends` and `overrides`),
 * with the files it was assembled from, a hash of each one's content and the name each was shown by
 * (relative to the working directory when inside it, else absolute: the ruleset's `sources` and
 * warnings carry these names). It is used only when the tool version, the content of every one of
 * those files and the names they are shown by now are unchanged; otherwise the ruleset is loaded
 * (parsed and validated) as usual and the entry rewritten. So runs from any folder outside the
 * rulesets' own (a CI job's checkout, a segment's folder) share one entry. The cache is a
 * convenience: a folder that cannot be read or written, or an entry that is damaged, only means
 * loading the slow way.
 *
 * An entry is two lines (audit/lazy-rule-fields.ts): the entry with its rules' word lists, examples
 * and `unless` cues left out, then those fields, parsed only when something reads one of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from '../io/cache-dir.js';
import { folderCodeHash } from './code-hash.js';
import { rememberContentHash, rememberDigest, rulesetContentHash, rulesetDigest } from './ruleset-digest.js';
import { touchCacheEntry, writeBoundedCacheContent } from '../io/cache-entry.js';
import { attachLazyFields, splitRuleset, type LazyNames } from './lazy-rule-fields.js';
import { displayPath, loadRulesetReading, resolveRulesetRef } from '../rules/load.js';
import type { Ruleset } from '../rules/model.js';

/** Bump when the entry layout changes (3: the files' shown names instead of the working directory; 4: the loader's code in the file name). */
const LAYOUT = 4;

interface Entry {
  layout: number;
  version: string;
  /** A hash of the ruleset loader's own code: a build that reads rules differently does not trust old entries. */
  code: string;
  /** Each file read: its absolute path, the hash of its content, and the name it was shown by (displayPath). */
  files: EntryFile[];
  /** The ruleset without its rules' lazy fields (see `lazy`). */
  ruleset: Ruleset;
  /** Per rule: the names of the fields on the entry's second line. */
  lazy: LazyNames;
  /** rulesetDigest(ruleset), kept so a run need not hash the rules again (absent in older entries). */
  digest?: string;
  /** rulesetContentHash(ruleset) (absent in older entries). */
  contentHash?: string;
}

export interface RulesetCacheOptions {
  cwd?: string;
  /** The cache folder (--cache-dir); default LIVECOMPLY_CACHE_DIR or ~/.cache/livecomply. */
  cacheDir?: string;
  /** The tool's version: an entry written by another version is not used. */
  version: string;
}

interface EntryFile {
  path: string;
  sha256: string;
  shown: string;
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** The hash of the rules/ sources (code-hash.ts; the same version number can hold different loaders while developing). */
function loaderCode(): Promise<string> {
  return folderCodeHash('rules').catch(() => 'unknown');
}

/**
 * The entry's file: keyed also by the loader's code, so that two loaders of one version (a source edited and not yet
 * built, and the build before it) keep an entry each instead of overwriting each other's at every alternate run.
 */
export async function rulesetCacheFile(abs: string, opts: RulesetCacheOptions): Promise<string> {
  const dir = opts.cacheDir ? path.resolve(opts.cacheDir) : defaultCacheDir();
  const key = sha256(`${LAYOUT}\0${opts.version}\0${await loaderCode()}\0${displayPath(abs)}\0${abs}`);
  return path.join(dir, 'rulesets', `${key}.json`);
}

/** The entry's first line, parsed, and a reader of its second line (parsed when first asked for). */
function readLines(file: string): { head: Entry; rest: () => unknown } {
  const bytes = readFileSync(file);
  const cut = bytes.indexOf(0x0a);
  if (cut < 0) throw new Error('ruleset cache entry: one line');
  const rest = (): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8', cut + 1));
    } catch {
      // Written atomically, so only a file damaged on disk or by hand: say which, and how to recover.
      throw new Error(`${file}: damaged ruleset cache entry (its rules' word lists, examples and unless cues); delete it and run again`);
    }
  };
  return { head: JSON.parse(bytes.toString('utf8', 0, cut)) as Entry, rest };
}

async function readEntry(file: string, version: string): Promise<Ruleset | undefined> {
  try {
    const { head: entry, rest } = readLines(file);
    if (entry.layout !== LAYOUT || entry.version !== version || entry.code !== (await loaderCode()) || !Array.isArray(entry.files)) return undefined;
    // The bytes as they are (the hash of the text as loaded is the hash of its UTF-8 bytes), read
    // synchronously: a ruleset is a few dozen small files, and a promise per file cost more than the reading.
    for (const f of entry.files) {
      if (displayPath(f.path) !== f.shown || sha256(readFileSync(f.path)) !== f.sha256) return undefined;
    }
    if (!attachLazyFields(entry.ruleset, entry.lazy, rest)) return undefined;
    if (typeof entry.digest === 'string') rememberDigest(entry.ruleset, entry.digest);
    if (typeof entry.contentHash === 'string') rememberContentHash(entry.ruleset, entry.contentHash);
    return entry.ruleset;
  } catch {
    return undefined;
  }
}

/**
 * Unwritable cache: the run goes on; the next one loads the YAML again. An entry is written per
 * ruleset content and the names its files are shown by, so the folder is kept to the MAX_ENTRIES
 * most recently used.
 */
async function writeEntry(file: string, entry: Omit<Entry, 'lazy'>): Promise<void> {
  const { ruleset, lazy, rest } = splitRuleset(entry.ruleset);
  await writeBoundedCacheContent(file, `${JSON.stringify({ ...entry, ruleset, lazy })}\n${JSON.stringify(rest)}`);
}

/**
 * Each file once: a ruleset's parts each extend the same vocabulary file (jp: 142 reads of 50
 * files), and a hit hashed every read again. A file read twice with different content (edited while
 * loading) keeps both, so that the entry is never used.
 */
export function distinctFiles(files: readonly EntryFile[]): EntryFile[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = `${f.path}\0${f.sha256}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** loadRuleset with the on-disk cache. Errors (a bad ruleset) are never cached. */
export async function loadRulesetCached(ref: string, opts: RulesetCacheOptions): Promise<Ruleset> {
  const abs = resolveRulesetRef(ref, opts.cwd ?? process.cwd());
  const version = opts.version;
  const file = await rulesetCacheFile(abs, opts);
  const hit = await readEntry(file, version);
  if (hit) {
    await touchCacheEntry(file);
    return hit;
  }
  const { ruleset, read } = await loadRulesetReading(abs);
  await writeEntry(file, { layout: LAYOUT, version, code: await loaderCode(), files: distinctFiles(read.map((f) => ({ path: f.path, sha256: sha256(f.text), shown: displayPath(f.path) }))), ruleset, digest: rulesetDigest(ruleset), contentHash: rulesetContentHash(ruleset) });
  return ruleset;
}
