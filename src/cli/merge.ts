/**
 * `livecomply merge <reports.json...>`: combine shard reports into one report in any format, as if
 * one run had audited everything. A report that cannot be read is a usage error (exit 2): merging
 * without it would silently drop a shard.
 */
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { exitCodeFor, type FailOn, type Report } from '../report/model.js';
import { mergeDifferences, mergeReports, parseReport, ReportFormatError } from '../report/merge.js';
import type { FormatName } from '../report/formats/index.js';
import { UsageError } from './errors.js';
import { checkFormats, checkOutputs, emit, summaryFor } from './report-output.js';
import { VERSION } from './version.js';
import { readErrorReason } from '../io/file-errors.js';

export interface MergeCommandOptions {
  formats: FormatName[];
  output?: string;
  outputDir?: string;
  failOn: FailOn;
  color: boolean;
}

export async function runMerge(files: string[], opts: MergeCommandOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('merge needs at least one JSON report');
  checkFormats(opts);
  await checkOutputs(opts, files);
  const reports: Report[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readRegularText(file, MAX_BYTES.report);
    } catch (e) {
      throw new UsageError(`${file}: ${readErrorReason(e)}`);
    }
    try {
      reports.push(parseReport(text, file));
    } catch (e) {
      if (e instanceof ReportFormatError) throw new UsageError(e.message);
      throw e;
    }
  }
  for (const note of mergeDifferences(reports.map((report, i) => ({ file: files[i] ?? '', report })))) process.stderr.write(`livecomply: merge: ${note}\n`);
  const report = mergeReports(reports, VERSION);
  await emit(report, opts, { color: opts.color, failOn: opts.failOn, cwd: process.cwd() });
  const summary = summaryFor(report.files, opts);
  if (summary) process.stderr.write(summary);
  return exitCodeFor(report, opts.failOn);
}
