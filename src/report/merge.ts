/**
 * Merge shard reports into one, as if one run had audited everything. Pure: the caller reads the
 * files. A file audited by two shards (overlapping runs) keeps the later report's entry.
 */
import type { FileReport, Report } from './model.js';
import { buildReport } from './model.js';
import { parseJsonNamed } from './json-input.js';
import { reportProblems } from './validate.js';

export class ReportFormatError extends Error {}

const STATUSES = new Set(['ok', 'error']);

/** Parse and check a JSON report well enough to merge it; `file` names it in errors. */
export function parseReport(json: string, file: string): Report {
  const r = parseJsonNamed(json, file, (m) => new ReportFormatError(m)) as Partial<Report> | null;
  if (!r || typeof r !== 'object' || !Array.isArray(r.files) || r.tool?.name !== 'livecomply') {
    throw new ReportFormatError(`${file}: not a livecomply JSON report (make one with --format json)`);
  }
  if (r.schemaVersion !== 1) throw new ReportFormatError(`${file}: report schemaVersion ${String(r.schemaVersion)} is not supported (expected 1)`);
  r.files.forEach((f, i) => {
    const ok = f && typeof f.path === 'string' && STATUSES.has(f.status) && Array.isArray(f.findings);
    if (!ok) throw new ReportFormatError(`${file}: files[${i}] needs path, status (ok | error) and findings`);
  });
  const problems = reportProblems(r);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    throw new ReportFormatError(`${file}: does not match the report schema: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
  return r as Report;
}

/**
 * What differs between the reports being merged, as sentences: other livecomply versions (their
 * rules may differ), and files that more than one report covers (the later report's entry is kept).
 */
export function mergeDifferences(reports: readonly { file: string; report: Report }[]): string[] {
  const notes: string[] = [];
  const versions = new Map<string, string[]>();
  for (const { file, report } of reports) versions.set(report.tool.version, [...(versions.get(report.tool.version) ?? []), file]);
  if (versions.size > 1) {
    notes.push(`the reports come from different livecomply versions (${[...versions].map(([v, fs]) => `${v}: ${fs.join(', ')}`).join('; ')}); their rules may differ`);
  }
  const digests = new Map<string, Map<string, string[]>>();
  for (const { file, report } of reports) {
    for (const rs of report.rulesets ?? []) {
      const byDigest = digests.get(rs.id) ?? new Map<string, string[]>();
      byDigest.set(rs.digest, [...(byDigest.get(rs.digest) ?? []), file]);
      digests.set(rs.id, byDigest);
    }
  }
  for (const [id, byDigest] of digests) {
    if (byDigest.size > 1) notes.push(`ruleset ${id} differs between the reports (${[...byDigest.values()].map((fs) => fs.join(', ')).join(' vs ')}): their findings were made by different rules`);
  }
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const { file, report } of reports) {
    for (const f of report.files) {
      const before = seen.get(f.path);
      if (before !== undefined && before !== file) twice.push(`${f.path} (in ${before} and ${file})`);
      seen.set(f.path, file);
    }
  }
  if (twice.length > 0) {
    const shown = twice.slice(0, 5).join(', ');
    notes.push(`${twice.length} file(s) are in more than one report; the entry of the later report is kept: ${shown}${twice.length > 5 ? ', …' : ''}`);
  }
  return notes;
}

export function mergeReports(reports: readonly Report[], version: string): Report {
  const byPath = new Map<string, FileReport>();
  for (const r of reports) for (const f of r.files) byPath.set(f.path, f);
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const merged = buildReport(files, version, reports.some((r) => r.interrupted === true));
  const rulesets = new Map<string, { id: string; digest: string }>();
  for (const r of reports) for (const rs of r.rulesets ?? []) rulesets.set(`${rs.id}\u0000${rs.digest}`, rs);
  if (rulesets.size) merged.rulesets = [...rulesets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.digest < b.digest ? -1 : 1));
  const baselined = reports.reduce((n, r) => n + (r.summary?.baselined ?? 0), 0);
  if (reports.some((r) => r.summary?.baselined !== undefined)) merged.summary.baselined = baselined;
  return merged;
}
