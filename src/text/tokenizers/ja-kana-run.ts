/**
 * Words kuromoji hides in an unknown hiragana run. A word IPADIC lacks (ぺたんこ; it has ぺったんこ) is read as an unknown
 * word, and kuromoji groups the hiragana after it into the same run: ぺたんこになったって comes out as one unknown noun,
 * so a rule keyed on ぺたんこ, なる or た finds nothing. Where the rest of such a run, from some kana on, reads as known
 * words, a particle then a predicate, the run is split there: the unknown word keeps kuromoji's reading and the rest is
 * tokenized alone (ぺたんこ, as kuromoji read the run, then に / なっ / た / って). Pure.
 */
import type { ViterbiToken } from './kuromoji-viterbi.js';

/** The first part of token `t` cut at `head`'s end: kuromoji's reading kept, a base form that was the surface cut alike. */
const headOf = <T extends ViterbiToken>(t: T, head: string): T => ({ ...t, surface_form: head, basic_form: t.basic_form === t.surface_form ? head : t.basic_form });

const HIRAGANA_RUN = /^\p{Script=Hiragana}{4,}$/u;
/** The unknown word itself keeps at least this many kana. */
const MIN_HEAD = 2;

/** Whether kuromoji knew the word (it gives a reading only to dictionary words). */
const known = (t: ViterbiToken): boolean => t.reading !== undefined && t.reading !== '*';

/**
 * Whether a tail reads as a particle that follows a word (に, と, が; not the ん IPADIC also calls one, ぺた|ん|こ, nor a
 * sentence-final よ, ぷよぷ|よ|が) and then a predicate (なっ, おさまっ, た): a particle alone may be part of the word.
 */
const particleThenPredicate = (tail: readonly ViterbiToken[]): boolean =>
  tail[0]?.pos === '助詞' && tail[0].pos_detail_1 !== '特殊' && tail[0].pos_detail_1 !== '終助詞' && tail.some((t) => t.pos === '動詞' || t.pos === '助動詞');

/** Where in an unknown hiragana run `run` its tail of known words begins (a particle, then a word), if it has one. */
function knownTailAt(run: string, tokenize: (text: string) => readonly ViterbiToken[]): number | undefined {
  for (let i = MIN_HEAD; i <= run.length - 2; i++) {
    const tail = tokenize(run.slice(i));
    if (tail.length >= 2 && particleThenPredicate(tail) && tail.every(known)) return i;
  }
  return undefined;
}

/**
 * The tokens with each unknown hiragana run (4 kana or more) that ends in known words split in two: the unknown word,
 * as kuromoji gave it, and its tail of known words (a particle, then a predicate) tokenized alone. `tokenize`: the tokenizer the
 * tokens came from.
 */
export function splitKanaRuns<T extends ViterbiToken>(tokens: readonly T[], tokenize: (text: string) => T[]): T[] {
  return tokens.flatMap((t) => {
    if (known(t) || !HIRAGANA_RUN.test(t.surface_form)) return [t];
    const i = knownTailAt(t.surface_form, tokenize);
    if (i === undefined) return [t];
    const head = t.surface_form.slice(0, i);
    return [headOf(t, head), ...tokenize(t.surface_form.slice(i))];
  });
}

const KATAKANA_RUN = /^[\p{Script=Katakana}ー]{5,}$/u;
/** The head of a split katakana run keeps at least this many characters, the known word after it at least TAIL. */
const MIN_HEAD_KATAKANA = 2;
const MIN_TAIL_KATAKANA = 3;

/**
 * The tokens with each unknown katakana run that ends in a known noun split in two. kuromoji groups a katakana word
 * it does not know with the katakana after it as one unknown noun, so グルコサミンサプリ, セラミドクリーム and
 * メラメラボディ hide サプリ, クリーム and ボディ from a rule that names them. Where the run ends in one dictionary noun
 * of three characters or more, the longest such (ドリンク, not リンク, in コラーゲンドリンク), it is split there: the
 * head keeps kuromoji's reading of the run, the noun is tokenized alone. A run that ends in no known noun (an unknown
 * brand name) stays whole. `tokenize`: the tokenizer the tokens came from.
 */
function splitKatakanaRuns<T extends ViterbiToken>(tokens: readonly T[], tokenize: (text: string) => T[]): T[] {
  return tokens.flatMap((t) => {
    if (known(t) || !KATAKANA_RUN.test(t.surface_form)) return [t];
    const run = t.surface_form;
    for (let i = MIN_HEAD_KATAKANA; i <= run.length - MIN_TAIL_KATAKANA; i++) {
      const tail = tokenize(run.slice(i));
      if (tail.length === 1 && known(tail[0] as T) && tail[0]?.pos === '名詞') {
        const head = run.slice(0, i);
        return [headOf(t, head), tail[0] as T];
      }
    }
    return splitProductNoun(t, tokenize);
  });
}

/**
 * Product nouns IPADIC (2007) does not know, which close many product names: サプリ and サプリメント, セラム, ジェル,
 * ローション, トリートメント. kuromoji reads them as unknown katakana, so the tail split above cannot find them.
 */
const NEWER_PRODUCT_NOUNS: readonly string[] = ['サプリメント', 'トリートメント', 'スムージー', 'インソール', 'ローション', 'サプリ', 'セラム', 'ジェル', 'ミスト', 'バーム', 'トナー', 'コスメ', 'ピロー'];

/**
 * An unknown katakana run that ends in one of those nouns (尿酸値ダウンサプリ, バストアップサプリ, ホワイトニングローション)
 * is split before it, and the head is read again the same way (バストアップ → バスト | アップ), so a product name that is
 * a claim shows its words (ダウン, アップ) to the rules. The noun keeps the run's reading (none: it is unknown).
 */
function splitProductNoun<T extends ViterbiToken>(t: T, tokenize: (text: string) => T[]): T[] {
  const run = t.surface_form;
  const noun = NEWER_PRODUCT_NOUNS.find((n) => run.endsWith(n) && run.length - n.length >= MIN_HEAD_KATAKANA);
  const suffix = noun === undefined ? CLAIM_SUFFIXES.find((n) => run.endsWith(n) && run.length - n.length >= MIN_HEAD_CLAIMED) : undefined;
  const word = noun ?? suffix;
  if (word === undefined) return [t];
  // A claim's suffix is a dictionary word (ゼロ, レス) and keeps its reading; a newer product noun is unknown.
  const known = suffix === undefined ? [] : tokenize(suffix);
  const tail = known.length === 1 ? known : [{ ...t, surface_form: word, basic_form: word }];
  return [...splitKatakanaRuns(tokenize(run.slice(0, run.length - word.length)), tokenize), ...tail];
}

/**
 * Short words that close a claim said as one katakana compound (ダウンタイムゼロ, ダウンタイムレス, リバウンドレス): too
 * short for the tail split above (a two-kana tail is too often part of an unknown word), so split only off a head of
 * four characters or more, itself read again (ダウンタイム → ダウン | タイム) for the words of the claim.
 */
const CLAIM_SUFFIXES: readonly string[] = ['ゼロ', 'レス'];
const MIN_HEAD_CLAIMED = 4;

/** An unknown katakana word with middle dots glued after it (バストアップサプリ・, ラクラクダイエット・・・). */
const DOTTED_RUN = /^([\p{Script=Katakana}ー]{2,})(・+)$/u;

/**
 * kuromoji glues the middle dots after an unknown katakana word into it (バストアップサプリ・楽しみ, ショボショボ・かすんだ;
 * ・・・ is a common ellipsis in captions), which hides the word from a rule and from the katakana split below: the
 * dots are cut off and tokenized alone (r61jab's request).
 */
function peelMiddleDots<T extends ViterbiToken>(tokens: readonly T[], tokenize: (text: string) => T[]): T[] {
  return tokens.flatMap((t) => {
    const m = known(t) ? null : DOTTED_RUN.exec(t.surface_form);
    if (!m) return [t];
    const [, word = '', dots = ''] = m;
    return [headOf(t, word), ...tokenize(dots)];
  });
}

/** The splits, as the tokenizer and its kuromoji parity test apply them: unknown hiragana runs, dots, then katakana runs. */
export function splitUnknownRuns<T extends ViterbiToken>(tokens: readonly T[], tokenize: (text: string) => T[]): T[] {
  return splitKatakanaRuns(peelMiddleDots(splitKanaRuns(tokens, tokenize), tokenize), tokenize);
}
