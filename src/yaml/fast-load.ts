/**
 * The quick reading of a YAML file, for the usual case of a file that is fine: js-yaml reads the
 * built-in rulesets (4 MB) about six times faster than the yaml package, which keeps the source
 * positions every error message needs. The caller uses this first and, when it says no (the text
 * does not parse, or its aliases expand far) or the data fails validation, parses again with the
 * yaml package, whose data and messages are then the ones used.
 *
 * Its data must equal the yaml package's: the same YAML 1.2 core schema (js-yaml's own "core"
 * schema also reads 0b11, +0x1 and -0o7 as numbers and +.5 as a string, which YAML 1.2 does not),
 * no merge keys, timestamps or custom tags. test/unit/yaml/fast-load.test.ts compares the two.
 * Pure.
 */
import type * as JsYaml from 'js-yaml';
import { lazyRequire } from '../core/lazy-require.js';

const jsYaml = lazyRequire<typeof JsYaml>('js-yaml');

// The YAML 1.2 core schema's null, booleans, integers and floats (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
const NULLS = new Set(['~', 'null', 'Null', 'NULL', '']);
const BOOLS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function intOf(s: string): number {
  if (s.startsWith('0o')) return parseInt(s.slice(2), 8);
  if (s.startsWith('0x')) return parseInt(s.slice(2), 16);
  return Number(s);
}

function floatOf(s: string): number {
  const lower = s.toLowerCase();
  if (lower.endsWith('.nan')) return NaN;
  if (lower.endsWith('.inf')) return s.startsWith('-') ? -Infinity : Infinity;
  return Number(s);
}

let schema: JsYaml.Schema | undefined;

function coreSchema(): JsYaml.Schema {
  if (schema) return schema;
  const y = jsYaml();
  const int = new y.Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: (s: string) => INT.test(s), construct: intOf });
  const float = new y.Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: (s: string) => FLOAT.test(s), construct: floatOf });
  const nullType = new y.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => NULLS.has(s), construct: () => null });
  const bool = new y.Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string) => BOOLS.has(s), construct: (s: string) => s.toLowerCase() === 'true' });
  schema = y.FAILSAFE_SCHEMA.extend({ implicit: [nullType, bool, int, float] });
  return schema;
}

/** Beyond this many nodes as expanded, a document with aliases is left to the yaml package's own limit. */
const MAX_EXPANDED = 1_000_000;

/**
 * Whether aliases (*name, which share one node) make the data much bigger as walked than as
 * written, or refer to themselves: a "billion laughs" document, or a cycle. Linear in the nodes.
 */
function aliasesBlowUp(root: unknown): boolean {
  const size = new Map<object, number>();
  /** Nodes as written: each object once, with the scalars in it. */
  let distinct = 0;
  const walk = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 1;
    const known = size.get(v);
    if (known !== undefined) return known; // -1 while being walked: a cycle
    size.set(v, -1);
    distinct++;
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child !== 'object' || child === null) distinct++;
      const s = walk(child);
      if (s < 0) return -1;
      n = Math.min(n + s, MAX_EXPANDED + 1);
    }
    size.set(v, n);
    return n;
  };
  const total = walk(root);
  return total < 0 || total > MAX_EXPANDED || total > 4 * (distinct + 1000);
}

/**
 * The data of a YAML text, or undefined when this quick reading cannot vouch for it: a syntax
 * error, duplicate keys, several documents, an unknown tag, or aliases that expand far or refer to
 * themselves (an alias shares its node, as in the yaml package's data; a validator would walk a
 * "billion laughs" node again and again, so the yaml package's own limit decides those).
 */
export function fastLoadYaml(text: string): unknown {
  let data: unknown;
  try {
    data = jsYaml().load(text, { schema: coreSchema() });
  } catch {
    return undefined;
  }
  return data === null || data === undefined || aliasesBlowUp(data) ? undefined : data;
}
