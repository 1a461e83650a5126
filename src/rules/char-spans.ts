/**
 * The character spans of the words a segment's lattice found, by atom: what context cues and number units read.
 * Built once per segment, on the first `charsOf`. Pure.
 */
import type { Lexicon } from './compile.js';
import type { CharSpan, Lattice } from './lattice.js';

/** The distinct atoms of literal `lit` that `keep` accepts (a literal's atoms are in ascending order). */
function atomsOfLiteral(lexicon: Lexicon, lit: number, keep: (atom: number) => boolean): number[] {
  const out: number[] = [];
  for (const atom of lexicon.literalAtoms[lit] ?? []) if (keep(atom) && out[out.length - 1] !== atom) out.push(atom);
  return out;
}

/** The atoms whose character spans list literal `lit` found as written (`asWritten`) or by its stem or base form. */
function charAtomsOf(L: Lattice, lit: number, asWritten: boolean): readonly number[] {
  const { uses, lexicon } = L;
  const memo = asWritten ? uses.literalWanted : uses.literalLoose;
  let atoms = memo[lit];
  if (!atoms) memo[lit] = atoms = asWritten ? atomsOfLiteral(lexicon, lit, (atom) => uses.chars[atom] === 1) : atomsOfLiteral(lexicon, lit, (atom) => lexicon.atomLoose[atom] === true);
  return atoms;
}

/** Every atom's character spans in the segment, in one pass over the words found by their characters (in the order found). */
function charSpansByAtom(L: Lattice): Map<number, CharSpan[]> {
  const byAtom = new Map<number, CharSpan[]>();
  for (let i = 0; i < L.charLit.length; i++) {
    const atoms = charAtomsOf(L, L.charLit[i] as number, L.charAsWritten[i] as boolean);
    if (atoms.length === 0) continue;
    const span = { start: L.charStart[i] as number, end: L.charEnd[i] as number };
    for (const atom of atoms) {
      const spans = byAtom.get(atom);
      if (spans) spans.push(span);
      else byAtom.set(atom, [span]);
    }
  }
  return byAtom;
}

const NO_SPANS: readonly CharSpan[] = Object.freeze([]);

/**
 * The character spans of an atom's words: those found as written when the atom needs spans (a
 * cue or a unit), and those found by their stem or base form when the atom is loose (a cue).
 * Shared between atoms and calls: never mutate.
 */
export function charsOf(L: Lattice, atom: number): readonly CharSpan[] {
  L.charsByAtom ??= charSpansByAtom(L);
  return L.charsByAtom.get(atom) ?? NO_SPANS;
}
