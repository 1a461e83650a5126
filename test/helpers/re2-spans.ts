/** Every non-empty match of a pattern by RE2's matcher alone: what the native path and the pre-checks must agree with. */
import { RE2JS } from 're2js';
import { toRe2Syntax } from '../../src/rules/regex.js';

export function re2Spans(source: string, text: string): { start: number; end: number }[] {
  const m = RE2JS.compile(toRe2Syntax(source)).matcher(text);
  const out: { start: number; end: number }[] = [];
  while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
  return out;
}
