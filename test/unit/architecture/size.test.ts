/**
 * Size limits of src/ (README, "Architecture"): no file over 400 lines, no function over 80, so
 * each piece can be read in one sitting. Measured with the TypeScript compiler: a function is any
 * declaration, method, arrow or function expression; its lines are from its first to its last.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;
/**
 * Known exceptions, each with its reason; an entry that no longer applies fails the test (so the
 * list only shrinks). `file:name`.
 */
const ALLOWED_LONG_FUNCTIONS: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts') ? [p] : [];
  });
}

/** Every function of a file longer than `max` lines, as `file:line name (n lines)`. */
export function longFunctions(file: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (lines > max) out.push(`${file}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = sources(SRC).map((abs) => ({ file: path.relative(SRC, abs).split(path.sep).join('/'), text: readFileSync(abs, 'utf8') }));

describe('size limits of src/', () => {
  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files.map((f) => ({ file: f.file, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > MAX_FILE_LINES);
    expect(long.map((f) => `${f.file} (${f.lines} lines)`)).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines (but the listed exceptions)`, () => {
    const long = files.flatMap((f) => longFunctions(f.file, f.text, MAX_FUNCTION_LINES));
    const key = (entry: string) => entry.replace(/:\d+ (\S+) .*$/, ':$1');
    expect(long.filter((l) => !(key(l) in ALLOWED_LONG_FUNCTIONS))).toEqual([]);
    expect(Object.keys(ALLOWED_LONG_FUNCTIONS).filter((k) => !long.some((l) => key(l) === k))).toEqual([]);
  });

  it('measures what it claims', () => {
    const body = Array.from({ length: 81 }, () => '  x++;').join('\n');
    expect(longFunctions('t.ts', `let x = 0;\nfunction f() {\n${body}\n}\n`, 80)).toEqual(['t.ts:2 f (83 lines)']);
    expect(longFunctions('t.ts', 'const g = () => 1;\n', 80)).toEqual([]);
  });
});
