/**
 * Compile rulesets, once per language, into one matcher. Every word any rule or cue mentions goes
 * into two automata built once: one over the normalised characters and one over token base forms
 * (so 治る matches 治ります). A scan runs both automata once over a segment; each `seq` matcher is
 * then tried only where its first element was found. Pure: the analyser (tokenizer) is handed in.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Language } from '../transcript/model.js';
import { MONEY_UNITS } from '../text/numbers.js';
import { cueGroups, matchEntries, mergeContext, negationNotPast, withNegationNotPast, type CueGroups, type MatchEntry, type Matcher, type Rule, type Ruleset, type RulesetContext, type NearbySide, type NumberRatio, type Scope } from './model.js';
import { LexiconBuilder, type Lexicon } from './lexicon.js';
import { compileLinear, type LinearRegex } from './regex.js';
import { canonicalElement, entryElements, type CanonicalElement } from './seq-syntax.js';
import { splitNearby } from './nearby.js';
import { splitTagged, type TaggedWord } from './tagged-words.js';

export { exactSurface, type Lexicon } from './lexicon.js';

export type MatcherRole = 'match' | 'trigger' | 'when';

/** One step of a compiled sequence. Atoms are word sets (see Lexicon). */
export type Step =
  | { kind: 'atom'; atom: number; optional: boolean }
  /** `words`: words written with a part of speech (이@MM, @NP) among a words step's: any one of them, tags ignored. */
  | { kind: 'pos'; tags: string[]; optional: boolean; words?: TaggedWord[] }
  /** `money`: a unit is money (円, 元, 원), so a currency sign before the number (¥9,800) stands for it. */
  | { kind: 'number'; units: number | undefined; optional: boolean; min?: number; max?: number; money?: true; ratio?: NumberRatio }
  /** `spaced`: `max` counts words between spaces (Korean 어절), not tokens (rules/gap-ends.ts). */
  | { kind: 'gap'; max: number; scope: Scope; spaced?: true }
  | { kind: 'not'; atom: number }
  | { kind: 'notAfter'; atom: number }
  /** Zero-width: a caption unit begins / ends here (rules/caption-edges.ts). */
  | { kind: 'start' }
  | { kind: 'end' };

export interface CompiledMatcher {
  rule: number;
  role: MatcherRole;
  /** The matcher's id in the rule (`terms` and `pattern-N` for the older shorthands). */
  id: string;
  /** A structured matcher's steps; absent for a regular expression. */
  steps?: Step[];
  /** The written element of each step, where they differ (an alternative with its own not / notAfter). */
  stepElements?: number[];
  regex?: LinearRegex;
  /** The matcher's own `unless` groups (a prohibit rule's matchers only), those that read its sentence. */
  unless?: CompiledCues[];
  /** Its `unless` groups with `nearby`: the claim is excused when one of their cues is said around it (rules/nearby.ts). */
  unlessNearby?: CompiledCues[];
  /** Groups of which one must be in reach for a hit to count (`onlyWith`), those that read its sentence. */
  onlyWith?: CompiledCues[];
  /** Its `onlyWith` groups with `nearby`: one of their cues said around the hit also meets it (rules/nearby.ts). */
  onlyWithNearby?: CompiledCues[];
  /** The category its findings report instead of the rule's (`category` on the matcher). */
  category?: string;
}

export interface CompiledCues {
  /** Atoms (word sets) of the cues before, after, either side of and inside a match, and `then` (absent when none). */
  before: number;
  after: number;
  around: number;
  inside: number;
  then?: number;
  /** Atom of the `anywhere` words alone: one that straddles an edge of the match counts too (absent when none). */
  anywhere?: number;
  /** Atom of the words a before cue does not reach past (`notPast`). */
  notPast?: number;
  /** Atom of the `except` phrases: a cue inside one of them does not count. */
  except?: number;
  /** Atom of the words that keep the group from excusing anything in its reach (`notWith`). */
  notWith?: number;
  /** `notWith` words written with a part of speech (이@MM, @NP): found on the tokens, not in the lexicon. */
  notWithTagged?: TaggedWord[];
  notWithScope?: Scope;
  window: number;
  scope?: Scope;
  /** `nearby` (seconds; a matcher's onlyWith or unless only) and its cues, normalised: looked for in the segments around the hit (rules/nearby.ts). */
  nearby?: number;
  nearbyWords?: string[];
  /** `side`: the talk counts only before (or only after) the claim. */
  nearbySide?: NearbySide;
  /** `except`, normalised: phrases in which a nearby cue does not count. */
  nearbyExcept?: string[];
  /** The group's `wholeWords` (only hits on word boundaries count) and `quoted` (only inside quotes). */
  wholeWords?: boolean;
  quoted?: boolean;
  /**
   * A rule's `unless` group in Japanese or Korean: a cue of one character counts on word boundaries
   * only (방 is not in 방석, 一 not in 一般), unless the group says `wholeWords: false`.
   */
  wholeSingle?: boolean;
  /**
   * Japanese: a cue that spans words must end where a word ends, so its last word is whole (ですか is not in ですから,
   * where か begins the word から "because"); a cue within one word may end inside it (a stem: 言え in 言えない).
   */
  endOnWord?: boolean;
}

export interface CompiledRules {
  language: Language;
  rules: Rule[];
  matchers: CompiledMatcher[];
  lexicon: Lexicon;
  /** Per atom: the structured matchers that can start with a word of it. */
  startsWith: number[][];
  /** Structured matchers that start with a number. */
  startsWithNumber: number[];
  /** Whether any matcher has a number element (numbers are only looked for then). */
  usesNumbers: boolean;
  /** Structured matchers that start with a part of speech: tried at every token. */
  startsAnywhere: number[];
  /** Indexes of the regular-expression matchers (the only per-matcher work in a scan). */
  withRegex: number[];
  /** Per rule: its `unless` exceptions. */
  unless: (CompiledCues[] | undefined)[];
  negation?: CompiledCues[];
  quotation?: CompiledCues[];
}

export const DEFAULT_WINDOW = 12;

/** Rules of several rulesets as one list: a later ruleset's rule replaces an earlier one with the same id. */
export function combineRulesets(rulesets: readonly Ruleset[]): { rules: Rule[]; context: RulesetContext } {
  const byId = new Map<string, Rule>();
  let context: RulesetContext = {};
  for (const rs of rulesets) {
    for (const r of rs.rules) {
      byId.delete(r.id);
      byId.set(r.id, r);
    }
    context = mergeContext(context, rs.context);
  }
  return { rules: [...byId.values()], context };
}

/**
 * A matcher's steps, one list per way its mixed alternatives read (`[九十岁, {number: [岁], min: 90}]` is a word
 * step in one and a number step in the other): each is compiled as a matcher of its own with the entry's id.
 */
function compileStepPaths(entry: MatchEntry, lex: LexiconBuilder): { steps: Step[]; elements: number[] }[] {
  let paths: { steps: Step[]; elements: number[] }[] = [{ steps: [], elements: [] }];
  entryElements(entry).forEach((el, k) => {
    const c = canonicalElement(el);
    const options = (c.kind === 'any' ? c.options : [[c]]).flatMap((path) => everyWay(path.map((e) => compileAlternatives(e, lex))));
    paths = paths.flatMap((p) => options.map((s) => ({ steps: [...p.steps, ...s], elements: [...p.elements, ...s.map(() => k)] })));
  });
  return paths;
}

/** Every sequence taking one step of each position's alternatives. */
function everyWay(positions: readonly Step[][]): Step[][] {
  return positions.reduce<Step[][]>((ways, alts) => ways.flatMap((w) => alts.map((a) => [...w, a])), [[]]);
}

/**
 * One written element as the steps it may compile to: one, or for a words element holding words written with a part of
 * speech (`이@MM`, `@NP`, as cue lists hold them; a shared list may be both), its plain words as one step and the tagged
 * words as another — before, such a word in a sequence was looked for as written, `@` and all, and never found.
 */
function compileAlternatives(c: Exclude<CanonicalElement, { kind: 'any' }>, lex: LexiconBuilder): Step[] {
  if (c.kind !== 'words') return [compileStep(c, lex)];
  const { plain, tagged } = splitTagged(c.words, lex.normalize, lex.language);
  if (tagged.length === 0) return [compileStep(c, lex)];
  return [...(plain.length > 0 ? [compileStep({ ...c, words: plain }, lex)] : []), { kind: 'pos', tags: [], words: tagged, optional: c.optional }];
}

/** One written element as the step it compiles to. */
function compileStep(c: Exclude<CanonicalElement, { kind: 'any' }>, lex: LexiconBuilder): Step {
  switch (c.kind) {
    case 'words':
      return { kind: 'atom', atom: lex.atom(c.words), optional: c.optional };
    case 'pos':
      return { kind: 'pos', tags: c.tags, optional: c.optional };
    case 'number': {
      const bounds = { ...(c.min !== undefined && { min: c.min }), ...(c.max !== undefined && { max: c.max }) };
      return { kind: 'number', units: c.units ? lex.atom(c.units) : undefined, optional: c.optional, ...bounds, ...(c.units?.some((u) => MONEY_UNITS.has(u)) && { money: true as const }), ...(c.ratio && { ratio: c.ratio }) };
    }
    case 'gap':
      return { kind: 'gap', max: c.max, scope: c.scope, ...(c.spaced && { spaced: true as const }) };
    case 'not':
      return { kind: 'not', atom: lex.atom(c.words) };
    case 'notAfter':
      return { kind: 'notAfter', atom: lex.atom(c.words) };
    case 'start':
    case 'end':
      return { kind: c.kind };
  }
}

/** A step that takes no token of its own: a gap (it may take none), not, notAfter, start, end. */
export const zeroWidth = (s: Step): s is Extract<Step, { kind: 'gap' | 'not' | 'notAfter' | 'start' | 'end' }> => s.kind === 'gap' || s.kind === 'not' || s.kind === 'notAfter' || s.kind === 'start' || s.kind === 'end';

/** The consuming steps a match can begin with: up to and including the first required one. */
export function entrySteps(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    if (zeroWidth(s)) continue;
    out.push(s);
    if (!s.optional) break;
  }
  return out;
}

function compileCues(c: CueGroups | undefined, lex: LexiconBuilder, wholeSingle = false, endOnWord = false): CompiledCues[] | undefined {
  const groups = cueGroups(c);
  if (groups.length === 0) return undefined;
  return groups.map((g) => {
    const out: CompiledCues = {
      before: lex.atom(g.before ?? [], true),
      after: lex.atom(g.after ?? [], true),
      // `anywhere` is `around` and `inside` at once.
      around: lex.atom([...(g.around ?? []), ...(g.anywhere ?? [])], true),
      inside: lex.atom([...(g.inside ?? []), ...(g.anywhere ?? [])], true),
      window: g.window ?? DEFAULT_WINDOW,
    };
    if (g.then?.length) out.then = lex.atom(g.then, true);
    if (g.anywhere?.length) out.anywhere = lex.atom(g.anywhere, true);
    if (g.notPast?.length) out.notPast = lex.atom(g.notPast, true);
    if (g.except?.length && g.nearby === undefined) out.except = lex.atom(g.except, true);
    const notWith = splitTagged(g.notWith ?? [], lex.normalize);
    if (notWith.plain.length) out.notWith = lex.atom(notWith.plain, true);
    if (notWith.tagged.length) out.notWithTagged = notWith.tagged;
    if (g.notWithScope) out.notWithScope = g.notWithScope;
    if (g.scope) out.scope = g.scope;
    if (g.nearby !== undefined) {
      out.nearby = g.nearby;
      out.nearbyWords = lex.normalizeAll(g.anywhere ?? []);
      if (g.side) out.nearbySide = g.side;
      if (g.except?.length) out.nearbyExcept = lex.normalizeAll(g.except);
    }
    for (const k of ['wholeWords', 'quoted'] as const) if (g[k] === true) out[k] = true;
    if (wholeSingle && g.wholeWords === undefined) out.wholeSingle = true;
    if (endOnWord) out.endOnWord = true;
    return out;
  });
}

/**
 * Whether a rule's one-character `unless` cues count on word boundaries only. In Japanese and Korean
 * a single character inside a longer word is another word (방 in 방석, 一 in 一般, 薬 in 薬剤師). Not in
 * Chinese, where jieba glues a head noun or a place word to the word before (止疼药, 登山鞋, 墙上) and
 * rules mean those: measured, whole one-character cues flagged five Chinese traps, none in ja or ko.
 */
function singleCharsWhole(language: Language): boolean {
  return language !== 'zh';
}

/** Whether a cue that spans words may not end inside a particle it only began (Japanese: ですか is not in ですから). */
function cuesEndOnParticles(language: Language): boolean {
  return language === 'ja';
}

export function compileRules(rulesets: readonly Ruleset[], analyzer: Analyzer): CompiledRules {
  const { rules, context } = combineRulesets(rulesets);
  const lex = new LexiconBuilder(analyzer);
  const notPast = negationNotPast(context);
  const endOnWord = cuesEndOnParticles(analyzer.language);
  // A rule's or matcher's own groups: one-character cues whole where the language wants it.
  const groupsOf = (c: CueGroups | undefined) => compileCues(c, lex, singleCharsWhole(analyzer.language), endOnWord);
  // Excusing groups also stop at the ruleset's contrasts (withNegationNotPast).
  const ownCues = (c: CueGroups | undefined) => groupsOf(withNegationNotPast(c, notPast));
  const matchers: CompiledMatcher[] = [];
  const add = (m: Matcher, rule: number, role: MatcherRole) => {
    for (const entry of matchEntries(m)) {
      const cm: CompiledMatcher = { rule, role, id: entry.id };
      if (entry.category !== undefined) cm.category = entry.category;
      if (entry.regex !== undefined) cm.regex = compileLinear(entry.regex);
      const paths = cm.regex ? [] : compileStepPaths(entry, lex);
      if (role === 'match') {
        const unless = splitNearby(ownCues(entry.unless));
        const onlyWith = splitNearby(groupsOf(entry.onlyWith));
        if (unless.local) cm.unless = unless.local;
        if (unless.nearby) cm.unlessNearby = unless.nearby;
        if (onlyWith.local) cm.onlyWith = onlyWith.local;
        if (onlyWith.nearby) cm.onlyWithNearby = onlyWith.nearby;
      }
      if (cm.regex) matchers.push(cm);
      // Where a path's steps are not the written elements one for one, which element each step is (for --explain).
      else for (const { steps, elements } of paths) matchers.push({ ...cm, steps, ...(elements.some((e, j) => e !== j) && { stepElements: elements }) });
    }
  };
  rules.forEach((rule, i) => {
    add(rule, i, 'match');
    if (rule.kind === 'require') {
      if (rule.timing?.after) add(rule.timing.after, i, 'trigger');
      if (rule.when) add(rule.when, i, 'when');
    }
  });
  const unless = rules.map((r) => (r.kind === 'prohibit' ? ownCues(r.unless) : undefined));
  const negation = compileCues(context.negation, lex, false, endOnWord);
  const quotation = compileCues(context.quotation, lex, false, endOnWord);
  const lexicon = lex.build();

  const startsWith: number[][] = Array.from({ length: lexicon.atomCount }, () => []);
  const startsWithNumber = new Set<number>();
  const startsAnywhere = new Set<number>();
  matchers.forEach((m, i) => {
    if (!m.steps) return;
    for (const s of entrySteps(m.steps)) {
      if (s.kind === 'atom') (startsWith[s.atom] as number[]).push(i);
      else if (s.kind === 'number') startsWithNumber.add(i);
      else startsAnywhere.add(i);
    }
  });

  const compiled: CompiledRules = {
    language: analyzer.language,
    rules,
    matchers,
    lexicon,
    startsWith: startsWith.map((l) => [...new Set(l)]),
    startsWithNumber: [...startsWithNumber],
    usesNumbers: matchers.some((m) => m.steps?.some((s) => s.kind === 'number') ?? false),
    startsAnywhere: [...startsAnywhere],
    withRegex: matchers.flatMap((m, i) => (m.regex ? [i] : [])),
    unless,
  };
  if (negation) compiled.negation = negation;
  if (quotation) compiled.quotation = quotation;
  return compiled;
}
