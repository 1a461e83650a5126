/**
 * `livecomply audit <inputs...>`: collect inputs, audit them, write the report(s), pick the exit code.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { auditBatch } from '../audit/batch.js';
import { Engine } from '../audit/engine.js';
import { collectInputs } from '../audit/inputs.js';
import { inShard, parseShard, ShardError, type Shard } from '../audit/shard.js';
import { readErrorReason } from '../io/file-errors.js';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, type Baseline } from '../report/baseline.js';
import { buildReport, exitCodeFor, type FailOn, type FileReport, type Report } from '../report/model.js';
import { FORMAT_EXTENSIONS, render, type FormatName, type RenderContext } from '../report/formats/index.js';
import type { Language } from '../transcript/model.js';
import { UsageError } from './errors.js';
import { checkModelOption } from './model-option.js';
import { writeAtomic, writeStdout } from './output.js';
import { Progress, summaryTable } from './progress.js';
import { VERSION } from './version.js';
import { closeScreen } from '../audit/speech.js';

export interface AuditCommandOptions {
  lang: Language | 'auto';
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
  const engine = new Engine({ rulesets: opts.rulesets, messageLanguage: opts.messageLanguage });
  // A bad ruleset is a configuration error (exit 2) before any input is touched.
  await engine.loadExplicit();
  const collected = await collectInputs(args, {
    ...(opts.include ? { include: opts.include } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
  });
  if (collected.inputs.length === 0 && collected.problems.length === 0) {
    throw new UsageError(`no media or transcript files found in ${args.join(', ')} (looked for ${['.srt', '.vtt', '.json', '.txt', '.mp4', '…'].join(' ')})`);
  }
  // A shard may well be empty (few files, many machines): it still writes its (empty) report.
  const inputs = collected.inputs.filter((i) => inShard(i.path, shard));
  const problems = collected.problems.filter((p) => inShard(p.path, shard));
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
        transcript: opts.transcript,
        ...(opts.screen ? { screen: opts.screen } : {}),
        concurrency: opts.concurrency ?? defaultConcurrency(),
        keepTranscripts: needTranscripts,
        signal: abort.signal,
        ...(opts.model ? { model: opts.model } : {}),
        ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
        ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
        ...(opts.ffmpeg ? { ffmpegPath: opts.ffmpeg } : {}),
      },
      {
        onStart: (input) => progress.start(input.path),
        onStage: (input, stage) => progress.stage(input.path, stage),
        onDone: (report) => progress.finish(report),
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
    await writeAtomic(opts.writeBaseline, JSON.stringify(createBaseline(report, relativeTo(opts.writeBaseline)), null, 2) + '\n');
    process.stderr.write(`livecomply: wrote ${report.summary.findings} accepted finding(s) to ${opts.writeBaseline}\n`);
  }
  if (baseline && opts.baseline) report = applyBaseline(report, baseline, relativeTo(opts.baseline));
  // Every ruleset used (named or the per-language defaults), so SARIF lists every rule.
  const ruleMeta = await engine.rulesUsed();
  const ctx: RenderContext = {
    color: opts.color,
    failOn: opts.failOn,
    cwd: process.cwd(),
    ...(ruleMeta.length ? { rules: ruleMeta } : {}),
    ...(needTranscripts ? { transcripts: Object.fromEntries(result.transcripts) } : {}),
  };
  await emit(report, opts, ctx);
  if (inputs.length + problems.length > 1 && !(opts.formats.length === 1 && opts.formats[0] === 'pretty' && !opts.output)) {
    process.stderr.write(summaryTable(report.files));
  }
  return abort.signal.aborted ? 130 : exitCodeFor(report, opts.failOn);
}

export async function emit(report: Report, opts: { formats: FormatName[]; output?: string; outputDir?: string }, ctx: RenderContext): Promise<void> {
  if (opts.outputDir) {
    for (const format of opts.formats) {
      const file = path.join(opts.outputDir, `livecomply-report.${FORMAT_EXTENSIONS[format]}`);
      await writeAtomic(file, await render(format, report, { ...ctx, color: false, outputDir: path.resolve(opts.outputDir) }));
    }
    return;
  }
  const format = opts.formats[0] ?? 'pretty';
  if (opts.output) {
    await writeAtomic(opts.output, await render(format, report, { ...ctx, color: false, outputDir: path.resolve(path.dirname(opts.output)) }));
    return;
  }
  await writeStdout(await render(format, report, ctx));
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
    text = await readFile(file, 'utf8');
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
