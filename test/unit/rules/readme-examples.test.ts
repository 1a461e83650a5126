/**
 * The rules shown in the README's Rules section load and pass their own examples: the house
 * ruleset (zh) and the worked examples in Japanese and Korean.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileRules } from '../../../src/rules/compile.js';
import { runExamples } from '../../../src/rules/examples.js';
import { loadRuleset } from '../../../src/rules/load.js';

const README = path.resolve(import.meta.dirname, '..', '..', '..', 'README.md');

async function yamlBlocks(): Promise<string[]> {
  const text = await readFile(README, 'utf8');
  const rules = text.slice(text.indexOf('\n## Rules'));
  return [...rules.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

async function failures(yaml: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lc-readme-'));
  const file = path.join(dir, 'house.yaml');
  await writeFile(file, yaml);
  const rs = await loadRuleset(file);
  const an = await createAnalyzerFor(rs.language);
  const own = new Set(rs.rules.filter((r) => r.id.startsWith('house/')).map((r) => r.id));
  expect(own.size).toBeGreaterThan(0);
  // Only the README's own rules are compiled, with the inherited context cues and vocab: a rule's findings never depend
  // on the other rules (nor does the tokenizer), and compiling the whole built-in ruleset took most of this file's time.
  const mine = { ...rs, rules: rs.rules.filter((r) => own.has(r.id)) };
  return runExamples(compileRules([mine], an), an, own)
    .filter((r) => !r.passed)
    .map((r) => `${r.ruleId} ${r.kind} ${r.text}: ${r.reason ?? ''}`);
}

describe('README rule examples', () => {
  it('the house ruleset (zh) loads and passes its examples', async () => {
    const [house] = await yamlBlocks();
    expect(await failures(house as string)).toEqual([]);
  });

  it('the Japanese and Korean worked examples pass their examples', async () => {
    const worked = (await yamlBlocks()).find((b) => b.includes('house/ja/cure')) as string;
    const [ja, ko] = worked.split(/\n(?=# ko:)/);
    for (const [lang, base, rules] of [['ja', 'jp', ja], ['ko', 'kr', ko]] as const) {
      expect(await failures(`id: house-${lang}\nlanguage: ${lang}\nextends: [${base}]\nrules:\n${rules}`)).toEqual([]);
    }
  });
});
