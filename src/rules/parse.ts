/**
 * Parse and validate one ruleset file's text. Pure: the caller reads the file.
 * Every problem names the file, line and column and says what was expected.
 */
import { Ajv } from 'ajv';
import { parseValidatedYaml } from '../yaml/validated.js';
import { isLanguage, type Language } from '../transcript/model.js';
import type { Rule, RulesetContext, RulesetProblem } from './model.js';
import { unsafeRegexReason } from './safe-regex.js';
import { rulesetSchema } from './schema.js';
import { placeholderPattern } from './vocab.js';

export type Override = 'off' | { severity?: Rule['severity']; enabled?: boolean };

/** One file as written: before `extends` is followed. */
export interface RulesetFile {
  file: string;
  id: string;
  name?: string;
  description?: string;
  language: Language;
  extends: string[];
  overrides: Record<string, Override>;
  context: RulesetContext;
  /** Word lists its patterns (and those of rulesets extending it) use as `{name}`. */
  vocab: Record<string, string[]>;
  rules: Rule[];
  /** Where things are, for later problems (overrides naming unknown rules). */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(rulesetSchema);

interface RawRuleset {
  id: string;
  name?: string;
  description?: string;
  language: Language;
  extends?: string | string[];
  overrides?: Record<string, Override>;
  context?: RulesetContext;
  vocab?: Record<string, string[]>;
  rules?: Rule[];
}

export function parseRulesetSource(text: string, file: string): { ruleset?: RulesetFile; problems: RulesetProblem[] } {
  const parsed = parseValidatedYaml<RawRuleset>(text, file, validate, 'the file is empty: expected a ruleset with "id", "language" and "rules"');
  const raw = parsed.data;
  if (!raw) return { problems: parsed.problems };
  const { positionOf } = parsed;
  const at = (path: readonly (string | number)[], reason: string): RulesetProblem => ({ file, ...positionOf(path), reason });
  if (!isLanguage(raw.language)) return { problems: [at(['language'], 'language must be ja, zh or ko')] };
  const rules = raw.rules ?? [];
  const problems = checkRules(rules, raw.language, at);
  if (problems.length > 0) return { problems };
  const ruleset: RulesetFile = {
    file,
    id: raw.id,
    language: raw.language,
    extends: raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends],
    overrides: raw.overrides ?? {},
    context: raw.context ?? {},
    vocab: raw.vocab ?? {},
    rules,
    positionOf,
  };
  if (raw.name !== undefined) ruleset.name = raw.name;
  if (raw.description !== undefined) ruleset.description = raw.description;
  return { ruleset, problems };
}

type At = (path: readonly (string | number)[], reason: string) => RulesetProblem;

function checkRules(rules: Rule[], language: Language, at: At): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const ids = new Map<string, number>();
  rules.forEach((rule, i) => {
    const first = ids.get(rule.id);
    if (first !== undefined) problems.push(at(['rules', i, 'id'], `rule id "${rule.id}" is used twice (first at rules[${first}])`));
    else ids.set(rule.id, i);
    if (!rule.message[language]) {
      problems.push(at(['rules', i, 'message'], `rules[${i}].message needs a "${language}" text (the ruleset's language) as well as "en"`));
    }
    const hasMatcher = (m: { terms?: string[]; patterns?: string[] }) => (m.terms?.length ?? 0) + (m.patterns?.length ?? 0) > 0;
    if (!hasMatcher(rule)) problems.push(at(['rules', i], `rules[${i}] needs "terms" or "patterns": what to look for`));
    const checkPatterns = (patterns: string[] | undefined, path: (string | number)[]) =>
      patterns?.forEach((p, j) => {
        // `{name}` word lists are expanded when the ruleset is assembled; their shape is one plain alternative.
        const why = unsafeRegexReason(placeholderPattern(p));
        if (why) problems.push(at([...path, j], `pattern ${JSON.stringify(p)} ${why}`));
      });
    checkPatterns(rule.patterns, ['rules', i, 'patterns']);
    if (rule.kind === 'require') {
      const after = rule.timing?.after;
      if (after) {
        if (!hasMatcher(after)) problems.push(at(['rules', i, 'timing', 'after'], `rules[${i}].timing.after needs "terms" or "patterns": the trigger`));
        checkPatterns(after.patterns, ['rules', i, 'timing', 'after', 'patterns']);
      }
      if (rule.when) {
        if (!hasMatcher(rule.when)) problems.push(at(['rules', i, 'when'], `rules[${i}].when needs "terms" or "patterns"`));
        checkPatterns(rule.when.patterns, ['rules', i, 'when', 'patterns']);
      }
    }
  });
  return problems;
}
