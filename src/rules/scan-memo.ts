/**
 * A stream repeats itself: the same catchphrase, price call or disclosure comes back many times in
 * three hours, and subtitles repeat a line over several cues. A text's analysis and its matcher hits
 * are a pure function of the text (and the rules), so a text said again is not analysed and scanned
 * again: of the last `limit` distinct texts, those said twice or more keep their result, and so do
 * the newest ones said once (see `recent`). Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import type { NormalizedText } from '../text/normalize.js';
import type { CompiledRules } from './compile.js';
import type { Lattice } from './lattice.js';
import { cueNear, scanSegment, wordCrossesJoin, type Hit } from './match.js';
import type { Rule } from './model.js';

/**
 * One text analysed and scanned, as small as what the checker reads (tokens and the lattice are
 * dropped: keeping them cost ~80 KB a text). Shared between the segments that say it: never mutate.
 */
export interface Scanned {
  norm: NormalizedText;
  /** The hits, without prohibited words a context cue (unless, negation, quotation) clears. */
  hits: readonly Hit[];
}

/** How many distinct texts are kept. */
export const SCAN_MEMO_LIMIT = 1000;

/** Whether a prohibited word's own `unless` cues, or a negation or quotation, clear this hit. */
export function clearedByContext(compiled: CompiledRules, L: Lattice, hit: Hit): boolean {
  const m = compiled.matchers[hit.matcher];
  const rule = m ? (compiled.rules[m.rule] as Rule) : undefined;
  if (!m || !rule || rule.kind !== 'prohibit' || m.role !== 'match') return false;
  if (cueNear(L, hit.start, hit.end, compiled.unless[m.rule])) return true;
  if (rule.respectContext === false) return false;
  return cueNear(L, hit.start, hit.end, compiled.negation) || cueNear(L, hit.start, hit.end, compiled.quotation);
}

/** How many texts said once keep their result, in case they come back soon. */
export const SCAN_MEMO_YOUNG = 256;

interface Slot<V> {
  value: V | undefined;
  /** Used twice or more: kept while the key is among the `limit` most recent. */
  kept: boolean;
}

/**
 * A map over the `limit` most recently used keys. A key's first value is kept while it is among the
 * `young` newest keys said once (a line a stream says again soon, a subtitle repeated over cues, is
 * worked out once); after that only the key is remembered, and a key used twice keeps its value
 * from then on. Lines that never come back thus cost little to keep: their values die young (kept
 * values are promoted and collected as old objects; keeping every line's result cost ~10 % more
 * CPU and ~30 MiB on 10,000 distinct lines).
 */
function recent<V>(limit: number, young: number): (key: string, make: () => V) => V {
  const memo = new Map<string, Slot<V>>();
  // Slots holding a first value, oldest first (from `head` on).
  let probation: Slot<V>[] = [];
  let head = 0;
  return (key, make) => {
    const slot = memo.get(key);
    if (slot) {
      memo.delete(key);
      memo.set(key, slot);
      slot.kept = true;
      return (slot.value ??= make());
    }
    const value = make();
    const fresh: Slot<V> = { value, kept: false };
    memo.set(key, fresh);
    probation.push(fresh);
    if (probation.length - head > young) {
      const old = probation[head++] as Slot<V>;
      if (!old.kept) old.value = undefined;
      if (head >= 4096) {
        probation = probation.slice(head);
        head = 0;
      }
    }
    if (memo.size > limit) memo.delete(memo.keys().next().value as string);
    return value;
  };
}

export interface ScanMemo {
  /** The text analysed and its hits, computed once per distinct text. */
  scan(text: string): Scanned;
  /** Whether a word of the lexicon runs across the join of `tail` and `head` (see wordCrossesJoin). */
  crossesJoin(tail: string, head: string): boolean;
}

export function scanMemo(compiled: CompiledRules, analyzer: Analyzer, limit = SCAN_MEMO_LIMIT, young = Math.min(SCAN_MEMO_YOUNG, limit)): ScanMemo {
  const scans = recent<Scanned>(limit, young);
  const joins = recent<boolean>(limit, young);
  return {
    scan: (text) =>
      scans(text, () => {
        const a = analyzer.analyze(text);
        const { hits, lattice } = scanSegment(compiled, a);
        return { norm: a.norm, hits: hits.filter((h) => !clearedByContext(compiled, lattice, h)) };
      }),
    crossesJoin: (tail, head) =>
      joins(`${tail}\u0000${head}`, () => wordCrossesJoin(compiled, analyzer.normalizeTerm(tail), analyzer.normalizeTerm(head))),
  };
}
