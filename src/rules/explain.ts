/**
 * `rules test --explain`: why a bad example was not reported (which matcher came closest, or which cue excused
 * what a matcher found) and why a good one was (the matcher, and the cues of the line that did not count).
 * Rule writers bisected such examples by hand. Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import { zeroWidth, type CompiledCues, type CompiledMatcher, type CompiledRules, type Step } from './compile.js';
import type { Lattice } from './lattice.js';
import { charsOf } from './lattice.js';
import { answeredYes } from './answered.js';
import { cueNear, scanSegment, type Hit } from './match.js';
import { excusingCues, onlyWithState, respectsContext, type ExcusingCues } from './scan-memo.js';
import { matchEntries, type Rule } from './model.js';
import { canonicalElement, entryElements, type AlternativeElement } from './seq-syntax.js';
import { anySaidIn } from './nearby.js';

const CUE_KEYS = ['before', 'after', 'around', 'inside', 'anywhere'] as const;
type CueKey = (typeof CUE_KEYS)[number];

/** A group with only one key's cues (the others look for no word: atom -1 has none). */
function onlyKey(g: CompiledCues, key: CueKey): CompiledCues {
  const keep = (k: 'before' | 'after' | 'around' | 'inside') => (k === key ? g[k] : -1);
  const out: CompiledCues = { ...g, before: keep('before'), after: keep('after'), around: keep('around'), inside: keep('inside') };
  if (key === 'anywhere' && g.anywhere !== undefined) out.anywhere = g.anywhere;
  else delete out.anywhere;
  return out;
}

/** The words of the line that a key's cues found, quoted (deduplicated). */
function cueWordsIn(L: Lattice, atom: number | undefined): string {
  if (atom === undefined) return '';
  const words = [...new Set(charsOf(L, atom).map((c) => L.a.norm.text.slice(c.start, c.end)))];
  return words.map((w) => `"${w}"`).join(', ');
}

/** Which key of a group excused [start, end), and the cue words it found there. */
function excusingKey(L: Lattice, hit: Hit, g: CompiledCues, answered: boolean): string {
  for (const key of CUE_KEYS) {
    if (key === 'anywhere' ? g.anywhere === undefined : charsOf(L, g[key]).length === 0) continue;
    if (!cueNear(L, hit.start, hit.end, [onlyKey(g, key)], answered)) continue;
    const words = cueWordsIn(L, key === 'anywhere' ? g.anywhere : g[key]);
    return `${key === 'around' || key === 'inside' ? `${key} (or anywhere)` : key} cue ${words}`;
  }
  return 'cues';
}

/** The cue groups, named for a writer. */
const GROUP_NAMES: Record<ExcusingCues, string> = { unless: "the rule's unless group", negation: "the ruleset's negation group", quotation: "the ruleset's quotation group" };

/** The cue groups that may excuse a finding of this rule's matcher, named for a writer. */
function excusingGroups(compiled: CompiledRules, rule: Rule, m: CompiledMatcher): { name: string; groups: readonly CompiledCues[] }[] {
  const out = [{ name: GROUP_NAMES.unless, groups: compiled.unless[m.rule] ?? [] }];
  if (m.unless) out.push({ name: `matcher "${m.id}"'s unless group`, groups: m.unless });
  if (rule.kind === 'prohibit') {
    for (const group of ['negation', 'quotation'] as const) if (respectsContext(rule, group)) out.push({ name: GROUP_NAMES[group], groups: compiled[group] ?? [] });
  }
  return out;
}

/** What excused a hit of a prohibit rule (its unless, a negation or a quotation: excusingCues), or undefined. */
export function excuseOf(compiled: CompiledRules, L: Lattice, hit: Hit): string | undefined {
  const m = compiled.matchers[hit.matcher];
  const by = m ? excusingCues(compiled, L, hit) : undefined;
  // An example is one text: a nearby group's cues said around it are not there to be found.
  if (m && by === undefined && onlyWithState(compiled, L, hit) === 'elsewhere') return `matcher "${m.id}" counts only with one of its onlyWith cues said nearby (its "nearby" groups: in this text or the segments around it), and none is in this text`;
  if (!m || by === undefined) return undefined;
  if (by === 'unless' && onlyWithState(compiled, L, hit) === 'unmet') return `matcher "${m.id}" counts only with one of its onlyWith cues in reach, and none is`;
  const yes = by === 'unless' && answeredYes(L.a.norm.text, hit.start, hit.end);
  const rule = compiled.rules[m.rule] as Rule;
  // The rule's own groups first, then the matcher's; for a negation or quotation, that group alone.
  const named = by === 'unless' ? excusingGroups(compiled, rule, m).slice(0, m.unless ? 2 : 1) : [{ name: GROUP_NAMES[by], groups: compiled[by] ?? [] }];
  for (const { name, groups } of named) {
    const i = groups.findIndex((g) => cueNear(L, hit.start, hit.end, [g], yes));
    if (i >= 0) return `${name} ${i + 1} excused it (its ${excusingKey(L, hit, groups[i] as CompiledCues, yes)})`;
  }
  if (by === 'unless' && anySaidIn(L.a.norm.text, m.unlessNearby)) return `matcher "${m.id}"'s unless group with "nearby" excused it (one of its cues is in this text)`;
  return undefined;
}

/** The cue groups whose words stand in the line without excusing the hit: where they are not where the group looks. */
export function idleCues(compiled: CompiledRules, L: Lattice, hit: Hit): string[] {
  const m = compiled.matchers[hit.matcher];
  const rule = m ? compiled.rules[m.rule] : undefined;
  if (!m || !rule) return [];
  const out: string[] = [];
  for (const { name, groups } of excusingGroups(compiled, rule, m)) {
    groups.forEach((g, i) => {
      const keys = CUE_KEYS.filter((k) => k !== 'anywhere' && charsOf(L, g[k]).length > 0);
      if (keys.length === 0) return;
      const reach = g.scope ? `scope ${g.scope}` : `window ${g.window}`;
      const words = keys.map((k) => `${k} ${cueWordsIn(L, g[k])}`).join('; ');
      out.push(`${name} ${i + 1} has ${words} in the line, but not where it looks (${reach}) or a notWith / notPast word stops it`);
    });
  }
  return out;
}

/** The hits of a rule's own (match-role) matchers in one line, before any cue excuses them, and the lattice. */
function ruleHits(compiled: CompiledRules, analyzer: Analyzer, ri: number, text: string): { hits: Hit[]; L: Lattice } {
  const { hits, lattice } = scanSegment(compiled, analyzer.analyze(text));
  return { hits: hits.filter((h) => compiled.matchers[h.matcher]?.rule === ri && compiled.matchers[h.matcher]?.role === 'match'), L: lattice };
}

/** Up to six of a list's words, quoted. */
const someWords = (ws: readonly string[]) => `[${ws.slice(0, 6).join(', ')}${ws.length > 6 ? ', …' : ''}]`;

/** Of mixed alternatives, the element a compiled step came from (a words object's own not / notAfter too). */
function alternativeFor(options: readonly AlternativeElement[][], step: Step): AlternativeElement | undefined {
  return options.flat().find((o) => o.kind === (step.kind === 'atom' ? 'words' : step.kind));
}

/** The written element `k` of a rule's matcher (its source), for a writer, as compiled step `step`. */
export function describeStep(rule: Rule, matcherId: string, k: number, step: Step): string {
  const entry = matchEntries(rule).find((e) => e.id === matcherId);
  const el = entry ? entryElements(entry)[k] : undefined;
  const written = el === undefined ? undefined : canonicalElement(el);
  // Of mixed alternatives, the one this path of the matcher tried.
  const c = written?.kind === 'any' ? alternativeFor(written.options, step) : written;
  // The words of a words element written with a part of speech (이@MM), a step of their own.
  if (step.kind === 'pos' && step.words) return `a word with its part of speech ${someWords(step.words.map((w) => `${w.word ?? ''}@${w.tag}`))}`;
  switch (c?.kind ?? step.kind) {
    case 'words':
    case 'atom':
      return c?.kind === 'words' ? `${c.optional ? 'the optional words' : 'the words'} ${someWords(c.words)}` : 'a word';
    case 'pos':
      return c?.kind === 'pos' ? `a word tagged ${c.tags.join(' or ')}` : 'a part of speech';
    case 'number':
      return 'a number';
    case 'gap':
      return c?.kind === 'gap' ? `a gap of up to ${c.max}${c.spaced ? ' spaced words' : ''} (scope ${c.scope})` : 'a gap';
    case 'not':
      return `${c?.kind === 'not' ? `not ${someWords(c.words)}` : 'a not'}: it refused the words that follow`;
    case 'start':
      return '{start: true}: the line does not begin a caption, hashtag or clause there';
    case 'end':
      return '{end: true}: the line goes on after the words (a caption, hashtag or clause does not end there)';
    default:
      return `${c?.kind === 'notAfter' ? `notAfter ${someWords(c.words)}` : 'a notAfter'}: it refused the words before`;
  }
}

/** A step that matches without a word of its own: not, notAfter, start, end, a gap, an optional element. */
const needsNothing = (s: Step) => zeroWidth(s) || s.optional;

/**
 * The structured matcher of the rule that matched most of its steps in the line: each matcher is run cut to its
 * first k steps, k = 1, 2, …, until a cut finds nothing. Regex matchers cannot be cut and are left out.
 */
export function closestMatcher(compiled: CompiledRules, analyzer: Analyzer, ri: number, text: string): string {
  const mine = compiled.matchers.flatMap((m, i) => (m.rule === ri && m.role === 'match' && m.steps ? [i] : []));
  const regex = compiled.matchers.some((m) => m.rule === ri && m.role === 'match' && m.regex);
  const best = new Map<number, { k: number; found: string }>();
  const longest = Math.max(0, ...mine.map((i) => compiled.matchers[i]?.steps?.length ?? 0));
  for (let k = 1; k < longest; k++) {
    // A cut goes on while the shorter one matched, or held no word it needs (a leading notAfter or optional word).
    const goesOn = (i: number, steps: readonly Step[]) => steps.length > k && (best.get(i)?.k === k - 1 || steps.slice(0, k - 1).every(needsNothing));
    const cut = mine.filter((i) => goesOn(i, compiled.matchers[i]?.steps ?? []));
    if (cut.length === 0) break;
    const matchers = compiled.matchers.map((m, i) => (cut.includes(i) && m.steps ? { ...m, steps: m.steps.slice(0, k) } : m));
    const { hits, L } = ruleHits({ ...compiled, matchers }, analyzer, ri, text);
    for (const h of hits) if (cut.includes(h.matcher)) best.set(h.matcher, { k, found: L.a.norm.text.slice(h.start, h.end) });
  }
  const ranked = [...best].sort((a, b) => b[1].k - a[1].k);
  const regexNote = regex ? ' (its regex matchers found nothing)' : '';
  if (ranked.length === 0) return `no matcher of the rule found even its first step${regexNote}`;
  const [mi, { k, found }] = ranked[0] as [number, { k: number; found: string }];
  const m = compiled.matchers[mi];
  const steps = m?.steps ?? [];
  const gap = steps[k - 1];
  // A gap matches nothing of its own: say how far it reached (a writer counts words, the tokenizer may count more).
  const reach = gap?.kind === 'gap' ? ` (the gap before it reaches at most ${gap.max} ${gap.spaced ? 'words between spaces' : 'tokens'} within its ${gap.scope}: the words may be further on, or past a ${gap.scope === 'clause' ? 'comma or stop' : 'stop'})` : '';
  return `closest: matcher "${m?.id ?? '?'}" matched ${k} of its ${steps.length} steps ("${found}"); step ${k + 1}, ${describeStep(compiled.rules[ri] as Rule, m?.id ?? '', m?.stepElements?.[k] ?? k, steps[k] as Step)}, failed after it${reach}${regexNote}`;
}

/**
 * A `not` or `notAfter` step that alone kept a matcher of the rule from the line: the matcher run without that one
 * step finds it. Said with the words it would report.
 */
export function refusingStep(compiled: CompiledRules, analyzer: Analyzer, ri: number, text: string): string | undefined {
  const rule = compiled.rules[ri] as Rule;
  for (const [mi, m] of compiled.matchers.entries()) {
    if (m.rule !== ri || m.role !== 'match' || !m.steps) continue;
    for (const [j, step] of m.steps.entries()) {
      if (step.kind !== 'not' && step.kind !== 'notAfter') continue;
      const without = { ...m, steps: m.steps.filter((_, x) => x !== j) };
      const { hits, L } = ruleHits({ ...compiled, matchers: compiled.matchers.map((x, i) => (i === mi ? without : x)) }, analyzer, ri, text);
      const h = hits.find((x) => x.matcher === mi);
      if (h) return `matcher "${m.id}" would report "${L.a.norm.text.slice(h.start, h.end)}" but for step ${j + 1}, ${describeStep(rule, m.id, m.stepElements?.[j] ?? j, step)}`;
    }
  }
  return undefined;
}

/** Why a bad example was not reported, or why a good one was: one line for `rules test --explain`. */
export function explainExample(compiled: CompiledRules, analyzer: Analyzer, ruleId: string, text: string, kind: 'bad' | 'good'): string {
  const ri = compiled.rules.findIndex((r) => r.id === ruleId);
  if (ri < 0) return '';
  const { hits, L } = ruleHits(compiled, analyzer, ri, text);
  const said = (h: Hit) => `matcher "${compiled.matchers[h.matcher]?.id ?? '?'}" found "${L.a.norm.text.slice(h.start, h.end)}"`;
  if (kind === 'bad') {
    const excused = hits.map((h) => ({ h, why: excuseOf(compiled, L, h) })).find((x) => x.why !== undefined);
    if (excused) return `${said(excused.h)}, but ${excused.why}`;
    // Reported after all (other words or another matcher than the example states): the reason already says so.
    if (hits.length > 0) return '';
    return refusingStep(compiled, analyzer, ri, text) ?? closestMatcher(compiled, analyzer, ri, text);
  }
  const reported = hits.filter((h) => excuseOf(compiled, L, h) === undefined);
  const h = reported[0];
  if (!h) return '';
  const idle = idleCues(compiled, L, h);
  return `${said(h)}; no cue excused it${idle.length ? `: ${idle.join('; ')}` : ' (no cue word of the rule, negation or quotation is in the line)'}`;
}
