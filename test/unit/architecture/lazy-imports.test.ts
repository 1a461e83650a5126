/**
 * yaml is loaded on first use, never by a static import: an audit with warm caches, no
 * configuration file and no manifest parses no YAML, and loading the package costs ~70 ms of CPU.
 * `import type` is fine (erased); a value import fails here. (ajv is loaded by yaml/validated's
 * lazyValidator, or with rules/parse.ts, which rules/load.ts imports only to parse a ruleset.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
// re2js (rules/regex.ts), iconv-lite and chardet (transcript/decode.ts) are loaded when first needed.
const LAZY = ['yaml', 'js-yaml', 're2js', 'iconv-lite', 'chardet'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Value imports (static imports that are not `import type`) of `pkg` in one source. */
function valueImports(text: string, pkg: string): string[] {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== pkg) continue;
    const clause = st.importClause;
    if (clause?.isTypeOnly) continue;
    const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
    if (clause && !clause.name && named && named.every((e) => e.isTypeOnly)) continue;
    out.push(st.getText());
  }
  return out;
}

describe('lazily loaded packages', () => {
  it.each(LAZY)('no source imports %s as a value at start-up', (pkg) => {
    const wrong = sources(SRC).flatMap((abs) => valueImports(readFileSync(abs, 'utf8'), pkg).map((s) => `${path.relative(SRC, abs)}: ${s}`));
    expect(wrong).toEqual([]);
  });
});
