/** Validate a SARIF log against the SARIF 2.1.0 JSON schema shipped in test/fixtures/schemas. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './cli.js';

export const SARIF_SCHEMA = path.join(ROOT, 'test', 'fixtures', 'schemas', 'sarif-schema-2.1.0.json');

export function validateSarif(log: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  const errors = validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  // Ajv has no formats without ajv-formats: check the uri-reference ones here (RFC 3986: ASCII, no spaces).
  const uris: string[] = [];
  JSON.stringify(log, (k, v: unknown) => {
    if ((k === 'uri' || k === 'helpUri' || k === 'informationUri') && typeof v === 'string') uris.push(v);
    return v;
  });
  for (const u of uris) {
    if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(u)) errors.push(`not a URI reference: ${u}`);
    else new URL(u, 'file:///base/');
  }
  return errors;
}
