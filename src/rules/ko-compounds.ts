/**
 * Korean: a product named by a noun and a one-syllable head (유산균약, 항산화차, 붓기차, 비염약, 녹용액) that ko-dic cut
 * one syllable off: 유산|균약, 항산|화차, 붓|기차, 비|염약, 녹|용액 — the last syllable of the noun glued to the head as
 * another dictionary word (균약, 화차 "fire cart", 기차 "train", 용액 "solution"). A rule word ending in a noun that ends
 * one syllable inside such a token (유산균, 항산화, 붓기) is found there, standing for the whole compound; not a word
 * ending in a verb's form (처방한, in 의사가처방한약은 cut 처방|한약: the head would be lost to the cues after it). Pure.
 */
import type { Token } from '../text/tokenizer.js';
import type { Lexicon } from './lexicon.js';

const nounEndings = new WeakMap<Lexicon, ReadonlySet<number>>();
const cutWords = new WeakMap<Lexicon, ReadonlySet<number>>();

function inSet(cache: WeakMap<Lexicon, ReadonlySet<number>>, lexicon: Lexicon, list: number[] | undefined, literal: number): boolean {
  let set = cache.get(lexicon);
  if (!set) cache.set(lexicon, (set = new Set(list ?? [])));
  return set.has(literal);
}

/** Whether the literal's own words end in a noun (Lexicon.nounEnding): 유산균, not 처방한 (처방|한약 is 처방한 약). */
export function endsInNoun(lexicon: Lexicon, literal: number): boolean {
  return inSet(nounEndings, lexicon, lexicon.nounEnding, literal);
}

/** Whether the literal is one written word ko-dic cuts into several (Lexicon.cutWord): 위고비, 삭센다. */
export function isCutWord(lexicon: Lexicon, literal: number): boolean {
  return inSet(cutWords, lexicon, lexicon.cutWord, literal);
}

/**
 * One-syllable heads that name a product's form: medicine, tea, juice, pill, liquid, decoction. Not 제 (agent): ko-dic
 * knows its compounds (영양제, 보조제), and in 피로|회|복제 the head is the 제 of 피로회복제, a drug's name — a rule's
 * 회복 ("recovery", of 피로 회복) would be found inside it.
 */
const HEADS: ReadonlySet<string> = new Set(['약', '차', '즙', '환', '액', '탕']);

/**
 * The index of the token a rule word at [start, end) runs into, when it starts on an earlier token's boundary
 * (`s`, the index of the token starting at `start`) and ends one syllable before the end of a two-syllable noun
 * whose last syllable is a product head; else undefined.
 */
export function headCutToken(text: string, tokens: readonly Token[], s: number, start: number, end: number): number | undefined {
  const t = tokenRunInto(tokens, s, end);
  const token = t === undefined ? undefined : (tokens[t] as Token);
  return token && token.pos === 'NNG' && token.end - token.start === 2 && token.end - end === 1 && HEADS.has(text[end] as string) && end - start >= 2 ? t : undefined;
}

/**
 * The index of the token after token `s` that a word ending at `end` runs into (it starts before `end` and ends after
 * it), when that token is glued to the one before it (no space between); else undefined.
 */
function tokenRunInto(tokens: readonly Token[], s: number, end: number): number | undefined {
  for (let t = s + 1; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.start >= end) return undefined;
    if (token.end <= end) continue;
    return (tokens[t - 1] as Token).end === token.start ? t : undefined;
  }
  return undefined;
}

/**
 * The copula said right after a name (이다 contracted after a vowel, and its other forms: 예요, 야, 여서, 였어요, 라서,
 * 인데). ko-dic, not knowing the name, may glue its first syllable to the name's last: 위고|비예|요, 삭|센|다예|요.
 */
const COPULA_AFTER = /^(?:예요|예여|예용|예|야|여서|였|이에요|이예요|이야|이었|이라|이여서|인데|입니다|이죠|라서|라고|라는|란|라면|라도)/u;

/**
 * The index of the token a rule word at [start, end) runs into, when it starts on a token's boundary (`s`, the index
 * of the token starting at `start`), is one written word ko-dic cuts into several (a name it does not know: 위고비),
 * and ends inside a later token whose rest is the copula said after it (위고|비예|요 for 위고비예요); else undefined.
 * The rule word then stands for the tokens up to that one: 위고비예요 says 위고비 as 위고비랑 and 위고비처럼 do.
 */
export function copulaCutToken(text: string, tokens: readonly Token[], s: number, start: number, end: number): number | undefined {
  const t = tokenRunInto(tokens, s, end);
  const token = t === undefined ? undefined : (tokens[t] as Token);
  const copula = token && token.start > start ? COPULA_AFTER.exec(text.slice(end))?.[0] : undefined;
  return token && copula !== undefined && end + copula.length >= token.end ? t : undefined;
}
