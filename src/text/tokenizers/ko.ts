/** Korean: lindera (wasm) with the embedded ko-dic: morphemes with their tags, particles split off. */
import { createRequire } from 'node:module';
import type { Tokenizer } from '../tokenizer.js';
import type { RawToken } from './align.js';
import { tokenizeWithParticleI } from './ko-particle.js';

interface LinderaToken {
  surface: string;
  partOfSpeechTag?: string;
  type?: string;
  expression?: string;
}
interface LinderaModule {
  TokenizerBuilder: new () => {
    setDictionary(uri: string): void;
    setMode(mode: string): void;
    build(): { tokenize(text: string): LinderaToken[] };
  };
}

const require = createRequire(import.meta.url);

/** ko-dic compounds (판매자 = 판매+자) carry their parts: split them so the parts are boundaries too. */
function expand(t: LinderaToken): RawToken[] {
  const pos = t.partOfSpeechTag ?? 'UNK';
  if ((t.type === 'Compound' || t.type === 'Inflect') && t.expression && t.expression !== '*') {
    const parts = t.expression.split('+').map((p) => {
      const [surface = '', tag = pos] = p.split('/');
      return { surface, pos: tag };
    });
    if (parts.map((p) => p.surface).join('') === t.surface) return parts;
  }
  return [{ surface: t.surface, pos }];
}

export async function createKoreanTokenizer(): Promise<Tokenizer> {
  const lindera = require('lindera-wasm-nodejs-cjk') as LinderaModule;
  const builder = new lindera.TokenizerBuilder();
  builder.setDictionary('embedded://ko-dic');
  builder.setMode('normal');
  const tk = builder.build();
  return {
    language: 'ko',
    tokenize(text) {
      return tokenizeWithParticleI(text, (t) => tk.tokenize(t).flatMap(expand));
    },
  };
}
