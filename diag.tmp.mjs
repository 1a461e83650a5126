// Count-only diagnostic on a set's misses: which word classes of the cn vocab appear in each missed line (aggregate counts only, no text printed).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { createAnalyzerFor } from './dist/text/analyzer-for.js';
import { checkTranscript } from './dist/rules/check.js';
import { compileRules } from './dist/rules/compile.js';
import { DEFAULT_RULESET, loadRuleset } from './dist/rules/load.js';
const [file] = process.argv.slice(2);
const doc = parse(await readFile(file, 'utf8'));
const items = doc.quotes ?? doc;
const vocab = parse(await readFile('rulesets/cn/vocab.yaml', 'utf8')).vocab;
const groups = {
  ailment: ['disease', 'condition', 'symptom', 'ailment', 'sufferer', 'dental'],
  flaw: ['flaw', 'blemish'],
  body: ['body_system', 'tcm_function', 'beauty_effect'],
  use: ['use_start', 'took', 'use_verb'],
  outcome: ['cured', 'better', 'improve', 'body_change', 'body_restored', 'fade', 'outcome', 'effect'],
  price: ['ref_price', 'ref_place'],
};
const analyzer = await createAnalyzerFor('zh');
const compiled = compileRules([await loadRuleset(DEFAULT_RULESET.zh)], analyzer);
let missed = 0; const counts = {}; const combos = {};
for (const it of items) {
  if (it.violating === false) continue;
  const hit = checkTranscript(compiled, { segments: [{ start: 0, end: 5, text: String(it.text) }] }, analyzer).some((f) => f.kind === 'prohibited');
  if (hit) continue;
  missed++;
  const toks = new Set(analyzer.analyze(String(it.text)).tokens.map((t) => t.surface));
  const has = [];
  for (const [g, lists] of Object.entries(groups)) {
    const words = lists.flatMap((l) => vocab[l] ?? []);
    if (words.some((w) => toks.has(w))) { counts[g] = (counts[g] ?? 0) + 1; has.push(g); }
  }
  const key = has.join('+') || 'none';
  combos[key] = (combos[key] ?? 0) + 1;
}
console.log(`${file}: missed ${missed}; lines holding a word of each class:`, JSON.stringify(counts));
console.log('combinations:', JSON.stringify(combos));
