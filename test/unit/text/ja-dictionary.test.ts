import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import kuromoji from 'kuromoji';
import { describe, expect, it } from 'vitest';
import { createJapaneseTokenizer } from '../../../src/text/tokenizers/ja.js';

const require = createRequire(import.meta.url);
const TEXTS = [
  'この美容液は最高級の成分で、シミが消えます。飲むだけで痩せる！',
  '今だけ半額、通常価格9,800円のところ4,980円です。売り切れ御免！',
  'ｶﾀｶﾅとＡＢＣ、𠮷野家の「ご飯」も食べられませんでした。',
];

/** Tokens as kuromoji's own loader produces them (every feature, not only the ones we use). */
async function stockTokens(): Promise<unknown[]> {
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  const tk = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));
  return TEXTS.map((t) => tk.tokenize(t).map((x) => [x.surface_form, x.basic_form, x.pos, x.pos_detail_1]));
}

describe('Japanese dictionary loader', () => {
  it('gives kuromoji’s tokens whether it expands the dictionary or reads its cached copy, and runs without a writable cache', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'lc-ja-dict-'));
    const stock = (await stockTokens()).map((ts) => (ts as string[][]).map(([surface, base, pos, detail]) => ({ surface, base: base && base !== '*' ? base : surface, pos: detail && detail !== '*' ? `${pos}-${detail}` : pos })));
    const shape = (tk: Awaited<ReturnType<typeof createJapaneseTokenizer>>) => TEXTS.map((t) => tk.tokenize(t).map(({ surface, base, pos }) => ({ surface, base, pos })));
    const expanded = await createJapaneseTokenizer({ cacheDir });
    expect(shape(expanded)).toEqual(stock);
    const [file] = readdirSync(path.join(cacheDir, 'dictionaries'));
    expect(file).toMatch(/\.bin$/);
    const cached = await createJapaneseTokenizer({ cacheDir });
    expect(shape(cached)).toEqual(stock);
    // An unwritable cache folder (a file in its place) only means expanding every time.
    const blocker = path.join(cacheDir, 'blocker');
    writeFileSync(blocker, '');
    expect(shape(await createJapaneseTokenizer({ cacheDir: blocker }))).toEqual(stock);
  }, 120_000);
});
