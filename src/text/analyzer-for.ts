/**
 * The analyser of a language with its tokenizer loaded (the I/O side of text/: dictionaries are
 * read from disk; analyze.ts itself stays pure).
 */
import { defaultCacheDir } from '../io/cache-dir.js';
import type { Language } from '../core/language.js';
import { createAnalyzer, type Analyzer } from './analyze.js';
import { loadSimplifier, loadTokenizer } from './tokenizers/index.js';

/**
 * The analyser of a language, built once per process. `cacheDir`: where the Japanese dictionary's
 * expanded copy is kept (default: the user's cache folder; null: none, expand it every time).
 */
export async function createAnalyzerFor(language: Language, opts: { cacheDir?: string | null } = {}): Promise<Analyzer> {
  const cacheDir = opts.cacheDir === null ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const tokenizer = await loadTokenizer(language, cacheDir ? { cacheDir } : {});
  return createAnalyzer(tokenizer, language === 'zh' ? await loadSimplifier() : undefined);
}
