// Emits the ES-module build: every src/**/*.ts (but the HTML report's page script, which
// build-client.mjs bundles into html-client/script.generated.ts, emitted here) transpiled file for file by esbuild into dist/, with source
// maps, the same layout tsc gave. esbuild does not type-check: `npm run typecheck` (tsc over src,
// tests and benches; `npm test` runs it before vitest) does, with `isolatedModules` on so that every
// file transpiles alone exactly as tsc would emit it. One tsc pass instead of two saves ~13 s of
// CPU on every `npm test` (tsc emitting src, then tsc checking src again with the tests).
import { build } from 'esbuild';
import { readdir } from 'node:fs/promises';
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
  return entryPoints.length;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildSrc();
