/** Japanese: kuromoji with its bundled IPADIC (words, part of speech, base form). */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens } from './align.js';

const require = createRequire(import.meta.url);

export async function createJapaneseTokenizer(): Promise<Tokenizer> {
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  const tk = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t)));
  });
  return {
    language: 'ja',
    tokenize(text) {
      const raw = tk.tokenize(text).map((t) => ({
        surface: t.surface_form,
        base: t.basic_form,
        pos: t.pos_detail_1 && t.pos_detail_1 !== '*' ? `${t.pos}-${t.pos_detail_1}` : t.pos,
      }));
      return alignTokens(text, raw);
    },
  };
}
