/**
 * Real advertising claims (quoted from public enforcement cases and press reports, plus compliant
 * wording of the same domains), read at run time from `<repo>/../shared/reference/sentences/
 * real-claims-{zh,ja,ko}.yaml`. They are measured, never copied into the project.
 *
 * The claims are split once, deterministically and BY SOURCE, into a tuning part and a held-out part
 * that no tuning pass reads: the source URL is normalised (see `normaliseSource`), hashed with the
 * 32-bit FNV-1a of src/audit/shard.ts, and the source goes to the held-out part when hash % 10 < 3
 * (about 30% of the sources). Every item of one source lands in the same part, and an item added
 * later lands where its source already is (or, for a new source, where its hash says). The split
 * depends on nothing but the source string: not on the order of the file, nor on the other items.
 *
 * Do not change `normaliseSource` or `HOLDOUT_BUCKETS` lightly: that would move sources between the
 * parts, and a held-out source that has been tuned on is held out no more.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { pathHash } from '../../src/audit/shard.js';
import { checkTranscript } from '../../src/rules/check.js';
import { scanSegment } from '../../src/rules/match.js';
import { excusingCues, type ExcusingCues } from '../../src/rules/scan-memo.js';
import type { CompiledRules } from '../../src/rules/compile.js';
import { DEFAULT_RULESET } from '../../src/rules/load.js';
import type { Analyzer } from '../../src/text/analyze.js';
import type { Language, Transcript } from '../../src/transcript/model.js';
import { builtinCompiled } from '../helpers/builtin.js';
import { claimKey, contradictsDeclaredOrigin, declaredOrigins } from './declared-origins.js';

/** `<repo>/../shared/reference/sentences`, as in CI. */
export const REAL_CLAIMS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'sentences');

export const REAL_CLAIM_LANGUAGES = ['zh', 'ja', 'ko'] as const satisfies readonly Language[];

export type Part = 'tuning' | 'holdout';

/** Buckets (of 10) that go to the held-out part. */
export const HOLDOUT_BUCKETS = 3;

export interface RealClaim {
  text: string;
  violating: boolean;
  category: string;
  source: string;
  note: string;
  /** 1-based line of the item in its file. */
  line: number;
}

export class RealClaimsError extends Error {}

export function realClaimsFile(lang: Language, dir: string = REAL_CLAIMS_DIR): string {
  return path.join(dir, `real-claims-${lang}.yaml`);
}

/** Whether the real claims of a language (or of any language) are present on this machine. */
export function realClaimsPresent(lang?: Language): boolean {
  return lang === undefined ? existsSync(REAL_CLAIMS_DIR) : existsSync(realClaimsFile(lang));
}

/** Query parameters that say where a click came from, not which page it is. */
const TRACKING_PARAM = /^(utm_.*|spm|spss|fbclid|gclid|yclid|msclkid|mc_cid|mc_eid|_ga|ref|re|from|f|share.*|scene|isappinstalled|home_time|wfr|clicktime|enterid)$/i;

/**
 * The identity of a source page: scheme, `www.`, default port, fragment, tracking parameters and a
 * trailing slash dropped; host lower-cased; percent escapes upper-cased; remaining query parameters
 * sorted. A string that is not a URL is only trimmed.
 */
export function normaliseSource(source: string): string {
  const raw = source.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return raw;
  const host = u.hostname.toLowerCase().replace(/^(?:www\.)+(?=[^.]+\.)/, '');
  const port = u.port ? `:${u.port}` : '';
  const upperEscapes = (s: string) => s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
  let pathname = upperEscapes(u.pathname);
  while (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
  if (pathname === '/') pathname = '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${pathname}${query}`;
}

/** FNV-1a (32-bit) of the normalised source. */
export function sourceHash(source: string): number {
  return pathHash(normaliseSource(source));
}

export function partOf(source: string): Part {
  return sourceHash(source) % 10 < HOLDOUT_BUCKETS ? 'holdout' : 'tuning';
}

/**
 * The real claims of a language, all of them or one part. Throws a RealClaimsError naming the file
 * (and line) when it is missing or malformed; check `realClaimsPresent` first to skip instead.
 */
export async function loadRealClaims(lang: Language, part: Part | 'all', dir: string = REAL_CLAIMS_DIR): Promise<RealClaim[]> {
  const file = realClaimsFile(lang, dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new RealClaimsError(`${file}: cannot read the real claims (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RealClaimsError(`${file}:${e.linePos?.[0]?.line ?? 1}:${e.linePos?.[0]?.col ?? 1}: ${e.message}`);
  }
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) throw new RealClaimsError(`${file}:1:1: expected a list of claims`);
  const nodes = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items ?? [];
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length);
  const claims = data.map((raw: unknown, i: number): RealClaim => {
    const line = lineOf(nodes[i]?.range?.[0]);
    const o = raw as Partial<Record<keyof RealClaim, unknown>> | null;
    const bad = (what: string) => new RealClaimsError(`${file}:${line}: ${what}`);
    if (!o || typeof o !== 'object') throw bad('each item must be a mapping');
    if (typeof o.text !== 'string' || !o.text.trim()) throw bad('"text" must be a non-empty string');
    if (typeof o.violating !== 'boolean') throw bad('"violating" must be true or false');
    if (typeof o.category !== 'string' || !o.category.trim()) throw bad('"category" must be a non-empty string');
    if (typeof o.source !== 'string' || !o.source.trim()) throw bad('"source" must be a non-empty string');
    return { text: o.text, violating: o.violating, category: o.category, source: o.source, note: typeof o.note === 'string' ? o.note : '', line };
  });
  return part === 'all' ? claims : claims.filter((c) => partOf(c.source) === part);
}

export interface Rate {
  hit: number;
  total: number;
}

export const rate = (r: Rate): number => (r.total === 0 ? 1 : r.hit / r.total);

export interface RealClaimMistake {
  text: string;
  category: string;
  line: number;
  /** Prohibited findings on the item, as `ruleId 「words」`. */
  fired: string[];
}

export interface RealClaimsResult {
  language: Language;
  part: Part | 'all';
  items: number;
  sources: number;
  /** Violating items flagged by at least one prohibited finding. */
  recall: Rate;
  /** Compliant (violating: false) items with no prohibited finding. */
  clean: Rate;
  /**
   * Recall when each false-origin claim is also read against a manifest declaring the origin its
   * case found (see declared-origins.ts): what a user with the manifest gets.
   */
  withDeclaredOrigin: Rate;
  /** The false-origin claims with a declared origin, and how many of them contradict it. */
  originDeclared: Rate;
  /** Recall per category of the violating items. */
  byCategory: Map<string, Rate>;
  /**
   * Why the violating items not flagged were missed, counted (no texts, so the held-out part may report it): no
   * prohibited word of any rule matched, or one matched and was excused by its rule's `unless` cues, a negation or
   * a quotation (an item may count under several).
   */
  missedWhy: { noMatch: number; unless: number; negation: number; quotation: number };
  /** Missed violating items and flagged compliant items; empty unless asked for with `texts`. */
  misses: RealClaimMistake[];
  falseAlarms: RealClaimMistake[];
}

interface Checker {
  analyzer: Analyzer;
  compiled: CompiledRules;
}

function checker(lang: Language): Promise<Checker> {
  return builtinCompiled(DEFAULT_RULESET[lang]);
}

/** The prohibited findings of the language's default ruleset on one text, as a one-segment transcript. */
export async function prohibitedFindings(lang: Language, text: string): Promise<string[]> {
  const { analyzer, compiled } = await checker(lang);
  const t: Transcript = { segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 };
  return checkTranscript(compiled, t, analyzer)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => `${f.ruleId} 「${f.text}」`);
}

/** Adds to `why` what became of the prohibited words a missed claim's rules matched (see RealClaimsResult.missedWhy). */
async function countMissedWhy(lang: Language, text: string, why: RealClaimsResult['missedWhy']): Promise<void> {
  const { analyzer, compiled } = await checker(lang);
  const { hits, lattice } = scanSegment(compiled, analyzer.analyze(text));
  const kinds = new Set(hits.map((h) => excusingCues(compiled, lattice, h)).filter((k): k is ExcusingCues => k !== undefined));
  if (kinds.size === 0) why.noMatch++;
  for (const k of kinds) why[k]++;
}

/**
 * Measure claims with the language's default ruleset. `texts: true` keeps the missed and falsely
 * flagged items (with their text) — pass it for the tuning part only, never for the held-out part.
 */
export async function evaluateRealClaims(lang: Language, claims: RealClaim[], opts: { part: Part | 'all'; texts?: boolean }): Promise<RealClaimsResult> {
  const result: RealClaimsResult = {
    language: lang,
    part: opts.part,
    items: claims.length,
    sources: new Set(claims.map((c) => normaliseSource(c.source))).size,
    recall: { hit: 0, total: 0 },
    withDeclaredOrigin: { hit: 0, total: 0 },
    originDeclared: { hit: 0, total: 0 },
    clean: { hit: 0, total: 0 },
    byCategory: new Map(),
    missedWhy: { noMatch: 0, unless: 0, negation: 0, quotation: 0 },
    misses: [],
    falseAlarms: [],
  };
  for (const c of claims) {
    const fired = await prohibitedFindings(lang, c.text);
    const flagged = fired.length > 0;
    if (c.violating) {
      const cat = result.byCategory.get(c.category) ?? { hit: 0, total: 0 };
      cat.total++;
      result.recall.total++;
      result.withDeclaredOrigin.total++;
      const origin = c.category === 'false-origin' ? declaredOrigins().get(claimKey(lang, copyKey(c.text))) : undefined;
      const contradicts = typeof origin === 'string' && contradictsDeclaredOrigin(lang, c.text, origin);
      if (typeof origin === 'string') {
        result.originDeclared.total++;
        if (contradicts) result.originDeclared.hit++;
      }
      if (flagged || contradicts) result.withDeclaredOrigin.hit++;
      if (flagged) {
        cat.hit++;
        result.recall.hit++;
      } else await countMissedWhy(lang, c.text, result.missedWhy);
      if (!flagged && opts.texts) result.misses.push({ text: c.text, category: c.category, line: c.line, fired });
      result.byCategory.set(c.category, cat);
    } else {
      result.clean.total++;
      if (!flagged) result.clean.hit++;
      else if (opts.texts) result.falseAlarms.push({ text: c.text, category: c.category, line: c.line, fired });
    }
  }
  return result;
}

/** Shortest claim (in characters, after `copyKey`) that the copy guard looks for. */
export const COPY_MIN_CHARS = 8;

/** The text as compared by the copy guard: NFKC, lower-case, no whitespace, punctuation or symbols. */
export function copyKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

export interface Copy {
  /** The project file and 1-based line where the copied claim starts. */
  file: string;
  line: number;
  language: Language;
  part: Part;
  /** Line of the claim in its real-claims file: given for the tuning part only, never for the held-out part. */
  claimLine?: number;
}

/**
 * Real claims copied into project files (the claims may be measured, never copied): every claim of
 * at least COPY_MIN_CHARS characters is looked for in each text, ignoring spacing, punctuation and
 * width. Held-out copies are reported without pointing at the claim.
 */
export function findCopies(files: { file: string; text: string }[], claims: { language: Language; claim: RealClaim }[]): Copy[] {
  const keys = claims
    .map(({ language, claim }) => ({ language, claim, key: copyKey(claim.text), part: partOf(claim.source) }))
    .filter((k) => [...k.key].length >= COPY_MIN_CHARS);
  const out: Copy[] = [];
  for (const { file, text } of files) {
    // Stripped text with, for each of its characters, the line it came from.
    let stripped = '';
    const lineAt: number[] = [];
    text.split('\n').forEach((l, i) => {
      const k = copyKey(l);
      stripped += k;
      for (let j = 0; j < k.length; j++) lineAt.push(i + 1);
    });
    for (const k of keys) {
      const at = stripped.indexOf(k.key);
      if (at < 0) continue;
      out.push({ file, line: lineAt[at] ?? 1, language: k.language, part: k.part, ...(k.part === 'tuning' ? { claimLine: k.claim.line } : {}) });
    }
  }
  return out;
}
