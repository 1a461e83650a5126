/**
 * CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark (so Excel reads CJK text right),
 * CRLF line ends, a header row, one row per finding; a file with no findings, or one that could
 * not be audited, gets one row of its own with the finding columns empty.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe (OWASP's advice against CSV injection); the numeric columns never need it.
 */
import type { FileReport, Finding, Report } from '../model.js';
import { compareFindings } from '../model.js';
import { clock } from '../time.js';

export const CSV_COLUMNS = [
  'file',
  'language',
  'status',
  'error',
  'start',
  'end',
  'time',
  'ruleId',
  'category',
  'kind',
  'severity',
  'text',
  'context',
  'message',
  'reference',
  'line',
  'basis',
  'url',
  'product',
  'declared',
  'source',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Neutralise a spreadsheet formula: a leading apostrophe makes the cell plain text. */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Seconds as h:mm:ss (always with hours, so spreadsheets sort and parse them alike). */
export function hms(sec: number | null): string {
  return clock(sec, { alwaysHours: true });
}

function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

function row(file: FileReport, f: Finding | undefined): string[] {
  const text = (s: string | null | undefined) => defuse(s ?? '');
  return [
    text(file.path),
    text(file.language),
    file.status,
    text(file.error),
    num(f?.start),
    num(f?.end),
    hms(f?.start ?? null),
    text(f?.ruleId),
    text(f?.category),
    f?.kind ?? '',
    f?.severity ?? '',
    text(f?.text),
    text(f?.context),
    text(f?.message),
    text(f?.reference),
    num(f?.line),
    f?.basis ?? '',
    text(f?.url),
    text(f?.product),
    text(f?.declared ? JSON.stringify(f.declared) : ''),
    f ? (f.source ?? 'speech') : '',
  ];
}

export function formatCsv(report: Report): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const file of report.files) {
    if (file.findings.length === 0) rows.push(row(file, undefined));
    for (const f of [...file.findings].sort(compareFindings)) rows.push(row(file, f));
  }
  return BOM + rows.map((r) => r.map(csvField).join(',')).join(CRLF) + CRLF;
}
