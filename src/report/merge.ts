/**
 * Merge shard reports into one, as if one run had audited everything. Pure: the caller reads the
 * files. A file audited by two shards (overlapping runs) keeps the later report's entry.
 */
import type { FileReport, Report } from './model.js';
import { buildReport } from './model.js';
import { parseJsonNamed } from './json-input.js';

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
  return r as Report;
}

export function mergeReports(reports: readonly Report[], version: string): Report {
  const byPath = new Map<string, FileReport>();
  for (const r of reports) for (const f of r.files) byPath.set(f.path, f);
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const merged = buildReport(files, version, reports.some((r) => r.interrupted === true));
  const baselined = reports.reduce((n, r) => n + (r.summary?.baselined ?? 0), 0);
  if (reports.some((r) => r.summary?.baselined !== undefined)) merged.summary.baselined = baselined;
  return merged;
}
