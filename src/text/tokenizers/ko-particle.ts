/**
 * The Korean 이 that ko-dic (as embedded in lindera-wasm-nodejs-cjk 2.0.0) cannot see.
 *
 * That build of ko-dic has no one-syllable entry 이 at all (not the subject particle, nor the
 * copula, nor the determiner), so a noun ending in a consonant followed by the subject particle is
 * cut in the wrong place: 관절이 → 관|절이, 주름이 → 주|름이, 사람이 → 사람|이(unknown). A rule that
 * names 관절 then never matches 관절이 아파요.
 *
 * The particle: where an eojeol ends in 이 after a syllable with a final consonant, the text is
 * analysed with that 이 masked by a particle the dictionary has for the same place (은), and the
 * masked analysis is kept only where it reads "noun + particle"; the particle is then 이/JKS again.
 * Everywhere else (많이, 같이, 깨끗이: words that end in 이) the eojeol keeps the analysis of its own
 * text. The mask has the same length as 이, so every offset stays true.
 *
 * The copula (약이에요, 관절이라서): see `restoreCopula`.
 */
import type { Token } from '../tokenizer.js';
import { alignTokens, type RawToken } from './align.js';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** 이 at the end of an eojeol (before a space, punctuation or the end of the text). */
const EOJEOL_FINAL_I = /이(?=$|[\s.,!?~…:;·"'”’」』)\]}])/gu;
/** Tags a particle may follow: nouns, pronouns, numerals, numbers, foreign words, noun suffixes. */
const NOMINAL = /^(?:N[A-Z]*|SN|SL|SH|XSN|ETN)(?:$|\+)/u;
/** 은 is the particle ko-dic expects after a final consonant, and as long as 이 (one UTF-16 unit). */
const MASK = '은';
const PARTICLE = { surface: '이', base: '이', pos: 'JKS' } as const;

function hasFinalConsonant(ch: number): boolean {
  return ch >= HANGUL_FIRST && ch <= HANGUL_LAST && (ch - HANGUL_FIRST) % 28 !== 0;
}

/** Offsets of each eojeol-final 이 that follows a syllable with a final consonant. */
export function particleCandidates(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(EOJEOL_FINAL_I)) {
    const at = m.index;
    if (at > 0 && hasFinalConsonant(text.charCodeAt(at - 1))) out.push(at);
  }
  return out;
}

function mask(text: string, at: readonly number[], by: string): string {
  let out = '';
  let from = 0;
  for (const p of at) {
    out += text.slice(from, p) + by;
    from = p + 1;
  }
  return out + text.slice(from);
}

/** Whether the analysis reads the masked syllable at `at` as a particle right after a noun. */
function readsAsParticle(tokens: readonly Token[], at: number): number {
  const k = tokens.findIndex((t) => t.start === at);
  if (k <= 0) return -1;
  const t = tokens[k]!;
  const prev = tokens[k - 1]!;
  // A noun cut into one-syllable pieces (깨끗이 read as 깨|끗|은) is a word the mask broke, not a noun.
  const before = tokens[k - 2];
  const shattered = prev.end - prev.start === 1 && before !== undefined && before.end === prev.start && before.end - before.start === 1;
  return t.end === at + 1 && t.surface === MASK && prev.end === at && NOMINAL.test(prev.pos) && !shattered ? k : -1;
}

function eojeolAround(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !/\s/u.test(text[s - 1]!)) s--;
  let e = at + 1;
  while (e < text.length && !/\s/u.test(text[e]!)) e++;
  return [s, e];
}

function shift(tokens: Token[], by: number): Token[] {
  return tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by }));
}

/** Replace the tokens overlapping [s, e) with `inner` (already in text offsets). */
function splice(tokens: Token[], s: number, e: number, inner: Token[]): Token[] {
  const before = tokens.filter((t) => t.end <= s);
  const after = tokens.filter((t) => t.start >= e);
  return [...before, ...inner, ...after];
}

/**
 * Tokenize Korean text with the particle 이 restored (see the file comment). `analyse` is the raw
 * analyser; text without a candidate 이 is analysed once, exactly as before.
 */
export function tokenizeWithParticleI(text: string, analyse: (text: string) => RawToken[]): Token[] {
  const at = particleCandidates(text);
  if (at.length === 0) return restoreCopula(text, alignTokens(text, analyse(text)), analyse);
  const masked = mask(text, at, MASK);
  let tokens = alignTokens(masked, analyse(masked));
  for (const p of at) {
    const k = readsAsParticle(tokens, p);
    if (k >= 0) {
      tokens[k] = { ...tokens[k]!, ...PARTICLE };
      continue;
    }
    // Not "noun + particle" (많이, 깨끗이): this eojeol keeps the analysis of its own text, where a
    // lone unknown 이 (살이 → 살|이) is still the particle.
    const [s, e] = eojeolAround(text, p);
    const own = alignTokens(text.slice(s, e), analyse(text.slice(s, e))).map((t) =>
      t.start === p - s && t.surface === '이' && t.pos === 'UNK' ? { ...t, ...PARTICLE } : t,
    );
    tokens = splice(tokens, s, e, shift(own, s));
  }
  return restoreCopula(text, tokens, analyse);
}

/** What follows the copula 이 inside an eojeol (약이에요, 약이었어요, 약이라서, 약이죠, 약이네요 …). */
const COPULA_ENDING = /^(?:에요|었|라서|라고|라는|라면|란|죠|지요|네요|지만|니까|거든|잖아|어서|였)/u;
const COPULA = { surface: '이', base: '이', pos: 'VCP' } as const;

/** Offsets of each 이 after a final consonant that a copula ending follows in the same eojeol. */
export function copulaCandidates(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('이', 1); at >= 0; at = text.indexOf('이', at + 1)) {
    if (hasFinalConsonant(text.charCodeAt(at - 1)) && COPULA_ENDING.test(text.slice(at + 1, at + 4))) out.push(at);
  }
  return out;
}

/**
 * The copula 이 has no entry either, so 약이에요 reads 약이|에|요 and 관절이에요 관절|이에|요. Where the
 * analysis put that 이 inside a noun or an unknown word (not a verb such as 녹이는 or 줄이고, nor a
 * particle or ending that starts with it), the noun and the ending are analysed apart, around 이/VCP.
 */
function restoreCopula(text: string, tokens: Token[], analyse: (text: string) => RawToken[]): Token[] {
  for (const p of copulaCandidates(text)) {
    const t = tokens.find((x) => x.start <= p && p < x.end);
    if (!t || (t.start === p && /^(?:J|E|VCP)/u.test(t.pos))) continue;
    const [s, e] = eojeolAround(text, p);
    // A verb keeps its analysis (녹이는, 줄이고), except a verb stem in 이 glued after a noun and
    // followed by 에요, which no verb takes (절이다 is 절여요): 품절이에요 read in context as 품|절이|에요.
    if (/^V[VAX]/u.test(t.pos) && !(t.start > s && text.startsWith('에요', p + 1))) continue;
    const noun = alignTokens(text.slice(s, p), analyse(text.slice(s, p)));
    // Analysed alone, an ending can come out as a noun (죠/NNP, 네요/NNP): it is an ending.
    const ending = alignTokens(text.slice(p + 1, e), analyse(text.slice(p + 1, e))).map((x) =>
      /^(?:E|J|VCP|S)/u.test(x.pos) ? x : { ...x, pos: 'EF' },
    );
    tokens = splice(tokens, s, e, [...shift(noun, s), { ...COPULA, start: p, end: p + 1 }, ...shift(ending, p + 1)]);
  }
  return tokens;
}
