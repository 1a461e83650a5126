/**
 * Regular expressions (the `regex:` escape hatch) never backtrack for minutes: `(a|a)*$` or
 * `(.*?,){15}X` run on RE2 — a linear-time engine — and cost the same as any other. A pattern
 * whose backtracking is bounded (no unbounded repetition, a bounded number of ways to try from a
 * position) runs on JavaScript's RegExp, with the same matches. What RE2 cannot run (lookaround,
 * backreferences) is refused when the ruleset loads, with the structured way to say it. Pure.
 *
 * A pattern is compiled only when a text could match it: a pattern that starts with a group of
 * plain words, `(あと|残り)…`, cannot match a text holding none of them, so most audits never pay
 * RE2's 40–60 ms load.
 */
import type { RE2JS as Re2 } from 're2js';
import { lazyRequire } from '../core/lazy-require.js';
import { Automaton, codeUnits } from './automaton.js';
import { type Item, MAX_PATHS, MAX_WORDS, parseAlternatives, pathsOf } from './regex-syntax.js';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LinearRegex {
  readonly source: string;
  /** Every non-empty match, left to right, as UTF-16 offsets (shared with other callers: never mutate). */
  spans(text: string): readonly Span[];
  /** Words of which every match holds one (see requiredWords), or undefined: `spans` finds none in a text without one. */
  readonly words: readonly string[] | undefined;
  /** `spans` for a text known to hold one of `words` (the check is skipped: see regex-prefilter.ts). */
  spansHoldingWord(text: string): readonly Span[];
}

/** RE2JS, loaded on first use (its CommonJS build, so that `spans` stays synchronous). */
const re2 = lazyRequire<{ RE2JS: typeof Re2 }>('re2js');

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` are RE2's `\p{Han}`. */
export function toRe2Syntax(source: string): string {
  return source.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}');
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

/**
 * The pattern in JavaScript's syntax, where both engines read it alike: `.` spelled as RE2 means it
 * (anything but a newline), escapes only of punctuation, `\d` and `\p{…}` (not `\s`, `\w` or `\b`,
 * whose meanings differ), no class opening with `]` or holding `[:…:]`. Undefined otherwise.
 */
export function jsSyntax(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        if (close < 0) return undefined;
        out += source.slice(i, close + 1);
        i = close;
        continue;
      }
      if (!/^[\^$\\.*+?()[\]{}|/dD]$/.test(next) && !(inClass && next === '-')) return undefined;
      out += c + next;
      i++;
    } else if (inClass) {
      if (c === '[' && source[i + 1] === ':') return undefined;
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      const first = source[i + 1] === '^' ? i + 2 : i + 1;
      if (source[first] === ']') return undefined;
      inClass = true;
      out += c;
    } else out += c === '.' ? '[^\\n]' : c;
  }
  return out;
}

/**
 * A backtracking search may take about `paths` steps from each position of the text: JavaScript's
 * RegExp runs a pattern only while that stays under this budget (texts up to ~500 characters for
 * the most ambiguous built-in pattern, far more for the rest); RE2 takes longer texts.
 */
const NATIVE_BUDGET = 20_000_000;

/**
 * JavaScript's own RegExp for a pattern whose backtracking is bounded (no unbounded repetition,
 * at most MAX_PATHS ways to try from one position), with the longest text it may be given; about
 * ten times faster than RE2JS on its first thousand texts. Undefined for any other pattern, which
 * RE2 runs.
 */
export function nativeRegex(source: string): { re: RegExp; maxText: number } | undefined {
  const parsed = parseAlternatives(source, 0, false);
  const paths = parsed ? pathsOf(parsed.alts) : Infinity;
  if (paths > MAX_PATHS) return undefined;
  const js = jsSyntax(source);
  if (js === undefined) return undefined;
  try {
    return { re: new RegExp(js, 'gu'), maxText: Math.floor(NATIVE_BUDGET / Math.max(paths, 1)) };
  } catch {
    return undefined;
  }
}

function nativeSpans(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function makeLinear(source: string): LinearRegex {
  const words = requiredWords(source);
  const holdsWord = words ? containsAny(words) : undefined;
  let re: Re2 | undefined;
  let native: ReturnType<typeof nativeRegex> | null = null;
  // The matchers sharing this pattern ask about the same text one after another.
  let lastText: string | undefined;
  let lastSpans: readonly Span[] = [];
  // `checked`: the text is known to hold one of the words.
  const search = (text: string, checked: boolean): readonly Span[] => {
    if (!checked && holdsWord && !holdsWord(text)) return [];
    if (native === null) native = nativeRegex(source);
    if (native && text.length <= native.maxText) return nativeSpans(native.re, text);
    re ??= program(source);
    // Most cues hold no match: RE2's yes/no search (no positions asked, so its DFA runs) is
    // about twice as fast on them as the matcher, which then runs only where there is one.
    if (!re.test(text)) return [];
    const out: Span[] = [];
    const m = re.matcher(text);
    while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
    return out;
  };
  // The same answer whether the words were checked here or by the caller: the last one is kept for both.
  const spans = (text: string, checked: boolean): readonly Span[] => {
    if (text !== lastText) {
      lastSpans = search(text, checked);
      lastText = text;
    }
    return lastSpans;
  };
  return { source, words, spans: (text) => spans(text, false), spansHoldingWord: (text) => spans(text, true) };
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
