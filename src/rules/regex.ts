/**
 * Regular expressions (the `regex:` escape hatch) run on RE2 — a linear-time engine — so no
 * pattern a ruleset can hold makes an audit backtrack for minutes: `(a|a)*$` or `(.*?,){15}X`
 * cost the same as any other. What RE2 cannot run (lookaround, backreferences) is refused when the
 * ruleset loads, with the structured way to say it. Pure.
 */
import { RE2JS } from 're2js';

export interface LinearRegex {
  readonly source: string;
  /** Every non-empty match, left to right, as UTF-16 offsets. */
  spans(text: string): { start: number; end: number }[];
}

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` are RE2's `\p{Han}`. */
function toRe2Syntax(source: string): string {
  return source.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}');
}

export function compileLinear(source: string): LinearRegex {
  const re = RE2JS.compile(toRe2Syntax(source));
  return {
    source,
    spans(text) {
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
    compileLinear(source);
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
