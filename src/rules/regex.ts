/**
 * Regular expressions (the `regex:` escape hatch) run on RE2 — a linear-time engine — so no
 * pattern a ruleset can hold makes an audit backtrack for minutes: `(a|a)*$` or `(.*?,){15}X`
 * cost the same as any other. What RE2 cannot run (lookaround, backreferences) is refused when the
 * ruleset loads, with the structured way to say it. Pure.
 *
 * The engine is loaded and a pattern compiled only when a text could match it: a pattern that
 * starts with a group of plain words, `(あと|残り)…`, cannot match a text holding none of them, so
 * most audits never pay RE2's 40–60 ms load.
 */
import type { RE2JS as Re2 } from 're2js';
import { lazyRequire } from '../core/lazy-require.js';
import { Automaton, codeUnits } from './automaton.js';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LinearRegex {
  readonly source: string;
  /** Every non-empty match, left to right, as UTF-16 offsets (shared with other callers: never mutate). */
  spans(text: string): readonly Span[];
}

/** RE2JS, loaded on first use (its CommonJS build, so that `spans` stays synchronous). */
const re2 = lazyRequire<{ RE2JS: typeof Re2 }>('re2js');

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` are RE2's `\p{Han}`. */
function toRe2Syntax(source: string): string {
  return source.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}');
}

const META = new Set([...'\\^$.|?*+()[]{}']);

/** One element of a pattern's top-level sequence (or of a group's alternative). */
type Item =
  | { kind: 'char'; ch: string; min: number; max: number }
  | { kind: 'group'; alts: Item[][]; min: number; max: number }
  | { kind: 'anchor' }
  | { kind: 'other'; min: number; max: number };

/** The most words a pre-check may hold (a cross product of groups is cut off there). */
const MAX_WORDS = 1024;

/**
 * Parses RE2 syntax far enough to see which words a match must contain: alternatives, groups,
 * literal characters and quantifiers; classes, escapes and `.` are opaque. Undefined for anything
 * it does not follow (flags, lookaround, a `{` that is no quantifier).
 */
function parseAlternatives(src: string, at: number, inGroup: boolean): { alts: Item[][]; end: number } | undefined {
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

/**
 * The words one of which starts every match of `items` (a sequence), and whether they are the
 * whole match. An item that may be absent ends the words; so does anything not a plain character.
 */
function leadingWords(items: readonly Item[]): { words: string[]; whole: boolean } {
  let words = [''];
  for (const item of items) {
    if (item.kind === 'anchor') continue;
    if (item.kind === 'other' || item.min === 0) return { words, whole: false };
    if (item.kind === 'char') {
      words = words.map((w) => w + item.ch);
      if (item.max !== 1) return { words, whole: false };
      continue;
    }
    const subs = item.alts.map(leadingWords);
    const inner = [...new Set(subs.flatMap((x) => x.words))];
    if (inner.includes('') || words.length * inner.length > MAX_WORDS) return { words, whole: false };
    words = words.flatMap((w) => inner.map((x) => w + x));
    if (item.max !== 1 || subs.some((x) => !x.whole)) return { words, whole: false };
  }
  return { words, whole: true };
}

/**
 * Words of which every match holds one, or undefined when the pattern has none worth checking:
 * the most selective (longest shortest word) of the words that must start the match of the whole
 * pattern or of what follows any top-level element (`[가-힣]{0,4}(염|증)…` holds 염 or 증;
 * `(원래 ?가격은|원래)…` holds 원래).
 */
export function requiredWords(source: string): string[] | undefined {
  const parsed = parseAlternatives(source, 0, false);
  if (!parsed) return undefined;
  const score = (ws: string[]) => (ws.length === 0 || ws.includes('') ? 0 : Math.min(...ws.map((w) => w.length)));
  if (parsed.alts.length > 1) {
    const all = [...new Set(parsed.alts.flatMap((alt) => leadingWords(alt).words))];
    return score(all) > 0 && all.length <= MAX_WORDS ? all : undefined;
  }
  const seq = parsed.alts[0] as Item[];
  let best: string[] | undefined;
  for (let k = 0; k < seq.length; k++) {
    const ws = [...new Set(leadingWords(seq.slice(k)).words)];
    if (score(ws) > (best ? score(best) : 0)) best = ws;
  }
  return best;
}

/** Compile now: throws what RE2 says of a pattern it cannot run. */
function compileNow(source: string): Re2 {
  return re2().RE2JS.compile(toRe2Syntax(source));
}

/**
 * Each pattern compiled once per process: rulesets repeat a pattern (the same matcher in several
 * rules, the built-ins and a copy extending them), and RE2JS takes 1–20 ms to compile one.
 */
const programs = new Map<string, Re2>();
function program(source: string): Re2 {
  let re = programs.get(source);
  if (!re) {
    re = compileNow(source);
    programs.set(source, re);
  }
  return re;
}

/** Whether `text` holds one of `words`: a substring test for a few, one automaton pass for many. */
function containsAny(words: readonly string[]): (text: string) => boolean {
  if (words.length <= 8) return (text) => words.some((w) => text.includes(w));
  let automaton: Automaton<number> | undefined;
  return (text) => {
    automaton ??= new Automaton<number>(words.map((w) => ({ key: codeUnits(w), value: 0 })));
    return automaton.containsCodes(text);
  };
}

/** One LinearRegex per pattern: matchers that share a pattern share its pre-check and its last answer. */
const linear = new Map<string, LinearRegex>();

export function compileLinear(source: string): LinearRegex {
  let r = linear.get(source);
  if (!r) {
    r = makeLinear(source);
    linear.set(source, r);
  }
  return r;
}

function makeLinear(source: string): LinearRegex {
  const words = requiredWords(source);
  const holdsWord = words ? containsAny(words) : undefined;
  let re: Re2 | undefined;
  // The matchers sharing this pattern ask about the same text one after another.
  let lastText: string | undefined;
  let lastSpans: readonly Span[] = [];
  const search = (text: string): readonly Span[] => {
    if (holdsWord && !holdsWord(text)) return [];
    re ??= program(source);
    // Most cues hold no match: RE2's yes/no search (no positions asked, so its DFA runs) is
    // about twice as fast on them as the matcher, which then runs only where there is one.
    if (!re.test(text)) return [];
    const out: Span[] = [];
    const m = re.matcher(text);
    while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
    return out;
  };
  return {
    source,
    spans(text) {
      if (text !== lastText) {
        lastSpans = search(text);
        lastText = text;
      }
      return lastSpans;
    },
  };
}

/** Why a pattern cannot be used, or undefined. */
export function linearRegexProblem(source: string): string | undefined {
  if (source.length > 500) return 'is longer than 500 characters';
  try {
    program(source);
    return undefined;
  } catch (e) {
    const msg = (e as Error).message;
    if (/\(\?[=!<]/.test(source) || /invalid or unsupported Perl syntax/.test(msg)) {
      return 'uses lookaround, which the linear-time engine (RE2) cannot run: say "not followed by" with {not: [...]} and "not preceded by" with {notAfter: [...]} in a seq matcher';
    }
    if (/\\[1-9]|\\k</.test(source)) return 'uses a backreference, which the linear-time engine (RE2) cannot run';
    return `does not compile: ${msg}`;
  }
}
