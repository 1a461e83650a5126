/**
 * Rendering helpers shared by the report formats (rule entries, paths as URIs, match spans).
 * Pure: no I/O, no clock.
 */
import path from 'node:path';
import { withoutDetail } from '../../core/messages.js';
import type { Finding, Report, Severity } from '../model.js';
import { SEVERITY_RANK } from '../model.js';
import type { RenderContext, RuleMetaLike } from './context.js';

/** A rule as a report describes it: from the rulesets when the context has them, else from its findings. */
export interface RuleEntry extends RuleMetaLike {
  /** True when known only from findings (no ruleset metadata in the context, e.g. a merged report). */
  derived: boolean;
  /** The rule's `url` as a URI (SARIF helpUri). */
  helpUri?: string;
}

/**
 * Every rule a report should describe: all rules in `ctx.rules` (in their order), then any rule
 * seen in a finding but absent there, derived from its first finding (its message stands in for
 * the English one, since a finding carries only the message in the language it was written in).
 */
export function ruleEntries(report: Report, rules: readonly RuleMetaLike[] | undefined): RuleEntry[] {
  const out = new Map<string, RuleEntry>();
  for (const r of rules ?? []) {
    if (out.has(r.id)) continue;
    const e: RuleEntry = { id: r.id, kind: r.kind, category: r.category, severity: r.severity, reference: r.reference, message: { ...r.message }, derived: false };
    if (r.description) e.description = r.description;
    if (r.url) e.helpUri = asUri(r.url);
    if (r.basis) e.basis = r.basis;
    if (r.url) e.url = r.url;
    out.set(r.id, e);
  }
  for (const file of report.files) {
    for (const f of file.findings) {
      const known = out.get(f.ruleId);
      if (known) {
        if (known.derived && SEVERITY_RANK[f.severity] > SEVERITY_RANK[known.severity]) known.severity = f.severity;
        continue;
      }
      const e: RuleEntry = {
        id: f.ruleId,
        kind: f.kind === 'missing' ? 'require' : 'prohibit',
        category: f.category,
        severity: f.severity,
        reference: f.reference,
        message: { en: baseMessage(f) },
        derived: true,
      };
      if (f.basis) e.basis = f.basis;
      if (f.url) e.url = f.url;
      out.set(f.ruleId, e);
    }
  }
  return [...out.values()];
}

/** A rule's message from one of its findings: a missing finding's message carries a timing detail (core/messages.ts). */
function baseMessage(f: Finding): string {
  return f.kind === 'missing' ? withoutDetail(f.message) : f.message;
}

/** The rule's message in a file's language (ja/zh/ko), when the rule has one that differs from English. */
export function localMessage(rule: RuleEntry, language: string | null | undefined): string | undefined {
  const langs = language ? [language] : ['ja', 'zh', 'ko'];
  for (const l of langs) {
    const m = (rule.message as Record<string, string | undefined>)[l];
    if (m && m !== rule.message.en) return m;
  }
  return undefined;
}

/** Languages a rule's messages are written in, besides English. */
export function ruleLanguages(rule: RuleEntry): string[] {
  return (['ja', 'zh', 'ko'] as const).filter((l) => rule.message[l] !== undefined);
}

/** Percent-encode a path's segments for use in a URI reference ('/'-separated; '..' kept). */
export function encodePathUri(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** A file:// URI for an absolute path (POSIX or Windows), optionally with a trailing slash (a folder). */
export function fileUri(abs: string, folder = false): string {
  let p = abs.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) p = '/' + p;
  if (folder && !p.endsWith('/')) p += '/';
  return 'file://' + encodePathUri(p);
}

/**
 * How a report's file path is written as a URI: relative paths (the usual case: relative to the
 * working directory) stay relative; absolute paths become file:// URIs.
 */
export function reportPathUri(p: string): { uri: string; relative: boolean } {
  if (isAbsolutePath(p)) return { uri: fileUri(p), relative: false };
  return { uri: encodePathUri(p.replace(/\\/g, '/')), relative: true };
}

/**
 * The path of a report's file as seen from the report's own folder (for links and players in
 * HTML), '/'-separated and percent-encoded. Relative paths are relative to `ctx.cwd`.
 */
export function pathFromReport(p: string, ctx: Pick<RenderContext, 'cwd' | 'outputDir'>): string {
  const posixish = (s: string) => s.replace(/\\/g, '/');
  let target: string | undefined;
  if (isAbsolutePath(p)) target = p;
  else if (ctx.cwd) target = path.join(ctx.cwd, p);
  if (target !== undefined && ctx.outputDir) {
    const rel = path.relative(ctx.outputDir, target);
    return encodePathUri(posixish(rel === '' ? path.basename(target) : rel));
  }
  if (target !== undefined && isAbsolutePath(target)) return fileUri(target);
  return encodePathUri(posixish(p));
}

/** The law a finding cites with what it is: "景品表示法 第5条第1号 (statute)". */
export function lawLabel(f: Pick<Finding, 'reference' | 'basis'>): string {
  return f.basis ? `${f.reference} (${f.basis})` : f.reference;
}

/** A finding's declared values as "origin: CN, price: 3980" (for statements that contradict the manifest). */
export function declaredLabel(f: Pick<Finding, 'declared'>): string {
  if (!f.declared) return '';
  return Object.entries(f.declared)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' / ') : v === null ? '(none)' : String(v)}`)
    .join(', ');
}

/**
 * An address written with non-ASCII characters (https://www.law.go.kr/법령/화장품법) as a URI
 * (percent-encoded UTF-8), which SARIF's helpUri must be; an address already encoded stays as it is.
 */
export function asUri(s: string): string {
  try {
    return encodeURI(decodeURI(s));
  } catch {
    return encodeURI(s);
  }
}

/** Plural with the count: "1 finding", "2 findings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 errors, 1 warning" (only non-zero severities, most severe first). */
export function severityCounts(bySeverity: Partial<Record<Severity, number>>): string {
  return (['error', 'warning', 'info'] as const)
    .filter((k) => (bySeverity[k] ?? 0) > 0)
    .map((k) => plural(bySeverity[k] ?? 0, k))
    .join(', ');
}
