/**
 * Find every matcher's hits in one analysed segment, in one pass: both automata run once over the
 * segment, then each structured matcher is tried only where a word it can start with was found
 * (or at a number, for those that start with one). Pure.
 */
import type { AnalyzedText } from '../text/analyze.js';
import { findNumbers } from '../text/numbers.js';
import type { CompiledCues, CompiledRules, Lexicon, Step } from './compile.js';

export interface Hit {
  matcher: number;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

/** Where the words of the lexicon occur in one segment. */
export interface Lattice {
  a: AnalyzedText;
  /**
   * The words found on token boundaries, one entry per literal found (not per atom it belongs to:
   * a particle such as 이 or の belongs to hundreds of word lists): its literal, and its start and
   * end tokens (end exclusive). `headAt[t]` / `nextAt[i]` chain the entries starting at token t,
   * `headEnd[t]` / `nextEnd[i]` those ending at t; -1 ends a chain.
   */
  lit: number[];
  from: number[];
  to: number[];
  headAt: Int32Array;
  nextAt: number[];
  headEnd: Int32Array;
  nextEnd: number[];
  /** Words found by their characters (for context cues and number units): literal, span, and whether found as written. */
  charLit: number[];
  charStart: number[];
  charEnd: number[];
  charAsWritten: boolean[];
  /** Per atom asked for: the character spans of its words, filtered from the above on first use. */
  charsMemo: Map<number, { start: number; end: number }[]>;
  /** Numbers by the token they start at: their end in characters. */
  numbers: Map<number, number>;
  /** Character offset → index of the token starting / ending there (exclusive end index), or -1: read with `indexAt`. */
  tokenStartingAt: Int32Array;
  tokenEndingAt: Int32Array;
  lexicon: Lexicon;
  uses: AtomUses;
}

/** The entry of an offset table (tokenStartingAt, tokenEndingAt), or undefined for none. */
function indexAt(table: Int32Array, offset: number): number | undefined {
  const v = table[offset];
  return v === undefined || v < 0 ? undefined : v;
}

/** Which atoms a scan must record character spans for, and token ends for (per atom, 1 or 0). */
interface AtomUses {
  chars: Uint8Array;
  /** Per literal, filled on first sight: 1 when an atom of it needs character spans, 2 when none does. */
  literalChars: Uint8Array;
  /** Per literal, filled on first sight: the structured matchers that can start with it. */
  literalStarts: (readonly number[] | undefined)[];
}
const atomUsesOf = new WeakMap<CompiledRules, AtomUses>();

/** Character spans are read only for context cues and number units. */
function atomUses(compiled: CompiledRules): AtomUses {
  let u = atomUsesOf.get(compiled);
  if (u) return u;
  const n = compiled.lexicon.atomCount;
  u = { chars: new Uint8Array(n), literalChars: new Uint8Array(compiled.lexicon.literalAtoms.length), literalStarts: [] };
  compiled.lexicon.atomLoose.forEach((loose, atom) => {
    if (loose) u!.chars[atom] = 1;
  });
  for (const m of compiled.matchers) {
    for (const step of m.steps ?? []) if (step.kind === 'number' && step.units !== undefined) u.chars[step.units] = 1;
  }
  const cueGroups = [...compiled.unless.flatMap((g) => g ?? []), ...(compiled.negation ?? []), ...(compiled.quotation ?? [])];
  for (const g of cueGroups) for (const atom of [g.before, g.after, g.around]) u.chars[atom] = 1;
  atomUsesOf.set(compiled, u);
  return u;
}

/** Whether literal `lit` is a word of atom `atom` (a literal's atoms are listed in ascending order). */
function inAtom(lexicon: Lexicon, atom: number, lit: number): boolean {
  const atoms = lexicon.literalAtoms[lit];
  if (!atoms) return false;
  let lo = 0;
  let hi = atoms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = atoms[mid] as number;
    if (v === atom) return true;
    if (v < atom) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function needsChars(compiled: CompiledRules, u: AtomUses, lit: number): boolean {
  let v = u.literalChars[lit];
  if (!v) u.literalChars[lit] = v = (compiled.lexicon.literalAtoms[lit] ?? []).some((atom) => u.chars[atom] === 1) ? 1 : 2;
  return v === 1;
}

/** The structured matchers that can start with literal `lit` (through any of its token-bound atoms). */
function startsOf(compiled: CompiledRules, u: AtomUses, lit: number): readonly number[] {
  let ms = u.literalStarts[lit];
  if (!ms) {
    const set = new Set<number>();
    for (const atom of compiled.lexicon.literalAtoms[lit] ?? []) {
      if (compiled.lexicon.atomLoose[atom]) continue;
      for (const mi of compiled.startsWith[atom] ?? []) set.add(mi);
    }
    u.literalStarts[lit] = ms = [...set];
  }
  return ms;
}

export function buildLattice(compiled: CompiledRules, a: AnalyzedText): Lattice {
  const { lexicon } = compiled;
  const uses = atomUses(compiled);
  const text = a.norm.text;
  const n = a.tokens.length;
  const tokenStartingAt = new Int32Array(text.length + 1).fill(-1);
  const tokenEndingAt = new Int32Array(text.length + 1).fill(-1);
  a.tokens.forEach((t, i) => {
    tokenStartingAt[t.start] = i;
    tokenEndingAt[t.end] = i + 1;
  });
  const L: Lattice = {
    a, lit: [], from: [], to: [], headAt: new Int32Array(n + 1).fill(-1), nextAt: [], headEnd: new Int32Array(n + 1).fill(-1), nextEnd: [],
    charLit: [], charStart: [], charEnd: [], charAsWritten: [], charsMemo: new Map(), numbers: new Map(), tokenStartingAt, tokenEndingAt, lexicon, uses,
  };
  const onToken = (lit: number, s: number, e: number) => {
    const i = L.lit.length;
    L.lit.push(lit);
    L.from.push(s);
    L.to.push(e);
    L.nextAt.push(L.headAt[s] as number);
    L.headAt[s] = i;
    L.nextEnd.push(L.headEnd[e] as number);
    L.headEnd[e] = i;
  };
  const onChars = (lit: number, start: number, end: number, asWritten: boolean) => {
    L.charLit.push(lit);
    L.charStart.push(start);
    L.charEnd.push(end);
    L.charAsWritten.push(asWritten);
  };
  for (const h of lexicon.surface.searchCodes(text)) {
    const s = indexAt(tokenStartingAt, h.start);
    const e = indexAt(tokenEndingAt, h.end);
    if (h.value < 0) {
      // The first words of a literal, as written; its last word in any form.
      const stem = lexicon.stems[-h.value - 1];
      const next = e === undefined ? undefined : a.tokens[e];
      if (!stem || s === undefined || e === undefined || !next || next.base !== stem.lastBase) continue;
      onChars(stem.literal, h.start, next.end, false);
      onToken(stem.literal, s, e + 1);
      continue;
    }
    if (needsChars(compiled, uses, h.value)) onChars(h.value, h.start, h.end, true);
    // Linguistic, not substring: a word must start and end on token boundaries (最 is not in 最近).
    if (s !== undefined && e !== undefined) onToken(h.value, s, e);
  }
  if (n > 0) {
    for (const h of lexicon.lemma.search(a.tokens.map((t) => t.base))) {
      const first = a.tokens[h.start];
      const last = a.tokens[h.end - 1];
      if (!first || !last) continue;
      onChars(h.value, first.start, last.end, false);
      onToken(h.value, h.start, h.end);
    }
  }
  if (compiled.usesNumbers) {
    for (const num of findNumbers(text, compiled.language)) {
      const t = indexAt(tokenStartingAt, num.start);
      if (t !== undefined) L.numbers.set(t, num.end);
    }
  }
  return L;
}

/**
 * The character spans of an atom's words: those found as written when the atom needs spans (a
 * cue or a unit), and those found by their stem or base form when the atom is loose (a cue).
 */
function charsOf(L: Lattice, atom: number): { start: number; end: number }[] {
  let spans = L.charsMemo.get(atom);
  if (spans) return spans;
  spans = [];
  const wanted = L.uses.chars[atom] === 1;
  const loose = L.lexicon.atomLoose[atom] === true;
  if (wanted || loose) {
    for (let i = 0; i < L.charLit.length; i++) {
      if (!(L.charAsWritten[i] ? wanted : loose)) continue;
      if (inAtom(L.lexicon, atom, L.charLit[i] as number)) spans.push({ start: L.charStart[i] as number, end: L.charEnd[i] as number });
    }
  }
  L.charsMemo.set(atom, spans);
  return spans;
}

/** Whether a word of token-bound atom `atom` starts at token `p` (`at`) or ends there (`end`). */
function atomAt(L: Lattice, atom: number, p: number, side: 'at' | 'end'): boolean {
  if (L.lexicon.atomLoose[atom]) return false;
  const next = side === 'at' ? L.nextAt : L.nextEnd;
  for (let i = (side === 'at' ? L.headAt : L.headEnd)[p] ?? -1; i >= 0; i = next[i] as number) if (inAtom(L.lexicon, atom, L.lit[i] as number)) return true;
  return false;
}

const CLAUSE_STOP = /[。!?！？\n、,，;；:：…]/u;
const SENTENCE_STOP = /[。!?！？\n]/u;

/** Token index (exclusive end) of the token that contains character `offset - 1`: a span rounded out to a token end. */
function tokenEndCovering(L: Lattice, offset: number): number | undefined {
  const exact = indexAt(L.tokenEndingAt, offset);
  if (exact !== undefined) return exact;
  const i = L.a.tokens.findIndex((t) => t.start < offset && offset <= t.end);
  return i < 0 ? undefined : i + 1;
}

/** Where a number step starting at token `pos` can end (exclusive token index). */
function numberEnds(L: Lattice, step: Extract<Step, { kind: 'number' }>, pos: number): number[] {
  const end = L.numbers.get(pos);
  if (end === undefined) return [];
  if (step.units === undefined) {
    const t = tokenEndCovering(L, end);
    return t === undefined ? [] : [t];
  }
  const text = L.a.norm.text;
  const from = text[end] === ' ' ? end + 1 : end;
  const out: number[] = [];
  for (const u of charsOf(L, step.units)) {
    if (u.start !== from && u.start !== end) continue;
    const t = indexAt(L.tokenEndingAt, u.end);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The furthest end (exclusive token index) a matcher's steps reach from token `pos`, or -1. */
function longestFrom(L: Lattice, steps: readonly Step[], pos: number): number {
  const tokens = L.a.tokens;
  const seen = new Set<number>();
  let best = -1;
  const stride = tokens.length + 1;
  // Depth-first over (step, position); `last` is where the last consumed element ended.
  const visit = (si: number, p: number, last: number): void => {
    if (si === steps.length) {
      if (last > best) best = last;
      return;
    }
    const key = (si * stride + p) * stride + last;
    if (seen.has(key)) return;
    seen.add(key);
    const step = steps[si] as Step;
    switch (step.kind) {
      case 'atom': {
        if (!L.lexicon.atomLoose[step.atom]) {
          for (let i = L.headAt[p] ?? -1; i >= 0; i = L.nextAt[i] as number) {
            if (inAtom(L.lexicon, step.atom, L.lit[i] as number)) visit(si + 1, L.to[i] as number, L.to[i] as number);
          }
        }
        if (step.optional) visit(si + 1, p, last);
        return;
      }
      case 'pos': {
        const t = tokens[p];
        if (t && step.tags.some((tag) => t.pos.startsWith(tag))) visit(si + 1, p + 1, p + 1);
        if (step.optional) visit(si + 1, p, last);
        return;
      }
      case 'number': {
        for (const e of numberEnds(L, step, p)) visit(si + 1, e, e);
        if (step.optional) visit(si + 1, p, last);
        return;
      }
      case 'gap': {
        const stop = step.scope === 'sentence' ? SENTENCE_STOP : CLAUSE_STOP;
        for (let k = 0; k <= step.max && p + k <= tokens.length; k++) {
          if (k > 0 && stop.test((tokens[p + k - 1] as { surface: string }).surface)) break;
          visit(si + 1, p + k, last);
        }
        return;
      }
      case 'not':
        if (!atomAt(L, step.atom, p, 'at')) visit(si + 1, p, last);
        return;
      case 'notAfter':
        if (!atomAt(L, step.atom, p, 'end')) visit(si + 1, p, last);
        return;
    }
  };
  visit(0, pos, -1);
  return best;
}

/**
 * Whether a word of the lexicon, or the stem of one, runs across the join of two normalised pieces
 * of text (国家 | 级): only then is the join worth analysing as one text. A cheap character scan.
 */
export function wordCrossesJoin(compiled: CompiledRules, left: string, right: string): boolean {
  // Only the characters a word can reach from the join: the longest word less one, either side.
  const reach = Math.max(compiled.lexicon.surface.maxLength - 1, 0);
  const l = left.slice(Math.max(left.length - reach, 0));
  for (const h of compiled.lexicon.surface.searchCodes(l + right.slice(0, reach))) if (h.start < l.length && h.end > l.length) return true;
  return false;
}

/** Every matcher's hits in one segment, and the lattice the context cues are checked on. */
export function scanSegment(compiled: CompiledRules, a: AnalyzedText): { hits: Hit[]; lattice: Lattice } {
  const L = buildLattice(compiled, a);
  const hits: Hit[] = [];
  const tried = new Set<number>();
  const stride = a.tokens.length + 1;
  const tryAt = (mi: number, pos: number) => {
    const key = mi * stride + pos;
    if (tried.has(key)) return;
    tried.add(key);
    const steps = compiled.matchers[mi]?.steps;
    if (!steps) return;
    const end = longestFrom(L, steps, pos);
    const first = a.tokens[pos];
    const last = a.tokens[end - 1];
    if (end > pos && first && last) hits.push({ matcher: mi, start: first.start, end: last.end });
  };
  for (let i = 0; i < L.lit.length; i++) {
    const pos = L.from[i] as number;
    for (const mi of startsOf(compiled, L.uses, L.lit[i] as number)) tryAt(mi, pos);
  }
  for (const pos of L.numbers.keys()) for (const mi of compiled.startsWithNumber) tryAt(mi, pos);
  for (const mi of compiled.startsAnywhere) for (let pos = 0; pos < a.tokens.length; pos++) tryAt(mi, pos);
  const text = a.norm.text;
  for (const i of compiled.withRegex) {
    const re = compiled.matchers[i]?.regex;
    if (!re) continue;
    for (const x of re.spans(text)) hits.push({ matcher: i, ...x });
  }
  return { hits: dedupe(compiled, hits), lattice: L };
}

export function findHits(compiled: CompiledRules, a: AnalyzedText): Hit[] {
  return scanSegment(compiled, a).hits;
}

/**
 * Per rule and role, overlapping hits collapse into the longest (then earliest): two matchers of
 * one rule finding the same words are one finding.
 */
function dedupe(compiled: CompiledRules, hits: Hit[]): Hit[] {
  const ROLE = { match: 0, trigger: 1, when: 2 } as const;
  const group = (h: Hit) => {
    const m = compiled.matchers[h.matcher];
    return m ? m.rule * 3 + ROLE[m.role] : -1;
  };
  hits.sort((a, b) => group(a) - group(b) || a.start - b.start || b.end - b.start - (a.end - a.start) || a.matcher - b.matcher);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && group(prev) === group(h) && h.start < prev.end) {
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

/**
 * Whether one of the cues of one group appears within its window (or scope) before/after/around
 * [start, end). Cues are words matched by surface (anywhere, even inside a longer word) or by base
 * form, so a cue written 言う also finds 言えない and 言いません.
 */
function groupNear(L: Lattice, start: number, end: number, cues: CompiledCues): boolean {
  const reach = cues.scope ? scopeReach(L.a.norm.text, start, end, cues.scope) : { back: cues.window, ahead: cues.window };
  const before = (c: { start: number; end: number }) => c.end <= start && (cues.scope ? start - c.start <= reach.back : start - c.end <= reach.back);
  const after = (c: { start: number; end: number }) => c.start >= end && (cues.scope ? c.end - end <= reach.ahead : c.start - end <= reach.ahead);
  const text = L.a.norm.text;
  const found = (atom: number, near: (c: { start: number; end: number }) => boolean) => charsOf(L, atom).some((c) => near(c) && !insideAnotA(text, c.start) && !denialAffirms(text, c.start));
  return found(cues.before, before) || found(cues.after, after) || found(cues.around, (c) => before(c) || after(c));
}

/**
 * Whether a cue starting at `at` begins with the 不/没 of a Chinese A-not-A question (是不是, 有没有,
 * 能不能): the same character on both sides. Such a question asks, it does not deny, so its 不是 or
 * 没有 is no negation cue: 你看是不是白了一个度 is a claim.
 */
export function insideAnotA(text: string, at: number): boolean {
  const c = text[at];
  return (c === '不' || c === '没') && at > 0 && text[at - 1] === text[at + 1];
}

/** Words whose denial affirms: 嘘じゃない, 夢じゃない, 大げさではない; 거짓말 아니에요, 과장이 아니라. */
const AFFIRMED_BY_DENIAL = ['嘘', 'うそ', 'ウソ', '夢', '冗談', '大げさ', '大袈裟', 'おおげさ', '誇張', '言い過ぎ', '気のせい', 'まぐれ', '거짓말', '거짓말이', '과장', '과장이', '농담', '농담이', '허풍', '뻥', '뻥이'];
/** What a Chinese 不是/没 denies when the denial affirms: 不是吹的, 不是盖的, 没骗你, 不是开玩笑. */
const DENIED_TO_AFFIRM = ['吹', '盖', '骗', '开玩笑', '夸张', '瞎说', '乱说'];

/**
 * Whether a cue starting at `at` is a denial that affirms what was said: "it is no lie" (嘘じゃない,
 * 거짓말 아니에요), "it is no dream" (夢じゃない), "I'm not bragging" (不是吹的, 没骗你). Such a denial
 * stresses the claim, so it is no negation cue: シミが消えるのは嘘じゃないです is a claim.
 */
export function denialAffirms(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at).trimEnd();
  if (AFFIRMED_BY_DENIAL.some((w) => before.endsWith(w))) return true;
  const c = text[at];
  if (c !== '不' && c !== '没') return false;
  const rest = text.slice(at + (text.startsWith('不是', at) ? 2 : 1));
  return DENIED_TO_AFFIRM.some((w) => rest.startsWith(w) || rest.startsWith(`在${w}`));
}

/** Whether any cue group finds one of its cues around [start, end). */
export function cueNear(L: Lattice, start: number, end: number, groups: readonly CompiledCues[] | undefined): boolean {
  return groups?.some((g) => groupNear(L, start, end, g)) ?? false;
}
