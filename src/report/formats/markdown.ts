/**
 * Markdown (GitHub-flavoured) for pull-request and issue comments: a summary line and table, a
 * table per file with findings (time, severity, rule, words, law), and the files that could not
 * be audited with their errors. Kept short enough to paste: past a size budget the remaining
 * rows are counted instead of listed (GitHub comments hold at most 65,536 characters).
 */
import type { FileReport, Report } from '../model.js';
import { visible, visibleLine } from '../visible.js';
import { atOrAbove, compareFindings, saidVerb, sourceLabel } from '../model.js';
import { clock, whereLabel } from '../time.js';
import type { RenderContext } from './context.js';
import { declaredLabel, lawLabel, plural, severityCounts } from './shared.js';

/** Default size budget in characters (well under GitHub's 65,536 limit for a comment). */
export const MARKDOWN_BUDGET = 60_000;

/**
 * Text safe in a GFM table cell: Markdown punctuation backslash-escaped (so user text cannot
 * make links, emphasis, HTML or break out of the cell), line breaks as <br>, and an invisible
 * word joiner (U+2060) after `@` and `#` so a host saying "@someone" or "#12" in a stream does not notify a
 * user or link an issue when the report is posted as a pull-request comment.
 */
export function mdCell(s: string): string {
  return visible(s)
    .replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u2060');
}

/** A file path shown as inline code (backticks inside get a longer fence; pipes escaped for tables). */
export function mdCode(s: string): string {
  const clean = visibleLine(s);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

const SEV_MARK = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' } as const;

function fileMeta(file: FileReport): string {
  return [file.language, file.transcriptSource, file.durationSec != null ? clock(file.durationSec) : undefined].filter(Boolean).join(', ');
}

export function formatMarkdown(report: Report, ctx: Pick<RenderContext, 'failOn'> & { budget?: number }): string {
  const budget = ctx.budget ?? MARKDOWN_BUDGET;
  const s = report.summary;
  const failingFiles = report.files.filter((f) => f.findings.some((x) => atOrAbove(x.severity, ctx.failOn)));
  const ok = s.failed === 0 && failingFiles.length === 0;
  const out: string[] = [];
  const sev = severityCounts(s.bySeverity);
  out.push(
    `### ${ok ? '✅' : '❌'} livecomply: ${plural(s.findings, 'finding')}${sev ? ` (${sev})` : ''} in ${plural(s.files, 'file')}` +
      (s.failed ? `, ${s.failed} could not be audited` : '') +
      (report.interrupted ? ' — interrupted, the report is partial' : ''),
    '',
    '| files | audited | could not be audited | errors | warnings | info |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.files} | ${s.files - s.failed} | ${s.failed} | ${s.bySeverity.error ?? 0} | ${s.bySeverity.warning ?? 0} | ${s.bySeverity.info ?? 0} |`,
    '',
  );
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length) {
    out.push('#### Could not be audited', '');
    for (const f of failed) out.push(`- ${mdCode(f.path)}: ${mdCell(f.error || 'unknown error')}`);
    out.push('');
  }
  let used = out.join('\n').length;
  let omitted = 0;
  const withFindings = report.files.filter((f) => f.status === 'ok' && f.findings.length > 0);
  for (const file of withFindings) {
    const findings = [...file.findings].sort(compareFindings);
    const meta = fileMeta(file);
    const head = [`#### ${mdCode(file.path)}${meta ? ` (${mdCell(meta)})` : ''} — ${plural(findings.length, 'finding')}`, '', '| time | severity | rule | words | law |', '| --- | --- | --- | --- | --- |'];
    const headLen = head.join('\n').length + 2;
    if (used + headLen > budget) {
      omitted += findings.length;
      continue;
    }
    out.push(...head);
    used += headLen;
    let shown = 0;
    for (const f of findings) {
      const declared = f.declared ? ` (declared ${mdCell(declaredLabel(f))})` : '';
      const words = f.kind === 'missing' ? `*missing:* ${mdCell(f.message)}` : `「${mdCell(f.text)}」 ${sourceLabel(f) ? `*(${saidVerb(f)})* ` : ''}${mdCell(f.message)}${declared}`;
      const line = `| ${mdCell(whereLabel(f) || '—')} | ${SEV_MARK[f.severity]} | ${mdCode(f.ruleId)} | ${words} | ${mdCell(lawLabel(f))} |`;
      if (used + line.length + 1 > budget) break;
      out.push(line);
      used += line.length + 1;
      shown++;
    }
    if (shown < findings.length) {
      omitted += findings.length - shown;
      out.push(`| … | | | ${findings.length - shown} more in this file | |`);
    }
    out.push('');
  }
  const clean = report.files.filter((f) => f.status === 'ok' && f.findings.length === 0);
  if (clean.length) {
    const list = clean.map((f) => mdCode(f.path)).join(', ');
    out.push(used + list.length < budget ? `No findings in ${list}.` : `No findings in ${plural(clean.length, 'other file')}.`, '');
  }
  if (omitted) out.push(`_${plural(omitted, 'more finding')} left out to keep this short; see the full report (\`--format html\` or \`json\`)._`, '');
  return out.join('\n');
}
