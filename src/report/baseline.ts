/**
 * Baselines: accepted findings recorded once (`--write-baseline`), then left out of later reports
 * (`--baseline`). A finding is matched by rule, file and normalised words, not by seconds, so a
 * re-cut recording keeps its accepted findings; each recorded finding accepts one occurrence, so
 * saying an accepted phrase once more is new. Pure.
 */
import type { Finding, Report } from './model.js';
import { summarize } from './model.js';
import { parseJsonNamed } from './json-input.js';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  /** The matched words, normalised (NFKC, lower case, no spaces or punctuation); "" for missing disclosures. */
  text: string;
  count: number;
}

export interface Baseline {
  schemaVersion: 1;
  kind: 'livecomply-baseline';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

export function normaliseFindingText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function key(ruleId: string, file: string, text: string): string {
  return JSON.stringify([ruleId, file.replace(/\\/g, '/'), text]);
}

function findingKey(file: string, f: Finding): string {
  return key(f.ruleId, file, f.kind === 'missing' ? '' : normaliseFindingText(f.text));
}

/**
 * How a report's file path is written in the baseline. The CLI passes "relative to the baseline
 * file's folder", so the baseline works from any working directory.
 */
export type BaselinePath = (reportPath: string) => string;
const asIs: BaselinePath = (p) => p;

/**
 * The baseline of a report. With `previous` (the baseline being replaced), a file that could not
 * be audited this time (a parse error, a missing recording) keeps the entries it had: they would
 * otherwise come back as new findings once the file is fixed.
 */
export function createBaseline(report: Report, pathFor: BaselinePath = asIs, previous?: Baseline): Baseline {
  const counts = new Map<string, BaselineEntry>();
  if (previous) {
    const failed = new Set(report.files.filter((f) => f.status === 'error').map((f) => pathFor(f.path).replace(/\\/g, '/')));
    for (const e of previous.findings) if (failed.has(e.file)) counts.set(key(e.ruleId, e.file, e.text), { ...e });
  }
  for (const file of report.files) {
    for (const f of file.findings) {
      const where = pathFor(file.path).replace(/\\/g, '/');
      const k = findingKey(where, f);
      const e = counts.get(k);
      if (e) e.count++;
      else counts.set(k, { ruleId: f.ruleId, file: where, text: f.kind === 'missing' ? '' : normaliseFindingText(f.text), count: 1 });
    }
  }
  const findings = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.text.localeCompare(b.text));
  return { schemaVersion: 1, kind: 'livecomply-baseline', findings };
}

/** Parse a baseline file's JSON; `file` names it in errors. */
export function parseBaseline(json: string, file: string): Baseline {
  const o = parseJsonNamed(json, file, (m) => new BaselineError(m)) as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || o.kind !== 'livecomply-baseline' || !Array.isArray(o.findings)) {
    throw new BaselineError(`${file}: not a livecomply baseline (write one with --write-baseline ${file})`);
  }
  if (o.schemaVersion !== 1) throw new BaselineError(`${file}: baseline schemaVersion ${String(o.schemaVersion)} is not supported (expected 1)`);
  o.findings.forEach((e, i) => {
    const ok = e && typeof e.ruleId === 'string' && typeof e.file === 'string' && typeof e.text === 'string' && Number.isInteger(e.count) && e.count > 0;
    if (!ok) throw new BaselineError(`${file}: findings[${i}] needs ruleId, file, text and a positive whole count`);
  });
  return o as Baseline;
}

/** The report without the findings the baseline accepts; `summary.baselined` says how many were left out. */
export function applyBaseline(report: Report, baseline: Baseline, pathFor: BaselinePath = asIs): Report {
  const left = new Map<string, number>();
  for (const e of baseline.findings) {
    const k = key(e.ruleId, e.file, e.text);
    left.set(k, (left.get(k) ?? 0) + e.count);
  }
  let suppressed = 0;
  const files = report.files.map((file) => {
    const where = pathFor(file.path);
    const findings = file.findings.filter((f) => {
      const k = findingKey(where, f);
      const n = left.get(k) ?? 0;
      if (n === 0) return true;
      left.set(k, n - 1);
      suppressed++;
      return false;
    });
    return { ...file, findings };
  });
  return { ...report, files, summary: { ...summarize(files), baselined: suppressed } };
}
