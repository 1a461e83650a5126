/**
 * Matching cost against the number of rules: the compiled automaton should keep the per-segment
 * cost flat as rules grow. Prints segments/s for 10, 100, 1,000 and 5,000 generated rules over
 * the same Chinese transcript, plus tokenizer start-up per language.
 * Run: npm run bench:matching
 */
import { performance } from 'node:perf_hooks';
import { createAnalyzerFor } from '../src/text/analyzer-for.js';
import { checkTranscript } from '../src/rules/check.js';
import { compileRules } from '../src/rules/compile.js';
import type { Rule, Ruleset } from '../src/rules/model.js';
import type { Transcript } from '../src/transcript/model.js';

const startup: string[] = [];
for (const lang of ['ja', 'zh', 'ko'] as const) {
  const t0 = performance.now();
  await createAnalyzerFor(lang);
  startup.push(`${lang} ${(performance.now() - t0).toFixed(0)} ms`);
}
console.log(`tokenizer start-up: ${startup.join(', ')}  (rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB with all three)`);

const zh = await createAnalyzerFor('zh');
const lines = ['家人们晚上好，欢迎来到直播间', '这款精华是国家级配方，全网最低价', '我们最近第一次上新，首先看成分', '产地是浙江杭州，不是最便宜的', '喜欢的家人们点击下方小黄车'];
const transcript: Transcript = { segments: Array.from({ length: 2000 }, (_, i) => ({ start: i * 5, end: i * 5 + 5, text: lines[i % lines.length] as string })) };
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
for (const n of [10, 100, 1000, 5000]) {
  const rules: Rule[] = Array.from({ length: n }, (_, i) => ({
    id: `gen/r${i}`,
    kind: 'prohibit',
    category: 'superlative',
    severity: 'error',
    message: { en: 'x', zh: 'x' },
    reference: 'x',
    terms: [HAN[i % HAN.length]! + HAN[(i * 7 + 3) % HAN.length]! + HAN[(i * 13 + 5) % HAN.length]!],
    examples: { bad: ['x'], good: ['y'] },
  }));
  rules.push({ id: 'gen/real', kind: 'prohibit', category: 'superlative', severity: 'error', message: { en: 'x', zh: 'x' }, reference: 'x', terms: ['国家级'], examples: { bad: ['x'], good: ['y'] } });
  const rs: Ruleset = { id: 'gen', language: 'zh', sources: [], context: {}, rules };
  const c0 = performance.now();
  const compiled = compileRules([rs], zh);
  const compileMs = performance.now() - c0;
  // Best of three runs: the first pays for JIT warm-up.
  let ms = Infinity;
  let findings: unknown[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    findings = checkTranscript(compiled, transcript, zh);
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(
    `${String(n).padStart(5)} rules: compile ${compileMs.toFixed(0).padStart(5)} ms, check ${transcript.segments.length} segments in ${ms.toFixed(0).padStart(5)} ms = ${((transcript.segments.length / ms) * 1000).toFixed(0).padStart(6)} segments/s (${findings.length} findings)`,
  );
}

// The built-in rulesets on a 3-hour stream: the corpus streams repeated to 3 hours of cues.
const { loadRuleset, DEFAULT_RULESET } = await import('../src/rules/load.js');
const { parseTranscript } = await import('../src/transcript/parse.js');
const { readFile, readdir } = await import('node:fs/promises');
const path = await import('node:path');
const streamsDir = path.resolve(import.meta.dirname, '..', 'test', 'corpus', 'streams');
console.log('\nbuilt-in rulesets, a 3-hour stream each (corpus streams repeated):');
for (const lang of ['ja', 'zh', 'ko'] as const) {
  const analyzer = await createAnalyzerFor(lang);
  const rs = await loadRuleset(DEFAULT_RULESET[lang]);
  const compiled = compileRules([rs], analyzer);
  const names = (await readdir(streamsDir)).filter((n) => n.startsWith(`${lang}-`));
  const cues = [];
  for (const n of names) cues.push(...parseTranscript(await readFile(path.join(streamsDir, n), 'utf8'), n).segments);
  const segments: Transcript['segments'] = [];
  let offset = 0;
  while (offset < 3 * 3600) {
    const base = offset;
    for (const c of cues) segments.push({ ...c, start: (c.start ?? 0) + base, end: (c.end ?? 0) + base });
    offset = (segments[segments.length - 1]?.end ?? offset) + 1;
  }
  const t0 = performance.now();
  const findings = checkTranscript(compiled, { segments }, analyzer);
  const ms = performance.now() - t0;
  console.log(`  ${lang} (${rs.rules.length} rules): ${segments.length} cues in ${ms.toFixed(0)} ms (${findings.length} findings)`);
}
