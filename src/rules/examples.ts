/**
 * Run every rule's own examples, as ESLint's RuleTester runs valid/invalid cases: each `bad`
 * example must raise the rule, each `good` one must not. Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Transcript } from '../transcript/model.js';
import type { Finding } from '../core/finding.js';
import { cueGroups, PRODUCT_CATEGORIES, type BadExample, type CueGroups, type Rule } from './model.js';
import { canonicalBadExample } from './parse.js';
import { checkTranscript } from './check.js';
import type { CheckOptions } from './check-options.js';
import { exactSurface, type CompiledRules, type Step } from './compile.js';
import { explainExample } from './explain.js';

export interface ExampleResult {
  ruleId: string;
  kind: 'bad' | 'good';
  text: string;
  passed: boolean;
  /** What went wrong, for a failed example. */
  reason?: string;
}

/** Seconds one cue of an example runs. */
const CUE_SECONDS = 5;

/**
 * An example as a transcript: each of its lines one cue of five seconds, in order (most examples are one line). A
 * context rule's example can so put its topic in the cue before or after the claim, as a stream says it.
 */
function asTranscript(text: string): Transcript {
  const lines = text.split('\n');
  const segments = lines.map((t, i) => ({ start: i * CUE_SECONDS, end: (i + 1) * CUE_SECONDS, text: t, line: i + 1 }));
  return { segments, durationSec: lines.length * CUE_SECONDS };
}

export interface ExampleOptions {
  /** For a failed example, say why (explain.ts): the closest matcher, or the cue that excused it. */
  explain?: boolean;
}

/**
 * How a rule's examples are checked: a claim's as a sponsored stream with every product category declared (its
 * `onlyWhen` then holds; other claims do not depend on either), a required disclosure's as a stream nobody declared
 * sponsored (declared, every ad disclosure is owed whatever is said, and its `when` examples would tell nothing).
 */
function exampleOptions(rule: Rule): CheckOptions {
  return rule.kind === 'require' ? { declared: PRODUCT_CATEGORIES } : { sponsored: true, declared: PRODUCT_CATEGORIES };
}

/**
 * Examples of `onlyWhen` rules are run as a sponsored stream with every product category declared
 * (other claims do not depend on either; required disclosures are run undeclared: exampleOptions).
 */
export function runExamples(compiled: CompiledRules, analyzer: Analyzer, onlyRules?: ReadonlySet<string>, opts: ExampleOptions = {}): ExampleResult[] {
  const results: ExampleResult[] = [];
  const why = (r: ExampleResult): ExampleResult => {
    const said = r.passed || !opts.explain ? '' : explainExample(compiled, analyzer, r.ruleId, r.text, r.kind);
    if (said) r.reason = `${r.reason ?? ''}\n    why: ${said}`;
    return r;
  };
  const raisedBy = (rule: Rule, text: string) => checkTranscript(compiled, asTranscript(text), analyzer, exampleOptions(rule)).filter((f) => f.ruleId === rule.id);
  const shown = (fs: readonly Finding[]) => fs.map((f) => (f.kind === 'missing' ? 'a missing disclosure' : `"${f.text}"${f.matcher ? ` (${f.matcher})` : ''}`)).join(', ');
  for (const rule of compiled.rules) {
    if (onlyRules && !onlyRules.has(rule.id)) continue;
    // Rules built in code (not parsed from YAML) may still hold plain strings.
    for (const ex of rule.examples.bad.map(canonicalBadExample)) {
      const raised = raisedBy(rule, ex.text);
      let reason = badExampleFailure(ex, raised, shown);
      if (raised.length === 0) reason = `${reason ?? ''}${gapStoppedHint(compiled, analyzer, rule.id, ex.text)}`;
      const r: ExampleResult = { ruleId: rule.id, kind: 'bad', text: ex.text, passed: reason === undefined };
      if (reason) r.reason = reason;
      results.push(why(r));
    }
    for (const text of rule.examples.good) {
      const raised = raisedBy(rule, text);
      const r: ExampleResult = { ruleId: rule.id, kind: 'good', text, passed: raised.length === 0 };
      if (raised.length > 0) r.reason = `expected no report, but it reported ${shown(raised)}${cueInsideHint('unless' in rule ? rule.unless : undefined, raised)}`;
      results.push(why(r));
    }
  }
  return results;
}

/** Why a bad example failed: nothing reported, other words than stated, or another matcher. */
function badExampleFailure(ex: BadExample, raised: readonly Finding[], shown: (fs: readonly Finding[]) => string): string | undefined {
  if (raised.length === 0) return 'expected this rule to report it, but it did not';
  if (ex.match) {
    const want = [...ex.match].sort();
    const got = raised.map((f) => f.text).sort();
    if (want.length !== got.length || want.some((w, i) => w !== got[i])) {
      return `expected it to report ${want.map((w) => `"${w}"`).join(', ')}, but it reported ${shown(raised)}`;
    }
  }
  if (ex.matcher !== undefined && !raised.every((f) => f.matcher === ex.matcher)) {
    return `expected matcher "${ex.matcher}" to report it, but it was ${shown(raised)}`;
  }
  return undefined;
}

/** A gap that stops at commas, widened to the sentence; other steps as they are. */
const widened = (s: Step): Step => (s.kind === 'gap' && s.scope === 'clause' ? { ...s, scope: 'sentence' } : s);

/**
 * When a bad example is not reported only because a `{gap}` of scope clause (the default) stopped at a comma
 * (rule writers learned that by failing lines), a hint saying so: the rule is run again with its
 * clause gaps widened to the sentence. Only for a failed example, so the cost is nil otherwise.
 */
function gapStoppedHint(compiled: CompiledRules, analyzer: Analyzer, ruleId: string, text: string): string {
  const index = compiled.rules.findIndex((r) => r.id === ruleId);
  const mine = compiled.matchers.filter((m) => m.rule === index && m.steps?.some((s) => s.kind === 'gap' && s.scope === 'clause'));
  if (mine.length === 0) return '';
  const wide: CompiledRules = { ...compiled, matchers: compiled.matchers.map((m) => (mine.includes(m) && m.steps ? { ...m, steps: m.steps.map(widened) } : m)) };
  const found = checkTranscript(wide, asTranscript(text), analyzer, exampleOptions(compiled.rules[index] as Rule)).filter((f) => f.ruleId === ruleId);
  if (found.length === 0) return '';
  const f = found[0] as Finding;
  return ` — a {gap} of scope clause (the default when none is written) stops at a comma (、,): with scope: sentence, matcher "${f.matcher ?? '?'}" would report "${f.text}"`;
}

/**
 * When a good example is reported and one of the rule's `before` / `after` / `around` cues stands among the
 * reported words, a hint saying so: those keys look only outside the match (writers learned it by failing
 * lines); `anywhere` or `inside` look among its words.
 */
export function cueInsideHint(unless: CueGroups | undefined, raised: readonly Finding[]): string {
  for (const g of cueGroups(unless)) {
    for (const key of ['around', 'before', 'after'] as const) {
      const cue = (g[key] ?? []).find((c) => !c.includes('{') && raised.some((f) => f.text.includes(exactSurface(c) ?? c)));
      if (cue !== undefined) return ` — its ${key} cue "${cue}" is among the reported words, where ${key} does not look: list it under anywhere (or inside) to excuse it there`;
    }
  }
  return '';
}
