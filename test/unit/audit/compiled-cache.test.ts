import { mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledCacheFile, compiledKey, compileRulesCached } from '../../../src/audit/compiled-cache.js';
import { MAX_ENTRIES } from '../../../src/io/cache-entry.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../../src/rules/compile.js';
import { compiledFromData, compiledToData } from '../../../src/rules/compiled-data.js';
import { flatten, packCompiled, unflatten, unpackCompiled } from '../../../src/audit/compiled-pack.js';
import type { Ruleset } from '../../../src/rules/model.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { corpusTexts } from '../../corpus/evaluate.js';
import { builtinCompiled } from '../../helpers/builtin.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lc-compiled-'));
const one = (text: string) => ({ segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 });

let zh: Analyzer;
/** The whole built-in cn ruleset, and its compiled form, compiled here (the workers' builtinCompiled reads the cache). */
let full: Ruleset;
let fresh: CompiledRules;
/** Its first 40 rules: what the cache does with the rules does not depend on how many there are. */
let cn: Ruleset;
let lines: string[];
beforeAll(async () => {
  ({ ruleset: full, analyzer: zh } = await builtinCompiled('cn'));
  fresh = compileRules([full], zh);
  cn = { ...full, rules: full.rules.slice(0, 40) };
  lines = await corpusTexts('zh');
});

/**
 * The analyser, analysing each text once: both compiled forms are checked on the same analysis (a
 * pure function of the text that checking only reads), so comparing them costs one analysis a line.
 */
function analysingOnce(a: Analyzer): Analyzer {
  const seen = new Map<string, ReturnType<Analyzer['analyze']>>();
  return {
    ...a,
    analyze: (text) => {
      let v = seen.get(text);
      if (!v) seen.set(text, (v = a.analyze(text)));
      return v;
    },
  };
}

/** An analyser getter that counts how often the rules were compiled (a cache hit asks for none). */
function counting() {
  const calls = { n: 0 };
  return { calls, get: async () => (calls.n++, zh) };
}

describe('compiled rules cache', () => {
  // The entry was JSON (4.9 MB for jp), most of it the automata in base64 and ~19,000 small arrays
  // of atoms, parsed on every warm run: they are binary sections now, taken as they are.
  it('the compiled form read back from JSON, packed into bytes, finds exactly what the freshly compiled one finds', () => {
    const data = JSON.parse(JSON.stringify(compiledToData(fresh))) as ReturnType<typeof compiledToData>;
    const bytes = Buffer.from(packCompiled({ layout: 9, key: 'k', data }));
    const head = bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0));
    expect(head.length).toBeLessThan(bytes.byteLength / 2);
    expect(head).not.toContain((data.lexicon.surface.bin as string).slice(0, 40));
    const entry = unpackCompiled(bytes);
    expect([entry.layout, entry.key]).toEqual([9, 'k']);
    expect(entry.data.lexicon.literalAtoms).toEqual(data.lexicon.literalAtoms);
    const back = compiledFromData(entry.data, [full]);
    // What it was built from, it writes again: nothing the compiled form is made of is lost on the way.
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(compiledToData(back))), data)).toBe(true);
    const joined = { segments: lines.slice(0, 60).map((text, i) => ({ start: i, end: i + 1, text, line: i + 1 })), durationSec: 60 };
    const zhOnce = analysingOnce(zh);
    expect(checkTranscript(back, joined, zhOnce)).toEqual(checkTranscript(fresh, joined, zhOnce));
    // And it finds what the fresh one finds, line by line, on a third of the corpus (every line was
    // most of this file's time; the equality above covers what a line could miss).
    for (const text of lines.filter((_, i) => i % 3 === 0)) expect(checkTranscript(back, one(text), zhOnce)).toEqual(checkTranscript(fresh, one(text), zhOnce));
    // Cut short, it is no entry (the cache then compiles).
    expect(() => unpackCompiled(bytes.subarray(0, bytes.byteLength - 8))).toThrow();
  });

  it('lists of integers flatten into two arrays and back', () => {
    const lists = [[1, 2], [], [3], [4, 5, 6]];
    const { starts, values } = flatten(lists);
    expect([...starts]).toEqual([0, 2, 2, 3, 6]);
    expect(unflatten(starts, values)).toEqual(lists);
    expect(() => unflatten(Int32Array.from([0, 9]), values)).toThrow();
  });

  it('compiles once, then serves the compiled form from disk without the analyser', async () => {
    const cacheDir = tmp();
    const a = counting();
    const first = await compileRulesCached([cn], 'zh', a.get, { cacheDir, version: '1.0.0' });
    const second = await compileRulesCached([cn], 'zh', a.get, { cacheDir, version: '1.0.0' });
    expect(a.calls.n).toBe(1);
    expect(readdirSync(path.join(cacheDir, 'compiled'))).toHaveLength(1);
    expect(checkTranscript(second, one(lines[0]!), zh)).toEqual(checkTranscript(first, one(lines[0]!), zh));
  });

  it('is invalidated when a rule changes or the tool version changes', async () => {
    const cacheDir = tmp();
    const a = counting();
    await compileRulesCached([cn], 'zh', a.get, { cacheDir, version: '1.0.0' });
    // A new word in one rule: another key, compiled again, and the new word is found.
    const rule = cn.rules.find((r) => r.kind === 'prohibit');
    expect(rule).toBeDefined();
    const edited: Ruleset = { ...cn, rules: cn.rules.map((r) => (r === rule ? { ...r, match: [...(r.match ?? []), { id: 'test', words: ['测试专用词'] }] } : r)) };
    expect(await compiledKey([edited], 'zh', '1.0.0')).not.toBe(await compiledKey([cn], 'zh', '1.0.0'));
    const c = await compileRulesCached([edited], 'zh', a.get, { cacheDir, version: '1.0.0' });
    expect(a.calls.n).toBe(2);
    expect(checkTranscript(c, one('这是测试专用词'), zh).map((f) => f.ruleId)).toContain(rule!.id);
    await compileRulesCached([cn], 'zh', a.get, { cacheDir, version: '1.0.1' });
    expect(a.calls.n).toBe(3);
    // Where the files are, and how a run names them (relative to its working directory or not), is not what is compiled:
    // runs from different folders share the entry.
    expect(await compiledKey([{ ...cn, sources: cn.sources.map((f) => path.join('/elsewhere', path.basename(f))), warnings: [] }], 'zh', '1.0.0')).toBe(await compiledKey([cn], 'zh', '1.0.0'));
    // The same ruleset for another language is another key too.
    expect(await compiledKey([cn], 'ja', '1.0.0')).not.toBe(await compiledKey([cn], 'zh', '1.0.0'));
  });

  it('never fails a run: a damaged entry or an unwritable folder only means compiling', async () => {
    const cacheDir = tmp();
    const a = counting();
    const opts = { cacheDir, version: '1' };
    await compileRulesCached([cn], 'zh', a.get, opts);
    const file = compiledCacheFile(await compiledKey([cn], 'zh', '1'), opts);
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect((await compileRulesCached([cn], 'zh', a.get, opts)).rules.length).toBe(cn.rules.length);
    expect(a.calls.n).toBe(2);
    // An entry written for other rules (same key by accident) is refused, not misused.
    const entry = unpackCompiled(readFileSync(file));
    entry.data.ruleCount += 1;
    writeFileSync(file, packCompiled(entry));
    await compileRulesCached([cn], 'zh', a.get, opts);
    expect(a.calls.n).toBe(3);
    const blocker = path.join(tmp(), 'file');
    writeFileSync(blocker, 'not a folder');
    expect((await compileRulesCached([cn], 'zh', a.get, { cacheDir: blocker, version: '1' })).rules.length).toBe(cn.rules.length);
  });

  it('keeps the folder bounded: writing an entry removes the oldest beyond MAX_ENTRIES', async () => {
    const cacheDir = tmp();
    const dir = path.join(cacheDir, 'compiled');
    mkdirSync(dir, { recursive: true });
    const old = (i: number) => path.join(dir, `${i.toString(16).padStart(64, '0')}.json`);
    for (let i = 0; i < MAX_ENTRIES + 5; i++) {
      writeFileSync(old(i), '{}');
      utimesSync(old(i), 1_000_000 + i, 1_000_000 + i);
    }
    writeFileSync(path.join(dir, 'notes.txt'), 'not an entry');
    const opts = { cacheDir, version: '1' };
    await compileRulesCached([cn], 'zh', counting().get, opts);
    const left = readdirSync(dir);
    expect(left.filter((n) => /\.(json|bin)$/.test(n))).toHaveLength(MAX_ENTRIES);
    expect(left).toContain(path.basename(compiledCacheFile(await compiledKey([cn], 'zh', '1'), opts)));
    expect(left).toContain('notes.txt');
    // The newest of the old entries stay, the oldest went.
    expect(left).toContain(path.basename(old(MAX_ENTRIES + 4)));
    expect(left).not.toContain(path.basename(old(0)));
  });

  it('prunes the least recently used: a hit keeps an old entry over entries written after it', async () => {
    const cacheDir = tmp();
    const opts = { cacheDir, version: '1' };
    const mine = compiledCacheFile(await compiledKey([cn], 'zh', '1'), opts);
    await compileRulesCached([cn], 'zh', counting().get, opts);
    utimesSync(mine, 1_000_000, 1_000_000);
    const dir = path.dirname(mine);
    const other = (i: number) => path.join(dir, `${(i + 1).toString(16).padStart(64, 'f')}.json`);
    for (let i = 0; i < MAX_ENTRIES; i++) {
      writeFileSync(other(i), '{}');
      utimesSync(other(i), 2_000_000 + i, 2_000_000 + i);
    }
    const a = counting();
    await compileRulesCached([cn], 'zh', a.get, opts); // a hit: touches the entry
    expect(a.calls.n).toBe(0);
    await compileRulesCached([cn.rules.length > 1 ? { ...cn, rules: cn.rules.slice(1) } : cn], 'zh', counting().get, opts); // writes another: prunes
    const left = readdirSync(dir);
    expect(left).toHaveLength(MAX_ENTRIES);
    expect(left).toContain(path.basename(mine));
    expect(left).not.toContain(path.basename(other(0)));
    expect(left).not.toContain(path.basename(other(1)));
  });
});
