// Emits the ES-module build: every src/**/*.ts (but the HTML report's page script, which
// build-client.mjs bundles into html-client/script.generated.ts, emitted here) transpiled file for file by esbuild into dist/, with source
// maps, the same layout tsc gave. esbuild does not type-check: `npm run typecheck` (tsc over src,
// tests and benches; `npm test` runs it before vitest) does, with `isolatedModules` on so that every
// file transpiles alone exactly as tsc would emit it. One tsc pass instead of two saves ~13 s of
// CPU on every `npm test` (tsc emitting src, then tsc checking src again with the tests).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const CLIENT = path.join(src, 'report', 'formats', 'html-client');

async function sources(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && (dir !== CLIENT || e.name === 'script.generated.ts')) out.push(p);
  }
  return out.sort();
}

export async function buildSrc() {
  const entryPoints = await sources(src);
  await build({
    entryPoints,
    outdir: path.join(root, 'dist'),
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: path.join(root, 'tsconfig.json'),
    charset: 'utf8',
    logLevel: 'warning',
  });
  await writeCodeHashes(entryPoints);
  return entryPoints.length;
}

/**
 * dist/code-hash.json: for each folder of src/, a hash of its .ts sources, as src/audit/code-hash.ts computes it when
 * it runs from src/. The caches key on it, so the CLI as built and its sources run by the test runner share their
 * entries when dist/ was built from those sources (compiling each language once on a fresh machine, not twice), and
 * an edited source not yet built keeps an entry of its own. code-hash.test checks the two computations agree.
 */
async function writeCodeHashes(entryPoints) {
  const folders = {};
  const dirs = [...new Set(entryPoints.map((p) => path.dirname(p)))].sort();
  for (const dir of dirs) {
    // The names as code-hash.ts lists them: the folder's modules, sorted, each hashed with its name.
    const names = (await readdir(dir)).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
    const hash = createHash('sha256');
    for (const n of names) hash.update(n).update('\0').update(await readFile(path.join(dir, n)));
    folders[path.relative(src, dir).split(path.sep).join('/')] = hash.digest('hex');
  }
  await writeFile(path.join(root, 'dist', 'code-hash.json'), `${JSON.stringify({ folders }, null, 1)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildSrc();
