/**
 * Accuracy of the built-in rulesets on the labelled corpora: precision, recall and F1 per language
 * and per category, trap lines left clean, and whether removing the seller and origin lines from a
 * stream produces the missing-disclosure findings. Also, where ../shared/reference is present, how
 * the rules fare on its public example sentences (measured, never copied).
 * Also the real claims of ../shared/reference/sentences/real-claims-{zh,ja,ko}.yaml (claims that
 * regulators punished, and compliant wording), split by source into a tuning part and a held-out
 * part (test/corpus/real-claims.ts): recall and compliant lines left clean per part and language.
 * Held-out parts (of the real claims and test/corpus/holdout) are printed as counts only, never
 * their texts.
 * Run: npm run bench:accuracy [-- --lang zh] [-- --verbose] [-- --no-holdout] [-- --misses]
 *   --no-holdout  compute and print nothing from any held-out part (for whoever tunes the rules)
 *   --misses      list the tuning part's missed real claims and false alarms
 * `npm run bench:tuning` is `bench:accuracy --no-holdout --misses`: what rule writers run.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { createAnalyzerFor } from '../src/text/analyzer-for.js';
import { checkTranscript } from '../src/rules/check.js';
import { compileRules } from '../src/rules/compile.js';
import { DEFAULT_RULESET, loadRuleset } from '../src/rules/load.js';
import type { Language } from '../src/transcript/model.js';
import { evaluateRealClaims, loadRealClaims, rate, REAL_CLAIM_LANGUAGES, realClaimsFile, realClaimsPresent, type Rate, type RealClaimsResult } from '../test/corpus/real-claims.js';
import { corpusFiles, evaluateCorpus, f1, loadCorpus, precision, recall, type Counts, type CorpusResult } from '../test/corpus/evaluate.js';

const args = process.argv.slice(2);
const only = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
const verbose = args.includes('--verbose');
const noHoldout = args.includes('--no-holdout');
const misses = args.includes('--misses');

const pct = (x: number) => x.toFixed(3);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const countRow = (name: string, c: Counts) => row([name, c.tp + c.fn, c.tp, c.fp, c.fn, pct(precision(c)), pct(recall(c)), pct(f1(c))]);

type Corpus = Awaited<ReturnType<typeof loadCorpus>>;

/** A set's corpora (of the language asked for, if one was). */
async function loadSet(set: 'corpus' | 'holdout' | 'holdout-f'): Promise<Corpus[]> {
  const out: Corpus[] = [];
  for (const file of await corpusFiles(set)) {
    const corpus = await loadCorpus(file);
    if (!only || corpus.language === only) out.push(corpus);
  }
  return out;
}

async function evaluateSet(set: 'corpus' | 'holdout' | 'holdout-f', corpora?: Corpus[]): Promise<CorpusResult[]> {
  const out: CorpusResult[] = [];
  for (const corpus of corpora ?? (await loadSet(set))) out.push(await evaluateCorpus(corpus, { streams: set === 'corpus' }));
  return out;
}

const tuning = await loadSet('corpus');
const results = await evaluateSet('corpus', tuning);
// --no-holdout: for whoever tunes the rules, who must not see the blind set's lines.
const holdout = noHoldout ? [] : await evaluateSet('holdout');
const holdoutF = noHoldout ? [] : await evaluateSet('holdout-f');
if (results.length === 0) {
  console.log('no corpus found (test/corpus/{ja,zh,ko}.yaml)');
  process.exit(1);
}

function languageTable(title: string, rs: CorpusResult[], withStreams: boolean): void {
  console.log(`\n## ${title}\n`);
  console.log(row(['language', 'ruleset', 'lines', 'precision', 'recall', 'F1', 'trap lines clean', ...(withStreams ? ['streams: seller+origin missing when removed'] : [])]));
  console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---:', ...(withStreams ? ['---'] : [])]));
  for (const r of rs) {
    const streams = r.streams.length ? `${r.streams.filter((s) => s.ok).length}/${r.streams.length}` : 'no streams';
    console.log(row([r.language, r.ruleset, r.lines, pct(precision(r.total)), pct(recall(r.total)), pct(f1(r.total)), `${r.traps.clean}/${r.traps.total}`, ...(withStreams ? [streams] : [])]));
  }
}

languageTable('Tuning corpus (test/corpus): per language', results, true);

/**
 * The corpus as speech recognition may write it: Whisper often leaves out punctuation, and (ja, zh)
 * the spaces people put between phrases. Korean keeps its spaces (they are part of its writing).
 */
function asTranscribed(text: string, language: Language): string {
  const noPunct = text.replace(/[，。、！？!?,.~…「」『』"'“”‘’()（）:：;；]/g, language === 'ko' ? '' : ' ');
  return language === 'ko' ? noPunct.replace(/\s+/g, ' ').trim() : noPunct.replace(/\s+/g, '');
}
/** The tuning corpora (of the languages `keep` takes) with every line rewritten. */
async function evaluateRewritten(rewrite: (text: string, language: Language) => string, keep: (language: Language) => boolean = () => true): Promise<CorpusResult[]> {
  const out: CorpusResult[] = [];
  for (const corpus of tuning.filter((c) => keep(c.language))) {
    out.push(await evaluateCorpus({ ...corpus, lines: corpus.lines.map((l) => ({ ...l, text: rewrite(l.text, corpus.language) })) }));
  }
  return out;
}
const transcribed = await evaluateRewritten(asTranscribed);
languageTable('Tuning corpus as speech recognition may write it (no punctuation; ja, zh: no spaces)', transcribed, false);

/**
 * The corpus as a host hesitates: a filler said at the line's first pause (、えー、 / ，呃， / after the first Korean
 * word, 어), or in a Japanese line without one after its first particle (不眠が、あのー、治る). A claim said around a
 * filler is still the claim; a trap line is still no claim.
 */
function withFiller(text: string, language: Language): string {
  if (language === 'ko') {
    const space = text.indexOf(' ');
    return space < 0 ? text : `${text.slice(0, space + 1)}어 ${text.slice(space + 1)}`;
  }
  const comma = /[、，,]/u.exec(text);
  if (comma) return `${text.slice(0, comma.index + 1)}${language === 'ja' ? 'えー、' : '呃，'}${text.slice(comma.index + 1)}`;
  const particle = language === 'ja' ? /[\p{sc=Han}\p{sc=Katakana}ー][がをはにも](?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u.exec(text) : null;
  return particle ? `${text.slice(0, particle.index + 2)}、あのー、${text.slice(particle.index + 2)}` : text;
}
languageTable('Tuning corpus with a filler said at the first pause (えー, 呃, 어)', await evaluateRewritten(withFiller), false);

/**
 * The corpus as speech recognition punctuates a host who breathes often: a pause comma after every particle or
 * connective that more words follow (ja 効果が、なかった、ケースは、ゼロ; ko 당뇨에, 좋은 차, where a space follows
 * the word). Such a comma is a breath inside the clause: the claim is still the claim, the trap still no claim.
 */
const breathAnalyzers = new Map(await Promise.all((['ja', 'ko'] as const).map(async (l) => [l, await createAnalyzerFor(l)] as const)));
function withBreaths(text: string, language: Language): string {
  const an = breathAnalyzers.get(language as 'ja' | 'ko');
  if (!an) return text;
  const a = an.analyze(text);
  const particle = language === 'ja' ? /^助詞-(?:格助詞|係助詞|副助詞|接続助詞)/u : /^(?:JKS|JKO|JKB|JX|EC)$/u;
  let out = '';
  let at = 0;
  a.tokens.forEach((t, i) => {
    const next = a.tokens[i + 1];
    const after = a.norm.text.slice(t.end, t.end + 1);
    const place = language === 'ja' ? after !== '' && !/[、。，,！？!?\s]/u.test(after) : after === ' ';
    if (!particle.test(t.pos) || !next || !place || !/[\p{L}\p{N}]/u.test(next.surface)) return;
    out += `${a.norm.text.slice(at, t.end)}${language === 'ja' ? '、' : ','}`;
    at = t.end;
  });
  return out + a.norm.text.slice(at);
}
languageTable('Tuning corpus with a pause comma after every particle (ja 、; ko , before a space)', await evaluateRewritten(withBreaths, (l) => l !== 'zh'), false);

/**
 * Korean written without spaces, as captions, hashtags and on-screen text often are (#당뇨에좋은차): the same
 * lines with every space taken out. MeCab-ko cuts spaceless text otherwise, so this measures what that costs.
 */
const unspaced = await evaluateRewritten((text) => text.replace(/\s+/g, ''), (language) => language === 'ko');
if (unspaced.length) languageTable('Korean tuning corpus written without spaces (captions, hashtags)', unspaced, false);

/**
 * Korean with one space left out, as writers and speech recognition often do (안좋아져요, 두배로, 할수있어요): the space
 * in the middle of the line (the middle one of its spaces) taken out.
 */
function oneSpaceLeftOut(text: string): string {
  const spaces = [...text.matchAll(/ /gu)].map((m) => m.index);
  const k = spaces[Math.floor((spaces.length - 1) / 2)];
  return k === undefined ? text : text.slice(0, k) + text.slice(k + 1);
}
const merged = await evaluateRewritten(oneSpaceLeftOut, (language) => language === 'ko');
if (merged.length) languageTable('Korean tuning corpus with one space left out (the middle one)', merged, false);
if (holdout.length) languageTable('Blind hold-out set (test/corpus/holdout: written without seeing the rules, never tuned on)', holdout, false);
else console.log('\n(no blind hold-out set at test/corpus/holdout)');
if (holdoutF.length) languageTable('Blind set F (test/corpus/holdout/f: written 2026-12-02 without seeing the rules, never tuned on)', holdoutF, false);

for (const [label, r] of [...results.map((x) => ['corpus', x] as const), ...holdout.map((x) => ['hold-out', x] as const)]) {
  console.log(`\n## ${label} ${r.language} (${r.ruleset}) per category\n`);
  console.log(row(['category', 'labelled', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const [cat, c] of [...r.byCategory].sort(([a], [b]) => a.localeCompare(b))) console.log(countRow(cat, c));
  for (const s of r.streams) {
    console.log(`stream ${s.file}: missing as recorded [${s.missingAsIs.join(', ') || 'none'}]; without its ${s.removedLines} seller/origin lines [${s.missingWithoutDisclosures.join(', ') || 'none'}] → ${s.ok ? 'ok' : 'NOT OK'}`);
  }
  if (label === 'hold-out') {
    // A blind set stays blind: counts only, never its lines.
    if (r.mistakes.length || r.traps.dirty.length) console.log(`  ${r.mistakes.length} mistakes, ${r.traps.dirty.length} trap lines not clean (hold-out lines are never printed)`);
  } else if (verbose || r.mistakes.length <= 40) {
    for (const m of r.mistakes) console.log(`  ${m.kind} ${m.category} (line ${m.line}): ${m.text}${m.fired.length ? `   ← ${m.fired.join('; ')}` : ''}`);
    for (const d of r.traps.dirty) console.log(`  trap not clean (line ${d.line}): ${d.text}   ← ${d.fired.join('; ')}`);
  } else {
    console.log(`  ${r.mistakes.length} mistakes (run with --verbose to list them)`);
  }
}

// Public reference sentences (../shared/reference/sentences): measured only, never copied.
const refDir = path.resolve(import.meta.dirname, '..', '..', 'shared', 'reference', 'sentences');
if (!existsSync(refDir)) {
  console.log('\n(reference sentences not present at ../shared/reference/sentences: skipped)');
} else {
  console.log('\n## Public reference sentences (../shared/reference/sentences)\n');
  console.log(row(['set', 'language', 'sentences', 'labelled violating', 'flagged of those', 'labelled acceptable', 'flagged of those (false alarms)']));
  console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---:']));
  const sets: [string, Language][] = [
    ['ja-acceptable-wording.yaml', 'ja'],
    ['ko-checker-fixtures.yaml', 'ko'],
  ];
  for (const [name, lang] of sets) {
    const file = path.join(refDir, name);
    if (!existsSync(file)) continue;
    if (only && only !== lang) continue;
    const items = parse(await readFile(file, 'utf8')) as { text: string; violating: boolean }[];
    const analyzer = await createAnalyzerFor(lang);
    const compiled = compileRules([await loadRuleset(DEFAULT_RULESET[lang])], analyzer);
    let bad = 0;
    let badHit = 0;
    let good = 0;
    let goodHit = 0;
    for (const it of items) {
      const hit = checkTranscript(compiled, { segments: [{ start: 0, end: 5, text: it.text }] }, analyzer).some((f) => f.kind === 'prohibited');
      if (it.violating) {
        bad++;
        if (hit) badHit++;
      } else {
        good++;
        if (hit) goodHit++;
      }
    }
    console.log(row([name, lang, items.length, bad, bad ? `${badHit} (${pct(badHit / bad)})` : '-', good, good ? `${goodHit} (${pct(goodHit / good)})` : '-']));
  }
  console.log('\n(These sets were written for printed cosmetics copy, not speech, and label some things our laws do not: read the rates as a rough outside check.)');
}

// Real claims (../shared/reference/sentences/real-claims-*.yaml): measured only, never copied.
const frac = (r: Rate) => `${r.hit}/${r.total} (${pct(rate(r))})`;
if (!realClaimsPresent()) {
  console.log('\n(real claims not present at ../shared/reference/sentences: skipped)');
} else {
  const langs = REAL_CLAIM_LANGUAGES.filter((l) => (!only || only === l) && realClaimsPresent(l));
  const tuning: RealClaimsResult[] = [];
  const held: RealClaimsResult[] = [];
  for (const lang of langs) {
    tuning.push(await evaluateRealClaims(lang, await loadRealClaims(lang, 'tuning'), { part: 'tuning', texts: misses }));
    // Held-out: counts only (no texts are even kept), and not computed at all with --no-holdout.
    if (!noHoldout) held.push(await evaluateRealClaims(lang, await loadRealClaims(lang, 'holdout'), { part: 'holdout' }));
  }
  console.log('\n## Real claims (../shared/reference/sentences/real-claims-*.yaml), split by source\n');
  console.log('A claim counts as caught when any prohibited finding fires on it; a compliant line is clean when none does.\n');
  console.log('"Without false-origin": an origin said is false only in fact, so from the words alone those claims can be caught only when they also say something else.');
  console.log('"With the origin declared": each false-origin claim also read against a one-product manifest declaring the origin its case found (test/corpus/real-claims-origins.yaml); "origin contradicted" counts those claims the manifest check reports.\n');
  console.log(row(['language', 'part', 'sources', 'items', 'recall (violating flagged)', 'recall without false-origin', 'recall with the origin declared', 'origin contradicted', 'compliant lines clean']));
  console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const r of [...tuning, ...held].sort((a, b) => langs.indexOf(a.language) - langs.indexOf(b.language))) {
    const origin = r.byCategory.get('false-origin') ?? { hit: 0, total: 0 };
    const without = { hit: r.recall.hit - origin.hit, total: r.recall.total - origin.total };
    console.log(row([r.language, r.part, r.sources, r.items, frac(r.recall), frac(without), frac(r.withDeclaredOrigin), `${r.originDeclared.hit}/${r.originDeclared.total}`, frac(r.clean)]));
  }
  if (noHoldout) console.log('\n(--no-holdout: the held-out part was neither measured nor read)');
  for (const r of [...tuning, ...held]) {
    console.log(`\n### real claims ${r.language} ${r.part}: recall per category\n`);
    console.log(row(['category', 'violating', 'flagged', 'recall']));
    console.log(row(['---', '---:', '---:', '---:']));
    for (const [cat, c] of [...r.byCategory].sort(([a], [b]) => a.localeCompare(b))) console.log(row([cat, c.total, c.hit, pct(rate(c))]));
    const w = r.missedWhy;
    console.log(`\nmissed, why (counts): no rule's prohibited words matched ${w.noMatch}; matched but excused by the rule's unless ${w.unless}, a negation ${w.negation}, a quotation ${w.quotation}`);
    if (r.part === 'tuning' && misses) {
      const file = path.relative(process.cwd(), realClaimsFile(r.language));
      console.log(`\nmissed (${r.misses.length}):`);
      for (const m of r.misses) console.log(`  MISS ${m.category} (${file}:${m.line}): ${m.text}`);
      console.log(`false alarms (${r.falseAlarms.length}):`);
      for (const m of r.falseAlarms) console.log(`  FALSE ALARM ${m.category} (${file}:${m.line}): ${m.text}   ← ${m.fired.join('; ')}`);
    }
  }
  if (!misses) console.log('\n(run `npm run bench:tuning` to list the tuning part\'s missed claims and false alarms)');
}
