/**
 * Loads each language's analyser once per process, and only for the languages in use.
 * (The dictionaries are tens to hundreds of megabytes: never load what a run does not need.)
 */
import type { Language } from '../../transcript/model.js';
import { changingCharsOf, type ConverterConfig, skipUnchanged } from '../simplify-chars.js';
import type { Tokenizer } from '../tokenizer.js';

const cache = new Map<Language, Promise<Tokenizer>>();

export interface TokenizerOptions {
  /** Where a dictionary may keep a pre-expanded copy (Japanese) or an index (Chinese) between runs; none: build it each time. */
  cacheDir?: string;
}

async function create(language: Language, opts: TokenizerOptions): Promise<Tokenizer> {
  switch (language) {
    case 'ja':
      return (await import('./ja.js')).createJapaneseTokenizer(opts);
    case 'zh':
      return (await import('./zh.js')).createChineseTokenizer(opts);
    case 'ko':
      return (await import('./ko.js')).createKoreanTokenizer();
  }
}

/** One tokenizer per language and process (the first call's options decide where its cache is). */
export function loadTokenizer(language: Language, opts: TokenizerOptions = {}): Promise<Tokenizer> {
  let p = cache.get(language);
  if (!p) {
    p = create(language, opts);
    cache.set(language, p);
  }
  return p;
}

let simplifier: Promise<(s: string) => string> | undefined;

/**
 * opencc's Traditional (Taiwan and Hong Kong variants) → Simplified converter, loaded once. A text
 * holding no character its dictionaries can change (most Simplified speech) is returned as it is.
 */
export function loadSimplifier(): Promise<(s: string) => string> {
  simplifier ??= import('opencc-js/t2cn').then((m) => {
    const tw = m.Converter({ from: 'tw', to: 'cn' });
    const hk = m.Converter({ from: 'hk', to: 'cn' });
    const both = (s: string) => hk(tw(s));
    // The configurations the two converters run (Converter picks tw2s and hk2s for these locales).
    const changing = changingCharsOf((m.Locale as { configs?: Record<string, ConverterConfig> }).configs, ['tw2s', 'hk2s']);
    return changing ? skipUnchanged(both, changing) : both;
  });
  return simplifier;
}
