/**
 * JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI…).
 *
 * A <testsuite> per audited file (time = its duration); a failing <testcase> per finding at or
 * above --fail-on (below it, findings are listed in the suite's <system-out>); a passing
 * testcase when a file has none; a file that could not be audited is an <error>.
 */
import type { FileReport, Finding, Report } from '../model.js';
import { atOrAbove, compareFindings, saidVerb, sourceLabel } from '../model.js';
import { whereLabel } from '../time.js';
import type { RenderContext } from './context.js';

/**
 * Text safe in XML 1.0 content and attribute values: markup characters escaped, characters XML 1.0
 * does not allow at all (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) replaced
 * by U+FFFD. In attributes, tab/LF/CR become character references so parsers keep them.
 */
export function xmlEscape(s: string, attribute = false): string {
  if (!/[&<>"'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (attribute && ch === '"') out += '&quot;';
    else if (attribute && ch === "'") out += '&apos;';
    else if (attribute && (c === 0x9 || c === 0xa || c === 0xd)) out += `&#${c};`;
    else if (c === 0xd) out += '&#13;';
    else if (isXmlChar(c)) out += ch;
    else out += '\uFFFD';
  }
  return out;
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`)
    .join('');
}

function seconds(n: number | null): string {
  return n === null ? '0' : (Math.round(n * 1000) / 1000).toString();
}

function caseName(f: Finding): string {
  const where = whereLabel(f);
  const said = f.kind === 'missing' ? 'missing' : `「${f.text}」`;
  return `${where ? `${where} ` : ''}${f.ruleId} ${said}`;
}

function findingBody(f: Finding): string {
  return [
    `time: ${whereLabel(f) || '—'}${f.start !== null ? ` (${f.start}s–${f.end ?? f.start}s)` : ''}`,
    `rule: ${f.ruleId} (${f.category}, ${f.kind}, ${f.severity})`,
    f.kind === 'prohibited' ? `${saidVerb(f)}: ${f.text}` : 'said: (nothing: a required disclosure is missing)',
    sourceLabel(f) ? `source: ${sourceLabel(f)}` : '',
    f.context ? `context: ${f.context}` : '',
    `message: ${f.message}`,
    `law: ${f.reference}`,
    f.basis ? `basis: ${f.basis}` : '',
    f.url ? `url: ${f.url}` : '',
    f.product ? `product: ${f.product}` : '',
    f.declared ? `declared: ${JSON.stringify(f.declared)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function suite(file: FileReport, failOn: RenderContext['failOn'], id: number): string {
  const indent = '  ';
  const props = [
    ['language', file.language ?? ''],
    ['status', file.status],
    ['transcriptSource', file.transcriptSource ?? ''],
    ['durationSec', file.durationSec === null ? '' : String(file.durationSec)],
  ]
    .filter(([, v]) => v !== '')
    .map(([name, value]) => `${indent}    <property${attrs({ name, value })}/>`);
  const lines: string[] = [];
  const push = (s: string) => lines.push(indent + s);
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const cases: string[] = [];
  const below: Finding[] = [];
  if (file.status === 'error') {
    tests = 1;
    errors = 1;
    const msg = file.error || 'could not be audited';
    cases.push(`  <testcase${attrs({ classname: file.path, name: 'audit', time: '0' })}>`, `    <error${attrs({ message: msg, type: 'input-error' })}>${xmlEscape(msg)}</error>`, '  </testcase>');
  } else {
    for (const f of [...file.findings].sort(compareFindings)) {
      if (!atOrAbove(f.severity, failOn)) {
        below.push(f);
        continue;
      }
      tests++;
      failures++;
      cases.push(
        `  <testcase${attrs({ classname: file.path, name: caseName(f), time: '0' })}>`,
        `    <failure${attrs({ message: `${f.message} (${f.reference})`, type: f.category })}>${xmlEscape(findingBody(f))}</failure>`,
        '  </testcase>',
      );
    }
    if (tests === 0) {
      tests = 1;
      const label = file.findings.length === 0 ? 'no findings' : `no findings at or above ${failOn}`;
      cases.push(`  <testcase${attrs({ classname: file.path, name: label, time: seconds(file.durationSec) })}/>`);
    }
  }
  push(`<testsuite${attrs({ name: file.path, id, tests, failures, errors, skipped: 0, time: seconds(file.durationSec) })}>`);
  if (props.length) lines.push(`${indent}  <properties>`, ...props, `${indent}  </properties>`);
  for (const c of cases) push(c);
  if (below.length) {
    const out = below.map((f) => `${f.severity} ${whereLabel(f) || '—'} ${f.ruleId} ${f.kind === 'missing' ? 'missing' : `「${f.text}」`}: ${f.message} (${f.reference})`).join('\n');
    push(`  <system-out>${xmlEscape(`Below --fail-on ${failOn}:\n${out}`)}</system-out>`);
  }
  push('</testsuite>');
  return lines.join('\n');
}

export function formatJunit(report: Report, ctx: Pick<RenderContext, 'failOn'>): string {
  const suites = report.files.map((f, i) => suite(f, ctx.failOn, i));
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const f of report.files) {
    if (f.status === 'error') {
      tests++;
      errors++;
      continue;
    }
    const failing = f.findings.filter((x) => atOrAbove(x.severity, ctx.failOn)).length;
    tests += Math.max(1, failing);
    failures += failing;
  }
  const time = report.files.reduce((s, f) => s + (f.durationSec ?? 0), 0);
  const head = `<testsuites${attrs({ name: report.interrupted ? 'livecomply (interrupted: partial report)' : 'livecomply', tests, failures, errors, time: seconds(time) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n');
}
