import { loadRuleset } from './src/rules/load.ts';
import { compileRules } from './src/rules/compile.ts';
import { createAnalyzerFor } from './src/text/analyzer-for.ts';
for (const [n, l] of [['jp','ja'],['cn','zh'],['kr','ko']] as const) { const rs = await loadRuleset(n); const an = await createAnalyzerFor(l); const t0=performance.now(); compileRules([rs], an); console.log(n, 'compile', (performance.now()-t0).toFixed(0),'ms'); }
