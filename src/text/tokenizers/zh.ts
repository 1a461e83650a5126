/** Chinese: jieba (jieba-rs compiled to wasm, dictionary inside) with part-of-speech tags. */
import { createRequire } from 'node:module';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens } from './align.js';

interface JiebaModule {
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
}

const require = createRequire(import.meta.url);

// HMM off: jieba keeps to its dictionary and leaves unknown runs as single characters, instead of
// inventing words across boundaries (销冠卖, 由花) that whole-word rule matching then misses.
export async function createChineseTokenizer(): Promise<Tokenizer> {
  const jieba = require('jieba-wasm') as JiebaModule;
  return {
    language: 'zh',
    tokenize(text) {
      return alignTokens(
        text,
        jieba.tag(text, false).map((t) => ({ surface: t.word, pos: t.tag })),
      );
    },
  };
}
