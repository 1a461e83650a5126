/**
 * The built-in rulesets are written in the structured matcher language: every bad example states
 * the words it must report, few regular expressions remain and each says why it is one.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { regexMatchers } from '../../../src/cli/rules.js';
import { BUILTIN_DIR, builtinRulesetNames } from '../../../src/rules/load.js';
import { canonicalBadExample } from '../../../src/rules/parse.js';
import { findHits } from '../../../src/rules/match.js';
import { builtinCompiled, builtinRuleset } from '../../helpers/builtin.js';

/** At most this many `regex:` matchers across all built-in rulesets (issue 9: from 662). */
const MAX_REGEXES = 100;

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(p)));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('built-in rulesets', () => {
  // Compiling the three rulesets (tokenizing every word they name) is the file's set-up, not a test's: on a busy
  // machine it took most of the 60 s a test may run, and the first test to compile timed out. A hook may take 120 s.
  beforeAll(async () => {
    for (const name of builtinRulesetNames()) await builtinCompiled(name);
  });

  it('state the exact words every bad example must report', async () => {
    const missing: string[] = [];
    for (const name of builtinRulesetNames()) {
      const rs = await builtinRuleset(name);
      for (const rule of rs.rules) for (const ex of rule.examples.bad.map(canonicalBadExample)) if (rule.kind === 'prohibit' && !ex.match) missing.push(`${rule.id}: ${ex.text}`);
    }
    expect(missing).toEqual([]);
  });

  it(`keep at most ${MAX_REGEXES} regular expressions, and no older terms/patterns shorthands`, async () => {
    const counts: Record<string, number> = {};
    let total = 0;
    const seen = new Set<string>();
    for (const name of builtinRulesetNames()) {
      for (const r of regexMatchers(await builtinRuleset(name))) {
        const key = `${r.rule}#${r.matcher}`;
        if (seen.has(key)) continue;
        seen.add(key);
        total++;
        counts[r.rule.split('/').slice(0, 2).join('/')] = (counts[r.rule.split('/').slice(0, 2).join('/')] ?? 0) + 1;
      }
    }
    console.log(`regular expressions in rulesets/: ${total} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
    expect(total).toBeLessThanOrEqual(MAX_REGEXES);
    for (const file of await yamlFiles(BUILTIN_DIR)) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/^\s+(terms|patterns):/m);
    }
  });

  it('give each regular expression an example of its own: a bad example (prohibit) or a good one (require) it matches', async () => {
    const unexercised: string[] = [];
    for (const name of builtinRulesetNames()) {
      const { analyzer: an, compiled: c } = await builtinCompiled(name);
      c.matchers.forEach((m, mi) => {
        if (!m.regex) return;
        const rule = c.rules[m.rule];
        if (!rule) return;
        const texts = rule.kind === 'prohibit' ? rule.examples.bad.map((e) => canonicalBadExample(e).text) : rule.examples.good;
        if (!texts.some((t) => findHits(c, an.analyze(t)).some((h) => h.matcher === mi))) unexercised.push(`${rule.id} ${m.id}`);
      });
    }
    expect(unexercised).toEqual([]);
  });

  it('give every rule an id no other file of the built-in rulesets uses (a later file would silently replace it)', async () => {
    const where = new Map<string, string[]>();
    for (const file of await yamlFiles(BUILTIN_DIR)) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/^  - id: (\S+)\s*$/gm)) {
        const id = m[1] as string;
        where.set(id, [...(where.get(id) ?? []), path.relative(BUILTIN_DIR, file)]);
      }
    }
    expect([...where].filter(([, files]) => files.length > 1).map(([id, files]) => `${id}: ${files.join(', ')}`)).toEqual([]);
    // And the loader, which `rules lint` reports from, agrees.
    for (const name of builtinRulesetNames()) expect((await builtinRuleset(name)).warnings ?? []).toEqual([]);
  });

  it('say why each regular expression is one, in a comment on the line above', async () => {
    const unexplained: string[] = [];
    for (const file of await yamlFiles(BUILTIN_DIR)) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (!/^\s*(-\s+)?regex:/.test(line)) return;
        // The comment block just above the matcher (its `- id:` line may stand between) says why.
        let j = i - 1;
        let explained = false;
        while (j >= 0 && /^\s*(#|-\s+id:)/.test(lines[j] ?? '')) {
          if (/#\s*regex:/.test(lines[j] ?? '')) explained = true;
          j--;
        }
        if (!explained) unexplained.push(`${path.relative(BUILTIN_DIR, file)}:${i + 1}`);
      });
    }
    expect(unexplained).toEqual([]);
  });
});
