/**
 * The report model (contract schemaVersion 1). Pure data and pure functions: no I/O, no clock.
 */
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type FindingKind = 'prohibited' | 'missing';
export type TranscriptSource = 'asr' | 'sidecar' | 'embedded' | 'transcript' | 'cache';
/** Where a finding's words came from (contract: absent = speech). */
export type FindingSource = 'speech' | 'subtitle' | 'screen';

/** The fixed category vocabulary of the contract. Rulesets may add their own. */
export const PROHIBITED_CATEGORIES = [
  'superlative',
  'guarantee',
  'medical-claim',
  'endorsement',
  'misleading-price',
  'efficacy',
  'false-origin',
] as const;
export const DISCLOSURE_CATEGORIES = ['seller-disclosure', 'origin-disclosure', 'ad-disclosure'] as const;

export interface Finding {
  ruleId: string;
  category: string;
  kind: FindingKind;
  severity: Severity;
  /** Seconds into the recording; null for untimed transcripts. */
  start: number | null;
  end: number | null;
  /** The words that matched, as said (prohibited), or "" (missing). */
  text: string;
  context: string;
  message: string;
  reference: string;
  /** 1-based line for untimed transcripts (and always given for line-based sources). */
  line?: number;
  /** Which of the rule's matchers found the words (prohibited findings). */
  matcher?: string;
  /** What `reference` is: statute, guideline or policy (from the rule). */
  basis?: 'statute' | 'guideline' | 'policy';
  /** Where the cited text can be read. */
  url?: string;
  /** The manifest product the finding concerns, by its name. */
  product?: string;
  /** For a statement that contradicts the manifest: the declared values, e.g. { origin: 'CN' }. */
  declared?: Record<string, unknown>;
  /** Where the words were: said (absent or `speech`), in a subtitle track, or shown on screen. */
  source?: FindingSource;
}

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

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type FailOn = Severity | 'never';

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

export function atOrAbove(sev: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_RANK[sev] >= SEVERITY_RANK[failOn];
}

/** Contract exit codes: 3 when an input failed, else 1 when a finding is at or above failOn, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): 0 | 1 | 3 {
  if (report.files.some((f) => f.status === 'error')) return 3;
  const failing = report.files.some((f) => f.findings.some((x) => atOrAbove(x.severity, failOn)));
  return failing ? 1 : 0;
}

/** Stable ordering: by file path, then time (untimed by line), then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const as = a.start ?? -1;
  const bs = b.start ?? -1;
  if (as !== bs) return as - bs;
  const al = a.line ?? 0;
  const bl = b.line ?? 0;
  if (al !== bl) return al - bl;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** Where a finding's words were, for reports: "screen" or "subtitle"; undefined when said (speech). */
export function sourceLabel(f: Pick<Finding, 'source'>): 'screen' | 'subtitle' | undefined {
  return f.source === 'screen' || f.source === 'subtitle' ? f.source : undefined;
}

/** The verb for a prohibited finding's words: said, shown on screen, or in the subtitles. */
export function saidVerb(f: Pick<Finding, 'source'>): string {
  return f.source === 'screen' ? 'shown on screen' : f.source === 'subtitle' ? 'in the subtitles' : 'said';
}
