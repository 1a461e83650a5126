/**
 * Where a structured matcher's number step ends in a segment: the number found there (findNumbers), its unit after it
 * or carried in it, its bounds (`min`, `max`). Pure.
 */
import { carriedUnitAt, numberBounds, withoutCurrencySign } from '../text/numbers.js';
import type { Step } from './compile.js';
import type { NumberRatio } from './model.js';
import { charsOf, inAtom, indexAt, type Lattice } from './lattice.js';

/** Token index (exclusive end) of the token that contains character `offset - 1`: a span rounded out to a token end. */
function tokenEndCovering(L: Lattice, offset: number): number | undefined {
  const exact = indexAt(L.tokenEndingAt, offset);
  if (exact !== undefined) return exact;
  const i = L.a.tokens.findIndex((t) => t.start < offset && offset <= t.end);
  return i < 0 ? undefined : i + 1;
}

/**
 * Where a number step starting at token `pos` can end (exclusive token index). A number the
 * tokenizer glued to its unit (两点, 三天 as one word) ends with that token, so a `not` step right
 * after it reads the glued unit: 商场要两点才开门 is a time, not a price, for `{not: [点]}`.
 */
export function numberEnds(L: Lattice, step: Extract<Step, { kind: 'number' }>, pos: number, next: Step | undefined): number[] {
  const end = L.numbers.get(pos);
  if (end === undefined) return [];
  if (step.units !== undefined && !L.signedAt.has(pos)) return unitEnds(L, step, step.units, pos, end);
  if (!withinBounds(L, step, pos, end)) return [];
  if (step.units === undefined) {
    const t = tokenEndCovering(L, end);
    if (t === undefined) return [];
    // Glued: the number and its unit are one token (not a number running on into the next word).
    const glued = t - 1 === pos ? L.a.norm.text.slice(end, (L.a.tokens[pos] as { end: number }).end) : '';
    return next?.kind === 'not' && glued && startsWithWordOf(L, next.atom, glued) ? [] : [t];
  }
  // ¥9,800 says its unit before it: a money unit asked for is met by the sign, any other is not.
  const t = step.money ? tokenEndCovering(L, end) : undefined;
  return t === undefined ? [] : [t];
}

/**
 * Where a number step with units ends: after a unit that follows the number (3 kg, 五斤), or one the number
 * carries in its last multipliers (万 of 五六万 and 3万, 万元 of 3万元; the value is then what comes
 * before the unit, as for 3 万). A unit may end inside a token before a 多 or 余 that ends it (3万多单:
 * more than 3万).
 */
function unitEnds(L: Lattice, step: Extract<Step, { kind: 'number' }>, units: number, pos: number, end: number): number[] {
  const text = L.a.norm.text;
  const start = (L.a.tokens[pos] as { start: number }).start;
  const from = text[end] === ' ' ? end + 1 : end;
  // A unit a rule writes with the 多 of a Chinese N-odd number (`[多, 多块]` after 一百多) begins on that 多.
  const odd = L.chinese && text[end - 1] === '多' ? end - 1 : undefined;
  const out: number[] = [];
  for (const u of charsOf(L, units)) {
    const valueEnd = u.start === from || u.start === end || u.start === odd ? end : carriedUnitAt(text, start, u.start, end) ? u.start : undefined;
    if (valueEnd === undefined || !withinBounds(L, step, pos, valueEnd)) continue;
    const t = indexAt(L.tokenEndingAt, u.end) ?? (/[多余]/u.test(text[u.end] ?? '') ? indexAt(L.tokenEndingAt, u.end + 1) : undefined);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** Whether the number at token `pos` (ending at `end`) meets the step's `min` and `max`: a range by its top for `min`, its bottom for `max`. */
function withinBounds(L: Lattice, step: Extract<Step, { kind: 'number' }>, pos: number, end: number): boolean {
  if (step.min === undefined && step.max === undefined) return true;
  const b = numberBounds(withoutCurrencySign(L.a.norm.text.slice((L.a.tokens[pos] as { start: number }).start, end)));
  return b !== undefined && (step.min === undefined || b.hi >= step.min) && (step.max === undefined || b.lo <= step.max);
}

/** Whether `text` starts with one of the atom's words. */
function startsWithWordOf(L: Lattice, atom: number, text: string): boolean {
  for (const h of L.lexicon.surface.searchCodes(text)) if (h.start === 0 && h.value >= 0 && inAtom(L.lexicon, atom, h.value)) return true;
  return false;
}

/** The values the number found at token `pos` can mean, as said (两万 is 20,000, 五六斤 5 to 6), or undefined. */
export function numberValue(L: Lattice, pos: number): { lo: number; hi: number } | undefined {
  const end = L.numbers.get(pos);
  const t = L.a.tokens[pos];
  return end === undefined || !t ? undefined : numberBounds(withoutCurrencySign(L.a.norm.text.slice(t.start, end)));
}

/**
 * Whether a number divided by the earlier one of its match is within a step's `ratio`: for `min` the number's top over
 * the earlier one's bottom, for `max` its bottom over the earlier one's top (a range may mean either end).
 */
export function ratioHolds(ratio: NumberRatio, value: { lo: number; hi: number } | undefined, prev: { lo: number; hi: number } | undefined): boolean {
  if (!value || !prev) return false;
  if (ratio.min !== undefined && !(prev.lo > 0 && value.hi / prev.lo >= ratio.min)) return false;
  return ratio.max === undefined || (prev.hi > 0 && value.lo / prev.hi <= ratio.max);
}
