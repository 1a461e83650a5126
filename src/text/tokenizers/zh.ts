/** Chinese: jieba (jieba-rs compiled to wasm, dictionary inside) with part-of-speech tags. */
import { createRequire } from 'node:module';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens } from './align.js';

interface JiebaModule {
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
}

const require = createRequire(import.meta.url);

export async function createChineseTokenizer(): Promise<Tokenizer> {
  const jieba = require('jieba-wasm') as JiebaModule;
  return {
    language: 'zh',
    tokenize(text) {
      return alignTokens(
        text,
        jieba.tag(text, true).map((t) => ({ surface: t.word, pos: t.tag })),
      );
    },
  };
}
