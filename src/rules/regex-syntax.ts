/**
 * Just enough of RE2's syntax to reason about a pattern without running it: alternatives, groups,
 * literal characters and quantifiers; classes, escapes and `.` are opaque. `regex.ts` reads from
 * it the words every match must hold, and how much a backtracking engine could try at one position.
 * Pure.
 */

const META = new Set([...'\\^$.|?*+()[]{}']);

/** One element of a pattern's top-level sequence (or of a group's alternative). */
export type Item =
  | { kind: 'char'; ch: string; min: number; max: number }
  | { kind: 'group'; alts: Item[][]; min: number; max: number }
  | { kind: 'anchor' }
  | { kind: 'other'; min: number; max: number };

/** The most words a pre-check may hold (a cross product of groups is cut off there). */
export const MAX_WORDS = 1024;

/**
 * Parses RE2 syntax far enough to see which words a match must contain: alternatives, groups,
 * literal characters and quantifiers; classes, escapes and `.` are opaque. Undefined for anything
 * it does not follow (flags, lookaround, a `{` that is no quantifier).
 */
export function parseAlternatives(src: string, at: number, inGroup: boolean): { alts: Item[][]; end: number } | undefined {
  const alts: Item[][] = [[]];
  let i = at;
  while (i < src.length) {
    const ch = src[i] as string;
    let item: Item;
    if (ch === ')') {
      if (!inGroup) return undefined;
      return { alts, end: i + 1 };
    }
    if (ch === '|') {
      alts.push([]);
      i++;
      continue;
    }
    if (ch === '(') {
      let from = i + 1;
      if (src.startsWith('?:', from)) from += 2;
      else if (src[from] === '?') return undefined;
      const inner = parseAlternatives(src, from, true);
      if (!inner) return undefined;
      item = { kind: 'group', alts: inner.alts, min: 1, max: 1 };
      i = inner.end;
    } else if (ch === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return undefined;
      item = { kind: 'other', min: 1, max: 1 };
      i = j + 1;
    } else if (ch === '\\') {
      const next = src[i + 1];
      if (next === undefined) return undefined;
      if ((next === 'p' || next === 'P' || next === 'x') && src[i + 2] === '{') {
        const close = src.indexOf('}', i + 2);
        if (close < 0) return undefined;
        i = close + 1;
      } else i += 2;
      item = /[bBAz]/.test(next) ? { kind: 'anchor' } : { kind: 'other', min: 1, max: 1 };
    } else if (ch === '^' || ch === '$') {
      item = { kind: 'anchor' };
      i++;
    } else if (ch === '.') {
      item = { kind: 'other', min: 1, max: 1 };
      i++;
    } else if (META.has(ch)) {
      return undefined;
    } else {
      const cp = String.fromCodePoint(src.codePointAt(i) as number);
      item = { kind: 'char', ch: cp, min: 1, max: 1 };
      i += cp.length;
    }
    const q = quantifier(src, i);
    if (q === null) return undefined;
    if (q) {
      if (item.kind === 'anchor') return undefined;
      item = { ...item, min: q.min, max: q.max };
      i = q.end;
    }
    (alts[alts.length - 1] as Item[]).push(item);
  }
  return inGroup ? undefined : { alts, end: i };
}

/** The quantifier at `i` (undefined for none, null for a `{` RE2 would read otherwise). */
function quantifier(src: string, i: number): { min: number; max: number; end: number } | undefined | null {
  const c = src[i];
  let q: { min: number; max: number; end: number } | undefined;
  if (c === '?') q = { min: 0, max: 1, end: i + 1 };
  else if (c === '*') q = { min: 0, max: Infinity, end: i + 1 };
  else if (c === '+') q = { min: 1, max: Infinity, end: i + 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (!m) return null;
    const min = Number(m[1]);
    q = { min, max: m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity, end: i + m[0].length };
  }
  if (q && src[q.end] === '?') q.end++;
  return q;
}

/** The most paths a pattern may have from one start position to run on JavaScript's RegExp. */
export const MAX_PATHS = 100_000;

/**
 * For a group of plain words (最高|最強|一番), how many of them can match at one position: the
 * most that are prefixes of one word (1 when none is a prefix of another). Undefined for a group
 * of anything else.
 */
function literalWays(alts: readonly (readonly Item[])[]): number | undefined {
  const words: string[] = [];
  for (const seq of alts) {
    if (!seq.every((i) => i.kind === 'char' && i.min === 1 && i.max === 1)) return undefined;
    words.push(seq.map((i) => (i.kind === 'char' ? i.ch : '')).join(''));
  }
  return Math.max(...words.map((w) => words.filter((v) => w.startsWith(v)).length));
}

/**
 * How many ways a backtracking engine could try to match `items` from one position, at most: a
 * quantified item of `b` ways tried `k` times has `b^k` ways for each `k` its quantifier allows,
 * a sequence multiplies, an alternation adds — but alternatives that start with different
 * characters add nothing to each other (one at most matches there), and a group of plain words
 * counts as many as can match at once. Infinity for any unbounded repetition (`*`, `+`, `{n,}`),
 * where backtracking can blow up; capped at MAX_PATHS + 1 otherwise.
 */
export function pathsOf(alts: readonly (readonly Item[])[]): number {
  // Alternatives that start with different characters cannot both match at one position: the
  // ways of the alternation are those of the likeliest first character (plus any alternative
  // that may start with anything).
  const byFirst = new Map<string, number>();
  let anyFirst = 0;
  for (const seq of alts) {
    const ways = seqPaths(seq);
    if (ways === Infinity) return Infinity;
    const first = seq[0];
    if (first?.kind === 'char' && first.min >= 1) byFirst.set(first.ch, Math.min((byFirst.get(first.ch) ?? 0) + ways, CAP));
    else anyFirst = Math.min(anyFirst + ways, CAP);
  }
  return Math.min(Math.max(0, ...byFirst.values()) + anyFirst, CAP);
}

const CAP = MAX_PATHS + 1;

function seqPaths(seq: readonly Item[]): number {
  let product = 1;
  for (const item of seq) {
    if (item.kind === 'anchor') continue;
    if (item.max === Infinity) return Infinity;
    const base = item.kind === 'group' ? (literalWays(item.alts) ?? pathsOf(item.alts)) : 1;
    if (base === Infinity) return Infinity;
    let ways = 0;
    for (let k = item.min, power = base ** item.min; k <= item.max && ways < CAP; k++, power *= base) ways += Math.min(power, CAP);
    product = Math.min(product * Math.max(ways, 1), CAP);
  }
  return product;
}
