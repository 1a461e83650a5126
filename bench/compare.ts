/**
 * livecomply against textlint + prh, side by side in one run on the same files, plus start-up.
 *
 * Every figure is a separate process, as a CI job runs it: wall time, CPU time (user + system)
 * and peak RSS (from process.resourceUsage() at exit, through a preloaded module), the median of
 * several runs. textlint + prh get a dictionary made from the built-in rulesets' plain terms (one
 * per language: every word list of every prohibit rule), and the same .txt files livecomply audits:
 *   - one cue (the first line of a corpus stream),
 *   - three hours: 10,000 cues (~1 MB), the corpus streams repeated, with [h:mm:ss] times,
 *   - three hours of distinct lines: 10,000 cues of two corpus lines each, no pair repeated.
 * livecomply runs with a warm cache folder (rulesets and the expanded Japanese dictionary are
 * written there by a first run, as on any machine after the first audit); the cold first run is
 * shown too.
 * Run: npm run bench:compare (part of npm run bench)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { builtinRulesetNames, loadRuleset } from '../src/rules/load.js';
import { parseTranscript } from '../src/transcript/parse.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'livecomply.cjs');
const TEXTLINT = path.join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const LANGS = ['ja', 'zh', 'ko'] as const;
type Lang = (typeof LANGS)[number];

const work = mkdtempSync(path.join(os.tmpdir(), 'lc-bench-compare-'));
const cacheDir = path.join(work, 'cache');
const peakFile = path.join(work, 'peak.json');
const preload = path.join(work, 'peak.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(peakFile)}, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
);

interface Run {
  wall: number;
  cpu: number;
  peak: number;
}

function once(args: string[], env: Record<string, string> = {}): Run {
  rmSync(peakFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: work,
    env: { ...process.env, NO_COLOR: '1', LIVECOMPLY_CACHE_DIR: cacheDir, NODE_OPTIONS: `--require ${preload}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const wall = performance.now() - t0;
  if (r.status === null || r.status > 3 || r.error) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr?.toString()}`);
  const u = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRSS: number; cpu: number };
  return { wall, cpu: u.cpu, peak: u.maxRSS / 1024 };
}

function median(args: string[], runs: number, env?: Record<string, string>): Run {
  const rs = Array.from({ length: runs }, () => once(args, env));
  const mid = <K extends keyof Run>(k: K) => (rs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs / 2)] as number);
  return { wall: mid('wall'), cpu: mid('cpu'), peak: mid('peak') };
}

/** The plain words of every prohibit rule: `terms:` lists, and `words:` lists of `match:` entries. */
export function plainTerms(rule: unknown): string[] {
  const r = rule as Record<string, unknown>;
  if (r.kind !== undefined && r.kind !== 'prohibit') return [];
  const out: string[] = [];
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  out.push(...strings(r.terms));
  const match = r.match;
  for (const m of Array.isArray(match) ? match : match ? [match] : []) {
    if (m && typeof m === 'object') out.push(...strings((m as Record<string, unknown>).words), ...strings((m as Record<string, unknown>).terms));
  }
  return out;
}

const terms = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
for (const name of builtinRulesetNames()) {
  const rs = await loadRuleset(name);
  for (const rule of rs.rules) for (const t of plainTerms(rule)) terms.get(rs.language as Lang)?.add(t);
}
for (const lang of LANGS) {
  // prh reports each pattern that differs from `expected`: a prohibited word expects nothing like it.
  const rules = [...(terms.get(lang) ?? [])].map((t) => ({ expected: '〓', patterns: [t] }));
  writeFileSync(path.join(work, `prh-${lang}.yml`), stringify({ version: 1, rules }));
  writeFileSync(path.join(work, `textlintrc-${lang}.json`), JSON.stringify({ rules: { prh: { rulePaths: [path.join(work, `prh-${lang}.yml`)] } } }));
}

// The files: one cue, and three hours of cues, per language.
const streams = path.join(ROOT, 'test', 'corpus', 'streams');
const clock = (s: number) => `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
type Long = { file: string; bytes: number; cues: number };
const files: Record<Lang, { one: string; long: Long; distinct: Long }> = {} as never;
const writeLong = (file: string, texts: (i: number) => string): Long => {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(`[${clock(i * 1.08)}] ${texts(i)}`);
  const text = lines.join('\n') + '\n';
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), cues: lines.length };
};
for (const lang of LANGS) {
  const cues = readdirSync(streams)
    .filter((n) => n.startsWith(`${lang}-`))
    .sort()
    .flatMap((n) => parseTranscript(readFileSync(path.join(streams, n), 'utf8'), n).segments.map((s) => s.text.replace(/\s*\n\s*/g, ' ')));
  const one = path.join(work, `${lang}-one-cue.txt`);
  writeFileSync(one, `${cues[0]}\n`);
  // The corpus streams repeated: about 100 distinct lines, each said 100 times (a stream repeats
  // itself, but not this much, and livecomply analyses a repeated line once).
  const long = writeLong(path.join(work, `${lang}-3h.txt`), (i) => cues[i % cues.length] as string);
  // No line twice: two lines of the labelled corpus (~2,000 a language) per cue, paired so that no
  // pair recurs within the 10,000 cues.
  const corpus = (parse(readFileSync(path.join(ROOT, 'test', 'corpus', `${lang}.yaml`), 'utf8')) as { lines: { text: string }[] }).lines.map((l) => l.text);
  const n = corpus.length;
  const distinct = writeLong(path.join(work, `${lang}-3h-distinct.txt`), (i) => `${corpus[i % n]} ${corpus[(i + Math.floor(i / n) + 1) % n]}`);
  files[lang] = { one, long, distinct };
}

const livecomply = (file: string, lang: Lang) => [BIN, 'audit', file, '--lang', lang, '--format', 'json', '--fail-on', 'never'];
const textlint = (file: string, lang: Lang) => [TEXTLINT, '--config', path.join(work, `textlintrc-${lang}.json`), '--format', 'json', file];

const cpu = (os.cpus()[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
console.log(`machine: ${os.availableParallelism()} cores (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)} at start`);
console.log(`prh dictionaries (plain terms of the built-in rulesets' prohibit rules): ${LANGS.map((l) => `${l} ${terms.get(l)?.size}`).join(', ')} terms`);

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mib = (x: number) => `${x.toFixed(0)} MiB`;

console.log('\nStart-up (median of 11 runs):');
const node0 = median(['-e', '0'], 11);
const version = median([BIN, '--version'], 11);
const help = median([BIN, '--help'], 11);
const list = median([BIN, 'rules', 'list'], 5);
console.log(`| command | wall | CPU | peak RSS |\n| --- | ---: | ---: | ---: |`);
console.log(`| node -e 0 (Node itself) | ${ms(node0.wall)} | ${ms(node0.cpu)} | ${mib(node0.peak)} |`);
console.log(`| livecomply --version | ${ms(version.wall)} | ${ms(version.cpu)} | ${mib(version.peak)} |`);
console.log(`| livecomply --help | ${ms(help.wall)} | ${ms(help.cpu)} | ${mib(help.peak)} |`);
console.log(`| livecomply rules list | ${ms(list.wall)} | ${ms(list.cpu)} | ${mib(list.peak)} |`);

// A cold first run (empty cache folder) fills the cache; the table below is warm.
const cold: string[] = [];
for (const lang of LANGS) {
  const r = once(livecomply(files[lang].one, lang));
  cold.push(`${lang} ${ms(r.wall)} / ${mib(r.peak)}`);
}
console.log(`\nFirst run on a machine (empty cache folder), one cue: ${cold.join(', ')}`);

console.log('\nlivecomply vs textlint + prh (median of 5 runs; ratio = livecomply ÷ textlint + prh, below 1 is faster):');
console.log('| file | livecomply wall | CPU | peak RSS | textlint + prh wall | CPU | peak RSS | ratio (wall) | ratio (CPU) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const kind of ['one', 'long', 'distinct'] as const) {
  for (const lang of LANGS) {
    const f = files[lang];
    const file = kind === 'one' ? f.one : f[kind].file;
    const runs = kind === 'one' ? 5 : 3;
    const a = median(livecomply(file, lang), runs);
    const b = median(textlint(file, lang), runs);
    const what = kind === 'long' ? '~100 lines repeated' : 'distinct lines';
    const label = kind === 'one' ? `one cue, ${lang}` : `3 hours, ${f[kind].cues.toLocaleString('en')} cues (${what}), ${(f[kind].bytes / 1e6).toFixed(1)} MB, ${lang}`;
    console.log(
      `| ${label} | ${ms(a.wall)} | ${ms(a.cpu)} | ${mib(a.peak)} | ${ms(b.wall)} | ${ms(b.cpu)} | ${mib(b.peak)} | ${(a.wall / b.wall).toFixed(2)}× | ${(a.cpu / b.cpu).toFixed(2)}× |`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
