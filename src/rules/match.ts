/**
 * Find every matcher's hits in one analysed segment, in one pass: both automata run once over the
 * segment, then each structured matcher is tried only where a word it can start with was found
 * (or at a number, for those that start with one). Pure.
 */
import type { AnalyzedText } from '../text/analyze.js';
import type { Token } from '../text/tokenizer.js';
import { spacedLength } from '../text/spaceless.js';
import type { CompiledCues, CompiledRules, Step } from './compile.js';
import type { Scope } from './model.js';
import { answeredYes, asks } from './answered.js';
import { feasibleIn } from './feasible.js';
import { atomAt, buildLattice, charsOf, inAtom, indexAt, startsOf, type CharSpan, type Lattice } from './lattice.js';
import { askedAfterDenial, cannotBoasts, denialAffirms, denialAsks, insideAnotA, insideQuotes, partlyQuoted } from './cue-text.js';
import { anchorHolds } from './caption-edges.js';
import { breathComma, skipsParticle, skipsPause } from './pauses.js';
import { gapEnds } from './gap-ends.js';
import { numberEnds, numberValue, ratioHolds } from './number-steps.js';
import { deniesModifiedNoun, deniesOtherNoun } from './ko-denial-scope.js';
import { pushRegexHits } from './regex-prefilter.js';
import { isTagged } from './tagged-words.js';
import { stemOfInflected } from './stem-cue.js';
import { closingMark, scopeReach, SENTENCE_WINDOW, stopIn, stopTable, windowReach } from './stops.js';

export interface Hit {
  matcher: number;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** Its matcher's `onlyWith` can only be met by talk around it (a `nearby` group): the checker looks there (rules/nearby.ts). */
  nearby?: true;
  /** Its matcher's `unless` has `nearby` groups: the checker clears it when their talk is around it (rules/nearby.ts). */
  nearbyUnless?: true;
}


/**
 * Whether the atom's words found at token `p` (starting there, or ending there for `end`) are all
 * marks of asking (吗, 能不能, 有人问): a `not` or `notAfter` step written to skip questions, which
 * should not skip one the host answers yes (能瘦吗？能！).
 */
function onlyAsks(L: Lattice, atom: number, p: number, side: 'at' | 'end'): boolean {
  const tokens = L.a.tokens;
  const next = side === 'at' ? L.nextAt : L.nextEnd;
  let any = false;
  for (let i = (side === 'at' ? L.headAt : L.headEnd)[p] ?? -1; i >= 0; i = next[i] as number) {
    if (!inAtom(L.lexicon, atom, L.lit[i] as number)) continue;
    const from = tokens[L.from[i] as number];
    const to = tokens[(L.to[i] as number) - 1];
    if (!from || !to || !asks(L.a.norm.text.slice(from.start, to.end))) return false;
    any = true;
  }
  return any;
}

/** Whether the excluded word at `p` only asks, and the question around [start, end) is answered yes. */
function askedAndAnswered(L: Lattice, atom: number, p: number, side: 'at' | 'end', start: number, end: number): boolean {
  return onlyAsks(L, atom, p, side) && answeredYes(L.a.norm.text, start, end);
}

/**
 * Whether a `not` (side 'at': the words from `p` on) or `notAfter` (side 'end': the words ending at `p`) step lets the
 * match go on: the excluded word is not there, or it only asks a question the host answers yes. What follows a breath
 * (効果を、うたうのは) follows the words before it, as a word step reads it, so the step looks past that comma.
 */
function notHolds(L: Lattice, atom: number, p: number, side: 'at' | 'end', matchStart: number): boolean {
  const tokens = L.a.tokens;
  const past = side === 'at' ? p + 1 : p - 1;
  const q = !atomAt(L, atom, p, side) && breathComma(L, side === 'at' ? p : p - 1) ? past : p;
  const at = tokens[q]?.start ?? L.a.norm.text.length;
  return !atomAt(L, atom, q, side) || askedAndAnswered(L, atom, q, side, side === 'at' ? (tokens[matchStart]?.start ?? at) : at, at);
}

/** The furthest end (exclusive token index) a matcher's steps reach from token `pos`, or -1. */
function longestFrom(L: Lattice, steps: readonly Step[], pos: number): number {
  const tokens = L.a.tokens;
  const seen = new Set<number>();
  let best = -1;
  const stride = tokens.length + 1;
  // A number step with a `ratio` reads the number an earlier number step of the path took: only then is it tracked.
  const tracks = steps.some((st) => st.kind === 'number' && st.ratio !== undefined);
  // Depth-first over (step, position); `last` is where the last consumed element ended, `prev` where the path's last
  // number began (-1: none, or not tracked).
  const visit = (si: number, p: number, last: number, prev: number): void => {
    if (si === steps.length) {
      if (last > best) best = last;
      return;
    }
    const key = ((si * stride + p) * stride + last) * stride + prev + 1;
    if (seen.has(key)) return;
    seen.add(key);
    const step = steps[si] as Step;
    switch (step.kind) {
      case 'atom': {
        let present = false;
        if (!L.lexicon.atomLoose[step.atom]) {
          for (let i = L.headAt[p] ?? -1; i >= 0; i = L.nextAt[i] as number) {
            if (!inAtom(L.lexicon, step.atom, L.lit[i] as number)) continue;
            present = true;
            const to = L.to[i] as number;
            visit(si + 1, to, to, prev);
            // Not to an optional step with a `not` ahead: left out, the not would read past the particle it refuses.
            const particle = skipsParticle(steps[si + 1], tokens[to]) && !notAhead(steps, si);
            if (particle || skipsPause(L, steps[si + 1], to)) visit(si + 1, to + 1, to, prev);
            // A particle, then a breath (혈압이, 조절돼요).
            if (particle && skipsPause(L, steps[si + 1], to + 1)) visit(si + 1, to + 2, to, prev);
          }
        }
        // An optional word that is there is not skipped when a `not` follows (after any further optional steps):
        // skipped, the `not` would read the optional word itself instead of what comes after it ([사업자 정보,
        // {words: [는], optional: true}, {not: [이따]}] must not match 사업자 정보는 이따 by leaving 는 out; nor
        // [유료 광고, {words: [표시], optional: true}, {words: [는], optional: true}, {not: [안]}] 유료광고 표시는 안
        // 했어요 by leaving out 표시 and then 는). So for every optional step kind.
        if (step.optional && !(present && notAhead(steps, si))) visit(si + 1, p, last, prev);
        return;
      }
      case 'pos': {
        const t = tokens[p];
        const present = t !== undefined && (step.words ? isTagged(t, step.words) : step.tags.some((tag) => t.pos.startsWith(tag)));
        if (present) {
          visit(si + 1, p + 1, p + 1, prev);
          if (skipsPause(L, steps[si + 1], p + 1)) visit(si + 1, p + 2, p + 1, prev);
        }
        if (step.optional && !(present && notAhead(steps, si))) visit(si + 1, p, last, prev);
        return;
      }
      case 'number': {
        const ratioMet = step.ratio === undefined || ratioHolds(step.ratio, numberValue(L, p), prev < 0 ? undefined : numberValue(L, prev));
        for (const e of ratioMet ? numberEnds(L, step, p, steps[si + 1]) : []) {
          visit(si + 1, e, e, tracks ? p : prev);
          if (skipsPause(L, steps[si + 1], e)) visit(si + 1, e + 1, e, tracks ? p : prev);
        }
        // A number that is there counts as there even when the `not` refuses the unit glued to it (两点).
        if (step.optional && !(notAhead(steps, si) && numberEnds(L, step, p, undefined).length > 0)) visit(si + 1, p, last, prev);
        return;
      }
      case 'gap': {
        for (const q of gapEnds(L, step, p)) visit(si + 1, q, last, prev);
        return;
      }
      case 'not':
      case 'notAfter':
        if (notHolds(L, step.atom, p, step.kind === 'not' ? 'at' : 'end', pos)) visit(si + 1, p, last, prev);
        return;
      case 'start':
      case 'end':
        if (anchorHolds(L.a.norm, tokens, step.kind, p, L.spaceEdges)) visit(si + 1, p, last, prev);
        return;
    }
  };
  visit(0, pos, -1, -1);
  return best;
}

/** Every matcher's hits in one segment, and the lattice cues are checked on; `keep` filters before one rule's merge. */
export function scanSegment(compiled: CompiledRules, a: AnalyzedText, keep?: (h: Hit, L: Lattice) => boolean): { hits: Hit[]; lattice: Lattice } {
  const L = buildLattice(compiled, a);
  const hits: Hit[] = [];
  const tried = new Set<number>();
  const stride = a.tokens.length + 1;
  const feasible = feasibleIn(compiled, L);
  const tryAt = (mi: number, pos: number) => {
    if (!feasible(mi)) return;
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
  pushRegexHits(compiled, a.norm.text, hits);
  return { hits: dedupe(compiled, keep ? hits.filter((h) => keep(h, L)) : hits), lattice: L };
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

const NO_SPANS: readonly CharSpan[] = []; // a group without `except` phrases
/** Chinese sentence-final particles: 吗 asks, 呢 asks or (mid-sentence) pauses on a topic, 吧 and 嘛 soften. */
const FINAL_PARTICLE = /^[吗嗎呢么麼嘛吧]$/u;

/**
 * Whether a cue before the match is a sentence-final particle on its own (吗, 呢): it closes the
 * question or topic it ends, so what follows is not asked — 你们知道吗，头发不再脱 and 这个呢，21天摘掉眼镜
 * are claims. After the match (能降血压吗) the particle still asks.
 */
function closesEarlierQuestion(text: string, c: { start: number; end: number }): boolean {
  return FINAL_PARTICLE.test(text.slice(c.start, c.end));
}

/**
 * How far apart [from, to) is for a cue's window: its characters, with the spaces a run written without them leaves
 * out (text/spaceless.ts), not counting fillers left out (不会 嗯 下播).
 */
const apart = (L: Lattice, from: number, to: number) => spacedLength(L.a.tokens, L.spaceless, from, to) - quietIn(L.a.quiet, from, to);

/** The characters of [from, to) inside the quiet ranges. */
function quietIn(quiet: readonly (readonly [number, number])[] | undefined, from: number, to: number): number {
  let n = 0;
  for (const [a, b] of quiet ?? []) if (b > from && a < to) n += Math.min(b, to) - Math.max(a, from);
  return n;
}

/** Whether a `not` step comes after step `si`, with only optional steps between (each of them may be left out). */
function notAhead(steps: readonly Step[], si: number): boolean {
  let j = si + 1;
  while (j < steps.length) {
    const s = steps[j] as Step;
    if (s.kind === 'not') return true;
    if (!('optional' in s) || !s.optional) return false;
    j++;
  }
  return false;
}

/** Whether a `notWith` word (plain or written with a part of speech) stands within `reach` of [start, end) or inside it. */
function goodsInReach(L: Lattice, start: number, end: number, cues: CompiledCues, reach: { back: number; ahead: number }, whole: (c: CharSpan) => boolean): boolean {
  const near = (c: { start: number; end: number }) => (c.end <= start ? start - c.start <= reach.back : c.start >= end ? c.end - end <= reach.ahead : true);
  if (cues.notWith !== undefined && charsOf(L, cues.notWith).some((c) => near(c) && whole(c))) return true;
  const tagged = cues.notWithTagged;
  return tagged !== undefined && L.a.tokens.some((t) => near(t) && isTagged(t, tagged));
}

/**
 * Whether a cue spanning words ends inside a particle it only began (ですか on ですから: か begins the particle から,
 * "because"). A cue cut inside another word is kept: the tokenizer's reading may be the one at fault (手洗|いとう).
 */
function cutInParticle(L: Lattice, c: { start: number; end: number }): boolean {
  if (L.a.boundaries.has(c.end)) return false;
  // The token the cue ends in starts at the nearest token start before its end, after the cue's own start.
  for (let p = c.end - 1; p > c.start; p--) {
    const i = indexAt(L.tokenStartingAt, p);
    if (i === undefined) continue;
    const t = L.a.tokens[i] as Token;
    return t.end > c.end && t.pos.startsWith('助詞');
  }
  return false;
}

/**
 * Whether one of the cues of one group appears within its window (or scope) before/after/around
 * [start, end), or inside it. Cues are words matched by surface (anywhere, even inside a longer word) or by base
 * form, so a cue written 言う also finds 言えない and 言いません.
 */
function groupNear(L: Lattice, start: number, end: number, cues: CompiledCues, answered: boolean): boolean {
  if (cues.quoted && !partlyQuoted(L.a.norm.text, start, end)) return false;
  // Most groups have none of their cue words in the segment at all: nothing to measure a reach for.
  if (charsOf(L, cues.before).length + charsOf(L, cues.after).length + charsOf(L, cues.around).length + charsOf(L, cues.inside).length === 0) return false;
  const reach = cues.scope
    ? scopeReach(L, start, end, cues.scope)
    : cues.window <= SENTENCE_WINDOW
      ? windowReach(L, start, end, cues.window)
      : { back: cues.window, ahead: cues.window };
  const bounds = L.a.boundaries;
  const loose = (c: CharSpan) => !cues.wholeWords && !(cues.wholeSingle && c.end - c.start === 1);
  // A notWith word counts on word boundaries as the cues do (a group's wholeWords: 止まる's kana form is not in まとまって);
  // a Japanese verb's one-kanji stem (飲) stands for the word in any form (飲んだ).
  const onBounds = (c: CharSpan) => loose(c) || (bounds.has(c.start) && bounds.has(c.end)) || stemOfInflected(L, c);
  // Goods said in reach (notWith): the words are about them after all, whatever the cues say.
  if (goodsInReach(L, start, end, cues, cues.notWithScope ? scopeReach(L, start, end, cues.notWithScope) : reach, onBounds)) return false;
  const before = (c: { start: number; end: number }) =>
    c.end <= start && (cues.scope ? start - c.start <= reach.back : apart(L, c.end, start) <= reach.back) && !closesEarlierQuestion(L.a.norm.text, c) && !contrastBetween(c.end) && pairedAfterMatch();
  const text = L.a.norm.text;
  // A cue within `ahead` characters after `from`, or the mark that closes the sentence there (a cue "?" reads the question).
  const reaches = (from: number, ahead: number, c: { start: number; end: number }) => c.end - from <= ahead || closingMark(text, from, ahead, c);
  // Korean: a copula denial of a noun in a clause of its own (…나아요, 연고가 아니라 크림이에요) is not about the match.
  const after = (c: { start: number; end: number }) =>
    c.start >= end &&
    ((cues.scope ? reaches(end, reach.ahead, c) : apart(L, end, c.start) <= reach.ahead) || (L.lexicon.spokenForms === true && deniesModifiedNoun(text, L.a.tokens, end, c.start))) &&
    paired(c) &&
    !(L.lexicon.spokenForms && deniesOtherNoun(text, L.a.tokens, end, c.start, c.end));
  const whole = (c: { start: number; end: number }) => onBounds(c) && !(cues.endOnWord && cutInParticle(L, c));
  // A quoted phrase is refused from outside its quotation (我们今天不说“全网最低价”): a cue inside the same
  // quotation is part of what is quoted (“最后五十单 卖完就下架 不会再返场了” refuses nothing).
  const sameQuotation = (c: { start: number; end: number }) => cues.quoted === true && insideQuotes(text, Math.min(c.start, start), Math.max(c.end, end));
  const excepted = cues.except === undefined ? NO_SPANS : charsOf(L, cues.except);
  const found = (atom: number, near: (c: { start: number; end: number }) => boolean) =>
    charsOf(L, atom).some((c) => near(c) && whole(c) && !excepted.some((e) => e.start <= c.start && c.end <= e.end) && !(answered && asks(text.slice(c.start, c.end))) && !sameQuotation(c) && !insideAnotA(text, c.start) && !denialAffirms(text, c.start) && !denialAsks(text, c.start, c.end) && !askedAfterDenial(text, c.start) && !cannotBoasts(text, c.start, c.end));
  const inside = (c: { start: number; end: number }) => c.start >= start && c.end <= end;
  // With `then`, an after or inside cue counts only when a then cue follows it, in its sentence or the group's scope;
  // a before cue, when a then cue follows the match as the before cue precedes it: within the window (or scope).
  const paired = (c: { start: number; end: number }) =>
    cues.then === undefined || found(cues.then, (t) => t.start >= c.end && reaches(c.end, scopeReach(L, c.end, c.end, cues.scope ?? 'sentence').ahead, t));
  // A contrast (但是) that starts between a before cue and the match ends what the cue reaches. It may be the
  // match's first word when words stand between it and the cue (不是药，胜似药), not right after it (不是胜似药).
  const contrastBetween = (from: number) =>
    cues.notPast !== undefined && charsOf(L, cues.notPast).some((b) => b.start >= from && (b.end <= start || (b.start > from && b.start <= start)));
  // The same answer for every before cue of the group: looked up once, when a before cue is first in reach.
  let thenAfterMatch: boolean | undefined;
  const pairedAfterMatch = () =>
    cues.then === undefined || (thenAfterMatch ??= found(cues.then, (t) => t.start >= end && (cues.scope ? reaches(end, reach.ahead, t) : apart(L, end, t.start) <= reach.ahead)));
  // An `anywhere` cue that runs across an edge of the match (begins before it and ends inside it, or the other way) is
  // where `anywhere` looks too, though neither before, after nor inside.
  const straddles = (c: { start: number; end: number }) => (c.start < start && c.end > start) || (c.start < end && c.end > end);
  return (
    found(cues.before, before) ||
    found(cues.after, after) ||
    found(cues.around, (c) => before(c) || after(c)) ||
    found(cues.inside, (c) => inside(c) && paired(c)) ||
    (cues.anywhere !== undefined && found(cues.anywhere, (c) => straddles(c) && paired(c)))
  );
}

/**
 * Whether any cue group finds one of its cues around [start, end). `answered`: the words are a
 * question answered yes (answered.ts), so cues that only mark the asking (吗, ですか, 有人问) do not count.
 */
export function cueNear(L: Lattice, start: number, end: number, groups: readonly CompiledCues[] | undefined, answered = false): boolean {
  return groups?.some((g) => groupNear(L, start, end, g, answered)) ?? false;
}
