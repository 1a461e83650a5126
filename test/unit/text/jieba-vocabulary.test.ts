import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, dictionaryTags, FILLER, loadJiebaVocabulary } from '../../../src/text/tokenizers/jieba-vocabulary.js';
import { createChineseTokenizer, loadJieba, OWN_WORDS_TEXTS } from '../../../src/text/tokenizers/zh.js';
import { corpusTexts } from '../../corpus/evaluate.js';

const require = createRequire(import.meta.url);
const DICT = require.resolve('@node-rs/jieba/dict.txt');
const { Jieba } = loadJieba();
const whole = Jieba.withDict(readFileSync(DICT));
/** The whole dictionary's words and tags, spaces dropped as the tokenizer drops them. */
const wholeTokens = (text: string) => whole.tag(text, false).filter((t) => t.word.trim() !== '').map((t) => [t.word, t.tag]);
const corpus = await corpusTexts('zh');

describe('jieba over a text\'s own words (the one-cue start-up path)', () => {
  /** One cache folder whose index the first test builds and the others read. */
  const shared = mkdtempSync(path.join(os.tmpdir(), 'lc-jieba-'));
  let built: Awaited<ReturnType<typeof loadJiebaVocabulary>>;
  beforeAll(async () => {
    built = await loadJiebaVocabulary(DICT, 'test', shared);
  });

  it('segments and tags every Chinese corpus line exactly as the whole dictionary does, through a fresh index and the cached one', async () => {
    const cached = await loadJiebaVocabulary(DICT, 'test', shared);
    expect(readdirSync(path.join(shared, 'dictionaries'))).toEqual(['jieba-test-index-2.bin']);
    // The first lines one at a time, as a short audit asks (each cue its own words); every line after
    // them in texts of 40 lines, one per line (a line's words are among its text's words, and no word
    // spans a line break): the same check of every line for a fraction of the jieba builds. Even texts
    // go through the index just built, odd ones through the cached file.
    const texts = [...corpus.slice(0, 400), ...Array.from({ length: Math.ceil((corpus.length - 400) / 40) }, (_, k) => corpus.slice(400 + k * 40, 440 + k * 40).join('\n'))];
    const diffs = texts.filter((text, i) => JSON.stringify(Jieba.withDict(Buffer.from((i % 2 ? cached : built)!.dictionaryFor(text)!)).tag(text, false)) !== JSON.stringify(whole.tag(text, false)));
    expect(diffs).toEqual([]);
  });

  it('gives a word\'s dictionary tag through the index as read from the whole dict.txt, and none for a string that is no word', () => {
    const fromWhole = dictionaryTags(readFileSync(DICT, 'utf8'));
    const words = ['看', '电视', '看电视', '降压药', '药', '一般', '说好', '好', '洗头发', '了不得', '血压', '降压', 'a'];
    const none = ['压药', '看电', '视看', '\u{20000}'];
    for (const w of [...words, ...none]) expect(built!.tagOf(w), w).toBe(fromWhole(w));
    expect(words.slice(0, 6).map((w) => built!.tagOf(w))).toEqual(['v', 'n', 'v', 'n', 'n', 'a']);
    expect(none.map((w) => built!.tagOf(w))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('property: the same words and tags as the whole dictionary on random mixes of corpus text', async () => {
    const vocabulary = built;
    const chars = [...new Set(corpus.slice(0, 400).join(''))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 40 }), (cs) => {
        const text = cs.join('');
        expect(Jieba.withDict(Buffer.from(vocabulary!.dictionaryFor(text)!)).tag(text, false)).toEqual(whole.tag(text, false));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps jieba\'s total frequency: without the filler, segmentation changes (最好用 → 最|好用)', () => {
    const dict = readFileSync(DICT, 'utf8');
    const { header } = buildIndex(dict, 'test');
    expect(header.total).toBe(dict.split('\n').reduce((s, l) => s + (Number(l.split(' ')[1]) || 0), 0));
    const text = '这款防晒是我用过最好用的';
    const own = new Set(dict.split('\n').filter((l) => l && text.includes(l.split(' ')[0] as string)));
    const withoutFiller = Jieba.withDict(Buffer.from([...own].join('\n') + '\n')).tag(text, false);
    expect(withoutFiller).not.toEqual(whole.tag(text, false));
  });

  it('gives no own-words dictionary for a text holding the filler, and the tokenizer then uses the whole one', async () => {
    expect(built!.dictionaryFor(`最好${FILLER}用`)).toBeUndefined();
    const tk = await createChineseTokenizer({ cacheDir: shared });
    expect(tk.tokenize(`最好${FILLER}用`).map((t) => [t.surface, t.pos])).toEqual(wholeTokens(`最好${FILLER}用`));
  });

  it('after OWN_WORDS_TEXTS texts, and with an unreadable index, still gives the whole dictionary\'s words', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-jieba-'));
    const tk = await createChineseTokenizer({ cacheDir: dir });
    for (const text of corpus.slice(0, OWN_WORDS_TEXTS + 5)) expect(tk.tokenize(text).map((t) => [t.surface, t.pos])).toEqual(wholeTokens(text));
    // A damaged index is rebuilt, not trusted.
    const file = path.join(dir, 'dictionaries', readdirSync(path.join(dir, 'dictionaries'))[0] as string);
    writeFileSync(file, 'livecomply-jieba-index\n\u0005\u0000\u0000\u0000{"la');
    const again = await createChineseTokenizer({ cacheDir: dir });
    expect(again.tokenize(corpus[0] as string).map((t) => [t.surface, t.pos])).toEqual(wholeTokens(corpus[0] as string));
    expect(readFileSync(file).length).toBeGreaterThan(1_000_000);
  });
});
