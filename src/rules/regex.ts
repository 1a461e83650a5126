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

export interface LinearRegex {
  readonly source: string;
  /** Every non-empty match, left to right, as UTF-16 offsets. */
  spans(text: string): { start: number; end: number }[];
}

/** RE2JS, loaded on first use (its CommonJS build, so that `spans` stays synchronous). */
const re2 = lazyRequire<{ RE2JS: typeof Re2 }>('re2js');

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` are RE2's `\p{Han}`. */
function toRe2Syntax(source: string): string {
  return source.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}');
}

const META = new Set([...'\\^$.|?*+()[]{}']);

/**
 * Words of which every match holds one: those of a leading group of plain alternatives
 * (`(あと|残り)`, `(?:せかい|にほん)`) that no quantifier makes optional, in a pattern with no
 * alternation outside groups. Undefined when the pattern has no such group (no prefilter).
 */
export function requiredWords(source: string): string[] | undefined {
  const lead = /^\((?:\?:)?/.exec(source);
  if (!lead) return undefined;
  let close = -1;
  for (let i = lead[0].length; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === ')') {
      close = i;
      break;
    }
    if (ch !== '|' && META.has(ch)) return undefined;
  }
  if (close < 0) return undefined;
  const next = source[close + 1];
  if (next === '?' || next === '*' || next === '{') return undefined;
  // A `|` outside every group and class makes the leading group one branch of several.
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return undefined;
  }
  const words = source.slice(lead[0].length, close).split('|');
  return words.every((w) => w.length > 0) ? words : undefined;
}

/** Compile now: throws what RE2 says of a pattern it cannot run. */
function compileNow(source: string): Re2 {
  return re2().RE2JS.compile(toRe2Syntax(source));
}

export function compileLinear(source: string): LinearRegex {
  const words = requiredWords(source);
  let re: Re2 | undefined;
  return {
    source,
    spans(text) {
      if (words && !words.some((w) => text.includes(w))) return [];
      re ??= compileNow(source);
      // Most cues hold no match: RE2's yes/no search (no positions asked, so its DFA runs) is
      // about twice as fast on them as the matcher, which then runs only where there is one.
      if (!re.test(text)) return [];
      const out: { start: number; end: number }[] = [];
      const m = re.matcher(text);
      while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
      return out;
    },
  };
}

/** Why a pattern cannot be used, or undefined. */
export function linearRegexProblem(source: string): string | undefined {
  if (source.length > 500) return 'is longer than 500 characters';
  try {
    compileNow(source);
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
