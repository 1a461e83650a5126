/**
 * Japanese words written in kana: a host's caption or a transcript may write 消える as きえる, 痩せる
 * as やせる, 痛み as いたみ. kuromoji gives such a word its kana base form (きえます → きえる), so a rule
 * word keyed by 消える would not find it. These are the other keys of a rule word: each of its words
 * written with kanji in its base form, also keyed by that base form's reading in hiragana — one word at a
 * time, and all of them at once. Pure: the analyser is handed in.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Token } from '../text/tokenizer.js';

const HAN = /\p{Script=Han}/u;
/** Words of more kanji-written parts than this get only the all-kana key besides the one-at-a-time keys. */
const MAX_PARTS = 4;
/**
 * Kana that stand for several everyday words, so a kana key would find the wrong one: きく is 効く and
 * 聞く (お医者さんにきいて), かく 書く and 掻く, はる 貼る and 張る, とる, ひく, かける, かえる, さす, つく,
 * なく, あう, うつ, きる, はかる, あげる likewise; なおる, なおす are 治る and 直る (エアコンをなおす), so rules list
 * them in kana themselves where a cure is meant.
 */
const HOMOPHONES = new Set(['きく', 'かく', 'はる', 'とる', 'ひく', 'かける', 'かえる', 'さす', 'つく', 'なく', 'あう', 'うつ', 'きる', 'はかる', 'あげる', 'おす', 'のる', 'たつ', 'よる', 'しめる', 'なおる', 'なおす']);
/** Parts of speech a host may write in kana: verbs, adjectives, nouns other than suffixes and numbers. */
const WRITTEN_IN_KANA = /^(動詞|形容詞|名詞-(一般|サ変接続|形容動詞語幹|副詞可能|固有名詞))/u;

/** Katakana to hiragana (ァ–ヶ; ー and other marks stay). */
export function toHiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Reads base forms in hiragana, each looked up once. */
export class KanaReadings {
  private readonly memo = new Map<string, string | null>();

  constructor(private readonly analyzer: Analyzer) {}

  /**
   * The hiragana reading of a base form written with kanji, when the dictionary knows it as one verb or
   * adjective, or as a noun of three kana or more: short nouns and suffixes read alike too often (産 is
   * さん, as in 田中さん).
   */
  of(token: Token): string | undefined {
    const base = token.base;
    if (!HAN.test(base) || !WRITTEN_IN_KANA.test(token.pos)) return undefined;
    const memoKey = `${base}\u0000${token.pos}`;
    let r = this.memo.get(memoKey);
    if (r === undefined) {
      const tokens = this.analyzer.analyze(base).tokens;
      const only = tokens.length === 1 ? tokens[0] : undefined;
      r = only?.reading && only.surface === base ? toHiragana(only.reading) : null;
      if (r === base || (r && (r.length < 2 || (r.length < 3 && token.pos.startsWith('名詞')) || HOMOPHONES.has(r) || !this.readsAlone(r, token.pos)))) r = null;
      this.memo.set(memoKey, r);
    }
    return r ?? undefined;
  }

  /**
   * Whether kana said alone is the same kind of word, with itself as base form (the key a transcript
   * gives it), and not a short word that also serves as an auxiliary: 増す read ます is the polite
   * auxiliary, 見る read みる the みる of 試してみる (みせる, しまう are long enough to mean themselves),
   * いたみ is read as the verb いたむ.
   */
  private readsAlone(kana: string, pos: string): boolean {
    const alone = this.analyzer.analyze(kana).tokens;
    const w = alone.length === 1 ? alone[0] : undefined;
    if (!w || w.base !== kana || w.pos.split('-')[0] !== pos.split('-')[0]) return false;
    if (kana.length > 2) return true;
    const afterTe = this.analyzer.analyze(`て${kana}`).tokens;
    return !afterTe.some((t) => t.base === kana && /非自立|接尾/u.test(t.pos));
  }

  /**
   * The other keys of a word whose tokens are `tokens` (see the module's note): by base form, for the
   * lemma automaton, and as written, for words found by their characters (context cues: とかは言えない
   * said as とかはいえない, where kuromoji also cuts とか differently).
   */
  variants(tokens: readonly Token[]): { bases: string[][]; surfaces: string[] } {
    const kana = tokens.map((t) => this.of(t));
    const parts = kana.flatMap((k, i) => (k === undefined ? [] : [i]));
    if (parts.length === 0) return { bases: [], surfaces: [] };
    const choices = parts.length > 1 && parts.length <= MAX_PARTS ? [...parts.map((i) => new Set([i])), new Set(parts)] : [new Set(parts)];
    const bases = choices.map((set) => tokens.map((t, j) => (set.has(j) ? (kana[j] as string) : t.base)));
    const written = tokens.map((t) => t.surface).join('');
    const surfaces = new Set(choices.map((set) => tokens.map((t, j) => (set.has(j) && t.reading ? toHiragana(t.reading) : t.surface)).join('')));
    surfaces.delete(written);
    return { bases, surfaces: [...surfaces] };
  }
}
