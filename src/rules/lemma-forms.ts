/**
 * Which words found by their base form stand as found (lattice.ts, addLemmas): a Korean dictionary-form word
 * takes the endings after its stem but not a question, condition or denial; a Japanese statement (治った) is
 * not found as a supposition (治ったら); a -지다 word is not found on its plain stem (커요 for 커지다).
 */
import type { AnalyzedText } from '../text/analyze.js';
import type { Token } from '../text/tokenizer.js';
import type { Lexicon } from './compile.js';
import { carriesJida } from './ko-dictionary-form.js';

/** Korean endings a dictionary-form match stops before: questions (냐고, 니, 나요, 는지, 까요), conditions (면, 려면), 지 (않다), 기. */
const STOP_ENDING = /^(?:냐|니|나요|나$|는지|은지|ㄴ지|ㄹ지|을지|까|ㄹ까|을까|면|으면|려|으려|지$|기$)/u;

/**
 * Korean: a word matched in its dictionary form (빠지다 on 빠지, 좋다 on 좋) takes the endings that
 * follow its stem (빠지고, 좋은, 좋았어요), so what comes next is the next word; not an ending that
 * asks (좋냐고, 빠질까요: the rulesets' cues read it after the match), supposes (빠지면, 빠지려면),
 * denies (빠지지 않아요) or names the act (빠지기), which a rule can then refuse with `not`.
 */
export function endingsAfter(lexicon: Lexicon, a: AnalyzedText, e: number): number {
  if (!lexicon.spokenForms) return e;
  const n = a.tokens.length;
  const stem = a.tokens[e - 1];
  if (!stem || stem.base === stem.surface) return e;
  let to = e;
  while (to < n && (a.tokens[to] as Token).pos.startsWith('E') && !STOP_ENDING.test((a.tokens[to] as Token).surface) && (a.tokens[to] as Token).start === (a.tokens[to - 1] as Token).end) to++;
  return to;
}

/** The conditional and conjectural forms of た / だ (see Lexicon.stated). */
const SUPPOSING = new Set(['たら', 'だら', 'なら', 'たろ', 'だろ']);
const statedOf = new WeakMap<Lexicon, ReadonlySet<number>>();

/**
 * A look-up built once per lexicon from its lists (which the compiled cache keeps as arrays), kept in `cache`.
 */
function perLexicon<V>(cache: WeakMap<Lexicon, V>, lexicon: Lexicon, build: (lexicon: Lexicon) => V): V {
  let v = cache.get(lexicon);
  if (v === undefined) cache.set(lexicon, (v = build(lexicon)));
  return v;
}

/** A set built once per lexicon (perLexicon). */
function setOf<T>(cache: WeakMap<Lexicon, ReadonlySet<T>>, lexicon: Lexicon, build: (lexicon: Lexicon) => Iterable<T>): ReadonlySet<T> {
  return perLexicon(cache, lexicon, (l) => new Set(build(l)));
}

const statedList = (l: Lexicon): readonly number[] => l.stated ?? [];
const becomingList = (l: Lexicon): readonly number[] => l.becoming ?? [];
const wholeBaseKeys = (l: Lexicon): string[] => (l.wholeBase ?? []).map((w) => `${w.literal} ${w.base}`);

/** Whether a literal written as a statement (治った) is found here as a supposition (治ったら). */
export function supposed(lexicon: Lexicon, literal: number, last: Token): boolean {
  if (!lexicon.stated || !SUPPOSING.has(last.surface)) return false;
  return setOf(statedOf, lexicon, statedList).has(literal);
}

/**
 * A Korean predicate whose condition or question ko-dic keeps inside its own token (나으면 = 낫/VV+으면/EC,
 * 나을까 = 낫/VV+을까/EF): a word in dictionary form stops before such an ending when it is a token of
 * its own (빠지/면), and a rule's `not` reads it there; fused, nothing could read it, so it is no match.
 * 니까 (because) states.
 */
const FUSED_SUPPOSING = /(?:면|(?<!니)까요?|냐고?|나요|는지|은지|을지)$/u;
export function fusedSupposing(t: Token): boolean {
  return /^(?:VV|VA|VX|XSV|XSA)\+(?:.+\+)?E/u.test(t.pos) && FUSED_SUPPOSING.test(t.surface);
}

const becomingOf = new WeakMap<Lexicon, ReadonlySet<number>>();

/** Whether a -지다 literal keyed on its stem's base (Lexicon.becoming) was found on a token without the 지 (커요 for 커지다). */
export function becomingWithoutJi(lexicon: Lexicon, literal: number, last: Token): boolean {
  return setOf(becomingOf, lexicon, becomingList).has(literal) && !carriesJida(last);
}

const wholeBaseOf = new WeakMap<Lexicon, ReadonlySet<string>>();
/** A fused quotation ending (깨운다는, 잡혔다고): the words that follow report what someone said. */
const FUSED_QUOTING = /(?:다는|다고|라는|라고)$/u;

/**
 * Whether a literal keyed whole as its base (Lexicon.wholeBase: 깨우다, 잡히다) was found by that key on a
 * token that quotes (깨운다는 = 깨운다는/VV+ETM, base 깨우다, one token): a `not` cannot read an ending inside
 * the token, and the form alone (깨 우다) never found such tokens before, so they stay unmatched.
 */
export function wholeBaseQuoted(lexicon: Lexicon, literal: number, last: Token): boolean {
  if (!lexicon.wholeBase || !FUSED_QUOTING.test(last.surface) || last.base === last.surface) return false;
  return setOf(wholeBaseOf, lexicon, wholeBaseKeys).has(`${literal} ${last.base}`);
}

const prefixesOf = new WeakMap<Lexicon, ReadonlyMap<number, readonly string[]>>();
const prefixMap = (l: Lexicon): ReadonlyMap<number, readonly string[]> => new Map((l.contracted ?? []).map((c) => [c.literal, c.prefixes]));

/** The prefixes a literal keyed for its contracted forms needs (Lexicon.contracted: ko-contracted.ts); undefined for other literals. */
export function contractedPrefixes(lexicon: Lexicon, literal: number): readonly string[] | undefined {
  return lexicon.contracted ? perLexicon(prefixesOf, lexicon, prefixMap).get(literal) : undefined;
}

/** Whether a literal keyed for its contracted forms (Lexicon.contracted) was found on a token that does not begin with one. */
export function notContracted(prefixes: readonly string[] | undefined, last: Token): boolean {
  return prefixes !== undefined && !prefixes.some((p) => last.surface.startsWith(p));
}
