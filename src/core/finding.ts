/**
 * The finding model (contract schemaVersion 1): severities and findings, shared by the rules that
 * produce findings and the reports that show them. Pure data and pure functions: no I/O, no clock.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** What `--fail-on` accepts: the lowest severity that fails the run, or `never`. */
export const FAIL_ON_CHOICES = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON_CHOICES)[number];

export type FindingKind = 'prohibited' | 'missing';
/** Where a finding's words came from (contract: absent = speech). */
export type FindingSource = 'speech' | 'subtitle' | 'screen';
/** What a rule's reference is: a law, official guidance, or a house or platform policy with no legal duty behind it. */
export const BASES = ['statute', 'guideline', 'policy'] as const;
export type Basis = (typeof BASES)[number];

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
  basis?: Basis;
  /** Where the cited text can be read. */
  url?: string;
  /** The manifest product the finding concerns, by its name. */
  product?: string;
  /** For a statement that contradicts the manifest: the declared values, e.g. { origin: 'CN' }. */
  declared?: Record<string, unknown>;
  /** Where the words were: said (absent or `speech`), in a subtitle track, or shown on screen. */
  source?: FindingSource;
}

/** True when a finding of severity `sev` fails a run with `--fail-on failOn`. */
export function atOrAbove(sev: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_RANK[sev] >= SEVERITY_RANK[failOn];
}

/** Stable ordering of one file's findings: by time (untimed by line), then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const as = a.start ?? -1;
  const bs = b.start ?? -1;
  if (as !== bs) return as - bs;
  const al = a.line ?? 0;
  const bl = b.line ?? 0;
  if (al !== bl) return al - bl;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
