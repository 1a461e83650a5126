'use strict';
// Runs the bundled build (dist/livecomply.cjs, made by scripts/build-bundle.mjs) as one script
// compiled with a V8 code cache: the functions V8 compiled in an earlier run of the same command
// (audit, rules, ...) are read back from the cache folder instead of being parsed and compiled
// again. The cache file is keyed by a hash of the bundle, Node's version and the architecture, and
// is written once, atomically, when the second run without it exits (or again when V8 rejects it). A cache
// folder that cannot be written only means no cache; a missing or stale bundle (tsc ran alone
// after the bundle was made) means the caller imports the ES-module build instead.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const vm = require('node:vm');
const crypto = require('node:crypto');
const { createRequire } = require('node:module');

const DIST = path.join(__dirname, '..', 'dist');
const BUNDLE = path.join(DIST, 'livecomply.cjs');

/** The cache folder, as src/io/cache-dir.ts finds it. */
function cacheDir(env) {
  if (env.LIVECOMPLY_CACHE_DIR) return path.resolve(env.LIVECOMPLY_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'livecomply');
}

/** The bundle's text, or undefined when it is missing or older than the ES-module build. */
function readBundle() {
  try {
    if (fs.statSync(path.join(DIST, 'cli', 'main.js')).mtimeMs > fs.statSync(BUNDLE).mtimeMs) return undefined;
    return fs.readFileSync(BUNDLE, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Makes `dir` and the folders above it, as src/io/make-dir.ts does, not with Node's
 * `mkdirSync(dir, { recursive: true })`: under /proc (mkdir of the folder ENOENT, of its parent
 * EEXIST) that one steps back and forth for ever at full CPU. Each folder is tried at most twice.
 */
function makeDir(dir) {
  const one = (d) => {
    try {
      fs.mkdirSync(d);
      return true;
    } catch (e) {
      if (e.code === 'ENOENT') return false;
      if (e.code === 'EEXIST' && fs.statSync(d, { throwIfNoEntry: false })?.isDirectory()) return true;
      throw e;
    }
  };
  const abs = path.resolve(dir);
  if (one(abs)) return;
  if (path.dirname(abs) !== abs) makeDir(path.dirname(abs));
  if (!one(abs)) throw Object.assign(new Error(`ENOENT: cannot create folder '${abs}'`), { code: 'ENOENT' });
}

/** Writes the code cache (atomically) and removes the entries of other builds for the same key. */
function writeCache(dir, key, name, data) {
  try {
    makeDir(dir);
    const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path.join(dir, name));
    for (const other of fs.readdirSync(dir)) {
      if (other !== name && other.startsWith(`${key}-`) && /^[0-9a-f]{20}\.bin(\.seen)?$/.test(other.slice(key.length + 1))) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    // No cache this time: the next run compiles again.
  }
}

/**
 * The first run without a cache only leaves a mark; the next writes the cache. A machine's first
 * run fills every other cache (rulesets, compiled rules, the Japanese dictionary) and serialising
 * the code cache on top of that raised its peak by ~30 MiB; a later run writes it at no peak cost.
 */
function writeOnSecondRun(dir, key, name, script) {
  const mark = path.join(dir, `${name}.seen`);
  if (fs.existsSync(mark)) {
    writeCache(dir, key, name, script.createCachedData());
    fs.rmSync(mark, { force: true });
    return;
  }
  try {
    makeDir(dir);
    fs.writeFileSync(mark, '');
  } catch {
    // No mark: the next run marks again.
  }
}

/**
 * What a run's cache is kept under: the command, and for an audit the language asked for (each
 * language runs its own tokenizer, so one language's cache would lack the others' functions).
 * @param {string[]} args
 */
function cacheKey(args) {
  const command = /^[a-z]+$/.test(args[0] ?? '') ? args[0] : 'main';
  const at = args.indexOf('--lang');
  const lang = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--lang='))?.slice(7);
  return command === 'audit' && /^(ja|zh|ko)$/.test(lang ?? '') ? `${command}.${lang}` : command;
}

/**
 * The bundled CLI's exports ({ main }), or undefined when there is no current bundle.
 * @param {string[]} args the command line after `livecomply`
 */
function loadBundle(args) {
  const code = readBundle();
  if (code === undefined) return undefined;
  const key = cacheKey(args);
  const hash = crypto.createHash('sha256').update(code).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 20);
  const dir = path.join(cacheDir(process.env), 'code');
  const name = `${key}-${hash}.bin`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(path.join(dir, name));
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, __lcImport) {${code}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(BUNDLE), mod, BUNDLE, DIST, (id) => import(id));
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeOnSecondRun(dir, key, name, script));
  return mod.exports;
}

module.exports = { loadBundle };
