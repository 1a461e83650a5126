/**
 * A stream repeats itself: the same catchphrase, price call or disclosure comes back many times in
 * three hours, and subtitles repeat a line over several cues. A text's analysis and its matcher hits
 * are a pure function of the text (and the rules), so a text said again is not analysed and scanned
 * again: of the last `limit` distinct texts, those said twice or more keep their result. Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import type { NormalizedText } from '../text/normalize.js';
import type { CompiledRules } from './compile.js';
import type { Lattice } from './lattice.js';
import { answeredYes } from './answered.js';
import { cueNear, scanSegment, type Hit } from './match.js';
import type { ContextRespected, ProhibitRule } from './model.js';
import { anySaidIn } from './nearby.js';

/**
 * Whether a word of the lexicon, or the stem of one, runs across the join of two normalised pieces
 * of text (国家 | 级): only then is the join worth analysing as one text. A cheap character scan.
 */
export function wordCrossesJoin(compiled: CompiledRules, left: string, right: string): boolean {
  // Only the characters a word can reach from the join: the longest word less one, either side.
  const reach = Math.max(compiled.lexicon.surface.maxLength - 1, 0);
  const l = left.slice(Math.max(left.length - reach, 0));
  return compiled.lexicon.surface.crossesCodes(l + right.slice(0, reach), l.length);
}

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

/** The cue groups of a ruleset that may clear a prohibited word's hit, in the order they are asked. */
export type ExcusingCues = 'unless' | 'negation' | 'quotation';

/**
 * Whether the hit's matcher's `onlyWith` is met in its own text (or it has none), cannot be, or may still be by talk
 * around it: its `nearby` groups' cues are not in the text, but may be said in the segments around it.
 */
export function onlyWithState(compiled: CompiledRules, L: Lattice, hit: Hit): 'met' | 'unmet' | 'elsewhere' {
  const m = compiled.matchers[hit.matcher];
  if (m?.onlyWith === undefined && m?.onlyWithNearby === undefined) return 'met';
  if (cueNear(L, hit.start, hit.end, m.onlyWith) || anySaidIn(L.a.norm.text, m.onlyWithNearby)) return 'met';
  return m.onlyWithNearby ? 'elsewhere' : 'unmet';
}

/** Whether a prohibit rule heeds the ruleset's `group` cues (its `respectContext`: true, false, or per group). */
export function respectsContext(rule: { respectContext?: boolean | ContextRespected }, group: keyof ContextRespected): boolean {
  const r = rule.respectContext;
  return r === undefined || r === true || (r !== false && r[group] !== false);
}

/** The hit's matcher when it finds a prohibited word (a prohibit rule's `match`), the hits context may clear. */
function claimMatcher(compiled: CompiledRules, hit: Hit): CompiledRules['matchers'][number] | undefined {
  const m = compiled.matchers[hit.matcher];
  return m && m.role === 'match' && compiled.rules[m.rule]?.kind === 'prohibit' ? m : undefined;
}

/**
 * Which cues clear this hit of a prohibited word: its rule's own `unless` cues, else a negation, else a quotation;
 * undefined when none does (or the hit is not a prohibited word's). A question answered yes (能瘦吗？能！) is a claim:
 * its own marks of asking excuse nothing, and only the rule's own cues may clear it.
 */
export function excusingCues(compiled: CompiledRules, L: Lattice, hit: Hit): ExcusingCues | undefined {
  const m = claimMatcher(compiled, hit);
  if (!m) return undefined;
  // A claim matcher's rule is a prohibit rule (claimMatcher).
  const rule = compiled.rules[m.rule] as ProhibitRule;
  // The matcher's own conditions: a hit its onlyWith context does not reach counts as excused by the rule itself.
  if (onlyWithState(compiled, L, hit) === 'unmet') return 'unless';
  const yes = answeredYes(L.a.norm.text, hit.start, hit.end);
  if (cueNear(L, hit.start, hit.end, compiled.unless[m.rule], yes) || cueNear(L, hit.start, hit.end, m.unless, yes)) return 'unless';
  if (anySaidIn(L.a.norm.text, m.unlessNearby)) return 'unless';
  if (yes) return undefined;
  if (respectsContext(rule, 'negation') && cueNear(L, hit.start, hit.end, compiled.negation)) return 'negation';
  return respectsContext(rule, 'quotation') && cueNear(L, hit.start, hit.end, compiled.quotation) ? 'quotation' : undefined;
}

/**
 * Whether the hit's matcher does not apply here at all (its `onlyWith` unmet in the text): asked before two hits of one
 * rule are merged, so that such a hit does not hide another matcher's (全网竞拍多卖三成: an auction matcher whose onlyWith
 * was unmet spanned the words a shorter one found). Cues that excuse a hit (a matcher's own `unless` too) excuse the
 * words, so they are asked after the merge, and clear the shorter hit with the longer.
 */
function notApplying(compiled: CompiledRules, L: Lattice, hit: Hit): boolean {
  return claimMatcher(compiled, hit) !== undefined && onlyWithState(compiled, L, hit) === 'unmet';
}

/** Whether a prohibited word's own `unless` cues, or a negation or quotation, clear this hit. */
export function clearedByContext(compiled: CompiledRules, L: Lattice, hit: Hit): boolean {
  return excusingCues(compiled, L, hit) !== undefined;
}

const SEEN_ONCE: unique symbol = Symbol('seen once');

/**
 * A map over the `limit` most recently used keys that keeps a value from the key's second use on:
 * a key seen once is only remembered. Lines that never come back then cost nothing to keep (kept
 * values live long enough to be promoted and collected as old objects: keeping every line's result
 * cost ~10 % more CPU and ~30 MiB on 10,000 distinct lines).
 */
function recent<V>(limit: number): (key: string, make: () => V) => V {
  // One lookup per call: a key seen once maps to SEEN_ONCE (not to undefined, which needed has + get).
  const memo = new Map<string, V | typeof SEEN_ONCE>();
  return (key, make) => {
    const kept = memo.get(key);
    if (kept !== undefined) {
      const v = kept === SEEN_ONCE ? make() : kept;
      memo.delete(key);
      memo.set(key, v);
      return v;
    }
    memo.set(key, SEEN_ONCE);
    if (memo.size > limit) memo.delete(memo.keys().next().value as string);
    return make();
  };
}

export interface ScanMemo {
  /** The text analysed and its hits, computed once per distinct text. */
  scan(text: string): Scanned;
  /** Whether a word of the lexicon runs across the join of `tail` and `head` (see wordCrossesJoin). */
  crossesJoin(tail: string, head: string): boolean;
}

/**
 * A kept hit as the checker gets it: marked when talk around it decides (its onlyWith can only be met there; its
 * matcher's unless has nearby groups), unchanged otherwise.
 */
export function markedForChecker(compiled: CompiledRules, L: Lattice, hit: Hit): Hit {
  const m = compiled.matchers[hit.matcher];
  // Only a matcher with nearby onlyWith groups can be met elsewhere: the others' onlyWith was asked when the hit was kept.
  const elsewhere = m?.onlyWithNearby !== undefined && onlyWithState(compiled, L, hit) === 'elsewhere';
  const unlessAround = m?.unlessNearby !== undefined;
  if (!elsewhere && !unlessAround) return hit;
  return { ...hit, ...(elsewhere && { nearby: true as const }), ...(unlessAround && { nearbyUnless: true as const }) };
}

export function scanMemo(compiled: CompiledRules, analyzer: Analyzer, limit = SCAN_MEMO_LIMIT): ScanMemo {
  const scans = recent<Scanned>(limit);
  const joins = recent<boolean>(limit);
  return {
    scan: (text) =>
      scans(text, () => {
        const a = analyzer.analyze(text);
        const { hits, lattice } = scanSegment(compiled, a, (h, L) => !notApplying(compiled, L, h));
        const kept = hits.filter((h) => !clearedByContext(compiled, lattice, h));
        return { norm: a.norm, hits: kept.map((h) => markedForChecker(compiled, lattice, h)) };
      }),
    crossesJoin: (tail, head) =>
      joins(`${tail}\u0000${head}`, () => wordCrossesJoin(compiled, analyzer.normalizeTerm(tail), analyzer.normalizeTerm(head))),
  };
}
