/**
 * Compile rulesets, once per language, into one matcher: every term of every rule goes into a
 * single automaton over the normalised characters and one over token base forms. Pure: the
 * analyser (tokenizer) is handed in.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Language } from '../transcript/model.js';
import { Automaton } from './automaton.js';
import type { CueGroups, Matcher, Rule, Ruleset, RulesetContext } from './model.js';
import { cueGroups, mergeContext } from './model.js';

export type MatcherRole = 'match' | 'trigger' | 'when';

export interface CompiledMatcher {
  rule: number;
  role: MatcherRole;
  patterns: RegExp[];
}

export interface CompiledCues {
  before: string[];
  after: string[];
  around: string[];
  window: number;
  scope?: 'clause' | 'sentence';
}

export interface CompiledRules {
  language: Language;
  rules: Rule[];
  matchers: CompiledMatcher[];
  /** Normalised term characters → matcher index. Hits must fall on token boundaries. */
  surface: Automaton<number>;
  /** Term base-form sequences → matcher index (so 治る matches 治ります). */
  lemma: Automaton<number>;
  /** Indexes of the matchers that have regular expressions (the only per-rule work in a scan). */
  withPatterns: number[];
  /** Per rule: its `unless` exceptions. */
  unless: (CompiledCues[] | undefined)[];
  negation?: CompiledCues[];
  quotation?: CompiledCues[];
}

export const DEFAULT_WINDOW = 12;

function compileCues(c: CueGroups | undefined, analyzer: Analyzer): CompiledCues[] | undefined {
  const groups = cueGroups(c);
  if (groups.length === 0) return undefined;
  const norm = (xs: string[] | undefined) => (xs ?? []).map((x) => analyzer.normalizeTerm(x)).filter((x) => x.length > 0);
  return groups.map((g) => {
    const out: CompiledCues = { before: norm(g.before), after: norm(g.after), around: norm(g.around), window: g.window ?? DEFAULT_WINDOW };
    if (g.scope) out.scope = g.scope;
    return out;
  });
}

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

export function compileRules(rulesets: readonly Ruleset[], analyzer: Analyzer): CompiledRules {
  const { rules, context } = combineRulesets(rulesets);
  const matchers: CompiledMatcher[] = [];
  const surfaceKeys: { key: string[]; value: number }[] = [];
  const lemmaKeys: { key: string[]; value: number }[] = [];

  const add = (m: Matcher, rule: number, role: MatcherRole) => {
    const index = matchers.length;
    matchers.push({ rule, role, patterns: (m.patterns ?? []).map((p) => new RegExp(p, 'gu')) });
    for (const term of m.terms ?? []) {
      const a = analyzer.analyze(term);
      const text = a.norm.text.trim();
      if (text.length === 0) continue;
      surfaceKeys.push({ key: text.split(''), value: index });
      // Always by base form too: a term said in its dictionary form (治る, 消える) must still match
      // the conjugated forms in speech (治ります, 消えました), whose tokens carry that base form.
      if (a.tokens.length > 0) lemmaKeys.push({ key: a.tokens.map((t) => t.base), value: index });
    }
  };
  rules.forEach((rule, i) => {
    add(rule, i, 'match');
    if (rule.kind === 'require') {
      if (rule.timing?.after) add(rule.timing.after, i, 'trigger');
      if (rule.when) add(rule.when, i, 'when');
    }
  });

  const compiled: CompiledRules = {
    language: analyzer.language,
    rules,
    matchers,
    surface: new Automaton(surfaceKeys),
    lemma: new Automaton(lemmaKeys),
    withPatterns: matchers.flatMap((m, i) => (m.patterns.length > 0 ? [i] : [])),
    unless: rules.map((r) => (r.kind === 'prohibit' ? compileCues(r.unless, analyzer) : undefined)),
  };
  const negation = compileCues(context.negation, analyzer);
  const quotation = compileCues(context.quotation, analyzer);
  if (negation) compiled.negation = negation;
  if (quotation) compiled.quotation = quotation;
  return compiled;
}
