/**
 * `livecomply audit <inputs...>`: collect inputs, audit them, write the report(s), pick the exit code.
 */
import os from 'node:os';
import path from 'node:path';
import type { AuditFileOptions } from '../audit/audit-file.js';
import { auditBatch, type BatchResult } from '../audit/batch.js';
import { Engine } from '../audit/engine.js';
import { collectInputs, type AuditInput } from '../audit/inputs.js';
import { inShard, parseShard, ShardError, type Shard } from '../audit/shard.js';
import { closeScreen } from '../audit/speech.js';
import type { AUDIT_OPTIONS, AuditOptionKey, OptionValue } from '../config/options.js';
import { readErrorReason } from '../io/file-errors.js';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { manifestBeside, readManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/model.js';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, type Baseline } from '../report/baseline.js';
import type { RenderContext } from '../report/formats/index.js';
import { buildReport, exitCodeFor, type FileReport, type Report } from '../report/model.js';
import { UsageError } from './errors.js';
import { withInterrupt } from './interrupt.js';
import { checkModelOption } from './model-option.js';
import { defined } from './options.js';
import { downloadProgress, Progress } from './progress.js';
import { checkFormats, checkOutputs, emit, summaryFor, writeReports } from './report-output.js';
import { VERSION } from './version.js';

type V<K extends AuditOptionKey> = NonNullable<OptionValue<(typeof AUDIT_OPTIONS)[K]>>;

/** What `audit` runs with (cli/options.ts builds it from the command line and the configuration file). */
export interface AuditCommandOptions {
  lang: V<'lang'>;
  /** Where lang came from, for the language-mismatch warning. */
  langFrom?: string;
  /** The report's destination was set by the configuration file (the run says where it wrote). */
  outputFromConfig?: boolean;
  /** The configuration file in use (never overwritten). */
  configFile?: string;
  rulesets: V<'rulesets'>;
  formats: V<'format'>;
  output?: V<'output'>;
  outputDir?: V<'outputDir'>;
  failOn: V<'failOn'>;
  transcript: V<'transcript'>;
  screen?: V<'screen'>;
  model?: V<'model'>;
  modelDir?: V<'modelDir'>;
  cacheDir?: V<'cacheDir'>;
  ffmpeg?: V<'ffmpeg'>;
  concurrency?: V<'concurrency'>;
  include?: V<'include'>;
  exclude?: V<'exclude'>;
  /** `k/n`: audit only the k-th of n stable shares of the inputs. */
  shard?: V<'shard'>;
  baseline?: V<'baseline'>;
  writeBaseline?: V<'writeBaseline'>;
  manifest?: V<'manifest'>;
  messageLanguage: V<'messageLang'>;
  color: boolean;
  interactive: boolean;
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export async function runAudit(args: string[], opts: AuditCommandOptions): Promise<number> {
  checkFormats(opts);
  await checkModelOption(opts.model);
  const shard = readShard(opts.shard);
  const baseline = opts.baseline ? await readBaseline(opts.baseline) : undefined;
  const engine = new Engine({
    rulesets: opts.rulesets,
    messageLanguage: opts.messageLanguage,
    cache: { version: VERSION, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) },
  });
  // A bad ruleset is a configuration error (exit 2) before any input is touched.
  await engine.loadExplicit();
  const { inputs, problems } = await selectInputs(args, opts, shard);
  const manifests = await readManifests(inputs, opts.manifest);
  const needTranscripts = opts.formats.includes('html');
  const { result, interrupted } = await auditInputs(inputs, engine, opts, { ...manifests, keepTranscripts: needTranscripts });
  const failedInputs: FileReport[] = problems.map((p) => ({ path: p.path, language: null, status: 'error', error: p.error, durationSec: null, findings: [] }));
  let report = buildReport(sortByPath([...result.files, ...failedInputs]), VERSION, interrupted);
  if (opts.writeBaseline) await writeBaseline(report, opts.writeBaseline);
  if (baseline && opts.baseline) report = applyBaseline(report, baseline, relativeTo(opts.baseline));
  // Every ruleset used (named or the per-language defaults), so SARIF lists every rule.
  const [ruleMeta, rulesets] = [await engine.rulesUsed(), await engine.rulesetsUsed()];
  if (rulesets.length) report = { ...report, rulesets };
  const ctx: RenderContext = {
    color: opts.color,
    failOn: opts.failOn,
    cwd: process.cwd(),
    ...(ruleMeta.length ? { rules: ruleMeta } : {}),
    ...(needTranscripts ? { transcripts: Object.fromEntries(result.transcripts) } : {}),
  };
  const written = await emit(report, opts, ctx);
  if (opts.outputFromConfig && written.length) process.stderr.write(`livecomply: wrote ${written.join(', ')} (output set in the configuration file)\n`);
  const summary = summaryFor(report.files, opts, inputs.length + problems.length);
  if (summary) process.stderr.write(summary);
  return interrupted ? 130 : exitCodeFor(report, opts.failOn);
}

/** The inputs found (and those that could not be read), checked against the outputs, this shard's share. */
async function selectInputs(args: string[], opts: AuditCommandOptions, shard: Shard | undefined): Promise<{ inputs: AuditInput[]; problems: { path: string; error: string }[] }> {
  const collected = await collectInputs(args, defined({ include: opts.include, exclude: opts.exclude }));
  if (collected.inputs.length === 0 && collected.problems.length === 0) {
    if (collected.filteredOut > 0) throw new UsageError(filterMessage(args, collected.filteredOut, opts));
    throw new UsageError(`no media or transcript files found in ${args.join(', ')} (looked for ${['.srt', '.vtt', '.json', '.txt', '.mp4', '…'].join(' ')})`);
  }
  await checkOutputs(opts, [...args.map((a) => path.resolve(a)), ...collected.inputs.flatMap((i) => [i.absolute, ...i.sidecars])]);
  // A shard may well be empty (few files, many machines): it still writes its (empty) report.
  return { inputs: collected.inputs.filter((i) => inShard(i.path, shard)), problems: collected.problems.filter((p) => inShard(p.path, shard)) };
}

/** Every manifest, read and validated before any input is audited: a bad one is a usage error (exit 2). */
async function readManifests(inputs: readonly AuditInput[], explicit: string | undefined): Promise<{ manifest?: Manifest; manifests: Map<string, Manifest> }> {
  const manifests = new Map<string, Manifest>();
  if (explicit) return { manifest: await readManifest(path.resolve(explicit), shownPath(explicit)), manifests };
  for (const input of inputs) {
    const beside = manifestBeside(input.absolute);
    if (beside) manifests.set(input.path, await readManifest(beside, shownPath(beside)));
  }
  return { manifests };
}

/** The batch, with progress on stderr and Ctrl-C handled (see interrupt.ts). */
async function auditInputs(
  inputs: readonly AuditInput[],
  engine: Engine,
  opts: AuditCommandOptions,
  extra: { manifest?: Manifest; manifests: Map<string, Manifest>; keepTranscripts: boolean },
): Promise<{ result: BatchResult; interrupted: boolean }> {
  const progress = new Progress({ total: inputs.length, interactive: opts.interactive });
  return withInterrupt(async (signal) => {
    try {
      const batch = { ...auditFileOptions(opts), ...extra, concurrency: opts.concurrency ?? defaultConcurrency(), signal };
      const result = await auditBatch(inputs, engine, batch, {
        onStart: (input) => progress.start(input.path),
        onStage: (input, stage) => progress.stage(input.path, stage),
        onDone: (report) => {
          progress.finish(report);
          for (const w of report.warnings ?? []) progress.note(`livecomply: ${report.path}: warning: ${w}`);
        },
      });
      return { result, interrupted: signal.aborted };
    } finally {
      progress.stop();
      await closeScreen();
    }
  });
}

/** What each file's audit needs of the command's options. */
function auditFileOptions(opts: AuditCommandOptions): AuditFileOptions {
  return {
    lang: opts.lang,
    transcript: opts.transcript,
    onDownload: downloadProgress(),
    ...defined({
      langFrom: opts.langFrom,
      screen: opts.screen,
      model: opts.model,
      modelDir: opts.modelDir,
      cacheDir: opts.cacheDir,
      ffmpegPath: opts.ffmpeg,
    }),
  };
}

/** Files in the report's order: by path. */
export function sortByPath(files: FileReport[]): FileReport[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** --write-baseline: record the report's findings as accepted, keeping the old entries of files that failed. */
async function writeBaseline(report: Report, file: string): Promise<void> {
  // A file that could not be audited this time keeps the findings the old baseline accepted for it.
  const previous = await readBaseline(file).catch(() => undefined);
  const written = createBaseline(report, relativeTo(file), previous);
  await writeReports([{ file, content: JSON.stringify(written, null, 2) + '\n' }]);
  const kept = written.findings.reduce((n, e) => n + e.count, 0) - report.summary.findings;
  process.stderr.write(
    `livecomply: wrote ${report.summary.findings} accepted finding(s) to ${file}${kept > 0 ? ` (and kept ${kept} from the old baseline for files that could not be audited)` : ''}\n`,
  );
}

/** Nothing left after --include/--exclude: say so, and how globs match. */
export function filterMessage(args: readonly string[], filteredOut: number, opts: { include?: string[]; exclude?: string[] }): string {
  const filters = [...(opts.include ?? []).map((g) => `--include "${g}"`), ...(opts.exclude ?? []).map((g) => `--exclude "${g}"`)].join(' ');
  const nested = (opts.include ?? []).filter((g) => !g.includes('/'));
  const hint = nested.length ? `; globs match paths relative to the folder given, so "${nested[0]}" matches only files directly in it: use "**/${nested[0]}" for every subfolder` : '';
  return `no files to audit in ${args.join(', ')}: ${filters} left out all ${filteredOut} file(s) found${hint}`;
}

/** A path as reports show it: relative to the working directory when inside it. */
function shownPath(p: string): string {
  const abs = path.resolve(p);
  const rel = path.relative(process.cwd(), abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

function readShard(spec: string | undefined): Shard | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseShard(spec);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}

async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readRegularText(file, MAX_BYTES.baseline);
  } catch (e) {
    const hint = (e as NodeJS.ErrnoException).code === 'ENOENT' ? ' (create it with --write-baseline)' : '';
    throw new UsageError(`--baseline ${file}: ${readErrorReason(e)}${hint}`);
  }
  try {
    return parseBaseline(text, file);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(e.message);
    throw e;
  }
}

/** Report paths as seen from the baseline file's folder, so a baseline works from any directory. */
function relativeTo(baselineFile: string): (reportPath: string) => string {
  const dir = path.dirname(path.resolve(baselineFile));
  return (p) => path.relative(dir, path.resolve(p)).split(path.sep).join('/');
}
