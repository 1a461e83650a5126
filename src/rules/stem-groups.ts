/**
 * The stems of multi-word literals that share their leading characters (の of のおかげで, の中で,
 * のように…, 良く of 良くなる, 良くする) come out of the surface automaton together: one run of hits
 * with the same start and end. Most runs sit on a token boundary, and nearly all of their stems
 * then fail on the next token's form (97 % on the Japanese corpus). A group indexes its stems by
 * that form, so a run costs one or two map lookups instead of a comparison per stem. Pure, but for
 * the groups kept per lexicon, built on first sight.
 */
import type { Lexicon } from './compile.js';

export interface StemGroup {
  /** Stems matched by the next token's base form / surface (asWritten): the stem indexes, in the order of the run. */
  byBase: Map<string, number[]>;
  bySurface: Map<string, number[]>;
}

const groupsOf = new WeakMap<Lexicon, Map<number, StemGroup>>();

/**
 * The group of the run whose first stem hit has value `first` (a run's stems are always the
 * same: the outputs of one automaton state); `values[from, to)` holds the run's hit values
 * (literals ≥ 0 may sit among them and are left out).
 */
export function stemGroup(lexicon: Lexicon, first: number, values: Int32Array, from: number, to: number): StemGroup {
  let groups = groupsOf.get(lexicon);
  if (!groups) groupsOf.set(lexicon, (groups = new Map()));
  let g = groups.get(first);
  if (g) return g;
  g = { byBase: new Map(), bySurface: new Map() };
  for (let k = from; k < to; k++) {
    const v = values[k] as number;
    if (v >= 0) continue;
    const stem = lexicon.stems[-v - 1];
    if (!stem) continue;
    const by = stem.asWritten ? g.bySurface : g.byBase;
    const list = by.get(stem.lastBase);
    if (list) list.push(-v - 1);
    else by.set(stem.lastBase, [-v - 1]);
  }
  groups.set(first, g);
  return g;
}

const NONE: readonly number[] = [];

/** The stems of `g` the token with this base form and surface completes, in the order of the run. */
export function stemsCompletedBy(g: StemGroup, base: string, surface: string): readonly number[] {
  const a = g.byBase.get(base) ?? NONE;
  const b = g.bySurface.size > 0 ? (g.bySurface.get(surface) ?? NONE) : NONE;
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  // Both: merge (stems are numbered in the order the automaton emits them).
  return [...a, ...b].sort((x, y) => x - y);
}
