/**
 * `livecomply audit <inputs...>`: collect inputs, audit them, write the report(s), pick the exit code.
 */
import { stat } from 'node:fs/promises';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { REPORT_STEM } from '../audit/sniff.js';
import os from 'node:os';
import path from 'node:path';
import { auditBatch } from '../audit/batch.js';
import { Engine } from '../audit/engine.js';
import { collectInputs } from '../audit/inputs.js';
import { inShard, parseShard, ShardError, type Shard } from '../audit/shard.js';
import { readErrorReason } from '../io/file-errors.js';
import { manifestBeside, readManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/model.js';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, type Baseline } from '../report/baseline.js';
import { buildReport, exitCodeFor, type FailOn, type FileReport, type Report } from '../report/model.js';
import { FORMAT_EXTENSIONS, render, type FormatName, type RenderContext } from '../report/formats/index.js';
import type { Language } from '../transcript/model.js';
import { UsageError } from './errors.js';
import { checkModelOption } from './model-option.js';
import { resolvedPath, unwritableReason, writeAllAtomic, writeErrorReason, writeStdout } from './output.js';
import { downloadProgress, Progress, summaryTable } from './progress.js';
import { VERSION } from './version.js';
import { closeScreen } from '../audit/speech.js';

export interface AuditCommandOptions {
  lang: Language | 'auto';
  /** Where lang came from, for the language-mismatch warning. */
  langFrom?: string;
  /** The report's destination was set by the configuration file (the run says where it wrote). */
  outputFromConfig?: boolean;
  /** The configuration file in use (never overwritten). */
  configFile?: string;
  rulesets: string[];
  formats: FormatName[];
  output?: string;
  outputDir?: string;
  failOn: FailOn;
  transcript: 'auto' | 'asr' | 'sidecar' | 'embedded';
  /** Read on-screen text by OCR (media with a video stream; default on). */
  screen?: 'on' | 'off';
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  ffmpeg?: string;
  concurrency?: number;
  include?: string[];
  exclude?: string[];
  /** `k/n`: audit only the k-th of n stable shares of the inputs. */
  shard?: string;
  baseline?: string;
  writeBaseline?: string;
  /** The product manifest for every input (else `<stem>.manifest.yaml` beside each). */
  manifest?: string;
  messageLanguage: 'local' | 'en';
  color: boolean;
  interactive: boolean;
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export async function runAudit(args: string[], opts: AuditCommandOptions): Promise<number> {
  if (opts.formats.length > 1 && !opts.outputDir) {
    throw new UsageError(`several formats (${opts.formats.join(', ')}) need --output-dir to write one report file per format`);
  }
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
  const collected = await collectInputs(args, {
    ...(opts.include ? { include: opts.include } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
  });
  if (collected.inputs.length === 0 && collected.problems.length === 0) {
    if (collected.filteredOut > 0) throw new UsageError(filterMessage(args, collected.filteredOut, opts));
    throw new UsageError(`no media or transcript files found in ${args.join(', ')} (looked for ${['.srt', '.vtt', '.json', '.txt', '.mp4', '…'].join(' ')})`);
  }
  await checkOutputs(opts, [...args.map((a) => path.resolve(a)), ...collected.inputs.flatMap((i) => [i.absolute, ...i.sidecars])]);
  // A shard may well be empty (few files, many machines): it still writes its (empty) report.
  const inputs = collected.inputs.filter((i) => inShard(i.path, shard));
  const problems = collected.problems.filter((p) => inShard(p.path, shard));
  // Every manifest is read and validated before any input is audited: a bad one is a usage error (exit 2).
  const explicitManifest = opts.manifest ? await readManifest(path.resolve(opts.manifest), shownPath(opts.manifest)) : undefined;
  const manifests = new Map<string, Manifest>();
  if (!explicitManifest) {
    for (const input of inputs) {
      const beside = manifestBeside(input.absolute);
      if (beside) manifests.set(input.path, await readManifest(beside, shownPath(beside)));
    }
  }
  const progress = new Progress({ total: inputs.length, interactive: opts.interactive });
  const needTranscripts = opts.formats.includes('html');
  // Ctrl-C: stop starting files, finish the ones in flight, write a partial report marked
  // "interrupted". A second Ctrl-C quits at once.
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
    process.stderr.write('\nlivecomply: interrupted; finishing the files in progress (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onSigint);
  let result;
  try {
    result = await auditBatch(
      inputs,
      engine,
      {
        lang: opts.lang,
        ...(opts.langFrom ? { langFrom: opts.langFrom } : {}),
        transcript: opts.transcript,
        ...(opts.screen ? { screen: opts.screen } : {}),
        concurrency: opts.concurrency ?? defaultConcurrency(),
        keepTranscripts: needTranscripts,
        signal: abort.signal,
        manifests,
        ...(explicitManifest ? { manifest: explicitManifest } : {}),
        ...(opts.model ? { model: opts.model } : {}),
        ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
        ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
        ...(opts.ffmpeg ? { ffmpegPath: opts.ffmpeg } : {}),
        onDownload: downloadProgress(),
      },
      {
        onStart: (input) => progress.start(input.path),
        onStage: (input, stage) => progress.stage(input.path, stage),
        onDone: (report) => {
          progress.finish(report);
          for (const w of report.warnings ?? []) progress.note(`livecomply: ${report.path}: warning: ${w}`);
        },
      },
    );
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    await closeScreen();
  }
  const failedInputs: FileReport[] = problems.map((p) => ({ path: p.path, language: null, status: 'error', error: p.error, durationSec: null, findings: [] }));
  const files = [...result.files, ...failedInputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let report = buildReport(files, VERSION, abort.signal.aborted);
  if (opts.writeBaseline) {
    // A file that could not be audited this time keeps the findings the old baseline accepted for it.
    const previous = await readBaseline(opts.writeBaseline).catch(() => undefined);
    const written = createBaseline(report, relativeTo(opts.writeBaseline), previous);
    await writeReports([{ file: opts.writeBaseline, content: JSON.stringify(written, null, 2) + '\n' }]);
    const kept = written.findings.reduce((n, e) => n + e.count, 0) - report.summary.findings;
    process.stderr.write(
      `livecomply: wrote ${report.summary.findings} accepted finding(s) to ${opts.writeBaseline}${kept > 0 ? ` (and kept ${kept} from the old baseline for files that could not be audited)` : ''}\n`,
    );
  }
  if (baseline && opts.baseline) report = applyBaseline(report, baseline, relativeTo(opts.baseline));
  // Every ruleset used (named or the per-language defaults), so SARIF lists every rule.
  const ruleMeta = await engine.rulesUsed();
  const rulesets = await engine.rulesetsUsed();
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
  if (inputs.length + problems.length > 1 && !(opts.formats.length === 1 && opts.formats[0] === 'pretty' && !opts.output)) {
    process.stderr.write(summaryTable(report.files));
  }
  return abort.signal.aborted ? 130 : exitCodeFor(report, opts.failOn);
}

/** The files a run will write its report(s) to. */
export function reportTargets(opts: { formats: FormatName[]; output?: string; outputDir?: string }): string[] {
  if (opts.outputDir) return opts.formats.map((f) => reportFileIn(opts.outputDir as string, f));
  return opts.output ? [opts.output] : [];
}

function reportFileIn(dir: string, format: FormatName): string {
  return path.join(dir, `${REPORT_STEM}.${FORMAT_EXTENSIONS[format]}`);
}

/** Write reports (together), a failure as a sentence naming the file (exit 2). */
async function writeReports(files: { file: string; content: string }[]): Promise<void> {
  try {
    await writeAllAtomic(files);
  } catch (e) {
    const which = files.length === 1 ? (files[0]?.file ?? '') : files.map((f) => f.file).join(', ');
    throw new UsageError(`cannot write ${which}: ${writeErrorReason(e)}`);
  }
}

/**
 * Before any work: every report and baseline this run will write can be written, and none of them
 * is one of the inputs (`audit v.srt --output v.srt` would replace the transcript with its report),
 * the baseline being read, or the configuration file.
 */
export async function checkOutputs(
  opts: { formats: FormatName[]; output?: string; outputDir?: string; writeBaseline?: string; baseline?: string; configFile?: string },
  inputFiles: readonly string[],
): Promise<void> {
  if (opts.outputDir) {
    const st = await stat(opts.outputDir).catch(() => undefined);
    if (st && !st.isDirectory()) throw new UsageError(`--output-dir ${opts.outputDir}: is a file, not a folder`);
  }
  const protectedFiles = new Map<string, string>();
  for (const f of inputFiles) protectedFiles.set(await resolvedPath(f), 'an input of this audit');
  if (opts.configFile) protectedFiles.set(await resolvedPath(opts.configFile), 'the configuration file');
  const reports = reportTargets(opts).map((file) => ({ file, option: opts.outputDir ? '--output-dir' : '--output' }));
  const all = [...reports, ...(opts.writeBaseline ? [{ file: opts.writeBaseline, option: '--write-baseline' }] : [])];
  for (const { file, option } of all) {
    const real = await resolvedPath(file);
    const isInput = protectedFiles.get(real);
    if (isInput) throw new UsageError(`${option} ${file}: that is ${isInput}; livecomply never writes over its inputs (choose another file)`);
    if (opts.baseline && option !== '--write-baseline' && real === (await resolvedPath(opts.baseline))) {
      throw new UsageError(`${option} ${file}: that is the --baseline being read; choose another file`);
    }
    const why = await unwritableReason(file);
    if (why) throw new UsageError(`cannot write the report to ${file} (${option}): ${why}`);
  }
}

/** Render and write the report(s); returns the files written (none for stdout). */
export async function emit(report: Report, opts: { formats: FormatName[]; output?: string; outputDir?: string }, ctx: RenderContext): Promise<string[]> {
  if (opts.outputDir) {
    const dir = opts.outputDir;
    const files = [];
    for (const format of opts.formats) {
      files.push({ file: reportFileIn(dir, format), content: await render(format, report, { ...ctx, color: false, outputDir: path.resolve(dir) }) });
    }
    await writeReports(files);
    return files.map((f) => f.file);
  }
  const format = opts.formats[0] ?? 'pretty';
  if (opts.output) {
    await writeReports([{ file: opts.output, content: await render(format, report, { ...ctx, color: false, outputDir: path.resolve(path.dirname(opts.output)) }) }]);
    return [opts.output];
  }
  await writeStdout(await render(format, report, ctx));
  return [];
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
