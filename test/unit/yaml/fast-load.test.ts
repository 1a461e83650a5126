/**
 * The quick YAML reading (js-yaml) must give exactly the yaml package's data, or decline: every
 * built-in ruleset file, the YAML 1.2 core scalars both could read differently, and generated
 * documents (fast-check). What it declines is read by the yaml package, with its positions.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { BUILTIN_DIR } from '../../../src/rules/load.js';
import { fastLoadYaml } from '../../../src/yaml/fast-load.js';
import { MAX_ALIAS_COUNT, parseValidatedYaml } from '../../../src/yaml/validated.js';
import { Ajv } from 'ajv';

/** The yaml package's reading, as parseValidatedYaml does it; undefined when it reports an error. */
function slow(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(p)));
    else if (e.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

// Scalars the YAML 1.2 core schema reads as numbers, booleans or null, and look-alikes it does not.
const SCALARS = [
  '0b11', '0o17', '017', '0x1F', '0X1F', '1_000', '+12', '-3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '1e3', '1E3', '1.0e+3',
  '1.', '.5', '+.5', '-.5', '12:30', '1:30:00', '2024-01-01', '2024-01-01T10:00:00Z', 'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'TRUE',
  'tRUE', 'false', '~', 'Null', 'NULL', 'nULL', 'null', '0.', '-1.5e-3', '1,000', '+0x1', '-0x1', '-0o7', '1e', 'e3', '.e3', '0.5.5', '国家级', '최고',
];

describe('fastLoadYaml', () => {
  it('reads every built-in ruleset file exactly as the yaml package does', async () => {
    const files = await yamlFiles(BUILTIN_DIR);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      expect(fastLoadYaml(text), f).toEqual(parse(text, { maxAliasCount: MAX_ALIAS_COUNT }));
    }
  });

  it.each(SCALARS)('reads the scalar %s as YAML 1.2 core does', (s) => {
    expect(fastLoadYaml(`k: ${s}\nl: [${s}, x]\n`)).toEqual(slow(`k: ${s}\nl: [${s}, x]\n`));
  });

  it('gives the same data as the yaml package for generated documents, or declines', () => {
    const scalar = fc.oneof(fc.constantFrom(...SCALARS), fc.stringMatching(/^[a-z0-9.+\-_ ]{1,8}$/), fc.constantFrom("'quoted'", '"dq"', '美白', '""'));
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);
    const flow = fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`);
    const value = fc.oneof(scalar, flow);
    const block = fc.array(fc.tuple(key, value, fc.boolean()), { minLength: 1, maxLength: 6 }).map((pairs) =>
      pairs.map(([k, v, nested]) => (nested ? `${k}:\n  - ${v}\n  - { a: ${v} }` : `${k}: ${v}`)).join('\n') + '\n',
    );
    fc.assert(
      fc.property(block, (text) => {
        const fast = fastLoadYaml(text);
        if (fast === undefined) return;
        expect(fast).toEqual(slow(text));
      }),
      { numRuns: 300 },
    );
  });

  it('declines what only the yaml package reads safely or reports well', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(fastLoadYaml(laughs)).toBeUndefined(); // a billion laughs: the yaml package's alias limit refuses it
    expect(fastLoadYaml('a: &x [1, 2]\nb: *x\n')).toEqual({ a: [1, 2], b: [1, 2] }); // a modest alias is fine
    expect(fastLoadYaml('a: 1\na: 2\n')).toBeUndefined(); // duplicate key
    expect(fastLoadYaml('a: [1, 2\n')).toBeUndefined(); // syntax error
    expect(fastLoadYaml('--- 1\n--- 2\n')).toBeUndefined(); // two documents
    expect(fastLoadYaml('a: !custom 1\n')).toBeUndefined(); // unknown tag
    expect(fastLoadYaml('')).toBeUndefined();
  });
});

describe('parseValidatedYaml', () => {
  const validate = new Ajv({ allErrors: true }).compile({ type: 'object', properties: { id: { type: 'string' }, n: { type: 'integer' } }, required: ['id'] });

  it('a file that names one shared list many times reports its own mistake, not the alias count', () => {
    const uses = Array.from({ length: 150 }, (_, i) => `  - *cues # use ${i}`).join('\n');
    const text = `id: x\nn: not a number\ncues: &cues [a, b, c, d, e, f, g, h]\nmore:\n${uses}\n`;
    const r = parseValidatedYaml<{ id: string }>(text, 'f.yaml', validate, 'empty');
    expect(r.problems.map((p) => p.reason).join(' ')).not.toMatch(/alias/i);
    expect(r.problems[0]).toMatchObject({ file: 'f.yaml', line: 2 });
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(parseValidatedYaml(laughs, 'l.yaml', validate, 'empty').problems[0]?.reason).toMatch(/alias/i); // a billion laughs is still refused
  });

  it('a valid file: its data, and positions worked out when asked', () => {
    const r = parseValidatedYaml<{ id: string; n: number }>('# note\nid: x\nn: 3\n', 'f.yaml', validate, 'empty');
    expect(r).toMatchObject({ data: { id: 'x', n: 3 }, problems: [] });
    expect(r.positionOf(['n'])).toEqual({ line: 3, column: 1 });
  });

  it('an invalid file: the same problems at the same places as before the quick reading', () => {
    expect(parseValidatedYaml('id: x\nn: 0x1G\n', 'f.yaml', validate, 'empty').problems).toEqual([{ file: 'f.yaml', line: 2, column: 1, reason: 'n must be integer' }]);
    expect(parseValidatedYaml('id: x\nid: y\n', 'f.yaml', validate, 'empty').problems[0]).toMatchObject({ file: 'f.yaml', line: 2, reason: expect.stringMatching(/^YAML: /) });
  });
});
