/**
 * A JSON report checked against the contract's schema, with each problem as a path and a sentence
 * ("files[2].findings[0].severity must be one of error, warning, info"). Pure.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { REPORT_SCHEMA } from './schema.js';

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function where(pointer: string): string {
  if (!pointer) return '(top level)';
  return pointer
    .slice(1)
    .split('/')
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

function say(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `must be ${String(p.type).replace(',', ' or ')}`;
    case 'required':
      return `is missing "${String(p.missingProperty)}"`;
    case 'propertyNames':
      return 'has a key that is not allowed';
    default:
      return e.message ?? 'is not valid';
  }
}

/** The report's problems against the schema; empty when it validates. */
export function reportProblems(report: unknown): string[] {
  compiled ??= new Ajv2020({ strict: false, allErrors: true }).compile(REPORT_SCHEMA as object);
  if (compiled(report)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of compiled.errors ?? []) {
    if (e.keyword === 'if') continue;
    const line = `${where(e.instancePath)} ${say(e)}`;
    if (!seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  return out;
}
