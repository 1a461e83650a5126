/**
 * Where a command's report goes (stdout, --output, or one file per format in --output-dir), shared
 * by `audit` and `merge`: checked before any work, rendered, written atomically.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_STEM } from '../audit/sniff.js';
import type { FileReport, Report } from '../report/model.js';
import { FORMAT_EXTENSIONS, render, type FormatName, type RenderContext } from '../report/formats/index.js';
import { UsageError } from './errors.js';
import { resolvedPath, unwritableReason, writeAllAtomic, writeErrorReason, writeStdout } from './output.js';
import { summaryTable } from './progress.js';

export interface ReportDestination {
  formats: FormatName[];
  output?: string;
  outputDir?: string;
}

/** Several formats need a folder to write one file each into. */
export function checkFormats(opts: ReportDestination): void {
  if (opts.formats.length > 1 && !opts.outputDir) {
    throw new UsageError(`several formats (${opts.formats.join(', ')}) need --output-dir to write one report file per format`);
  }
}

/** The files a run will write its report(s) to. */
export function reportTargets(opts: ReportDestination): string[] {
  if (opts.outputDir) return opts.formats.map((f) => reportFileIn(opts.outputDir as string, f));
  return opts.output ? [opts.output] : [];
}

function reportFileIn(dir: string, format: FormatName): string {
  return path.join(dir, `${REPORT_STEM}.${FORMAT_EXTENSIONS[format]}`);
}

/** Write files (together), a failure as a sentence naming the file (exit 2). */
export async function writeReports(files: { file: string; content: string }[]): Promise<void> {
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
  opts: ReportDestination & { writeBaseline?: string; baseline?: string; configFile?: string },
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
export async function emit(report: Report, opts: ReportDestination, ctx: RenderContext): Promise<string[]> {
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

/** The per-file summary on stderr, for several files, unless the pretty report on stdout already is one. */
export function summaryFor(files: readonly FileReport[], opts: ReportDestination, inputs = files.length): string {
  const prettyOnStdout = opts.formats.length === 1 && opts.formats[0] === 'pretty' && !opts.output;
  return inputs > 1 && !prettyOnStdout ? summaryTable(files) : '';
}
