/**
 * The report model (contract schemaVersion 1). Pure data and pure functions: no I/O, no clock.
 */
import type { Finding, Severity } from '../core/finding.js';
import { atOrAbove, type FailOn } from '../core/finding.js';

export {
  atOrAbove,
  compareFindings,
  FAIL_ON_CHOICES,
  SEVERITIES,
  SEVERITY_RANK,
  type Basis,
  type FailOn,
  type Finding,
  type FindingKind,
  type FindingSource,
  type Severity,
} from '../core/finding.js';
export type TranscriptSource = 'asr' | 'sidecar' | 'embedded' | 'transcript' | 'cache';

export interface FileReport {
  path: string;
  language: string | null;
  status: 'ok' | 'error';
  error?: string;
  durationSec: number | null;
  transcriptSource?: TranscriptSource;
  /** The text encoding a transcript file was read in (UTF-8, UTF-16LE, GB18030, Shift_JIS…). */
  encoding?: string;
  /** Every language whose rules were used, the file's own first (only when more than one). */
  languages?: string[];
  /** Things a person should know about this file's audit (declared language contradicted, sidecar longer than the recording…). */
  warnings?: string[];
  /** The product manifest used for this file, as given or found (only when one was used). */
  manifest?: string;
  findings: Finding[];
}

export interface ReportSummary {
  files: number;
  failed: number;
  findings: number;
  bySeverity: Partial<Record<Severity, number>>;
  /** With --baseline: findings left out because the baseline accepts them. */
  baselined?: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'livecomply'; version: string };
  interrupted?: boolean;
  /** The rulesets the run used, each with a digest of its rules (so `merge` can tell when shards differ). */
  rulesets?: { id: string; digest: string }[];
  files: FileReport[];
  summary: ReportSummary;
}

/**
 * "path: error" for a failed file, the path once: an error that already starts with the path
 * (a parse error's `broken.srt:2:18: …`) is shown as it is.
 */
export function fileErrorLine(f: Pick<FileReport, 'path' | 'error'>): string {
  const error = f.error || 'unknown error';
  return error.startsWith(`${f.path}:`) ? error : `${f.path}: ${error}`;
}

export function summarize(files: readonly FileReport[]): ReportSummary {
  const bySeverity: Partial<Record<Severity, number>> = {};
  let findings = 0;
  let failed = 0;
  for (const f of files) {
    if (f.status === 'error') failed++;
    for (const x of f.findings) {
      findings++;
      bySeverity[x.severity] = (bySeverity[x.severity] ?? 0) + 1;
    }
  }
  return { files: files.length, failed, findings, bySeverity };
}

export function buildReport(files: FileReport[], version: string, interrupted = false): Report {
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'livecomply', version },
    files,
    summary: summarize(files),
  };
  if (interrupted) report.interrupted = true;
  return report;
}

/** Contract exit codes: 3 when an input failed, else 1 when a finding is at or above failOn, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): 0 | 1 | 3 {
  if (report.files.some((f) => f.status === 'error')) return 3;
  const failing = report.files.some((f) => f.findings.some((x) => atOrAbove(x.severity, failOn)));
  return failing ? 1 : 0;
}

/** Where a finding's words were, for reports: "screen" or "subtitle"; undefined when said (speech). */
export function sourceLabel(f: Pick<Finding, 'source'>): 'screen' | 'subtitle' | undefined {
  return f.source === 'screen' || f.source === 'subtitle' ? f.source : undefined;
}

/** The verb for a prohibited finding's words: said, shown on screen, or in the subtitles. */
export function saidVerb(f: Pick<Finding, 'source'>): string {
  return f.source === 'screen' ? 'shown on screen' : f.source === 'subtitle' ? 'in the subtitles' : 'said';
}
