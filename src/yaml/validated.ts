/**
 * YAML text → data validated by a JSON Schema, with every problem at a file:line:col a person can
 * jump to. Shared by rulesets and the configuration file. Pure.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { fastLoadYaml } from './fast-load.js';
import { lazyRequire } from '../core/lazy-require.js';

/**
 * The yaml package, loaded on first use: it costs ~70 ms of CPU to load, and an audit with warm
 * caches, no configuration file and no manifest parses no YAML at all.
 */
export const yamlLib = lazyRequire<typeof import('yaml')>('yaml');
const ajvLib = lazyRequire<typeof import('ajv')>('ajv');

export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export type PathKey = string | number;

export interface ValidatedYaml<T> {
  data?: T;
  problems: YamlProblem[];
  /** Position of a path in the document (the deepest part of it that exists). */
  positionOf(path: readonly PathKey[]): { line: number; column: number };
}

function pointerToPath(pointer: string): PathKey[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * A validator for `schema`, compiled on first use, with ajv loaded then too: ajv's modules and the
 * compilation cost about as much as the rest of a warm start-up, and most runs validate nothing.
 */
export function lazyValidator(schema: object): () => ValidateFunction {
  let validator: ValidateFunction | undefined;
  return () => {
    if (!validator) {
      const { Ajv } = ajvLib();
      validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
    }
    return validator;
  };
}

export function pathLabel(path: readonly PathKey[]): string {
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
      return `must be ${[p.type].flat().map(String).join(' or ')}`;
    case 'pattern':
      return String(p.pattern).startsWith('^https?')
        ? 'must be a web address (http:// or https://)'
        : `must match ${String(p.pattern)} (lower-case letters, digits, "-", "_", "/", ".")`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'minLength':
      return 'must not be empty';
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}`;
    default:
      return e.message ?? 'is not valid';
  }
}

/** ajv reports the failed `if`/`oneOf` and the branches; keep the errors that tell the user something. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  // A branch of a oneOf that failed only on its type ("must be array" when an object was given)
  // is noise when another branch says what is really wrong deeper inside.
  const deeper = (path: string) => errors.some((x) => x.instancePath.startsWith(`${path}/`) || (x.instancePath === path && x.keyword !== 'type' && x.keyword !== 'oneOf'));
  // A discriminator (`kind`) fails one `const` per branch and maybe an `enum`: say the allowed values once.
  const constsAt = new Map<string, unknown[]>();
  for (const e of errors) if (e.keyword === 'const') constsAt.set(e.instancePath, [...(constsAt.get(e.instancePath) ?? []), (e.params as { allowedValue: unknown }).allowedValue]);
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const merged = errors.flatMap((e): ErrorObject[] => {
    if (e.keyword !== 'const') return [e];
    const values = constsAt.get(e.instancePath) ?? [];
    if (enumAt.has(e.instancePath)) return [];
    if (values.length < 2) return [e];
    if (values[0] !== (e.params as { allowedValue: unknown }).allowedValue) return [];
    return [{ ...e, keyword: 'enum', params: { allowedValues: [...new Set(values)] } }];
  });
  return merged
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf')
    .filter((e) => !(e.keyword === 'type' && errors.some((o) => o.keyword === 'oneOf' && o.instancePath === e.instancePath) && deeper(e.instancePath)))
    .filter((e) => {
      const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function keyOffset(doc: Document, path: readonly PathKey[]): number | undefined {
  // For a map key, the key's own position reads best ("severity:" rather than its value).
  const parent = path.length > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
  const last = path[path.length - 1];
  const { isMap, isScalar } = yamlLib();
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === last);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  const node = doc.getIn(path, true) as Node | undefined;
  return node?.range?.[0];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The top-level keys the schema knows, when it lists them. */
function topLevelKeys(validate: ValidateFunction): string[] | undefined {
  const schema = validate.schema as { properties?: Record<string, unknown> } | boolean;
  return typeof schema === 'object' && schema.properties ? Object.keys(schema.properties) : undefined;
}

/**
 * The yaml package's limit on aliases as they expand (its default, 100, counts each use of a list: a ruleset that
 * names one shared cue list 150 times is no attack). Far above what a rule file needs and far below what a
 * "billion laughs" document expands to; the quick reading (fast-load.ts) accepts what stays near its written size.
 */
export const MAX_ALIAS_COUNT = 10_000;

/** The yaml package's document of a text, with where each of its nodes is. */
function parsedWithPositions(text: string): { doc: Document; lineCounter: InstanceType<typeof LineCounter>; positionOf: ValidatedYaml<unknown>['positionOf'] } {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const positionOf = (path: readonly PathKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = keyOffset(doc, path.slice(0, n));
      if (offset !== undefined) {
        const lp = lineCounter.linePos(offset);
        return { line: lp.line, column: lp.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { doc, lineCounter, positionOf };
}

/** Whether data has the top-level shape `validate` wants at a glance: one of its keys, when it lists them. */
function looksOurs(data: unknown, validate: ValidateFunction): boolean {
  const known = topLevelKeys(validate);
  return !(known && isPlainObject(data) && Object.keys(data).length > 0 && !Object.keys(data).some((k) => known.includes(k)));
}

export function parseValidatedYaml<T>(text: string, file: string, validate: ValidateFunction, emptyMessage: string): ValidatedYaml<T> {
  // The usual case, a valid file, read quickly; positions are worked out only if someone asks.
  const fast = fastLoadYaml(text);
  if (fast !== undefined && looksOurs(fast, validate) && validate(fast)) {
    let positions: ValidatedYaml<T>['positionOf'] | undefined;
    return { data: fast as T, problems: [], positionOf: (path) => (positions ??= parsedWithPositions(text).positionOf)(path) };
  }
  // Anything else is read again by the yaml package, whose data and messages are the ones used.
  const { doc, lineCounter, positionOf } = parsedWithPositions(text);
  const at = (path: readonly PathKey[], reason: string): YamlProblem => ({ file, ...positionOf(path), reason });
  const problems: YamlProblem[] = doc.errors.map((err) => {
    const pos = lineCounter.linePos(err.pos[0]);
    // The parser's message ends "at line 4, column 1:" before a code frame; the place is already in file:line:col.
    const first = (err.message.split('\n')[0] ?? err.message).replace(/\s*at line \d+, column \d+:?\s*$/, '');
    return { file, line: pos.line, column: pos.col, reason: `YAML: ${first}` };
  });
  if (problems.length > 0) return { problems, positionOf };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Unresolved aliases and alias bombs ("billion laughs") are refused here.
    return { problems: [at([], `YAML: ${(e as Error).message}`)], positionOf };
  }
  if (data === null || data === undefined) return { problems: [at([], emptyMessage)], positionOf };
  if (!looksOurs(data, validate)) {
    const known = topLevelKeys(validate) ?? [];
    // Not one of ours at all (a password file, a CSV, someone's notes): quote none of its content.
    return { problems: [at([], `is not this kind of YAML file: none of its top-level keys is one of ${known.join(', ')} (its content is not shown)`)], positionOf };
  }
  if (!validate(data)) {
    for (const e of relevantErrors(validate.errors ?? [])) {
      const path = pointerToPath(e.instancePath);
      if (e.keyword === 'propertyNames') continue; // its inner error (below) says which key and why
      if (e.propertyName !== undefined) {
        // A key that is not allowed as a name (propertyNames): point at the key itself.
        problems.push(at([...path, e.propertyName], `${pathLabel(path)} key "${e.propertyName}" must start with a letter or "_" and hold only letters, digits, "_" and "-"`));
        continue;
      }
      const extra = e.keyword === 'additionalProperties' ? [String((e.params as { additionalProperty: string }).additionalProperty)] : [];
      problems.push(at([...path, ...extra], `${pathLabel(path)} ${describe(e)}`));
    }
    return { problems, positionOf };
  }
  return { data: data as T, problems, positionOf };
}
