/**
 * The structured matcher language, as written in a ruleset: validation with a reason a person can
 * act on, and the canonical form the compiler reads. Pure.
 *
 *   match:
 *     - id: disease-cured
 *       seq: ["{disease}", {optional: true, words: [が, も]}, {gap: 4}, [治る, 消える], {not: [ない, ません]}]
 *
 * Elements: a word (`治る`), a vocab list (`"{disease}"`), alternatives (`[治る, 消える]`, which may hold a `words`,
 * `pos` or `number` object among the words: `[九十岁, {number: [岁], min: 90}]`), or an
 * object with exactly one of `words`, `pos`, `number`, `gap`, `not`, `notAfter`, `start`, `end` (and
 * `optional`, `scope` where they apply). `{start: true}` and `{end: true}` say a caption unit (a caption, hashtag or
 * clause) begins or ends there: `seq: [{start: true}, 28天, 亮白, {end: true}]` is the whole unit; `[茶, {gap: 6},
 * {start: true}, 血圧, {end: true}]` a unit of its own after the goods named.
 */
import { SCOPES, type MatchEntry, type NumberRatio, type Scope, type SeqElement, type SeqObject } from './model.js';

/** An element in canonical form. */
export type CanonicalElement =
  | { kind: 'words'; words: string[]; optional: boolean }
  | { kind: 'pos'; tags: string[]; optional: boolean }
  | { kind: 'number'; units: string[] | undefined; optional: boolean; min?: number; max?: number; ratio?: NumberRatio }
  | { kind: 'gap'; max: number; scope: Scope; spaced?: true }
  | { kind: 'not'; words: string[] }
  | { kind: 'notAfter'; words: string[] }
  | { kind: 'start' }
  | { kind: 'end' }
  /** Alternatives of different kinds (words, a part of speech, a number): any one of them, each as the elements of its path. */
  | { kind: 'any'; options: AlternativeElement[][] };

/**
 * What a path through a list of alternatives holds: words, a part of speech or a number (each required: the list is one
 * step), and a words object's own `not` / `notAfter` around its words, read on that path only
 * (`[治る, {words: [消える], not: [ない]}]`: the second path is `notAfter`-less `[消える, {not: [ない]}]`).
 */
export type AlternativeElement = Extract<CanonicalElement, { kind: 'words' | 'pos' | 'number' | 'not' | 'notAfter' }>;

export const MAX_GAP = 20;
/** At most this many ways to read a matcher's mixed alternatives (each is compiled as a matcher of its own). */
export const MAX_ALTERNATIVE_PATHS = 16;
const ELEMENT_KEYS = ['words', 'pos', 'number', 'gap', 'not', 'notAfter', 'start', 'end'] as const;
/** The elements that take no words of their own. */
const ZERO_WIDTH = new Set<string>(['gap', 'not', 'notAfter', 'start', 'end']);
const ALLOWED_KEYS = new Set<string>([...ELEMENT_KEYS, 'optional', 'scope', 'spaced', 'min', 'max', 'ratio']);
const EXPECTED = `a word, "{list}", a list of words, or an object with one of ${ELEMENT_KEYS.join(', ')}`;

export interface SeqProblem {
  /** Index of the element (path below `seq`), or undefined for the sequence as a whole. */
  index?: number;
  key?: string;
  reason: string;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim().length > 0);
const strings = (v: string | string[]): string[] => (typeof v === 'string' ? [v] : v);

const ALTERNATIVE_KINDS = new Set<string>(['words', 'pos', 'number']);

/** Why a list of alternatives is not valid: words, and `words`, `pos` or `number` objects, each required. */
function listProblem(el: readonly unknown[]): Omit<SeqProblem, 'index'> | undefined {
  if (el.length === 0) return { reason: `a list element must be a non-empty list of words (strings): expected ${EXPECTED}` };
  for (const x of el) {
    if (typeof x === 'string') {
      if (!x.trim()) return { reason: 'a list of alternatives holds an empty word' };
      continue;
    }
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return { reason: `a list of alternatives holds words and {words}, {pos} or {number} objects: found ${JSON.stringify(x)}` };
    const kinds = ELEMENT_KEYS.filter((k) => (x as Record<string, unknown>)[k] !== undefined);
    if (kinds.length === 1 && !ALTERNATIVE_KINDS.has(kinds[0] as string)) {
      return { reason: `a list of alternatives holds words and {words}, {pos} or {number} objects, not {${kinds[0]}}: it takes no word of its own, so write it as an element of the sequence` };
    }
    if ((x as Record<string, unknown>).optional !== undefined) return { reason: 'an alternative cannot be optional: the list is one step (write the words that may be left out as an optional element of their own)' };
    const p = alternativeObjectProblem(x as Record<string, unknown>);
    if (p) return p;
  }
  return undefined;
}

/** Why an object among alternatives is not valid: an element, or a words object with its own `not` / `notAfter`. */
function alternativeObjectProblem(o: Record<string, unknown>): Omit<SeqProblem, 'index'> | undefined {
  const guards = (['not', 'notAfter'] as const).filter((k) => o[k] !== undefined);
  if (guards.length === 0) return elementProblem(o);
  if (o.words === undefined) return { reason: `"${guards[0]}" among alternatives belongs to a words object ({words: [...], ${guards[0]}: [...]}): it guards that path only` };
  for (const k of guards) if (!((typeof o[k] === 'string' && (o[k] as string).trim()) || isStringList(o[k]))) return { key: k, reason: `"${k}" must be a word or a list of words` };
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'not' && k !== 'notAfter'));
  return elementProblem(rest);
}

/** Why a number's `ratio` is not valid, or undefined: `{min, max}`, positive numbers, on a number element. */
function ratioProblem(r: unknown, kind: string): string | undefined {
  if (kind !== 'number') return '"ratio" applies to a number only';
  const o = r as Record<string, unknown>;
  const keys = r !== null && typeof r === 'object' && !Array.isArray(r) ? Object.keys(o) : [];
  if (keys.length === 0 || keys.some((k) => k !== 'min' && k !== 'max')) return '"ratio" must be {min: N} and/or {max: N}: this number divided by the earlier number of the match';
  if (keys.some((k) => typeof o[k] !== 'number' || !Number.isFinite(o[k]) || (o[k] as number) <= 0)) return '"ratio" bounds must be numbers above 0';
  return typeof o.min === 'number' && typeof o.max === 'number' && o.min > o.max ? `"ratio" max (${o.max}) is below its min (${o.min}): no number fits` : undefined;
}

/** Why one element is not valid, or undefined (a vocab list's number entries are checked as elements too). */
export function elementProblem(el: unknown): Omit<SeqProblem, 'index'> | undefined {
  if (typeof el === 'string') return el.trim() ? undefined : { reason: `an element is empty: expected ${EXPECTED}` };
  if (Array.isArray(el)) return isStringList(el) ? undefined : listProblem(el);
  if (el === null || typeof el !== 'object') return { reason: `found ${JSON.stringify(el)}: expected ${EXPECTED}` };
  const o = el as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!ALLOWED_KEYS.has(k)) {
      const hint = k === 'list' || k === 'vocab' ? ` (write a vocab list as "{name}")` : k === 'lemma' || k === 'word' ? ' (use "words": surface and base forms both match)' : '';
      return { key: k, reason: `unknown key "${k}"${hint}: expected one of ${[...ALLOWED_KEYS].join(', ')}` };
    }
  }
  const kinds = ELEMENT_KEYS.filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) {
    return { reason: kinds.length === 0 ? `an element object needs one of ${ELEMENT_KEYS.join(', ')}` : `an element says ${kinds.join(' and ')}: write one per element (a sequence lists them in order)` };
  }
  const kind = kinds[0] as (typeof ELEMENT_KEYS)[number];
  if (o.optional !== undefined && typeof o.optional !== 'boolean') return { key: 'optional', reason: '"optional" must be true or false' };
  if (o.optional === true && ZERO_WIDTH.has(kind)) return { key: 'optional', reason: `${kind === 'end' ? 'an' : 'a'} ${kind} element cannot be optional` };
  if (o.scope !== undefined && kind !== 'gap') return { key: 'scope', reason: '"scope" applies to a gap only' };
  if (o.spaced !== undefined && kind !== 'gap') return { key: 'spaced', reason: '"spaced" applies to a gap only (it counts the gap in words between spaces)' };
  if (o.spaced !== undefined && o.spaced !== true) return { key: 'spaced', reason: '"spaced" must be true: {gap: 3, spaced: true} skips up to three words as written between spaces (Korean 어절); leave it out to count tokens' };
  for (const bound of ['min', 'max'] as const) {
    if (o[bound] === undefined) continue;
    if (kind !== 'number') return { key: bound, reason: `"${bound}" applies to a number only` };
    if (typeof o[bound] !== 'number' || !Number.isFinite(o[bound])) return { key: bound, reason: `"${bound}" must be a number` };
  }
  if (typeof o.min === 'number' && typeof o.max === 'number' && o.min > o.max) return { key: 'max', reason: `"max" (${o.max}) is below "min" (${o.min}): no number fits` };
  if (o.ratio !== undefined) {
    const r = ratioProblem(o.ratio, kind);
    if (r) return { key: 'ratio', reason: r };
  }
  const v = o[kind];
  switch (kind) {
    case 'words':
      return isStringList(v) ? undefined : { key: kind, reason: '"words" must be a non-empty list of words' };
    case 'pos':
    case 'not':
    case 'notAfter':
      return (typeof v === 'string' && v.trim()) || isStringList(v) ? undefined : { key: kind, reason: `"${kind}" must be a word or a list of words` };
    case 'number':
      return v === true || isStringList(v) ? undefined : { key: kind, reason: '"number" must be true (any number) or a list of units (kg, キロ, 斤, 킬로…)' };
    case 'start':
    case 'end':
      return v === true ? undefined : { key: kind, reason: `"${kind}" must be true: {${kind}: true} says a caption, hashtag or clause ${kind === 'start' ? 'begins' : 'ends'} here` };
    case 'gap':
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_GAP) return { key: kind, reason: `"gap" must be a whole number of tokens from 1 to ${MAX_GAP}` };
      if (o.scope !== undefined && !(SCOPES as readonly unknown[]).includes(o.scope)) return { key: 'scope', reason: '"scope" must be "clause" (default: stop at 、。,!?), "sentence" (stop at 。!?), "turn" (stop at 。: a question and its answer) or "next-sentence" (across one sentence end)' };
      return undefined;
  }
}

/** The elements of the path an object among alternatives makes: a words object between its own notAfter and not. */
function alternativeElements(o: SeqObject): AlternativeElement[] {
  if (!o.words) return [canonicalElement(o) as AlternativeElement];
  return [
    ...(o.notAfter !== undefined ? [{ kind: 'notAfter' as const, words: strings(o.notAfter) }] : []),
    { kind: 'words', words: o.words, optional: false },
    ...(o.not !== undefined ? [{ kind: 'not' as const, words: strings(o.not) }] : []),
  ];
}

export function canonicalElement(el: SeqElement): CanonicalElement {
  if (typeof el === 'string') return { kind: 'words', words: [el], optional: false };
  if (Array.isArray(el)) {
    const words = el.filter((x): x is string => typeof x === 'string');
    if (words.length === el.length) return { kind: 'words', words, optional: false };
    const objects = el.filter((x): x is SeqObject => typeof x !== 'string').map(alternativeElements);
    return { kind: 'any', options: [...(words.length > 0 ? [[{ kind: 'words' as const, words, optional: false }]] : []), ...objects] };
  }
  const o: SeqObject = el;
  const optional = o.optional === true;
  if (o.words) return { kind: 'words', words: o.words, optional };
  if (o.pos !== undefined) return { kind: 'pos', tags: strings(o.pos), optional };
  if (o.number !== undefined) {
    const c: CanonicalElement = { kind: 'number', units: o.number === true ? undefined : o.number, optional };
    if (o.min !== undefined) c.min = o.min;
    if (o.max !== undefined) c.max = o.max;
    if (o.ratio !== undefined) c.ratio = o.ratio;
    return c;
  }
  if (o.gap !== undefined) return { kind: 'gap', max: o.gap, scope: o.scope ?? 'clause', ...(o.spaced === true && { spaced: true as const }) };
  if (o.not !== undefined) return { kind: 'not', words: strings(o.not) };
  if (o.start !== undefined) return { kind: 'start' };
  if (o.end !== undefined) return { kind: 'end' };
  return { kind: 'notAfter', words: strings(o.notAfter ?? []) };
}

const consumes = (e: CanonicalElement) => e.kind === 'words' || e.kind === 'pos' || e.kind === 'number' || e.kind === 'any';

/** How many ways the mixed alternatives of a sequence read (the product of their sizes). */
export function alternativePaths(els: readonly CanonicalElement[]): number {
  return els.reduce((n, e) => n * (e.kind === 'any' ? e.options.length : 1), 1);
}

/** Every problem of a `seq`, each at its element. */
export function seqProblems(seq: readonly unknown[]): SeqProblem[] {
  const problems: SeqProblem[] = [];
  seq.forEach((el, index) => {
    const p = elementProblem(el);
    if (p) problems.push({ index, ...p });
  });
  if (problems.length > 0) return problems;
  const els = (seq as SeqElement[]).map(canonicalElement);
  const required = els.filter((e) => consumes(e) && !('optional' in e && e.optional));
  if (required.length === 0) problems.push({ reason: 'a sequence needs at least one word, pos or number element that is not optional' });
  const firstConsuming = els.findIndex(consumes);
  let lastConsuming = -1;
  els.forEach((e, i) => {
    if (consumes(e)) lastConsuming = i;
  });
  els.forEach((e, index) => {
    if (e.kind === 'gap' && (index < firstConsuming || index > lastConsuming)) {
      problems.push({ index, reason: 'a gap must stand between two elements: a sequence cannot start or end with one' });
    }
    if (e.kind === 'gap' && els[index + 1]?.kind === 'gap') problems.push({ index, reason: 'two gaps in a row: write one gap with the sum' });
  });
  // The number elements an element holds: itself, or those among its alternatives.
  const numbersOf = (e: CanonicalElement) => (e.kind === 'number' ? [e] : e.kind === 'any' ? e.options.flat().filter((x) => x.kind === 'number') : []);
  els.forEach((e, index) => {
    if (numbersOf(e).some((n) => n.ratio !== undefined) && !els.slice(0, index).some((x) => numbersOf(x).length > 0)) problems.push({ index, key: 'ratio', reason: '"ratio" compares this number with an earlier one: the sequence needs a number element before it' });
  });
  const paths = alternativePaths(els);
  if (paths > MAX_ALTERNATIVE_PATHS) problems.push({ reason: `its lists of mixed alternatives read ${paths} ways (more than ${MAX_ALTERNATIVE_PATHS}): split the matcher in two` });
  return problems;
}

/** Which of words / seq / regex an entry uses, or why it is not exactly one. */
export function entryProblem(m: MatchEntry): string | undefined {
  const kinds = (['words', 'seq', 'regex'] as const).filter((k) => m[k] !== undefined);
  const step = (['not', 'notAfter'] as const).find((k) => m[k] !== undefined);
  if (kinds.length === 1 && step !== undefined && m.words === undefined) return `matcher "${m.id}": "${step}" belongs to a words matcher (a seq writes it as an element, {${step}: [...]})`;
  if (kinds.length === 1) return undefined;
  return kinds.length === 0
    ? `matcher "${m.id}" needs one of "words" (any of these words), "seq" (a sequence of elements) or "regex"`
    : `matcher "${m.id}" has ${kinds.join(' and ')}: one matcher is one of words, seq or regex (split it into two matchers)`;
}

/** A matcher's elements: its `seq`, or its `words` as one element between its `notAfter` and `not` steps. */
export function entryElements(e: MatchEntry): SeqElement[] {
  if (e.seq) return e.seq;
  if (!e.words) return [];
  return [...(e.notAfter ? [{ notAfter: e.notAfter }] : []), { words: e.words }, ...(e.not ? [{ not: e.not }] : [])];
}
