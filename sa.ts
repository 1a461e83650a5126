import { createAnalyzerFor } from './src/text/analyzer-for.ts';
import { compileRules } from './src/rules/compile.ts';
import { DEFAULT_RULESET, loadRuleset } from './src/rules/load.ts';
const a = await createAnalyzerFor('ko', { cacheDir: null });
const c = compileRules([await loadRuleset(DEFAULT_RULESET.ko)], a);
console.log('matchers', c.matchers.length, 'anywhere', c.startsAnywhere.length, 'number', c.startsWithNumber.length);
for (const i of c.startsAnywhere) { const m = c.matchers[i] as any; console.log(' anywhere', m.id ?? m.matcherId ?? JSON.stringify(Object.keys(m))); }
