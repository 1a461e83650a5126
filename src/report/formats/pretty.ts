/**
 * The report for people at a terminal: grouped by file, times as m:ss or h:mm:ss, the context
 * with the match highlighted, and a summary line. Colour only when asked (TTY and no NO_COLOR).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Report, Severity } from '../model.js';
import { atOrAbove, compareFindings, sourceLabel } from '../model.js';
import { clock, whereLabel } from '../time.js';
import { visibleLine as v } from '../visible.js';
import { declaredLabel, lawLabel } from './shared.js';

export interface PrettyOptions {
  color: boolean;
  failOn: Severity | 'never';
}

function highlight(c: ChalkInstance, f: Finding): string {
  if (!f.text) return c.dim(v(f.context));
  const i = f.context.indexOf(f.text);
  if (i < 0) return v(f.context);
  return v(f.context.slice(0, i)) + c.bold.underline.red(v(f.text)) + v(f.context.slice(i + f.text.length));
}

function sevLabel(c: ChalkInstance, s: Severity): string {
  const padded = s.padEnd(7);
  return s === 'error' ? c.red(padded) : s === 'warning' ? c.yellow(padded) : c.blue(padded);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatPretty(report: Report, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  for (const file of report.files) {
    const meta = [file.language, file.transcriptSource, file.durationSec != null ? clock(file.durationSec) : undefined].filter(Boolean).join(', ');
    out.push(c.underline(v(file.path)) + (meta ? c.dim(`  (${v(meta)})`) : ''));
    for (const w of file.warnings ?? []) out.push(`  ${c.yellow('⚠ warning:')} ${v(w)}`);
    if (file.status === 'error') {
      out.push(`  ${c.red('✖ could not audit:')} ${v(file.error ?? 'unknown error')}`, '');
      continue;
    }
    if (file.findings.length === 0) {
      out.push(`  ${c.green('✔ no findings')}`, '');
      continue;
    }
    const untimedNote = file.findings.some((f) => f.start === null);
    for (const f of [...file.findings].sort(compareFindings)) {
      const where = whereLabel(f).padEnd(12);
      const head = `  ${c.cyan(where)} ${sevLabel(c, f.severity)} ${c.magenta(v(f.category).padEnd(18))} ${f.kind === 'missing' ? c.bold('missing: ') : c.bold(`「${v(f.text)}」 `)}${sourceLabel(f) ? c.yellow(`[${sourceLabel(f)}] `) : ''}${v(f.message)}`;
      out.push(head);
      if (f.context) out.push(`  ${' '.repeat(12)} ${highlight(c, f)}`);
      out.push(`  ${' '.repeat(12)} ${c.dim(v(`${lawLabel(f)} · ${f.ruleId}`))}`);
      const about = [f.product ? `product: ${f.product}` : '', f.declared ? `declared ${declaredLabel(f)}` : ''].filter(Boolean).join(' · ');
      if (about) out.push(`  ${' '.repeat(12)} ${c.dim(v(about))}`);
    }
    if (untimedNote) out.push(c.dim('  (no timestamps in this transcript: places are line numbers)'));
    out.push('');
  }
  const s = report.summary;
  const sev = (['error', 'warning', 'info'] as const)
    .filter((k) => (s.bySeverity[k] ?? 0) > 0)
    .map((k) => plural(s.bySeverity[k] ?? 0, k));
  const failing = report.files.some((f) => f.findings.some((x) => atOrAbove(x.severity, opts.failOn)));
  const mark = s.failed > 0 || failing ? c.red('✖') : c.green('✔');
  let line = `${mark} ${plural(s.findings, 'finding')}${sev.length ? ` (${sev.join(', ')})` : ''} in ${plural(s.files, 'file')}`;
  if (s.failed > 0) line += c.red(`, ${s.failed} could not be audited`);
  if (s.baselined) line += c.dim(`; ${plural(s.baselined, 'accepted finding')} left out (baseline)`);
  if (report.interrupted) line += c.yellow(' (interrupted: the report is partial)');
  out.push(line);
  return out.join('\n') + '\n';
}
