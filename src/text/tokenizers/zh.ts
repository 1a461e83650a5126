/**
 * Chinese: jieba (jieba-rs through @node-rs/jieba, a prebuilt native module per platform) with
 * part-of-speech tags, on jieba's own dictionary. The same jieba-rs as a wasm build gave identical
 * tokens and tags on 10,292 corpus and rule texts, and took about 0.4 s more to build its dictionary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens } from './align.js';
import { dictionaryTags, loadJiebaVocabulary } from './jieba-vocabulary.js';
import { recutChinese, type ZhPiece } from './zh-recut.js';

interface JiebaInstance {
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
}
export interface JiebaModule {
  Jieba: { withDict(dict: Uint8Array): JiebaInstance };
}

const require = createRequire(import.meta.url);

/**
 * @node-rs/jieba and its prebuilt module for this platform (an optional dependency npm picks by
 * platform). Without it the user is told what is missing, not napi-rs's generic "native binding".
 */
export function loadJieba(req: (id: string) => unknown = require): JiebaModule {
  try {
    return req('@node-rs/jieba') as JiebaModule;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Chinese word segmentation could not load: @node-rs/jieba has no prebuilt module installed for ${process.platform}-${process.arch} ` +
        `(npm installs it as an optional dependency: reinstall without --omit=optional, on a platform it supports). ${why}`,
      { cause: err },
    );
  }
}

/**
 * How many texts are segmented with a dictionary of their own words (see jieba-vocabulary.ts) before
 * the whole dictionary is built: a one-cue audit never pays for it, a long transcript soon does once.
 */
export const OWN_WORDS_TEXTS = 32;

// HMM off: jieba keeps to its dictionary and leaves unknown runs as single characters, instead of
// inventing words across boundaries (销冠卖, 由花) that whole-word rule matching then misses.
export async function createChineseTokenizer(opts: { cacheDir?: string } = {}): Promise<Tokenizer> {
  const { Jieba } = loadJieba();
  // The dictionary file alone (the package's `dict` export also reads a 6 MB IDF table we never use).
  const dictPath = require.resolve('@node-rs/jieba/dict.txt');
  const version = (require('@node-rs/jieba/package.json') as { version: string }).version;
  const vocabulary = opts.cacheDir ? await loadJiebaVocabulary(dictPath, version, opts.cacheDir) : undefined;
  let whole: JiebaInstance | undefined;
  let ownWords = 0;
  const jiebaFor = (text: string): JiebaInstance => {
    if (!whole && vocabulary && ownWords < OWN_WORDS_TEXTS) {
      const dict = vocabulary.dictionaryFor(text);
      if (dict !== undefined) {
        ownWords++;
        return Jieba.withDict(Buffer.from(dict));
      }
    }
    whole ??= Jieba.withDict(readFileSync(dictPath));
    return whole;
  };
  // Tags of dictionary words, asked for the parts of a word a rule word starts or ends (rules/sub-words.ts).
  let wholeTags: ((word: string) => string | undefined) | undefined;
  const tags = new Map<string, string | undefined>();
  const lookUp = (word: string): string | undefined => {
    if (vocabulary) return vocabulary.tagOf(word);
    wholeTags ??= dictionaryTags(readFileSync(dictPath, 'utf8'));
    return wholeTags(word);
  };
  const wordTag = (word: string): string | undefined => {
    if (!tags.has(word)) tags.set(word, lookUp(word));
    return tags.get(word);
  };
  return {
    language: 'zh',
    wordTag,
    keepsBreaks: true,
    tokenize(text, breaks = []) {
      const jieba = jiebaFor(text);
      const tag = (part: string): ZhPiece[] => jieba.tag(part, false).map((t) => ({ surface: t.word, pos: t.tag }));
      // A dropped space is a pause (口服水光 喝): a word jieba ran across one (光喝) is cut again in its parts.
      const pieces = breaks.length === 0 ? tag(text) : cutAtPauses(tag(text), breaks, tag);
      // Cuts that hide a rule's word mended (zh-recut.ts: 贴|出马|甲线, 五|十分, 三百左右, 药都是).
      return alignTokens(text, recutChinese(pieces, wordTag));
    },
  };
}

/**
 * The pieces with every piece that runs across a pause (an offset in `breaks`, ascending) cut there and each part
 * re-tagged on its own: 口服|水|光喝 with a pause before 喝 reads 口服|水|光|喝. Pieces are in text order and cover it
 * (jieba keeps every character). Pure.
 */
export function cutAtPauses(pieces: readonly ZhPiece[], breaks: readonly number[], tag: (part: string) => ZhPiece[]): ZhPiece[] {
  const out: ZhPiece[] = [];
  let at = 0;
  let b = 0;
  for (const p of pieces) {
    const end = at + p.surface.length;
    while (b < breaks.length && (breaks[b] as number) <= at) b++;
    if (b >= breaks.length || (breaks[b] as number) >= end) out.push(p);
    else {
      let from = at;
      for (; b < breaks.length && (breaks[b] as number) < end; b++) {
        out.push(...tag(p.surface.slice(from - at, (breaks[b] as number) - at)));
        from = breaks[b] as number;
      }
      out.push(...tag(p.surface.slice(from - at)));
    }
    at = end;
  }
  return out;
}
