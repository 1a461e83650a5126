/**
 * Where the words of the lexicon occur in one analysed segment: both automata run once over it,
 * and each word found is kept once, with the word lists it belongs to looked up only when a
 * matcher step asks. Pure.
 */
import type { AnalyzedText } from '../text/analyze.js';
import type { Token } from '../text/tokenizer.js';
import { currencySignBefore, findNumbers } from '../text/numbers.js';
import { koreanNumeralSpans, withoutCopulaDigit } from '../text/ko-numerals.js';
import { HitBuffer } from './automaton.js';
import { breathCommas } from './pauses.js';
import { keepAcrossMarks, withBreaths, withoutRanges, withoutShortQuoteMarks } from './across-quotes.js';
import type { CompiledRules, Lexicon } from './compile.js';
import { gluedNativeNumbers, spacelessRuns, type Run } from '../text/spaceless.js';
import { stemGroup, stemsCompletedBy } from './stem-groups.js';
import { isCrossedCut, isSubWord } from './sub-words.js';
import { isKoreanEndingWord } from './ko-endings.js';
import { copulaCutToken, endsInNoun, headCutToken, isCutWord } from './ko-compounds.js';
import { becomingWithoutJi, contractedPrefixes, endingsAfter, fusedSupposing, notContracted, supposed, wholeBaseQuoted } from './lemma-forms.js';

/** Where the words of the lexicon occur in one segment. */
export interface Lattice {
  a: AnalyzedText;
  /**
   * The words found on token boundaries, one entry per literal found (not per atom it belongs to:
   * a particle such as 이 or の belongs to hundreds of word lists): its literal, and its start and
   * end tokens (end exclusive). `headAt[t]` / `nextAt[i]` chain the entries starting at token t,
   * `headEnd[t]` / `nextEnd[i]` those ending at t; -1 ends a chain.
   */
  lit: number[];
  from: number[];
  to: number[];
  headAt: Int32Array;
  nextAt: number[];
  headEnd: Int32Array;
  nextEnd: number[];
  /** Words found by their characters (for context cues and number units): literal, span, and whether found as written. */
  charLit: number[];
  charStart: number[];
  charEnd: number[];
  charAsWritten: boolean[];
  /** Atom → the character spans of its words, built from the above in one pass on the first `charsOf` of the segment. */
  charsByAtom: Map<number, CharSpan[]> | undefined;
  /** Numbers by the token they start at: their end in characters. A number with a currency sign before it (¥9,800) also starts at the sign. */
  numbers: Map<number, number>;
  /** Tokens that are a currency sign starting a number: the sign stands for a money unit after it (¥9,800 as 9,800円). */
  signedAt: Set<number>;
  /** Character offset → index of the token starting / ending there (exclusive end index), or -1: read with `indexAt`. */
  tokenStartingAt: Int32Array;
  tokenEndingAt: Int32Array;
  lexicon: Lexicon;
  uses: AtomUses;
  /** Chinese: a pause comma is stepped over only before a word that carries on the clause (就, 都, 马上). */
  chinese: boolean;
  /** A space ends a caption unit ({start}/{end} steps): in Chinese and Japanese, not in Korean, where it separates words. */
  spaceEdges: boolean;
  /** Korean: the runs written without spaces (text/spaceless.ts), where a cue's window counts the spaces left out. */
  spaceless: Run[];
}

/** A word's character span in the normalised text. */
export interface CharSpan {
  start: number;
  end: number;
}

/** The entry of an offset table (tokenStartingAt, tokenEndingAt), or undefined for none. */
export function indexAt(table: Int32Array, offset: number): number | undefined {
  const v = table[offset];
  return v === undefined || v < 0 ? undefined : v;
}

/** Which atoms a scan must record character spans for (per atom, 1 or 0), and what each literal found needs, worked out once. */
interface AtomUses {
  chars: Uint8Array;
  /** Per literal, filled on first sight: 1 when an atom of it needs character spans, 2 when none does. */
  literalChars: Uint8Array;
  /** Per literal, filled on first sight: the structured matchers that can start with it. */
  literalStarts: (readonly number[] | undefined)[];
  /**
   * Per literal, filled on first sight: the atoms whose `charsOf` lists it when found as written
   * (those that need spans) and when found by its stem or base form (the loose ones).
   */
  literalWanted: (readonly number[] | undefined)[];
  literalLoose: (readonly number[] | undefined)[];
}
const atomUsesOf = new WeakMap<CompiledRules, AtomUses>();

/** Character spans are read only for context cues and number units. */
function atomUses(compiled: CompiledRules): AtomUses {
  let u = atomUsesOf.get(compiled);
  if (u) return u;
  const n = compiled.lexicon.atomCount;
  u = { chars: new Uint8Array(n), literalChars: new Uint8Array(compiled.lexicon.literalAtoms.length), literalStarts: [], literalWanted: [], literalLoose: [] };
  compiled.lexicon.atomLoose.forEach((loose, atom) => {
    if (loose) u!.chars[atom] = 1;
  });
  for (const m of compiled.matchers) {
    for (const step of m.steps ?? []) if (step.kind === 'number' && step.units !== undefined) u.chars[step.units] = 1;
  }
  const cueGroups = [...compiled.unless.flatMap((g) => g ?? []), ...(compiled.negation ?? []), ...(compiled.quotation ?? [])];
  for (const g of cueGroups) {
    for (const atom of [g.before, g.after, g.around, g.inside]) u.chars[atom] = 1;
    for (const atom of [g.then, g.anywhere]) if (atom !== undefined) u.chars[atom] = 1;
    for (const atom of [g.notPast, g.notWith]) if (atom !== undefined) u.chars[atom] = 1;
  }
  atomUsesOf.set(compiled, u);
  return u;
}

/** Whether literal `lit` is a word of atom `atom` (a literal's atoms are listed in ascending order). */
export function inAtom(lexicon: Lexicon, atom: number, lit: number): boolean {
  const atoms = lexicon.literalAtoms[lit];
  if (!atoms) return false;
  let lo = 0;
  let hi = atoms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = atoms[mid] as number;
    if (v === atom) return true;
    if (v < atom) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function needsChars(compiled: CompiledRules, u: AtomUses, lit: number): boolean {
  let v = u.literalChars[lit];
  if (!v) u.literalChars[lit] = v = (compiled.lexicon.literalAtoms[lit] ?? []).some((atom) => u.chars[atom] === 1) ? 1 : 2;
  return v === 1;
}

/** The structured matchers that can start with literal `lit` (through any of its token-bound atoms). */
export function startsOf(compiled: CompiledRules, u: AtomUses, lit: number): readonly number[] {
  let ms = u.literalStarts[lit];
  if (!ms) {
    const set = new Set<number>();
    for (const atom of compiled.lexicon.literalAtoms[lit] ?? []) {
      if (compiled.lexicon.atomLoose[atom]) continue;
      for (const mi of compiled.startsWith[atom] ?? []) set.add(mi);
    }
    u.literalStarts[lit] = ms = [...set];
  }
  return ms;
}

function pushToken(L: Lattice, lit: number, s: number, e: number): void {
  const i = L.lit.length;
  L.lit.push(lit);
  L.from.push(s);
  L.to.push(e);
  L.nextAt.push(L.headAt[s] as number);
  L.headAt[s] = i;
  L.nextEnd.push(L.headEnd[e] as number);
  L.headEnd[e] = i;
}

function pushChars(L: Lattice, lit: number, start: number, end: number, asWritten: boolean): void {
  L.charLit.push(lit);
  L.charStart.push(start);
  L.charEnd.push(end);
  L.charAsWritten.push(asWritten);
}

/** Words found by their base form (and Korean words written in a spoken form, keyed as written). */
function addLemmas(L: Lattice, a: AnalyzedText, breaths: readonly number[]): void {
  const { lexicon } = L;
  const onLemma = (h: { start: number; end: number; value: number }, to: number, byBase = false) => {
    const first = a.tokens[h.start];
    const last = a.tokens[to - 1];
    if (!first || !last || supposed(lexicon, h.value, last) || (byBase && lexicon.spokenForms && fusedSupposing(a.tokens[h.end - 1] as Token))) return;
    if (byBase && lexicon.becoming && becomingWithoutJi(lexicon, h.value, a.tokens[h.end - 1] as Token)) return;
    if (byBase && wholeBaseQuoted(lexicon, h.value, a.tokens[h.end - 1] as Token)) return;
    if (byBase && notContracted(contractedPrefixes(lexicon, h.value), a.tokens[h.end - 1] as Token)) return;
    pushChars(L, h.value, first.start, last.end, false);
    pushToken(L, h.value, h.start, to);
  };
  // A word kept as written and keyed for its contracted forms (나오 on 나왔어요) takes no endings, as written.
  const byBase = (h: { start: number; end: number; value: number }) => onLemma(h, contractedPrefixes(lexicon, h.value) ? h.end : endingsAfter(lexicon, a, h.end), true);
  for (const h of lexicon.lemma.search(a.tokens.map((t) => t.base))) byBase(h);
  // Once more without the breaths a Japanese or Korean host takes inside the word (楽に、なって is 楽になって): only the
  // words that span one, at their tokens as written.
  const kept = tokensBetweenBreaths(a.tokens.length, breaths);
  if (kept) {
    for (const h of lexicon.lemma.search(kept.map((i) => (a.tokens[i] as Token).base))) {
      const start = kept[h.start] as number;
      const end = (kept[h.end - 1] as number) + 1;
      if (end - start !== h.end - h.start) byBase({ start, end, value: h.value });
    }
  }
  if (!lexicon.spokenForms) return;
  // inflected[i]: how many of the first i tokens differ from their base (a span's count is a difference, not a slice).
  const inflected = new Int32Array(a.tokens.length + 1);
  a.tokens.forEach((t, i) => (inflected[i + 1] = (inflected[i] as number) + (t.base !== t.surface ? 1 : 0)));
  // A span whose tokens are all their own base was found above already.
  if (inflected[a.tokens.length] === 0) return;
  for (const h of lexicon.lemma.search(a.tokens.map((t) => t.surface))) {
    if ((inflected[h.end] as number) > (inflected[h.start] as number)) onLemma(h, h.end);
  }
}

/** The indices of the `n` tokens that are no breath comma (`breaths`, in order), or undefined where there is none (most segments). */
function tokensBetweenBreaths(n: number, breaths: readonly number[]): number[] | undefined {
  if (breaths.length === 0) return undefined;
  const kept: number[] = [];
  for (let i = 0, b = 0; i < n; i++) {
    if (i === breaths[b]) b++;
    else kept.push(i);
  }
  return kept;
}

/** The surface automaton's hits of the segment being built (read before the next one is built). */
const hitBuffer = new HitBuffer();

/**
 * The words the surface automaton found (`found` hits in `hitBuffer`, at offsets from `offset`):
 * each on token boundaries, a stem with the word after it, and the character spans cues need.
 */
function addSurfaceHits(compiled: CompiledRules, L: Lattice, found: number, offset: number): void {
  const { lexicon, uses, a, tokenStartingAt, tokenEndingAt } = L;
  const { start: starts, end: ends, value: values } = hitBuffer;
  // Stem hits before this index were handled with the first stem of their run.
  let stemsDone = 0;
  for (let k = 0; k < found; k++) {
    const start = (starts[k] as number) + offset;
    const end = (ends[k] as number) + offset;
    const value = values[k] as number;
    const s = indexAt(tokenStartingAt, start);
    const e = indexAt(tokenEndingAt, end);
    if (value < 0) {
      if (k < stemsDone) continue;
      let runEnd = k + 1;
      while (runEnd < found && (starts[runEnd] as number) + offset === start && (ends[runEnd] as number) + offset === end) runEnd++;
      stemsDone = runEnd;
      const next = e === undefined ? undefined : a.tokens[e];
      if (s === undefined || !next) continue;
      // The first words of a literal, as written; its last word in any form.
      for (const si of stemsCompletedBy(stemGroup(lexicon, value, values, k, runEnd), next.base, next.surface)) {
        const stem = lexicon.stems[si] as Lexicon['stems'][number];
        if (supposed(lexicon, stem.literal, next) || (lexicon.becoming && becomingWithoutJi(lexicon, stem.literal, next))) continue;
        const to = stem.asWritten ? (e as number) + 1 : endingsAfter(lexicon, a, (e as number) + 1);
        pushChars(L, stem.literal, start, (a.tokens[to - 1] as Token).end, false);
        pushToken(L, stem.literal, s, to);
      }
      continue;
    }
    if (needsChars(compiled, uses, value)) pushChars(L, value, start, end, true);
    // Linguistic, not substring: a word must start and end on token boundaries (最 is not in 最近), or be a word of a
    // Chinese compound jieba keeps whole (看 in 看电视, 药 in 降压药), standing for the whole of it.
    if (s !== undefined && e !== undefined) pushToken(L, value, s, e);
    else if (a.wordTag && end - start === 1) {
      const t = compoundAround(L, start, end);
      if (t !== undefined) pushToken(L, value, t, t + 1);
    } else if (a.wordTag && (s === undefined) !== (e === undefined)) {
      const span = acrossCrossedCut(L, start, end, s, e);
      if (span) pushToken(L, value, span[0], span[1]);
    } else if (compiled.language === 'ko' && e !== undefined && isKoreanEndingWord(a.norm.text, a.tokens[e - 1] as Token, start, end)) {
      // -ㄹ수록 said in one word with its verb (쓸수록) or as the ending alone (을수록): a rule's 수록 stands for it.
      pushToken(L, value, e - 1, e);
    } else if (compiled.language === 'ko' && s !== undefined && e === undefined) {
      // 유산|균약: a word cut one syllable short of a product head (ko-compounds.ts) stands for the compound; 위고|비예|요:
      // a name ko-dic does not know, its last syllable glued to the copula after it, stands for the name.
      const t =
        (endsInNoun(lexicon, value) ? headCutToken(a.norm.text, a.tokens, s, start, end) : undefined) ??
        (isCutWord(lexicon, value) ? copulaCutToken(a.norm.text, a.tokens, s, start, end) : undefined);
      if (t !== undefined) pushToken(L, value, s, t + 1);
    }
  }
}

/** Chinese: the tokens a word at [start, end) stands for across a cut jieba made the other way round (人|体细胞: sub-words.ts). */
function acrossCrossedCut(L: Lattice, start: number, end: number, s: number | undefined, e: number | undefined): [number, number] | undefined {
  const { wordTag, tokens, norm } = L.a;
  if (!wordTag) return undefined;
  const t = indexAt(L.tokenStartingAt, s === undefined ? start - 1 : end - 1);
  const token = t === undefined ? undefined : tokens[t];
  if (t === undefined || !token || !isCrossedCut(norm.text, tokens[t - 1], token, wordTag)) return undefined;
  return s === undefined ? [t, e as number] : s < t ? [s, t + 1] : undefined;
}

/**
 * Chinese: the token whose first or last character is the word found at [start, end) when it is a word of that
 * compound (看 of 看电视, 药 of 降压药: sub-words.ts), else undefined.
 */
function compoundAround(L: Lattice, start: number, end: number): number | undefined {
  const { wordTag } = L.a;
  if (!wordTag) return undefined;
  const s = indexAt(L.tokenStartingAt, start);
  const e = indexAt(L.tokenEndingAt, end);
  const t = s ?? (e === undefined ? undefined : e - 1);
  const token = t === undefined ? undefined : L.a.tokens[t];
  return token && isSubWord(L.a.norm.text, token, start, end, wordTag) ? t : undefined;
}

export function buildLattice(compiled: CompiledRules, a: AnalyzedText): Lattice {
  const { lexicon } = compiled;
  const uses = atomUses(compiled);
  const text = a.norm.text;
  const n = a.tokens.length;
  const tokenStartingAt = new Int32Array(text.length + 1).fill(-1);
  const tokenEndingAt = new Int32Array(text.length + 1).fill(-1);
  a.tokens.forEach((t, i) => {
    tokenStartingAt[t.start] = i;
    tokenEndingAt[t.end] = i + 1;
  });
  const L: Lattice = {
    a, lit: [], from: [], to: [], headAt: new Int32Array(n + 1).fill(-1), nextAt: [], headEnd: new Int32Array(n + 1).fill(-1), nextEnd: [],
    charLit: [], charStart: [], charEnd: [], charAsWritten: [], charsByAtom: undefined, numbers: new Map(), signedAt: new Set(), tokenStartingAt, tokenEndingAt, lexicon, uses,
    chinese: compiled.language === 'zh',
    spaceEdges: compiled.language !== 'ko',
    spaceless: [],
  };
  addSurfaceHits(compiled, L, lexicon.surface.searchCodesInto(text, hitBuffer), 0);
  if (L.chinese) addAcrossQuotes(compiled, L, text);
  // The breath commas, found once for the searches across them (surface words here, base forms in addLemmas).
  const breaths = breathCommas(L);
  addAcrossFillers(compiled, L, text, breaths);
  // Korean written without spaces — a caption or hashtag, or one space left out (안좋아져요, 두배로, 품절임박): a rule's
  // words written with spaces are found there without them, in any word (their keys hold no space, so one search of
  // the text finds them inside words only).
  const { despaced } = lexicon;
  const runs = despaced ? spacelessRuns(text) : [];
  L.spaceless = runs;
  if (despaced) addSurfaceHits(compiled, L, despaced.searchCodesInto(text, hitBuffer), 0);
  if (n > 0) addLemmas(L, a, breaths);
  if (compiled.usesNumbers) {
    for (const num of findNumbers(text, compiled.language)) {
      const t = indexAt(tokenStartingAt, num.start);
      if (t === undefined) continue;
      // Korean: not the copula 이 after a numeral (오백이에요), which the text alone reads as a digit 2.
      const end = compiled.language === 'ko' ? withoutCopulaDigit(a.tokens, num.start, num.end, lastTokenEndingAt(tokenEndingAt, num.end)) : num.end;
      L.numbers.set(t, end);
      const sign = currencySignBefore(text, num.start);
      const s = sign === undefined ? undefined : indexAt(tokenStartingAt, sign);
      if (s !== undefined) {
        L.numbers.set(s, end);
        L.signedAt.add(s);
      }
    }
    // Korean numerals the text alone does not show (오 분, 한달), and native numerals glued to their counter in runs
    // written without spaces (세배, 두달).
    if (compiled.language === 'ko') addNumbersWhereNone(L, koreanNumeralSpans(a.tokens));
    addNumbersWhereNone(L, gluedNativeNumbers(text, runs));
  }
  return L;
}

/** The index of the token ending at character `end`, or undefined. */
function lastTokenEndingAt(tokenEndingAt: Int32Array, end: number): number | undefined {
  const e = indexAt(tokenEndingAt, end);
  return e === undefined ? undefined : e - 1;
}

/** Chinese: the words written with quotation marks around a short part of them (降“三高”), at their place as written. */
function addAcrossQuotes(compiled: CompiledRules, L: Lattice, text: string): void {
  const unmarked = withoutShortQuoteMarks(text);
  if (!unmarked) return;
  const found = L.lexicon.surface.searchCodesInto(unmarked.text, hitBuffer);
  addSurfaceHits(compiled, L, keepAcrossMarks(hitBuffer, found, unmarked), 0);
}

/**
 * The words and cues said across a filler left out of the tokens (わけでは、えー、ありません), and, once more, across
 * the breaths a Japanese or Korean host takes after a particle or a connective too (肌が、弱い; 당뇨에, 좋은; a word
 * written with its comma, わけでは、ありません, is found by the first search), at their place as written.
 */
function addAcrossFillers(compiled: CompiledRules, L: Lattice, text: string, breathTokens: readonly number[]): void {
  const breaths = withBreaths(L, breathTokens);
  for (const ranges of breaths === L.a.quiet ? [L.a.quiet] : [L.a.quiet, breaths]) {
    const quiet = withoutRanges(text, ranges);
    if (!quiet) continue;
    const found = L.lexicon.surface.searchCodesInto(quiet.text, hitBuffer);
    addSurfaceHits(compiled, L, keepAcrossMarks(hitBuffer, found, quiet), 0);
  }
}

/** Numbers found by other means than findNumbers: each where a token starts it and no number is there yet. */
function addNumbersWhereNone(L: Lattice, spans: readonly { start: number; end: number }[]): void {
  for (const num of spans) {
    const t = indexAt(L.tokenStartingAt, num.start);
    if (t !== undefined && !L.numbers.has(t)) L.numbers.set(t, num.end);
  }
}

export { charsOf } from './char-spans.js';

/** Whether a word of token-bound atom `atom` starts at token `p` (`at`) or ends there (`end`). */
export function atomAt(L: Lattice, atom: number, p: number, side: 'at' | 'end'): boolean {
  if (L.lexicon.atomLoose[atom]) return false;
  const next = side === 'at' ? L.nextAt : L.nextEnd;
  for (let i = (side === 'at' ? L.headAt : L.headEnd)[p] ?? -1; i >= 0; i = next[i] as number) if (inAtom(L.lexicon, atom, L.lit[i] as number)) return true;
  return false;
}

