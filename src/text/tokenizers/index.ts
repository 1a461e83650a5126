/**
 * Loads each language's analyser once per process, and only for the languages in use.
 * (The dictionaries are tens to hundreds of megabytes: never load what a run does not need.)
 */
import type { Language } from '../../transcript/model.js';
import type { Tokenizer } from '../tokenizer.js';

const cache = new Map<Language, Promise<Tokenizer>>();

async function create(language: Language): Promise<Tokenizer> {
  switch (language) {
    case 'ja':
      return (await import('./ja.js')).createJapaneseTokenizer();
    case 'zh':
      return (await import('./zh.js')).createChineseTokenizer();
    case 'ko':
      return (await import('./ko.js')).createKoreanTokenizer();
  }
}

export function loadTokenizer(language: Language): Promise<Tokenizer> {
  let p = cache.get(language);
  if (!p) {
    p = create(language);
    cache.set(language, p);
  }
  return p;
}

let simplifier: Promise<(s: string) => string> | undefined;

/** opencc's Traditional (Taiwan and Hong Kong variants) → Simplified converter, loaded once. */
export function loadSimplifier(): Promise<(s: string) => string> {
  simplifier ??= import('opencc-js/t2cn').then((m) => {
    const tw = m.Converter({ from: 'tw', to: 'cn' });
    const hk = m.Converter({ from: 'hk', to: 'cn' });
    return (s: string) => hk(tw(s));
  });
  return simplifier;
}
