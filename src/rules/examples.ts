/**
 * Run every rule's own examples, as ESLint's RuleTester runs valid/invalid cases: each `bad`
 * example must raise the rule, each `good` one must not. Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Transcript } from '../transcript/model.js';
import { checkTranscript } from './check.js';
import type { CompiledRules } from './compile.js';

export interface ExampleResult {
  ruleId: string;
  kind: 'bad' | 'good';
  text: string;
  passed: boolean;
  /** What went wrong, for a failed example. */
  reason?: string;
}

/** An example as a one-line transcript of five seconds. */
function asTranscript(text: string): Transcript {
  return { segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 };
}

export function runExamples(compiled: CompiledRules, analyzer: Analyzer, onlyRules?: ReadonlySet<string>): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const rule of compiled.rules) {
    if (onlyRules && !onlyRules.has(rule.id)) continue;
    for (const kind of ['bad', 'good'] as const) {
      for (const text of rule.examples[kind]) {
        const raised = checkTranscript(compiled, asTranscript(text), analyzer).filter((f) => f.ruleId === rule.id);
        const passed = kind === 'bad' ? raised.length > 0 : raised.length === 0;
        const r: ExampleResult = { ruleId: rule.id, kind, text, passed };
        if (!passed) {
          r.reason =
            kind === 'bad'
              ? 'expected this rule to report it, but it did not'
              : `expected no report, but it reported ${raised.map((f) => (f.kind === 'missing' ? 'a missing disclosure' : `"${f.text}"`)).join(', ')}`;
        }
        results.push(r);
      }
    }
  }
  return results;
}
