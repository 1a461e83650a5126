/**
 * The folders of src/ are layers (README, "Architecture"): a folder imports only itself and the
 * folders below it, and the pure core does no I/O and reads no clock. Parsed from the sources with
 * the TypeScript compiler, so a new import that points the wrong way fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');

/** Lower numbers are lower layers; a folder may import folders with a smaller number only. */
export const LAYERS: Record<string, number> = {
  core: 0,
  io: 1,
  yaml: 1,
  transcript: 2,
  text: 3,
  media: 3,
  rules: 4,
  asr: 4,
  ocr: 4,
  report: 5,
  manifest: 5,
  audit: 6,
  config: 6,
  cli: 7,
};

/** Pure folders (no file system, processes or clock), with the files that are their I/O edge. */
const PURE: Record<string, readonly string[]> = {
  core: [],
  transcript: [],
  text: ['text/tokenizers/', 'text/analyzer-for.ts'],
  rules: ['rules/load.ts'],
  report: [],
  manifest: ['manifest/load.ts'],
  yaml: [],
};
const IMPURE_MODULES = /^node:(fs|fs\/promises|child_process|os|net|worker_threads)$/;
const IMPURE_CALLS = /\bDate\.now\(|\bnew Date\(|\bprocess\.(env|cwd|stdout|stderr|exit)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Source {
  file: string; // relative to src/, with /
  folder: string;
  imports: string[]; // specifiers, static, re-exports and import()
  text: string;
}

const files: Source[] = sources(SRC).map((abs) => {
  const text = readFileSync(abs, 'utf8');
  const file = path.relative(SRC, abs).split(path.sep).join('/');
  const info = ts.preProcessFile(text, true, true);
  return { file, folder: file.split('/')[0] ?? '', imports: info.importedFiles.map((f) => f.fileName), text };
});

/** The src/ folder an import lands in, or undefined for a package or node: module. */
function targetFolder(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return rel.split('/')[0];
}

describe('layering of src/', () => {
  it('knows every folder of src/', () => {
    const folders = new Set(files.map((f) => f.folder).filter((f) => !f.endsWith('.ts')));
    expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('a folder never imports a folder of its own layer or above', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const spec of f.imports) {
        const to = targetFolder(f.file, spec);
        if (to === undefined || to === f.folder) continue;
        if ((LAYERS[to] ?? Infinity) >= (LAYERS[f.folder] ?? -1)) wrong.push(`${f.file} imports ${spec} (${f.folder} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the pure folders use no file system, process or clock (except their I/O edge files)', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const edge = PURE[f.folder];
      if (!edge || edge.some((e) => f.file === e || (e.endsWith('/') && f.file.startsWith(e)))) continue;
      for (const spec of f.imports) {
        if (IMPURE_MODULES.test(spec)) wrong.push(`${f.file} imports ${spec}`);
        if (targetFolder(f.file, spec) === 'io') wrong.push(`${f.file} imports ${spec}`);
      }
      const m = IMPURE_CALLS.exec(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));
      if (m) wrong.push(`${f.file} uses ${m[0]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the detection works (an upward import is reported)', () => {
    expect(targetFolder('rules/check.ts', '../report/model.js')).toBe('report');
    expect(LAYERS.report! >= LAYERS.rules!).toBe(true);
  });
});
