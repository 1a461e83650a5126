/**
 * Where a gap stops and how far a cue group reaches, from the stops in a segment's text: clause ends
 * (、，,), sentence ends (。！？, a "." before a space), turn ends (。, a line break). Pure.
 */
import type { Scope } from './model.js';
import type { Lattice } from './lattice.js';
import { breathComma } from './pauses.js';

// Where a gap stops (clause, sentence, turn) and where a cue's scope ends, as bits per character.
const GAP_CLAUSE = 1;
const SENTENCE = 2;
const TURN = 4;
const SCOPE_CLAUSE = 8;
/** Where a cue group's window ends: a full stop (。, a sentence-final ".") or a line break; not ？！, which a quoted question or its answer crosses. */
const FULL_STOP = 16;
/** A line break: no scope crosses it, next-sentence neither. */
export const LINE_BREAK = 32;
const STOP_BITS = new Map<string, number>();
const mark = (chars: string, bit: number) => {
  for (const ch of chars) STOP_BITS.set(ch, (STOP_BITS.get(ch) ?? 0) | bit);
};
mark('。!?！？\n、,，;；:：…', GAP_CLAUSE);
mark('。!?！？\n', SENTENCE);
mark('。\n', TURN);
mark('。\n', FULL_STOP);
mark('\n', LINE_BREAK);
// A cue's scope ends as a gap's does, but a clause does not end at ：or ….
mark('。!?！？\n、,，;；', SCOPE_CLAUSE);
export const GAP_STOP: Record<Scope, number> = { clause: GAP_CLAUSE, sentence: SENTENCE, turn: TURN, 'next-sentence': SENTENCE };
const SCOPE_END: Record<Scope, number> = { clause: SCOPE_CLAUSE, sentence: SENTENCE, turn: TURN, 'next-sentence': SENTENCE };
/** How many sentence ends a scope crosses (never a line break): next-sentence one. */
export const SENTENCES_CROSSED: Record<Scope, number> = { clause: 0, sentence: 0, turn: 0, 'next-sentence': 1 };
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * A full stop written as "." (Korean prose, and speech recognition in every language): the end of a
 * sentence where a space or the line's end follows it, as ! and ? are (a turn goes on: a host sets
 * up a claim in one sentence and makes it in the next); "..." is a pause (a clause, as …). Not a
 * stop inside a word, a number or a name (no.1, 3.5, www.example.com).
 */
function periodStop(text: string, i: number): number | undefined {
  const next = text[i + 1];
  if (next === '.' || text[i - 1] === '.') return GAP_CLAUSE;
  return next === undefined || next === ' ' ? (STOP_BITS.get('!') as number) | FULL_STOP : undefined;
}

/**
 * A "!" that is part of a name (Yahoo!ショッピング, Yahoo!ニュース): right after a run of three or more Latin letters and
 * right before a letter. A sentence ends at "!" where a space, a stop or the line's end follows, or after other words
 * (すごい!これ is すごい！これ after normalising).
 */
function inName(text: string, i: number): boolean {
  return /[A-Za-z]{3}$/u.test(text.slice(Math.max(0, i - 3), i)) && /^\p{L}/u.test(text.slice(i + 1, i + 2));
}

/** Per lattice, per character: the stops it is (bits above), other than a separator between digits (99,000 and 12:30 are one number). */
const stopTables = new WeakMap<Lattice, Uint8Array>();
export function stopTable(L: Lattice): Uint8Array {
  let table = stopTables.get(L);
  if (table) return table;
  const text = L.a.norm.text;
  table = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const bits = text[i] === '.' ? periodStop(text, i) : text[i] === '!' && inName(text, i) ? undefined : STOP_BITS.get(text[i] as string);
    if (bits !== undefined && !(isDigit(text[i - 1]) && isDigit(text[i + 1]))) table[i] = bits;
  }
  // A comma left out with a filler (、えー、 keeps its first comma; 都，呃，在用 neither) ends nothing; nor, in Japanese
  // and Korean, the comma kept before one after a particle or connective (効果を、あのー、うたうのは: the filler's pause).
  for (const [a, b] of L.a.quiet ?? []) {
    table.fill(0, a, b);
    let end = a;
    while (end > 0 && /\s/u.test(text[end - 1] as string)) end--;
    const kept = (L.tokenEndingAt[end] ?? -1) - 1;
    if (kept > 0 && breathComma(L, kept)) table.fill(0, L.a.tokens[kept]?.start ?? a, a);
  }
  // Korean: a cue's clause goes on past a breath (관절에, 좋다고, 광고한 적은, 없어요: the denial is of the same clause),
  // as a word step and a gap step over one; a gap keeps its own count of the pauses it crosses. (Japanese is left as
  // it was: its corpus holds claims across a は、 or a けど、 that a cue beyond the comma must not clear.)
  if (!L.spaceEdges && !L.chinese) {
    L.a.tokens.forEach((t, i) => {
      if (breathComma(L, i)) for (let k = t.start; k < t.end; k++) table[k] = (table[k] as number) & ~SCOPE_CLAUSE;
    });
  }
  stopTables.set(L, table);
  return table;
}

/** Whether text[from, to) holds a stop of kind `bit` (`table`: the segment's stopTable). */
export function stopIn(table: Uint8Array, from: number, to: number, bit: number): boolean {
  for (let i = from; i < to; i++) if (((table[i] ?? 0) & bit) !== 0) return true;
  return false;
}

/** The furthest a `scope` reaches, in characters either side. */
export const MAX_SCOPE = 120;

/** The marks that close a question or an exclamation: as a cue, one of them belongs to the sentence it closes. */
const CLOSING_MARKS = '?？!！';

/**
 * Whether a one-character cue [c.start, c.end) is the mark that ends a scope's reach ahead of `end`: its sentence's own
 * ? or ! (a cue "?" with `scope: sentence` reads the question its sentence asks; the reach stops short of its stop).
 */
export function closingMark(text: string, end: number, ahead: number, c: { start: number; end: number }): boolean {
  return c.start === end + ahead && c.end === c.start + 1 && CLOSING_MARKS.includes(text[c.start] ?? '');
}

/** Characters from `start` back to the start of its sentence/clause, and from `end` on to its end. */
export function scopeReach(L: Lattice, start: number, end: number, scope: Scope): { back: number; ahead: number } {
  return reachUntil(L, start, end, MAX_SCOPE, SCOPE_END[scope], SENTENCES_CROSSED[scope]);
}

/**
 * Characters from `start` back, and from `end` on, up to `limit` each, not past a stop of kind `bit` — past `cross`
 * of them each way that are no line break (next-sentence).
 */
function reachUntil(L: Lattice, start: number, end: number, limit: number, bit: number, cross = 0): { back: number; ahead: number } {
  const table = stopTable(L);
  // A run of marks (!!, ?!, 。。) is one sentence end: a mark next to one just crossed is crossed with it.
  let left = cross;
  let b = start;
  for (let crossed = -1; b > 0 && start - b < limit; b--) {
    if (!stopIn(table, b - 1, b, bit)) continue;
    if (stopIn(table, b - 1, b, LINE_BREAK) || (left === 0 && crossed !== b)) break;
    if (crossed !== b) left--;
    crossed = b - 1;
  }
  left = cross;
  let a = end;
  for (let crossed = -1; a < table.length && a - end < limit; a++) {
    if (!stopIn(table, a, a + 1, bit)) continue;
    if (stopIn(table, a, a + 1, LINE_BREAK) || (left === 0 && crossed !== a)) break;
    if (crossed !== a) left--;
    crossed = a + 1;
  }
  return { back: start - b, ahead: a - end };
}

/**
 * The longest window kept inside its sentence. A window up to this long is about the words next to the
 * match, so it stops at a full stop (혈압이 내려가요. 약은 아니에요: the denial is of something else); a longer
 * one is written to read the copy around the match, the next sentence too (美白クリームです。有効成分が…).
 */
export const SENTENCE_WINDOW = 20;

/** A window's reach: `window` characters either side, not past a full stop (。, "." ending a sentence, a line break). */
export function windowReach(L: Lattice, start: number, end: number, window: number): { back: number; ahead: number } {
  return reachUntil(L, start, end, window, FULL_STOP);
}

