/**
 * SARIF 2.1.0 (OASIS), for code-scanning dashboards and SARIF viewers.
 *
 * One run. `tool.driver.rules` describes every rule of the rulesets used (or, for a report read
 * back from JSON, every rule its findings name). Recordings have no lines, so a finding's seconds
 * go in `region.properties` (`startSec`, `endSec`); a finding with a transcript line also gets a
 * real `startLine`. `partialFingerprints` are built from rule + file + the normalised matched
 * words (never the time), so they survive re-cuts of a recording. Files that could not be audited
 * become `invocations[0].toolExecutionNotifications` with `executionSuccessful: false`.
 */
import { createHash } from 'node:crypto';
import type { FileReport, Finding, Report, Severity } from '../model.js';
import { compareFindings, fileErrorLine, saidVerb, sourceLabel } from '../model.js';
import { clock } from '../time.js';
import type { RenderContext } from './context.js';
import { fileUri, lawLabel, localMessage, reportPathUri, ruleEntries, ruleLanguages, type RuleEntry } from './shared.js';
// Words as a baseline matches them, so a fingerprint and a baseline agree on what is "the same finding".
import { normaliseFindingText } from '../baseline.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/livecomply';
/** The base that report paths (relative to the working directory) are relative to. */
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'livecomplyFinding/v1';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface Message {
  text: string;
  markdown?: string;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** A SARIF log as this formatter writes it (a subset of the 2.1.0 object model). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds?: Record<string, { uri: string; description?: Message }>;
  invocations: SarifInvocation[];
  artifacts: SarifArtifact[];
  results: SarifResult[];
  columnKind: 'unicodeCodePoints';
  properties?: Record<string, unknown>;
}

export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri: string;
  rules: SarifRule[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  help: Message;
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties: { category: string; kind: 'prohibit' | 'require'; reference: string; tags: string[]; languages?: string[]; basis?: string };
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: SarifNotification[];
  properties?: Record<string, unknown>;
}

export interface SarifNotification {
  level: Level;
  message: Message;
  descriptor: { id: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
}

export interface SarifArtifact {
  location: ArtifactLocation;
  roles: ['analysisTarget'];
  properties: { status: 'ok' | 'error'; language: string | null; durationSec: number | null; transcriptSource?: string };
}

export interface SarifRegion {
  startLine?: number;
  snippet?: { text: string };
  properties?: { startSec: number | null; endSec: number | null; time?: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  kind: 'fail';
  message: Message;
  locations: { physicalLocation: { artifactLocation: ArtifactLocation; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  properties: {
    category: string;
    kind: Finding['kind'];
    severity: Severity;
    text: string;
    reference: string;
    startSec: number | null;
    endSec: number | null;
    basis?: string;
    url?: string;
    product?: string;
    declared?: Record<string, unknown>;
    matcher?: string;
    source: NonNullable<Finding['source']>;
  };
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** `rule:file:words` hashed; `:n` tells apart the n-th same words of the same rule in a file (in time order). */
export function fingerprints(file: FileReport): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of [...file.findings].sort(compareFindings)) {
    const key = sha256([f.ruleId, file.path, f.kind, normaliseFindingText(f.text)].join('\u0000'));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(f, `${key}:${n + 1}`);
  }
  return out;
}

function location(path: string, index?: number): ArtifactLocation {
  const { uri, relative } = reportPathUri(path);
  const loc: ArtifactLocation = { uri };
  if (relative) loc.uriBaseId = SRCROOT;
  if (index !== undefined) loc.index = index;
  return loc;
}

function ruleName(id: string): string {
  // A readable identifier: the last part of the id in PascalCase (jp/keihyo/dual-pricing → DualPricing).
  const last = id.split('/').pop() ?? id;
  const name = last
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name || id;
}

function describeRule(r: RuleEntry): SarifRule {
  const locals = ruleLanguages(r)
    .map((l) => r.message[l as 'ja' | 'zh' | 'ko'])
    .filter((m): m is string => !!m && m !== r.message.en);
  const what = r.kind === 'require' ? 'Required disclosure' : 'Prohibited claim';
  const full = [r.message.en, ...locals, r.description].filter(Boolean).join('\n');
  const helpText = [`${what} (${r.category}).`, r.message.en, ...locals, r.description, `Law: ${lawLabel(r)}`].filter(Boolean).join('\n');
  const helpMd = [
    `**${what}** (\`${r.category}\`)`,
    '',
    r.message.en,
    ...locals.map((m) => `\n${m}`),
    ...(r.description ? ['', r.description] : []),
    '',
    `Law: ${lawLabel(r)}`,
  ].join('\n');
  const rule: SarifRule = {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.message.en },
    fullDescription: { text: full },
    help: { text: helpText, markdown: helpMd },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { category: r.category, kind: r.kind, reference: r.reference, tags: ['compliance', r.category, r.kind === 'require' ? 'disclosure' : 'prohibited-speech'] },
  };
  if (r.url) rule.helpUri = asUri(r.url);
  if (r.basis) rule.properties.basis = r.basis;
  const languages = ruleLanguages(r);
  if (languages.length) rule.properties.languages = languages;
  return rule;
}

function resultMessage(f: Finding, rule: RuleEntry | undefined, language: string | null): Message {
  const where = f.start !== null ? `at ${clock(f.start)}${f.end !== null && Math.floor(f.end) !== Math.floor(f.start) ? `–${clock(f.end)}` : ''}` : f.line !== undefined ? `on line ${f.line}` : '';
  const said = f.kind === 'missing' ? 'missing' : `「${f.text}」${sourceLabel(f) ? ` (${saidVerb(f)})` : ''}`;
  const en = rule && rule.message.en !== f.message && localMessage(rule, language) !== undefined ? ` (${rule.message.en})` : '';
  const text = `${said}${where ? ` ${where}` : ''}: ${f.message}${en} — ${lawLabel(f)}`;
  return { text };
}

export function buildSarif(report: Report, ctx: Pick<RenderContext, 'rules' | 'cwd'>): SarifLog {
  const rules = ruleEntries(report, ctx.rules);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: SarifArtifact[] = report.files.map((file) => {
    const a: SarifArtifact = {
      location: location(file.path),
      roles: ['analysisTarget'],
      properties: { status: file.status, language: file.language, durationSec: file.durationSec },
    };
    if (file.transcriptSource) a.properties.transcriptSource = file.transcriptSource;
    return a;
  });
  const results: SarifResult[] = [];
  const notifications: SarifNotification[] = [];
  report.files.forEach((file, fileIndex) => {
    if (file.status === 'error') {
      notifications.push({
        level: 'error',
        message: { text: fileErrorLine({ path: file.path, error: file.error || 'could not be audited' }) },
        descriptor: { id: 'livecomply/input-error' },
        locations: [{ physicalLocation: { artifactLocation: location(file.path, fileIndex) } }],
      });
    }
    const prints = fingerprints(file);
    for (const f of [...file.findings].sort(compareFindings)) {
      const rule = rules[ruleIndex.get(f.ruleId) ?? -1];
      const region: SarifRegion = { properties: { startSec: f.start, endSec: f.end } };
      if (f.start !== null) region.properties!.time = clock(f.start);
      if (f.line !== undefined && f.line >= 1) region.startLine = f.line;
      if (f.context) region.snippet = { text: f.context };
      const properties: SarifResult['properties'] = { category: f.category, kind: f.kind, severity: f.severity, text: f.text, reference: f.reference, startSec: f.start, endSec: f.end, source: f.source ?? 'speech' };
      if (f.basis) properties.basis = f.basis;
      if (f.url) properties.url = f.url;
      if (f.product) properties.product = f.product;
      if (f.declared) properties.declared = f.declared;
      if (f.matcher) properties.matcher = f.matcher;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        kind: 'fail',
        message: resultMessage(f, rule, file.language),
        locations: [{ physicalLocation: { artifactLocation: location(file.path, fileIndex), region } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints.get(f)! },
        properties,
      });
    }
  });
  const invocation: SarifInvocation = {
    executionSuccessful: notifications.length === 0 && !report.interrupted,
    toolExecutionNotifications: notifications,
  };
  if (report.interrupted) invocation.properties = { interrupted: true };
  const run: SarifRun = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: rules.map(describeRule),
      },
    },
    invocations: [invocation],
    artifacts,
    results,
    columnKind: 'unicodeCodePoints',
  };
  if (ctx.cwd) run.originalUriBaseIds = { [SRCROOT]: { uri: fileUri(ctx.cwd, true), description: { text: 'The working directory the audit ran in; report paths are relative to it.' } } };
  if (report.interrupted) run.properties = { interrupted: true };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(report: Report, ctx: Pick<RenderContext, 'rules' | 'cwd'>): string {
  return JSON.stringify(buildSarif(report, ctx), null, 2) + '\n';
}

/**
 * A link as a URI reference, as SARIF requires: rulesets cite pages by their readable address
 * (https://www.law.go.kr/법령/화장품법), which is an IRI; its non-ASCII characters are percent-encoded
 * (existing escapes are kept).
 */
export function asUri(link: string): string {
  return link.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run));
}
