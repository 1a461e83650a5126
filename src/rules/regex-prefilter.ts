/**
 * The regex matchers' word checks, run as one: a pattern whose every match holds one of a few
 * words (regex.ts requiredWords) is tried only on a segment that holds one. Checked pattern by
 * pattern, that was one pass over the segment (or a few substring searches) per pattern; here the
 * words of all patterns are one automaton, run once per segment. The hits are the same. Pure, but
 * for the automaton and scratch arrays kept per compiled ruleset.
 */
import { Automaton, codeUnits, HitBuffer } from './automaton.js';
import type { CompiledRules } from './compile.js';
import type { Hit } from './match.js';

interface Prefilter {
  /** The words of the patterns that have some; a word's value is the index of its matcher in `withRegex`. */
  words: Automaton<number> | undefined;
  /** Per entry of `withRegex`: 1 when its pattern has words to check. */
  checked: Uint8Array;
  /** Per entry of `withRegex`: 1 when the segment being scanned holds one of its words (scratch). */
  holds: Uint8Array;
}

const prefilterOf = new WeakMap<CompiledRules, Prefilter>();
const hitBuffer = new HitBuffer();

function prefilter(compiled: CompiledRules): Prefilter {
  let p = prefilterOf.get(compiled);
  if (p) return p;
  const n = compiled.withRegex.length;
  const keys: { key: number[]; value: number }[] = [];
  const checked = new Uint8Array(n);
  compiled.withRegex.forEach((mi, k) => {
    const words = compiled.matchers[mi]?.regex?.words;
    if (!words) return;
    checked[k] = 1;
    for (const w of words) keys.push({ key: codeUnits(w), value: k });
  });
  p = { words: keys.length ? new Automaton<number>(keys) : undefined, checked, holds: new Uint8Array(n) };
  prefilterOf.set(compiled, p);
  return p;
}

/** Every regex matcher's hits in `text` (the normalised text of one segment), in the order of `withRegex`, pushed onto `hits`. */
export function pushRegexHits(compiled: CompiledRules, text: string, hits: Hit[]): void {
  if (compiled.withRegex.length === 0) return;
  const p = prefilter(compiled);
  p.holds.fill(0);
  if (p.words) {
    const found = p.words.searchCodesInto(text, hitBuffer);
    for (let k = 0; k < found; k++) p.holds[hitBuffer.value[k] as number] = 1;
  }
  compiled.withRegex.forEach((mi, k) => {
    const re = compiled.matchers[mi]?.regex;
    if (!re || (p.checked[k] === 1 && p.holds[k] !== 1)) return;
    const spans = p.checked[k] === 1 ? re.spansHoldingWord(text) : re.spans(text);
    for (const x of spans) hits.push({ matcher: mi, ...x });
  });
}
