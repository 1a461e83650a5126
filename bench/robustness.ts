/**
 * Robustness of the built-in rulesets to what speech and captions put around a claim: each change
 * below is applied to every labelled line of the corpus (test/corpus/{ja,zh,ko}.yaml, our own
 * sentences) that the rules catch as written, and to every trap (lawful line) the rules leave clean.
 * Prints, per language and change, how many caught lines are lost and how many clean traps become
 * flagged. A change the rules should not care about loses none and flags none.
 *
 * Run: npm run bench:robustness [-- --lang ko] [-- --show 5]
 */
import path from 'node:path';
import { checkTranscript } from '../src/rules/check.js';
import type { CompiledRules } from '../src/rules/compile.js';
import type { Analyzer } from '../src/text/analyze.js';
import type { Language } from '../src/transcript/model.js';
import { toHiragana } from '../src/rules/kana-variants.js';
import { builtinCompiled } from '../test/helpers/builtin.js';
import { CORPUS_DIR, loadCorpus } from '../test/corpus/evaluate.js';

const args = process.argv.slice(2);
const only = args.includes('--lang') ? (args[args.indexOf('--lang') + 1] as Language) : undefined;
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;

type Change = (text: string) => string;

/** The first pause (space in Korean, comma otherwise) or, failing that, the middle of the line. */
function firstBreak(text: string, lang: Language): number {
  const i = lang === 'ko' ? text.indexOf(' ') : text.search(/[，、,]/u);
  return i > 0 ? i : Math.floor(text.length / 2);
}

/** Changes a host, a subtitler or speech recognition makes without changing what is claimed. */
function changes(lang: Language, analyzer: Analyzer): Record<string, Change> {
  const pick = (ja: string, zh: string, ko: string) => ({ ja, zh, ko })[lang];
  return {
    ...(lang === 'ja' && { 'verbs and adjectives written in kana (きえる for 消える)': (t: string) => inKana(analyzer, t) }),
    'a question before it (你们知道吗，/ 知ってました？/ 그거 아세요?)': (t) => pick('皆さん知ってました？', '你们知道吗，', '그거 아세요? ') + t,
    'a topic named before it (这个呢，/ これはですね、/ 이거는요,)': (t) => pick('これはですね、', '这个呢，', '이거는요, ') + t,
    'a filler before it (えーと、/ 就是说，/ 음 그러니까)': (t) => pick('えーと、', '就是说，', '음 그러니까 ') + t,
    'an emoji at the first pause': (t) => { const i = firstBreak(t, lang); return t.slice(0, i) + '😍' + t.slice(i); },
    'in quotation marks': (t) => `“${t}”`,
    'a tag question after it (ね / 对吧 / 그렇죠)': (t) => t + pick('、ね', '，对吧', ', 그렇죠'),
    'no punctuation (speech recognition without it)': (t) => (lang === 'ko' ? t.replace(/[，。、！？!?,.…「」“”]/gu, ' ').replace(/\s+/gu, ' ').trim() : t.replace(/[，。、！？!?,.…「」“”\s]/gu, '')),
  };
}

/** Every verb and adjective written with kanji, written in kana instead (as its IPADIC reading says). */
function inKana(analyzer: Analyzer, text: string): string {
  const a = analyzer.analyze(text);
  let out = '';
  let at = 0;
  for (const t of a.tokens) {
    if (!/^(動詞|形容詞)/u.test(t.pos) || !/\p{Script=Han}/u.test(t.surface) || !t.reading) continue;
    out += a.norm.text.slice(at, t.start) + toHiragana(t.reading);
    at = t.end;
  }
  return out + a.norm.text.slice(at);
}

async function measure(lang: Language): Promise<void> {
  const corpus = await loadCorpus(path.join(CORPUS_DIR, `${lang}.yaml`));
  const { analyzer, compiled } = await builtinCompiled(corpus.ruleset);
  const fires = (text: string) => flagged(compiled, analyzer, text);
  const caught = corpus.lines.filter((l) => l.expect.length > 0 && fires(l.text)).map((l) => l.text);
  const clean = corpus.lines.filter((l) => l.trap && !fires(l.text)).map((l) => l.text);
  console.log(`\n## ${lang} (${corpus.ruleset}): ${caught.length} caught lines, ${clean.length} clean traps\n`);
  console.log('| change | caught lines lost | clean traps flagged |');
  console.log('| --- | ---: | ---: |');
  const examples: string[] = [];
  for (const [name, change] of Object.entries(changes(lang, analyzer))) {
    const lost = caught.filter((t) => !fires(change(t)));
    const dirty = clean.filter((t) => fires(change(t)));
    console.log(`| ${name} | ${lost.length} (${pct(lost.length, caught.length)}) | ${dirty.length} (${pct(dirty.length, clean.length)}) |`);
    for (const t of lost.slice(0, show)) examples.push(`  lost   [${name}] ${change(t)}`);
    for (const t of dirty.slice(0, show)) examples.push(`  dirty  [${name}] ${change(t)}`);
  }
  if (examples.length) console.log(`\n${examples.join('\n')}`);
}

function flagged(compiled: CompiledRules, analyzer: Analyzer, text: string): boolean {
  return checkTranscript(compiled, { segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 }, analyzer).some((f) => f.kind === 'prohibited');
}

const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '0.0'}%`;

for (const lang of ['ja', 'zh', 'ko'] as const) if (!only || only === lang) await measure(lang);
