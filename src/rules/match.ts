/**
 * Find every matcher's hits in one analysed segment. Pure.
 */
import type { AnalyzedText } from '../text/analyze.js';
import type { CompiledCues, CompiledRules } from './compile.js';

export interface Hit {
  matcher: number;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

export function findHits(compiled: CompiledRules, a: AnalyzedText): Hit[] {
  const text = a.norm.text;
  const hits: Hit[] = [];
  for (const h of compiled.surface.search(text.split(''))) {
    // Linguistic, not substring: a term must start and end on word boundaries (最 is not in 最近).
    if (a.boundaries.has(h.start) && a.boundaries.has(h.end)) hits.push({ matcher: h.value, start: h.start, end: h.end });
  }
  if (compiled.lemma.size > 1 && a.tokens.length > 0) {
    for (const h of compiled.lemma.search(a.tokens.map((t) => t.base))) {
      const first = a.tokens[h.start];
      const last = a.tokens[h.end - 1];
      if (first && last) hits.push({ matcher: h.value, start: first.start, end: last.end });
    }
  }
  for (const i of compiled.withPatterns) {
    for (const re of compiled.matchers[i]?.patterns ?? []) {
      re.lastIndex = 0;
      for (let x = re.exec(text); x !== null; x = re.exec(text)) {
        if (x[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        hits.push({ matcher: i, start: x.index, end: x.index + x[0].length });
      }
    }
  }
  return dedupe(hits);
}

/** Per matcher, overlapping hits collapse into the longest (then earliest). */
function dedupe(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.matcher - b.matcher || a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.matcher === h.matcher && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** The furthest a `scope` reaches, in characters either side. */
export const MAX_SCOPE = 120;

const SENTENCE_END = /[。!?！？\n]/;
const CLAUSE_END = /[。!?！？\n、,，;；]/;

/** Characters from `start` back to the start of its sentence/clause, and from `end` on to its end. */
function scopeReach(text: string, start: number, end: number, scope: 'clause' | 'sentence'): { back: number; ahead: number } {
  const stop = scope === 'sentence' ? SENTENCE_END : CLAUSE_END;
  let b = start;
  while (b > 0 && start - b < MAX_SCOPE && !stop.test(text[b - 1] as string)) b--;
  let a = end;
  while (a < text.length && a - end < MAX_SCOPE && !stop.test(text[a] as string)) a++;
  return { back: start - b, ahead: a - end };
}

/** Whether one of the cues of one group appears within its window (or scope) before/after/around [start, end). */
function groupNear(text: string, start: number, end: number, cues: CompiledCues): boolean {
  const reach = cues.scope ? scopeReach(text, start, end, cues.scope) : { back: cues.window, ahead: cues.window };
  const before = text.slice(Math.max(0, start - reach.back - maxLen(cues.before, cues.around)), start);
  const after = text.slice(end, end + reach.ahead + maxLen(cues.after, cues.around));
  // With a scope, a cue must lie wholly inside the sentence/clause.
  const inBefore = (c: string) => {
    const i = before.lastIndexOf(c);
    return i >= 0 && (cues.scope ? before.length - i <= reach.back : before.length - (i + c.length) <= reach.back);
  };
  const inAfter = (c: string) => {
    const i = after.indexOf(c);
    return i >= 0 && (cues.scope ? i + c.length <= reach.ahead : i <= reach.ahead);
  };
  return cues.before.some(inBefore) || cues.after.some(inAfter) || cues.around.some((c) => inBefore(c) || inAfter(c));
}

/** Whether any cue group finds one of its cues around [start, end). */
export function cueNear(text: string, start: number, end: number, groups: readonly CompiledCues[] | undefined): boolean {
  return groups?.some((g) => groupNear(text, start, end, g)) ?? false;
}

function maxLen(...lists: string[][]): number {
  let m = 0;
  for (const l of lists) for (const s of l) m = Math.max(m, s.length);
  return m;
}
