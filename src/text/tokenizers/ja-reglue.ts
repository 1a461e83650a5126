/**
 * Words kuromoji starts one kana late. A cheap dictionary word ending in a kana (です, ます) takes the
 * first kana of the word after it when what is left is a dictionary word too: 一瞬ですっきり comes out as
 * 一瞬 / です / っきり, so no rule keyed on すっきり finds it. The sign is a token starting with a small っ
 * (no word of its own but a suffix such as っきり, っぽい) after a token ending in a kana: where the text
 * read from that kana starts with a known word covering the っ token, the text is cut before the kana and
 * each piece tokenized alone (一瞬で / すっきり). Pure.
 */
import type { ViterbiToken } from './kuromoji-viterbi.js';

const SMALL_TSU = /^[っッ]/;
const KANA_END = /[\p{Script=Hiragana}\p{Script=Katakana}]$/u;
/** How much text after the kana is read again to find the word there. */
const LOOKAHEAD = 16;

/** Whether an auxiliary of two characters or more (です, ます) may have taken the first kana of `next`, a small-っ suffix (っきり), not a particle (って). */
const tookKana = (prev: ViterbiToken, next: ViterbiToken): boolean =>
  prev.pos === '助動詞' && prev.surface_form.length >= 2 && KANA_END.test(prev.surface_form) && SMALL_TSU.test(next.surface_form) && next.pos !== '助詞';

/**
 * Whether `t` is a dictionary word (kuromoji gives a reading only to known words) of its own: not a particle or an
 * auxiliary, which would only move the cut between endings (な / ったって read as なっ / たって).
 */
const contentWord = (t: ViterbiToken | undefined): t is ViterbiToken =>
  t !== undefined && t.reading !== undefined && t.reading !== '*' && t.pos !== '助詞' && t.pos !== '助動詞';

/**
 * Where the text should be cut so that a word kuromoji started one kana late is read whole: before the
 * last kana of an auxiliary of two characters or more followed by a small-っ suffix, when the text from that kana
 * starts with a known word (not a particle or an auxiliary) that covers the whole っ token. `tokenize`: the tokenizer the tokens came from.
 */
export function lateWordCuts(text: string, tokens: readonly ViterbiToken[], tokenize: (text: string) => ViterbiToken[]): number[] {
  const cuts: number[] = [];
  let at = 0;
  let prevEnd = -1;
  let prev: ViterbiToken | undefined;
  for (const t of tokens) {
    const start = text.indexOf(t.surface_form, at);
    if (start < 0) return cuts;
    if (prev && start === prevEnd && tookKana(prev, t)) {
      const cut = start - 1;
      const first = tokenize(text.slice(cut, start + t.surface_form.length + LOOKAHEAD))[0];
      if (contentWord(first) && first.surface_form.length > t.surface_form.length) cuts.push(cut);
    }
    at = start + t.surface_form.length;
    prevEnd = at;
    prev = t;
  }
  return cuts;
}
