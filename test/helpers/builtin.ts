/**
 * The built-in rulesets, loaded and compiled once per test worker instead of once per test file or
 * test: vitest runs the files of a worker in one module graph (`isolate: false`), so these maps live
 * as long as the worker. What they return is shared: callers must not change it (derive a new
 * ruleset with a spread, as the cache tests do).
 *
 * And read through the on-disk caches the CLI uses (audit/ruleset-cache, audit/compiled-cache), in
 * the default cache folder, which the suite's global setup warms (test/global-setup.ts): loading a
 * language's YAML and compiling it took 4–12 s per language in each worker, reading the entries
 * 0.1–0.3 s. The caches key on the sources' code (audit/code-hash.ts), which the CLI as built records from the sources
 * it was built from, so the tests share their entries with the built CLI and with the CLI run in-process from src/
 * (runCliInProcess), all warmed by the global setup. What is read is what a user's run reads; that it finds what a
 * fresh compile finds is compiled-cache.test's to show.
 */
import { Engine, preparedOf, type Prepared } from '../../src/audit/engine.js';
import { createAnalyzerFor } from '../../src/text/analyzer-for.js';
import { compileRulesCached } from '../../src/audit/compiled-cache.js';
import { loadRulesetCached } from '../../src/audit/ruleset-cache.js';
import { VERSION } from '../../src/cli/version.js';
import type { CompiledRules } from '../../src/rules/compile.js';
import { DEFAULT_RULESET } from '../../src/rules/load.js';
import type { Ruleset } from '../../src/rules/model.js';
import type { Language } from '../../src/transcript/model.js';
import type { Analyzer } from '../../src/text/analyze.js';

export interface CompiledBuiltin {
  ruleset: Ruleset;
  analyzer: Analyzer;
  compiled: CompiledRules;
}

const loaded = new Map<string, Promise<Ruleset>>();
const compiled = new Map<string, Promise<CompiledBuiltin>>();

function once<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) map.set(key, (p = make()));
  return p;
}

/** `loadRuleset(name)` of a built-in ruleset (cn, jp, kr), once per worker, through the ruleset cache. */
export function builtinRuleset(name: string): Promise<Ruleset> {
  return once(loaded, name, () => loadRulesetCached(name, { version: VERSION }));
}

/** A built-in ruleset with its language's analyser and its compiled form, once per worker, through the compiled cache. */
export function builtinCompiled(name: string): Promise<CompiledBuiltin> {
  return once(compiled, name, async () => {
    const ruleset = await builtinRuleset(name);
    const analyzer = await createAnalyzerFor(ruleset.language);
    const compiled = await compileRulesCached([ruleset], ruleset.language, async () => analyzer, { version: VERSION });
    return { ruleset, analyzer, compiled };
  });
}

/**
 * An Engine over the built-in rulesets (no --ruleset, no cache folder) that builds each language
 * from builtinCompiled instead of loading and compiling the ruleset again: what Engine.build makes
 * for a language with no rulesets named is the same ruleset (loadRuleset of its default name), the
 * same analyser and the same compiled form of it. Everything else — checking, the manifest stage, the
 * sponsored rules compiled on first use, what a run used — is the Engine's, per instance.
 */
class SharedBuiltinEngine extends Engine {
  protected override async build(language: Language): Promise<Prepared> {
    const { ruleset, analyzer, compiled } = await builtinCompiled(DEFAULT_RULESET[language]);
    return preparedOf(analyzer, [ruleset], compiled);
  }
}

/**
 * A new engine over the built-in rulesets (as `new Engine()`), its languages prepared from the
 * worker's builtinCompiled: a file's own engine, without a load and a compile (~3–4 s) per language
 * per file. For tests of auditing and checking with the built-in rules, not of Engine.prepare itself.
 */
export function freshBuiltinEngine(): Engine {
  // With the cache folder (the tests' own, as builtinCompiled's): the sponsored form of the rules is compiled once for every file.
  return new SharedBuiltinEngine({ cache: { version: VERSION } });
}

let engine: Engine | undefined;

/**
 * One engine over the built-in rulesets (freshBuiltinEngine) per worker, for tests that only call
 * `check`. Not for tests of reports or of what an engine used — it keeps every language another
 * file prepared.
 */
export function builtinEngine(): Engine {
  return (engine ??= freshBuiltinEngine());
}

/** What one built-in rule reports (the quoted texts) on `text` said as one segment, through builtinEngine. */
export async function ruleTexts(ruleId: string, text: string, language: 'ja' | 'zh' | 'ko'): Promise<string[]> {
  const findings = await builtinEngine().check({ segments: [{ start: 0, end: 4, text }] }, language);
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.text);
}
