/** Validate a report against the contract's JSON Schema (../shared/design/report.schema.json). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './cli.js';

const SHARED = path.resolve(ROOT, '..', 'shared', 'design', 'report.schema.json');
const LOCAL = path.join(ROOT, 'test', 'fixtures', 'schemas', 'report.schema.json');

export function reportSchemaPath(): string {
  return existsSync(SHARED) ? SHARED : LOCAL;
}

export function validateReport(report: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(reportSchemaPath(), 'utf8')) as object);
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
