/**
 * Parse and validate one ruleset file's text. Pure: the caller reads the file.
 * Every problem names the file, line and column and says what was expected.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { isLanguage, type Language } from '../transcript/model.js';
import type { Rule, RulesetContext, RulesetProblem } from './model.js';
import { unsafeRegexReason } from './safe-regex.js';
import { rulesetSchema } from './schema.js';

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
  rules: Rule[];
  /** Where things are, for later problems (overrides naming unknown rules). */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(rulesetSchema);

type Path = (string | number)[];

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function pathLabel(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || '(top level)';
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `is missing "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `has an unknown key "${String(p.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `must be ${String(p.type)}`;
    case 'pattern':
      return `must match ${String(p.pattern)} (lower-case letters, digits, "-", "_", "/", ".")`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'minLength':
      return 'must not be empty';
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}`;
    default:
      return e.message ?? 'is not valid';
  }
}

export function parseRulesetSource(text: string, file: string): { ruleset?: RulesetFile; problems: RulesetProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: RulesetProblem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, reason: `YAML: ${err.message.split('\n')[0] ?? err.message}` });
  }
  if (problems.length > 0) return { problems };

  const positionOf = (path: readonly (string | number)[]): { line: number; column: number } => {
    // Walk down as far as the path exists; report the deepest node found.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      const offset = nodeOffset(doc, path.slice(0, n), node);
      if (offset !== undefined) {
        const lp = lineCounter.linePos(offset);
        return { line: lp.line, column: lp.col };
      }
    }
    return { line: 1, column: 1 };
  };
  const at = (path: readonly (string | number)[], reason: string): RulesetProblem => ({ file, ...positionOf(path), reason });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved aliases and alias bombs ("billion laughs") are refused here.
    return { problems: [at([], `YAML: ${(e as Error).message}`)] };
  }
  if (data === null || data === undefined) {
    return { problems: [at([], 'the file is empty: expected a ruleset with "id", "language" and "rules"')] };
  }
  if (!validate(data)) {
    for (const e of relevantErrors(validate.errors ?? [])) {
      const path = pointerToPath(e.instancePath);
      const extra = e.keyword === 'additionalProperties' ? [String((e.params as { additionalProperty: string }).additionalProperty)] : [];
      problems.push(at([...path, ...extra], `${pathLabel(path)} ${describe(e)}`));
    }
    return { problems };
  }
  const raw = data as {
    id: string;
    name?: string;
    description?: string;
    language: Language;
    extends?: string | string[];
    overrides?: Record<string, Override>;
    context?: RulesetContext;
    rules?: Rule[];
  };
  if (!isLanguage(raw.language)) return { problems: [at(['language'], 'language must be ja, zh or ko')] };
  const rules = raw.rules ?? [];
  problems.push(...checkRules(rules, raw.language, at));
  if (problems.length > 0) return { problems };
  const ruleset: RulesetFile = {
    file,
    id: raw.id,
    language: raw.language,
    extends: raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends],
    overrides: raw.overrides ?? {},
    context: raw.context ?? {},
    rules,
    positionOf,
  };
  if (raw.name !== undefined) ruleset.name = raw.name;
  if (raw.description !== undefined) ruleset.description = raw.description;
  return { ruleset, problems };
}

function nodeOffset(doc: Document, path: readonly (string | number)[], node: Node | undefined): number | undefined {
  // For a map key the key's own position reads best ("severity:" rather than its value).
  const parent = path.length > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
  const last = path[path.length - 1];
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === last);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  if (node && node.range) return node.range[0];
  return undefined;
}

/** ajv reports the failed `if` and the branch; keep the errors that tell the user something. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const useful = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf');
  const seen = new Set<string>();
  return useful.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
    const checkPatterns = (patterns: string[] | undefined, path: Path) =>
      patterns?.forEach((p, j) => {
        const why = unsafeRegexReason(p);
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
