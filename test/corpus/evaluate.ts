/**
 * Accuracy of the built-in rulesets on the labelled corpora (test/corpus/{ja,zh,ko}.yaml) and the
 * stream transcripts beside them (test/corpus/streams/<lang>-*.srt). Shared by the accuracy test and
 * `npm run bench:accuracy`.
 *
 * Each corpus line is checked on its own, as a one-segment transcript:
 * - prohibited categories raised by the ruleset are compared with the line's `expect`;
 * - disclosure categories the line satisfies are compared with its `discloses`. A line "satisfies"
 *   a disclosure when the ruleset's require rule for that category, taken without its timing and
 *   its `when` condition, finds what it looks for in the line;
 * - a `trap` line (ordinary words that look like claims, negations, quotations) must raise nothing.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkTranscript } from '../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../src/rules/compile.js';
import type { Rule, Ruleset } from '../../src/rules/model.js';
import type { AnalyzedText, Analyzer } from '../../src/text/analyze.js';
import { isLanguage, type Language, type Transcript } from '../../src/transcript/model.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { fastLoadYaml } from '../../src/yaml/fast-load.js';
import { builtinCompiled } from '../helpers/builtin.js';

export const CORPUS_DIR = path.resolve(import.meta.dirname);

export interface CorpusLine {
  text: string;
  expect: string[];
  discloses: string[];
  trap: boolean;
  /** 1-based line in the corpus file. */
  line: number;
}

export interface Corpus {
  file: string;
  language: Language;
  ruleset: string;
  lines: CorpusLine[];
}

export class CorpusError extends Error {}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new CorpusError(`${where}: expected a list of category names`);
  return v as string[];
}

/**
 * Where each item of the top-level `lines:` list starts (1-based lines), read from the text: the
 * corpus writes one item per `- ` at the list's indentation, its first key on the same line. Undefined
 * when the text is not written that way (no `lines:` key, a flow list, an item's content starting on
 * the line below its `-`): the caller then asks the YAML parser.
 */
function itemLines(source: string): number[] | undefined {
  const rows = source.split('\n');
  const start = rows.findIndex((r) => /^lines:\s*(#.*)?$/.test(r));
  if (start < 0) return undefined;
  const out: number[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const text = row.trimStart();
    if (text === '' || text.startsWith('#')) continue;
    const at = row.length - text.length;
    if (indent === undefined) {
      if (!text.startsWith('- ') && text !== '-') return undefined;
      indent = at;
    }
    if (at < indent || (at === indent && !text.startsWith('-'))) break;
    if (at !== indent) continue;
    // An item whose content starts on a later line: the yaml package places it there; let it.
    const rest = text.slice(1).trim();
    if (rest === '' || rest.startsWith('#')) return undefined;
    out.push(i + 1);
  }
  return out;
}

/**
 * The corpus's data and each item's line. The usual file (the whole corpus, read by a dozen test files)
 * is read by the quick reader (js-yaml, ~8× faster than the yaml package here; fastLoadYaml gives the
 * yaml package's data or declines) with the items' lines counted from the text; a file it declines,
 * or whose items it cannot count, is read by the yaml package with its positions, which also names
 * where a broken file is broken.
 */
function readCorpusYaml(source: string, shown: string): { data: unknown; lineOf: (i: number) => number } {
  const quick = fastLoadYaml(source) as { lines?: unknown } | undefined;
  const starts = quick && Array.isArray(quick.lines) ? itemLines(source) : undefined;
  if (quick && starts && Array.isArray(quick.lines) && starts.length === quick.lines.length) return { data: quick, lineOf: (i) => starts[i] ?? 1 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new CorpusError(`${shown}:${e.linePos?.[0]?.line ?? 1}:${e.linePos?.[0]?.col ?? 1}: ${e.message}`);
  }
  // The YAML parser's own line index: slicing the source up to each item was quadratic (3 s a corpus).
  const nodes = (doc.get('lines', true) as { items?: { range?: [number, number, number] }[] } | undefined)?.items ?? [];
  const lineOf = (i: number) => {
    const offset = nodes[i]?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  return { data: doc.toJS(), lineOf };
}

const loaded = new Map<string, Promise<Corpus>>();

/**
 * Read and check a corpus file; every problem names file and line. Read once per test worker for the
 * same path and content (the files of a worker share their modules): what it returns is shared, and
 * callers must not change it.
 */
export async function loadCorpus(file: string): Promise<Corpus> {
  const source = await readFile(file, 'utf8');
  const key = `${path.resolve(file)}\0${process.cwd()}\0${source}`;
  let p = loaded.get(key);
  if (!p) {
    p = Promise.resolve().then(() => parseCorpus(file, source));
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

/** The texts of a language's corpus (test/corpus/<lang>.yaml), read once per test worker. */
export async function corpusTexts(language: Language): Promise<string[]> {
  return (await loadCorpus(path.join(CORPUS_DIR, `${language}.yaml`))).lines.map((l) => l.text);
}

function parseCorpus(file: string, source: string): Corpus {
  const shown = path.relative(process.cwd(), file) || file;
  const { data: raw, lineOf } = readCorpusYaml(source, shown);
  const data = raw as { language?: unknown; ruleset?: unknown; lines?: unknown } | null;
  if (!data || typeof data.language !== 'string' || !isLanguage(data.language)) throw new CorpusError(`${shown}:1:1: "language" must be ja, zh or ko`);
  if (typeof data.ruleset !== 'string') throw new CorpusError(`${shown}:1:1: "ruleset" must name the ruleset to measure`);
  if (!Array.isArray(data.lines)) throw new CorpusError(`${shown}:1:1: "lines" must be a list`);
  const lines: CorpusLine[] = data.lines.map((raw: unknown, i: number) => {
    const line = lineOf(i);
    const where = `${shown}:${line}`;
    const o = raw as { text?: unknown; expect?: unknown; discloses?: unknown; trap?: unknown };
    if (!o || typeof o.text !== 'string' || !o.text.trim()) throw new CorpusError(`${where}: each line needs a non-empty "text"`);
    return {
      text: o.text,
      expect: stringList(o.expect, where),
      discloses: stringList(o.discloses, where),
      trap: o.trap === true,
      line,
    };
  });
  return { file, language: data.language, ruleset: data.ruleset, lines };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Mistake {
  line: number;
  text: string;
  category: string;
  kind: 'false positive' | 'false negative';
  /** Rules that fired on the line (for false positives), with the words they matched. */
  fired: string[];
}

export interface StreamCheck {
  file: string;
  /** Missing-disclosure findings on the stream as recorded (categories). */
  missingAsIs: string[];
  /** Categories reported missing once the seller and origin lines are removed. */
  missingWithoutDisclosures: string[];
  removedLines: number;
  ok: boolean;
}

export interface CorpusResult {
  language: Language;
  ruleset: string;
  lines: number;
  byCategory: Map<string, Counts>;
  total: Counts;
  traps: { total: number; clean: number; dirty: { line: number; text: string; fired: string[] }[] };
  mistakes: Mistake[];
  streams: StreamCheck[];
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}
export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}
export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function oneLine(text: string): Transcript {
  return { segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 };
}

/** The ruleset's require rules as bare recognisers: no timing, no condition, nothing prohibited. */
function disclosureRecognisers(rs: Ruleset): Ruleset {
  const rules: Rule[] = [];
  for (const r of rs.rules) {
    if (r.kind !== 'require') continue;
    const { timing: _t, when: _w, ...bare } = r;
    rules.push(bare);
  }
  return { ...rs, rules };
}

interface Prepared {
  analyzer: Analyzer;
  full: CompiledRules;
  disclosures: CompiledRules;
  disclosureCategories: string[];
}

/**
 * The analyser, remembering the last text's analysis: each corpus line is checked by the full ruleset
 * and then by the disclosure recognisers, and both read one analysis (a third to a half of checking a
 * Korean line is tokenizing it). An analysis is a pure function of the text, and the checker never
 * changes one. Only the last is kept: keeping every line's analysis made the collector's work grow
 * by more than the tokenizing saved.
 */
export function sharingAnalyses(analyzer: Analyzer): Analyzer {
  let last: { text: string; analysis: AnalyzedText } | undefined;
  return {
    language: analyzer.language,
    baseForms: analyzer.baseForms,
    analyze: (text) => {
      if (last?.text !== text) last = { text, analysis: analyzer.analyze(text) };
      return last.analysis;
    },
    normalizeTerm: (term) => analyzer.normalizeTerm(term),
  };
}

async function prepare(language: Language, rulesetRef: string): Promise<Prepared> {
  const { ruleset: rs, analyzer: own, compiled: full } = await builtinCompiled(rulesetRef);
  if (rs.language !== language) throw new Error(`${rulesetRef} is a ${rs.language} ruleset, not ${language}`);
  const recognisers = disclosureRecognisers(rs);
  const analyzer = sharingAnalyses(own);
  return {
    analyzer,
    full,
    disclosures: compileRules([recognisers], own),
    disclosureCategories: [...new Set(recognisers.rules.map((r) => r.category))],
  };
}

/** Disclosure categories a text satisfies. */
function disclosed(p: Prepared, text: string): Set<string> {
  const missing = new Set(checkTranscript(p.disclosures, oneLine(text), p.analyzer).map((f) => f.category));
  return new Set(p.disclosureCategories.filter((c) => !missing.has(c)));
}

function bump(map: Map<string, Counts>, cat: string, key: keyof Counts): void {
  const c = map.get(cat) ?? { tp: 0, fp: 0, fn: 0 };
  c[key]++;
  map.set(cat, c);
}

export async function evaluateCorpus(corpus: Corpus, opts: { streams?: boolean } = {}): Promise<CorpusResult> {
  const p = await prepare(corpus.language, corpus.ruleset);
  const byCategory = new Map<string, Counts>();
  const mistakes: Mistake[] = [];
  const traps: CorpusResult['traps'] = { total: 0, clean: 0, dirty: [] };
  for (const l of corpus.lines) {
    const findings = checkTranscript(p.full, oneLine(l.text), p.analyzer).filter((f) => f.kind === 'prohibited');
    const raised = new Set(findings.map((f) => f.category));
    const fired = findings.map((f) => `${f.ruleId} 「${f.text}」`);
    const said = disclosed(p, l.text);
    const compare = (got: Set<string>, want: string[]) => {
      const wanted = new Set(want);
      for (const c of new Set([...got, ...wanted])) {
        if (got.has(c) && wanted.has(c)) bump(byCategory, c, 'tp');
        else if (got.has(c)) {
          bump(byCategory, c, 'fp');
          mistakes.push({ line: l.line, text: l.text, category: c, kind: 'false positive', fired: fired.filter((f) => findings.some((x) => x.category === c && f.startsWith(x.ruleId))) });
        } else {
          bump(byCategory, c, 'fn');
          mistakes.push({ line: l.line, text: l.text, category: c, kind: 'false negative', fired });
        }
      }
    };
    compare(raised, l.expect);
    compare(said, l.discloses);
    if (l.trap) {
      traps.total++;
      if (findings.length === 0) traps.clean++;
      else traps.dirty.push({ line: l.line, text: l.text, fired });
    }
  }
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of byCategory.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { language: corpus.language, ruleset: corpus.ruleset, lines: corpus.lines.length, byCategory, total, traps, mistakes, streams: opts.streams === false ? [] : await checkStreams(p, corpus.language) };
}

/**
 * Each stream as recorded should have its seller and origin said; with every line that says them
 * removed, the ruleset must report both as missing.
 */
async function checkStreams(p: Prepared, language: Language): Promise<StreamCheck[]> {
  const dir = path.join(CORPUS_DIR, 'streams');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(`${language}-`) && /\.(srt|vtt|json|txt)$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: StreamCheck[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const transcript = parseTranscript(await readFile(file, 'utf8'), file);
    const missing = (t: Transcript) => [...new Set(checkTranscript(p.full, t, p.analyzer).filter((f) => f.kind === 'missing').map((f) => f.category))].sort();
    const missingAsIs = missing(transcript);
    const keep = transcript.segments.filter((s) => {
      const said = disclosed(p, s.text);
      return !said.has('seller-disclosure') && !said.has('origin-disclosure');
    });
    const stripped: Transcript = { ...transcript, segments: keep };
    const missingWithoutDisclosures = missing(stripped);
    out.push({
      file: path.relative(process.cwd(), file),
      missingAsIs,
      missingWithoutDisclosures,
      removedLines: transcript.segments.length - keep.length,
      ok:
        !missingAsIs.includes('seller-disclosure') &&
        !missingAsIs.includes('origin-disclosure') &&
        missingWithoutDisclosures.includes('seller-disclosure') &&
        missingWithoutDisclosures.includes('origin-disclosure'),
    });
  }
  return out;
}

/**
 * The corpus files present, by language: the tuning corpus (test/corpus), or a blind hold-out set
 * (written by people who had not seen the rules, measured, never tuned on): set E in
 * test/corpus/holdout, set F in test/corpus/holdout/f (written 2026-12-02, after the move to the
 * matcher language, so the regex rulesets before it and the rulesets now are measured on lines
 * neither was written against).
 */
export async function corpusFiles(set: 'corpus' | 'holdout' | 'holdout-f' = 'corpus'): Promise<string[]> {
  const dir = set === 'corpus' ? CORPUS_DIR : set === 'holdout' ? path.join(CORPUS_DIR, 'holdout') : path.join(CORPUS_DIR, 'holdout', 'f');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => /^(ja|zh|ko)\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
}
