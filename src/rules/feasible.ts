/**
 * Whether a structured matcher can match anywhere in one segment at all: each atom step it cannot
 * skip needs a word of that atom somewhere in the segment's lattice, and a number step it cannot
 * skip needs a number. On corpus text nine tries in ten fail this (a particle such as の or 이 starts
 * hundreds of matchers whose later words are not there), so they are dropped before the
 * step-by-step search. A necessary condition only: the hits are the same. Pure, but for scratch
 * arrays kept per compiled ruleset (stamped per segment, so nothing is cleared or allocated).
 */
import type { CompiledRules } from './compile.js';
import type { Lattice } from './lattice.js';

interface Scratch {
  /** Per matcher: the atoms of the steps it cannot skip (deduplicated). */
  required: Int32Array[];
  /** Per matcher: 1 when it has a number step it cannot skip. */
  needsNumber: Uint8Array;
  /** Per atom / literal / matcher: the segment stamp at which it was last seen / worked out. */
  atomSeen: Int32Array;
  literalSeen: Int32Array;
  judgedAt: Int32Array;
  /** Per matcher: 1 feasible, 0 not (valid when judgedAt is the current stamp). */
  verdict: Uint8Array;
  stamp: number;
}

const scratchOf = new WeakMap<CompiledRules, Scratch>();

function scratch(compiled: CompiledRules): Scratch {
  let s = scratchOf.get(compiled);
  if (s) return s;
  const n = compiled.matchers.length;
  s = {
    required: compiled.matchers.map((m) => Int32Array.from(new Set((m.steps ?? []).flatMap((st) => (st.kind === 'atom' && !st.optional ? [st.atom] : []))))),
    needsNumber: Uint8Array.from(compiled.matchers, (m) => ((m.steps ?? []).some((st) => st.kind === 'number' && !st.optional) ? 1 : 0)),
    atomSeen: new Int32Array(compiled.lexicon.atomCount),
    literalSeen: new Int32Array(compiled.lexicon.literalAtoms.length),
    judgedAt: new Int32Array(n),
    verdict: new Uint8Array(n),
    stamp: 0,
  };
  scratchOf.set(compiled, s);
  return s;
}

/**
 * A test of matcher indexes for the segment of lattice `L`: false when the matcher cannot match
 * in it. Valid until the next call for the same compiled rules.
 */
export function feasibleIn(compiled: CompiledRules, L: Lattice): (matcher: number) => boolean {
  const s = scratch(compiled);
  const stamp = ++s.stamp;
  const { atomSeen, literalSeen, judgedAt, verdict, required, needsNumber } = s;
  const literalAtoms = compiled.lexicon.literalAtoms;
  for (let i = 0; i < L.lit.length; i++) {
    const lit = L.lit[i] as number;
    if (literalSeen[lit] === stamp) continue;
    literalSeen[lit] = stamp;
    const atoms = literalAtoms[lit];
    if (atoms) for (let k = 0; k < atoms.length; k++) atomSeen[atoms[k] as number] = stamp;
  }
  const hasNumbers = L.numbers.size > 0;
  return (mi) => {
    if (judgedAt[mi] === stamp) return verdict[mi] === 1;
    judgedAt[mi] = stamp;
    let ok = hasNumbers || needsNumber[mi] !== 1;
    const req = required[mi];
    if (ok && req) {
      let k = 0;
      while (k < req.length && atomSeen[req[k] as number] === stamp) k++;
      ok = k === req.length;
      // The atom missing here is likely missing from the next segments too: checked first from now on
      // (the verdict is an AND over the atoms, so their order changes nothing but the time).
      if (!ok && k > 0) swapToFront(req, k);
    }
    verdict[mi] = ok ? 1 : 0;
    return ok;
  };
}

/** Moves entry `k` of `a` to its front (the others keep their order). */
function swapToFront(a: Int32Array, k: number): void {
  const v = a[k] as number;
  a.copyWithin(1, 0, k);
  a[0] = v;
}
