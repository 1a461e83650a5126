/**
 * Korean words written as a stem whose last vowel contracts with the ending 아/어 in speech (나오 → 나와요,
 * 보 → 봐요, 되 → 돼요, 하 → 해요), or written in that contracted form (못 봐 → 못 봐요). ko-dic reads the spoken
 * form as one token (나와요 = 나와요/VV+EC, base 나오다; 봐요 = 봐요/VV+EC, base 보다), so the words as written
 * (본전도 안 나오, 못 봐) never met it. Pure.
 */
import type { Token } from '../text/tokenizer.js';
import type { Lexicon } from './compile.js';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Medial vowels (index in a Hangul syllable) and the vowel they contract to with 아/어: ㅗ→ㅘ, ㅜ→ㅝ, ㅚ→ㅙ. */
const CONTRACTS = new Map([
  [8, 9],
  [13, 14],
  [11, 10],
]);
/** The initial ㅎ and medial ㅏ / ㅐ: 하 contracts to 해. */
const INITIAL_H = 18;
const VOWEL_A = 0;
const VOWEL_AE = 1;

/** The stem with its last syllable contracted with 아/어 (나오 → 나와, 주 → 줘, 되 → 돼, 하 → 해), or undefined. */
export function contractedStem(stem: string): string | undefined {
  const code = stem.charCodeAt(stem.length - 1);
  if (Number.isNaN(code) || code < HANGUL_FIRST || code > HANGUL_LAST) return undefined;
  const index = code - HANGUL_FIRST;
  if (index % 28 !== 0) return undefined;
  const initial = Math.floor(index / 588);
  const vowel = Math.floor(index / 28) % 21;
  const to = initial === INITIAL_H && vowel === VOWEL_A ? VOWEL_AE : CONTRACTS.get(vowel);
  if (to === undefined) return undefined;
  return `${stem.slice(0, -1)}${String.fromCharCode(HANGUL_FIRST + initial * 588 + to * 28)}`;
}

/** A predicate's part of speech: a verb, adjective, auxiliary or the 하 after a noun or root. */
const PREDICATE = /^(?:VV|VA|VX|XSV|XSA)$/u;
const PREDICATE_EC = /^(?:VV|VA|VX|XSV|XSA)\+EC$/u;

/** A literal's key by base form for its contracted spoken forms, and what the last token's surface must begin with. */
export interface ContractedKey {
  key: string[];
  prefixes: string[];
}

/**
 * The key of a Korean word kept as written (Lexicon.spokenForms) for its contracted forms: its words as written,
 * the last one by its base form (본전 도 안 나오다), when every word but the last is its own base and the last is
 * a predicate stem that contracts (나오: the spoken form must begin 나와) or is that contraction already (봐 =
 * 봐/VV+EC, base 보다: it must begin 봐). Not the past (나왔, 됐): 다들 치료됐다고 올려요 reports what others say, and
 * the writers who list 치료되 list 치료돼요 but not 치료됐. Undefined for any other word.
 */
export function contractedKey(tokens: readonly Token[]): ContractedKey | undefined {
  const last = tokens[tokens.length - 1];
  if (!last || !last.base.endsWith('다')) return undefined;
  if (tokens.slice(0, -1).some((t) => t.base !== t.surface)) return undefined;
  const stem = last.base.slice(0, -1);
  const contracted = contractedStem(stem);
  if (contracted === undefined) return undefined;
  const key = [...tokens.slice(0, -1).map((t) => t.surface), last.base];
  // 되 alone reads 되/VV+EC (되어 unwritten): a stem all the same.
  if (((PREDICATE.test(last.pos) || PREDICATE_EC.test(last.pos)) && last.surface === stem) || (PREDICATE_EC.test(last.pos) && last.surface === contracted)) return { key, prefixes: [contracted] };
  return undefined;
}

/** Keys literal `id` written as `tokens` for its contracted forms (contractedKey), when it has such a key: its lemma key and its prefixes. */
export function addContractedKey(tokens: readonly Token[], id: number, lemmaKeys: { key: string[]; value: number }[], contracted: NonNullable<Lexicon['contracted']>): void {
  const c = contractedKey(tokens);
  if (!c) return;
  lemmaKeys.push({ key: c.key, value: id });
  contracted.push({ literal: id, prefixes: c.prefixes });
}
