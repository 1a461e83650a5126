import { mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import kuromoji from 'kuromoji';
import { describe, expect, it } from 'vitest';
import { createJapaneseTokenizer, pieceCuts } from '../../../src/text/tokenizers/ja.js';
import { splitUnknownRuns } from '../../../src/text/tokenizers/ja-kana-run.js';
import { lateWordCuts } from '../../../src/text/tokenizers/ja-reglue.js';
import { corpusTexts } from '../../corpus/evaluate.js';

const require = createRequire(import.meta.url);
const TEXTS = [
  'この美容液は最高級の成分で、シミが消えます。飲むだけで痩せる！',
  '今だけ半額、通常価格9,800円のところ4,980円です。売り切れ御免！',
  'ｶﾀｶﾅとＡＢＣ、𠮷野家の「ご飯」も食べられませんでした。',
  'この一杯ですっきり、それっきり',
  'お腹がぺたんこになったって',
];

let stock: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | undefined;

/** Tokens as kuromoji's own loader and lookups produce them (each piece between pieceCuts and lateWordCuts alone, unknown kana and katakana runs split by splitUnknownRuns, as ours). */
async function stockTokens(texts: string[]): Promise<{ surface: string; base: string; pos: string }[][]> {
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  stock ??= new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));
  const tk = await stock;
  const inPieces = (t: string, cuts: readonly number[]) => [0, ...cuts].flatMap((at, i) => tk.tokenize(t.slice(at, cuts[i])));
  const tokens = (t: string) => {
    const cuts = pieceCuts(t);
    const first = inPieces(t, cuts);
    const late = lateWordCuts(t, first, (x) => tk.tokenize(x));
    return splitUnknownRuns(late.length === 0 ? first : inPieces(t, [...new Set([...cuts, ...late])].sort((a, b) => a - b)), (x) => tk.tokenize(x));
  };
  return texts.map((t) =>
    tokens(t)
      .filter((x) => x.surface_form.trim() !== '')
      .map((x) => ({ surface: x.surface_form, base: x.basic_form && x.basic_form !== '*' ? x.basic_form : x.surface_form, pos: x.pos_detail_1 && x.pos_detail_1 !== '*' ? `${x.pos}-${x.pos_detail_1}` : x.pos })),
  );
}
type Tk = Awaited<ReturnType<typeof createJapaneseTokenizer>>;
const shape = (tk: Tk, texts: string[]) => texts.map((t) => tk.tokenize(t).map(({ surface, base, pos }) => ({ surface, base, pos })));

describe('Japanese dictionary loader', () => {
  it('gives kuromoji’s tokens whether it expands the dictionary or reads its cached copy, and runs without a writable cache', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'lc-ja-dict-'));
    const stock = await stockTokens(TEXTS);
    const expanded = await createJapaneseTokenizer({ cacheDir });
    expect(shape(expanded, TEXTS)).toEqual(stock);
    // Any text: the same words as kuromoji's own lookups (long runs without punctuation included).
    const char = fc.constantFrom(...[...'のはがをにでとも日本一最高級美容液効果保証今だけ半額円大白豊胸アイウエオカタカナｶﾀｶﾅabcABC0123４５、。！ 𠮷']);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: char, maxLength: 80 }), { minLength: 1, maxLength: 20 }), async (texts) => {
        expect(shape(expanded, texts)).toEqual(await stockTokens(texts));
      }),
      { numRuns: 50 },
    );
    const [file] = readdirSync(path.join(cacheDir, 'dictionaries'));
    expect(file).toMatch(/\.bin$/);
    // The cached copy is read on use (trie and features paged in): every corpus line and random
    // text give kuromoji's tokens from it too.
    const cached = await createJapaneseTokenizer({ cacheDir });
    expect(shape(cached, TEXTS)).toEqual(stock);
    const corpus = await corpusTexts('ja');
    expect(shape(cached, corpus)).toEqual(await stockTokens(corpus));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: char, maxLength: 80 }), { minLength: 1, maxLength: 20 }), async (texts) => {
        expect(shape(cached, texts)).toEqual(await stockTokens(texts));
      }),
      { numRuns: 50 },
    );
    // An unwritable cache folder (a file in its place) only means expanding every time.
    const blocker = path.join(cacheDir, 'blocker');
    writeFileSync(blocker, '');
    expect(shape(await createJapaneseTokenizer({ cacheDir: blocker }), TEXTS)).toEqual(stock);
  }, 120_000);

  it.skipIf(process.platform !== 'linux')('lets go of a cached copy it cannot use (a damaged file is not held open)', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'lc-ja-dict-'));
    await createJapaneseTokenizer({ cacheDir });
    const dir = path.join(cacheDir, 'dictionaries');
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), 'not a dictionary');
    const held = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(path.join('/proc/self/fd', fd)).startsWith(dir);
      } catch {
        return false;
      }
    });
    const before = held().length;
    const tk = await createJapaneseTokenizer({ cacheDir });
    expect(shape(tk, TEXTS)).toEqual(await stockTokens(TEXTS));
    expect(held()).toHaveLength(before);
  }, 120_000);
});
