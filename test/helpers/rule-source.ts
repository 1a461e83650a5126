/**
 * Rules written inline in a test: a ruleset's YAML source parsed (a problem is thrown with its line) and compiled
 * for one analyzer, and what its prohibit rules report on one line.
 */
import type { Finding } from '../../src/core/finding.js';
import { checkTranscript } from '../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../src/rules/compile.js';
import { compiledFromData, compiledToData, type CompiledData } from '../../src/rules/compiled-data.js';
import { formatProblem, type Ruleset } from '../../src/rules/model.js';
import { parseRulesetSource } from '../../src/rules/parse.js';
import type { Analyzer } from '../../src/text/analyze.js';
import type { Language } from '../../src/transcript/model.js';

/** The source as a loaded ruleset (no sources, no extends). */
export function rulesetFromSource(yaml: string): Ruleset {
  const { ruleset, problems } = parseRulesetSource(yaml, 'test.yaml');
  if (!ruleset) throw new Error(problems.map(formatProblem).join('\n'));
  return { id: ruleset.id, language: ruleset.language, sources: [], context: ruleset.context, rules: ruleset.rules };
}

/** The source compiled for `analyzer`; `context: {}` drops the source's context cues. */
export function compileSource(yaml: string, analyzer: Analyzer, opts: { noContext?: boolean } = {}): CompiledRules {
  const rs = rulesetFromSource(yaml);
  return compileRules([opts.noContext ? { ...rs, context: {} } : rs], analyzer);
}

/** `compiled` as the compiled-rules cache gives it back: written out as JSON and read again with its rulesets. */
export function throughCache(compiled: CompiledRules, rulesets: readonly Ruleset[]): CompiledRules {
  return compiledFromData(JSON.parse(JSON.stringify(compiledToData(compiled))) as CompiledData, rulesets);
}

/** The findings the prohibit rules report on `text` said as one segment. */
export function prohibitedFindings(c: CompiledRules, text: string, analyzer: Analyzer): Finding[] {
  return checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, analyzer).filter((f) => f.kind === 'prohibited');
}

/** The texts the prohibit rules report on `text` said as one segment. */
export function prohibitedTexts(c: CompiledRules, text: string, analyzer: Analyzer): string[] {
  return prohibitedFindings(c, text, analyzer).map((f) => f.text);
}

/**
 * The YAML of a ruleset with one prohibit rule `t/r` (category efficacy), one matcher `m` with sequence `seq` (written as
 * YAML) and the rule's `unless` written as YAML (a group or a list of groups).
 */
export function seqUnlessSource(language: Language, seq: string, unless: string): string {
  return `id: t\nlanguage: ${language}\nrules:\n  - id: t/r\n    kind: prohibit\n    category: efficacy\n    severity: error\n    message: { en: m, ${language}: m }\n    reference: test\n    match:\n      - id: m\n        seq: ${seq}\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`;
}

/**
 * The YAML of a ruleset with one prohibit rule per sequence: rule `t/r<i>`, matcher `m<i>`, the sequence written as
 * YAML (`'[治る, {gap: 2}, 消える]'`), so that every sequence that fits a line reports on its own.
 */
export function seqRulesSource(language: Language, seqs: readonly string[], category = 'medical-claim'): string {
  const rules = seqs
    .map((seq, i) => `  - id: t/r${i}\n    kind: prohibit\n    category: ${category}\n    severity: error\n    message: { en: m, ${language}: m }\n    reference: test\n    match:\n      - id: m${i}\n        seq: ${seq}\n    examples: { bad: [x], good: [y] }\n`)
    .join('');
  return `id: t\nlanguage: ${language}\nrules:\n${rules}`;
}

/**
 * One prohibit rule as an entry of a ruleset's `rules:` list (medical-claim, error), its matcher `m` reading `seq`, with
 * the rule's `unless` or the matcher's own (`matcherUnless`) written as given: for tests that assemble rulesets from
 * several files (extends) around one rule.
 */
export function prohibitRuleEntry(o: { id: string; language: Language; seq: string; unless?: string; matcherUnless?: string; bad: string; good: string }): string {
  return [
    `  - id: ${o.id}`,
    '    kind: prohibit',
    '    category: medical-claim',
    '    severity: error',
    `    message: { en: m, ${o.language}: m }`,
    '    reference: test',
    '    match:',
    '      - id: m',
    `        seq: ${o.seq}`,
    ...(o.matcherUnless === undefined ? [] : [`        unless: ${o.matcherUnless}`]),
    ...(o.unless === undefined ? [] : [`    unless: ${o.unless}`]),
    `    examples: { bad: [${o.bad}], good: [${o.good}] }`,
    '',
  ].join('\n');
}

