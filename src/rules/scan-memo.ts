/**
 * A stream repeats itself: the same catchphrase, price call or disclosure comes back many times in
 * three hours, and subtitles repeat a line over several cues. A text's analysis and its matcher hits
 * are a pure function of the text (and the rules), so each distinct text is analysed and scanned
 * once, and the last `limit` of them are kept. Pure.
 */
import type { Analyzer, AnalyzedText } from '../text/analyze.js';
import type { CompiledRules } from './compile.js';
import { scanSegment, wordCrossesJoin, type Hit, type Lattice } from './match.js';

/** One text analysed and scanned. Shared between the segments that say it: never mutate. */
export interface Scanned {
  a: AnalyzedText;
  hits: readonly Hit[];
  lattice: Lattice;
}

/** How many distinct texts are kept (each holds its tokens and lattice: a few kilobytes). */
export const SCAN_MEMO_LIMIT = 1000;

/** A map that keeps its `limit` most recently used entries. */
function recent<V>(limit: number): (key: string, make: () => V) => V {
  const memo = new Map<string, V>();
  return (key, make) => {
    const had = memo.get(key);
    if (had !== undefined) {
      memo.delete(key);
      memo.set(key, had);
      return had;
    }
    const v = make();
    memo.set(key, v);
    if (memo.size > limit) memo.delete(memo.keys().next().value as string);
    return v;
  };
}

export interface ScanMemo {
  /** The text analysed and its hits, computed once per distinct text. */
  scan(text: string): Scanned;
  /** Whether a word of the lexicon runs across the join of `tail` and `head` (see wordCrossesJoin). */
  crossesJoin(tail: string, head: string): boolean;
}

export function scanMemo(compiled: CompiledRules, analyzer: Analyzer, limit = SCAN_MEMO_LIMIT): ScanMemo {
  const scans = recent<Scanned>(limit);
  const joins = recent<boolean>(limit);
  return {
    scan: (text) =>
      scans(text, () => {
        const a = analyzer.analyze(text);
        return { a, ...scanSegment(compiled, a) };
      }),
    crossesJoin: (tail, head) =>
      joins(`${tail}\u0000${head}`, () => wordCrossesJoin(compiled, analyzer.normalizeTerm(tail), analyzer.normalizeTerm(head))),
  };
}
