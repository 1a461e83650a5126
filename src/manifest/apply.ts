/**
 * The manifest stage: after the rules have run, tie each finding to the product being talked
 * about, keep only the laws for that product, allow its registered claims, report one finding per
 * span and law, and compare what is said about origin, seller and price with what is declared.
 * Also gives every finding its rule's `basis` and `url` (with or without a manifest). Pure.
 */
import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import type { MessageLanguage } from '../core/choices.js';
import { locator, type Locator } from '../rules/locate.js';
import type { ProductCategory, Rule } from '../rules/model.js';
import type { Language, Segment, Transcript } from '../transcript/model.js';
import {
  compact,
  placesAgree,
  type ContradictionCategory,
  type Gazetteer,
  type Manifest,
  type ManifestProduct,
  type OriginName,
  type StatementCues,
  type StatementData,
} from './model.js';
import { claimForm, claimSimilarity, compactWithMap, containment, dice, originalRange, PARAPHRASE_THRESHOLD, type Compact } from './text.js';

/** How many segments back a product named earlier is still "the product being talked about". */
export const PRODUCT_LOOKBACK = 5;

export interface ApplyOptions {
  language: Language;
  messageLanguage?: MessageLanguage;
  /** The ruleset id prefix for the manifest's own findings (jp, cn, kr). */
  rulesetId: string;
}

/** Basis and url of the rule that produced each finding. */
export function withRuleMetadata(findings: Finding[], rules: ReadonlyMap<string, Rule>): Finding[] {
  return findings.map((f) => {
    const rule = rules.get(f.ruleId);
    if (!rule || (!rule.basis && !rule.url)) return f;
    const out: Finding = { ...f };
    if (rule.basis && !out.basis) out.basis = rule.basis;
    if (rule.url && !out.url) out.url = rule.url;
    return out;
  });
}

/** The rules with `sponsored: true`: ad disclosures are required from the start, whatever is said. */
export function sponsoredRules<R extends Rule>(rules: readonly R[]): R[] {
  return rules.map((r) => {
    if (r.kind !== 'require' || r.category !== 'ad-disclosure' || !r.when) return r;
    const copy = { ...r };
    delete (copy as { when?: unknown }).when;
    return copy;
  });
}

interface Located {
  finding: Finding;
  segment: number | undefined;
  /** Compact-text offsets inside the segment. */
  at: number;
  len: number;
}

interface SegmentInfo {
  seg: Segment;
  c: Compact;
  /** Product mentions: product index and compact offset. */
  mentions: { product: number; at: number }[];
  locator?: Locator;
}

function productNames(p: ManifestProduct): string[] {
  return [...new Set([p.name, ...p.aliases].map(compact).filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

function indexSegments(t: Transcript, m: Manifest): SegmentInfo[] {
  const names = m.products.map(productNames);
  return t.segments.map((seg) => {
    const c = compactWithMap(seg.text);
    const mentions: { product: number; at: number }[] = [];
    names.forEach((list, product) => {
      for (const n of list) {
        for (let i = c.text.indexOf(n); i >= 0; i = c.text.indexOf(n, i + n.length)) mentions.push({ product, at: i });
      }
    });
    mentions.sort((a, b) => a.at - b.at);
    return { seg, c, mentions };
  });
}

/** Segments that can hold a finding: those around its time (or on its line); all when none is. */
function nearby(f: Finding, segs: SegmentInfo[]): number[] {
  const near: number[] = [];
  segs.forEach((s, i) => {
    const { start, end, line } = s.seg;
    if (f.start !== null && start !== null && end !== null) {
      if (start - 1 <= f.start && f.start <= end + 1) near.push(i);
    } else if (f.start === null && f.line !== undefined && line === f.line) near.push(i);
  });
  return near.length > 0 ? near : segs.map((_, i) => i);
}

/** Where a finding's words are: the segment holding them at (or nearest to) its time or line. */
function locate(f: Finding, segs: SegmentInfo[]): Located {
  const words = compact(f.text);
  let best: Located = { finding: f, segment: undefined, at: 0, len: 0 };
  let bestDist = Infinity;
  if (!words) return best;
  for (const i of nearby(f, segs)) {
    const s = segs[i]!;
    const loc = (s.locator ??= locator(s.seg));
    for (let at = s.c.text.indexOf(words); at >= 0; at = s.c.text.indexOf(words, at + 1)) {
      const orig = originalRange(s.c, at, at + words.length);
      const t = loc.startAt(orig.start);
      const dist = f.start === null || t === null ? (f.line !== undefined && s.seg.line !== undefined ? Math.abs(f.line - s.seg.line) : 0) : Math.abs(t - f.start);
      if (dist < bestDist) {
        bestDist = dist;
        best = { finding: f, segment: i, at, len: words.length };
      }
    }
  }
  return best;
}

/** The product talked about at a place: named there (nearest before, else after), named in the few segments before, or the only product. */
export function productAt(segs: SegmentInfo[], segment: number | undefined, at: number, m: Manifest): number | undefined {
  if (segment !== undefined) {
    const here = segs[segment]?.mentions ?? [];
    const before = here.filter((x) => x.at <= at).pop();
    if (before) return before.product;
    for (let i = segment - 1; i >= Math.max(0, segment - PRODUCT_LOOKBACK); i--) {
      const last = segs[i]?.mentions.at(-1);
      if (last) return last.product;
    }
    const after = here[0] ?? segs[segment + 1]?.mentions[0];
    if (after) return after.product;
  }
  return m.products.length === 1 ? 0 : undefined;
}

function ruleApplies(rule: Rule | undefined, categories: (ProductCategory | undefined)[]): boolean {
  if (!rule?.products || categories.length === 0) return true;
  // A product without a declared category could be anything: the rule may apply.
  return categories.some((c) => c === undefined || rule.products!.includes(c));
}

function overlaps(a: Located, b: Located): boolean {
  if (a.segment === undefined || a.segment !== b.segment) return false;
  return a.at < b.at + b.len && b.at < a.at + a.len;
}

/** Everything the stage needs besides the findings. */
export interface ManifestContext {
  manifest: Manifest;
  transcript: Transcript;
  rules: ReadonlyMap<string, Rule>;
  gazetteer: Gazetteer;
  statements: StatementData;
}

export function applyManifest(findings: Finding[], ctx: ManifestContext, opts: ApplyOptions): Finding[] {
  const { manifest: m, transcript, rules } = ctx;
  const segs = indexSegments(transcript, m);
  const allCategories = m.products.map((p) => p.category);
  const kept: Located[] = [];
  for (const f of findings) {
    const rule = rules.get(f.ruleId);
    if (f.kind === 'missing') {
      if (!ruleApplies(rule, allCategories)) continue;
      if (f.category === 'seller-disclosure' && m.seller && sellerNamedWithin(f, segs, m)) continue;
      kept.push({ finding: f, segment: undefined, at: 0, len: 0 });
      continue;
    }
    const loc = locate(f, segs);
    const pi = productAt(segs, loc.segment, loc.at, m);
    const product = pi === undefined ? undefined : m.products[pi];
    if (!ruleApplies(rule, product ? [product.category] : allCategories)) continue;
    if (product && loc.segment !== undefined && registeredClaim(product, segs[loc.segment]!, loc)) continue;
    kept.push(product ? { ...loc, finding: { ...f, product: product.name } } : loc);
  }
  const deduped = onePerSpan(kept, rules);
  const added = contradictions(segs, ctx, opts);
  return [...deduped, ...added];
}

/** The seller's declared name or an alias said inside a missing seller disclosure's window. */
function sellerNamedWithin(f: Finding, segs: SegmentInfo[], m: Manifest): boolean {
  const names = [m.seller!.name, ...m.seller!.aliases].map(compact).filter(Boolean);
  return segs.some((s) => {
    if (!names.some((n) => s.c.text.includes(n))) return false;
    if (f.start === null || f.end === null || s.seg.start === null) return true;
    return s.seg.start >= f.start && s.seg.start <= f.end;
  });
}

/** The finding's words lie in a stretch of speech close to a claim the product's registration allows. */
function registeredClaim(p: ManifestProduct, s: SegmentInfo, loc: Located): boolean {
  const claims = p.registration?.claims ?? [];
  if (claims.length === 0) return false;
  const said = claimForm(s.seg.text);
  const words = claimForm(loc.finding.text);
  const at = said.indexOf(words);
  if (at < 0 || words.length === 0) return false;
  // Close: the finding's own words are (mostly) words of the claim, and the stretch of speech
  // around them reads like the claim.
  return claims.some((c) => {
    const claim = claimForm(c);
    return containment(words, claim) >= PARAPHRASE_THRESHOLD && claimSimilarity(said, at, words.length, claim) >= PARAPHRASE_THRESHOLD;
  });
}

/**
 * One finding per span and law: where findings of one category cover overlapping words of one
 * segment (the same claim under cosmetics law and food law), keep the most severe, then the one
 * whose rule names the product's category, then the first by rule id.
 */
function onePerSpan(items: Located[], rules: ReadonlyMap<string, Rule>): Finding[] {
  const specific = (x: Located) => (rules.get(x.finding.ruleId)?.products ? 1 : 0);
  const order = [...items].sort(
    (a, b) =>
      SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
      specific(b) - specific(a) ||
      (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0),
  );
  const out: Located[] = [];
  for (const x of order) {
    if (x.finding.kind === 'prohibited' && out.some((k) => k.finding.category === x.finding.category && overlaps(k, x))) continue;
    out.push(x);
  }
  const keep = new Set(out.map((x) => x.finding));
  return items.map((x) => x.finding).filter((f) => keep.has(f));
}

// ---------------------------------------------------------------------------------------------
// Statements compared with the declaration

interface Statement {
  category: ContradictionCategory;
  segment: number;
  /** Compact offsets of the words. */
  start: number;
  end: number;
  declared: Record<string, unknown>;
  /** Declared value as a person reads it. */
  shown: string;
  product?: string;
  what?: 'price' | 'referencePrice';
}

function contradictions(segs: SegmentInfo[], ctx: ManifestContext, opts: ApplyOptions): Finding[] {
  const cues = ctx.statements[opts.language];
  const out: Statement[] = [];
  segs.forEach((s, i) => {
    out.push(...originContradictions(s, i, segs, ctx, opts.language, cues));
    out.push(...sellerContradictions(s, i, ctx.manifest, cues));
    out.push(...priceContradictions(s, i, segs, ctx.manifest, cues));
  });
  return out.map((st) => toFinding(st, segs, ctx, opts));
}

function toFinding(st: Statement, segs: SegmentInfo[], ctx: ManifestContext, opts: ApplyOptions): Finding {
  const s = segs[st.segment]!;
  const range = originalRange(s.c, st.start, st.end);
  const said = s.seg.text.slice(range.start, range.end);
  const law = ctx.statements[opts.language].findings[st.category];
  const en = opts.messageLanguage === 'en';
  const what = st.what ? (en ? ctx.statements.en.what[st.what] : (law.what?.[st.what] ?? ctx.statements.en.what[st.what])) : '';
  const template = en ? ctx.statements.en[st.category] : law.message;
  const loc = (s.locator ??= locator(s.seg));
  const f: Finding = {
    ruleId: `${opts.rulesetId}/manifest/${st.category}`,
    category: st.category,
    kind: 'prohibited',
    severity: 'error',
    start: loc.startAt(range.start),
    end: loc.endAt(range.end),
    text: said,
    context: s.seg.text.trim(),
    message: template.replaceAll('{said}', said).replaceAll('{declared}', st.shown).replaceAll('{what}', what),
    reference: law.reference,
    basis: law.basis,
    declared: st.declared,
  };
  if (law.url) f.url = law.url;
  if (st.product) f.product = st.product;
  if (s.seg.line !== undefined) f.line = s.seg.line;
  return f;
}

/** Candidate products for a statement: the one talked about, else every product. */
function candidates(segs: SegmentInfo[], i: number, at: number, m: Manifest): { list: ManifestProduct[]; one: boolean } {
  const pi = productAt(segs, i, at, m);
  if (pi !== undefined) return { list: [m.products[pi]!], one: true };
  return { list: m.products, one: false };
}

const compacted = new WeakMap<readonly string[], string[]>();

/** A cue list in compact form, computed once per list. */
function cl(list: readonly string[]): string[] {
  let c = compacted.get(list);
  if (!c) compacted.set(list, (c = list.map(compact).filter((x) => x.length > 0)));
  return c;
}

function startsWithAny(text: string, at: number, list: readonly string[]): string | undefined {
  return cl(list).find((c) => text.startsWith(c, at));
}

function endsWithAny(text: string, end: number, list: readonly string[]): string | undefined {
  return cl(list).find((c) => end >= c.length && text.startsWith(c, end - c.length));
}

interface OriginSaid {
  start: number;
  end: number;
  place: string;
}

/** Origin statements in a compact text: a standalone origin word, or a place with an origin cue after or before it. */
const NONE: readonly string[] = [];

const byFirstChar = new WeakMap<Gazetteer, Map<Language, Map<string, OriginName[]>>>();

/** The names a spoken language uses (its domestic words first), indexed by their first character. */
function namesIndex(g: Gazetteer, language: Language): Map<string, OriginName[]> {
  let perLang = byFirstChar.get(g);
  if (!perLang) byFirstChar.set(g, (perLang = new Map()));
  let index = perLang.get(language);
  if (!index) {
    index = new Map();
    for (const n of [...g.domestic[language], ...g.names]) {
      if (!n.text) continue;
      const k = n.text[0]!;
      index.set(k, [...(index.get(k) ?? []), n]);
    }
    // Longest first within each first character (domestic words before places of the same length).
    for (const list of index.values()) list.sort((a, b) => b.text.length - a.text.length);
    perLang.set(language, index);
  }
  return index;
}

export function originStatements(text: string, language: Language, g: Gazetteer, cues: StatementCues['origin']): OriginSaid[] {
  const index = namesIndex(g, language);
  const out: OriginSaid[] = [];
  for (let i = 0; i < text.length; ) {
    const n = index.get(text[i]!)?.find((x) => text.startsWith(x.text, i));
    if (!n) {
      i++;
      continue;
    }
    const nameEnd = i + n.text.length;
    let start = i;
    let end = nameEnd;
    let stated = n.standalone;
    const after = startsWithAny(text, nameEnd, cues.after);
    if (after && !startsWithAny(text, nameEnd + after.length, cues.notAfter ?? NONE)) {
      stated = true;
      end = nameEnd + after.length;
    }
    const before = endsWithAny(text, i, cues.before);
    if (before) {
      stated = true;
      start = i - before.length;
    }
    const tail = text.slice(end, end + 8);
    const denied = cl(cues.denied).some((d) => tail.indexOf(d) >= 0 && tail.indexOf(d) <= 3);
    const head = text.slice(Math.max(0, start - 4), start);
    const deniedBefore = cl(cues.deniedBefore ?? NONE).some((d) => head.includes(d));
    if (stated && !denied && !deniedBefore) out.push({ start, end, place: n.place });
    i = nameEnd;
  }
  return out;
}

function originContradictions(s: SegmentInfo, i: number, segs: SegmentInfo[], ctx: ManifestContext, language: Language, cues: StatementCues): Statement[] {
  const out: Statement[] = [];
  for (const st of originStatements(s.c.text, language, ctx.gazetteer, cues.origin)) {
    const { list, one } = candidates(segs, i, st.start, ctx.manifest);
    const declared = list.filter((p) => p.origin !== undefined);
    if (declared.length === 0) continue;
    if (declared.some((p) => placesAgree(ctx.gazetteer, st.place, p.origin!))) continue;
    const origins = [...new Set(declared.map((p) => p.origin!))];
    const x: Statement = {
      category: 'false-origin',
      segment: i,
      start: st.start,
      end: st.end,
      declared: { origin: origins.length === 1 ? origins[0] : origins },
      shown: origins.join(' / '),
    };
    if (one) x.product = declared[0]!.name;
    out.push(x);
  }
  return out;
}

const COMPANY_FORMS = ['株式会社', '有限会社', '合同会社', '(株)', '㈱', '股份有限公司', '有限责任公司', '有限公司', '公司', '주식회사', '(주)', '㈜'];
const COMPANY_MARKERS = [...COMPANY_FORMS, '会社', 'ショップ', '商店', 'ストア', '公式', '旗舰店', '专卖店', '店铺', '官方', '회사', '스토어', '샵', '상사', '공식'];

function bareName(s: string): string {
  let out = compact(s);
  for (const f of COMPANY_FORMS) out = out.split(compact(f)).join('');
  return out;
}

export function sellerMatches(said: string, names: readonly string[]): boolean {
  const a = bareName(said);
  if (!a) return true;
  return names.some((n) => {
    const b = bareName(n);
    return b.length > 0 && (a.includes(b) || b.includes(a) || dice(a, b) >= 0.6);
  });
}

const CLAUSE_END = /[。、，,.!?！？]/u;

function sellerContradictions(s: SegmentInfo, i: number, m: Manifest, cues: StatementCues): Statement[] {
  if (!m.seller) return [];
  const names = [m.seller.name, ...m.seller.aliases];
  const t = s.c.text;
  const out: Statement[] = [];
  const report = (start: number, end: number) => {
    const said = t.slice(start, end);
    if (said.length < 2 || cl(cues.seller.notNames).some((w) => said.includes(w))) return;
    if (sellerMatches(said, names)) return;
    if (out.some((o) => o.start < end && start < o.end)) return;
    out.push({ category: 'seller-disclosure', segment: i, start, end, declared: { seller: m.seller!.name }, shown: m.seller!.name });
  };
  const afterCues = cl(cues.seller.after);
  for (const cue of cl(cues.seller.before)) {
    for (let at = t.indexOf(cue); at >= 0; at = t.indexOf(cue, at + 1)) {
      const from = at + cue.length;
      let to = Math.min(t.length, from + 24);
      let endedBy = '';
      for (const e of cl(cues.seller.end)) {
        const j = t.indexOf(e, from + 1);
        if (j > from && j < to) {
          to = j;
          endedBy = e;
        }
      }
      // A one-character cue (由) is an ordinary word unless the name is closed by a seller verb (由…销售).
      if (cue.length === 1 && !afterCues.some((a) => a.startsWith(endedBy) && endedBy)) continue;
      const clause = t.slice(from, to).split(CLAUSE_END)[0] ?? '';
      report(from, from + clause.length);
    }
  }
  for (const cue of cl(cues.seller.after)) {
    for (let at = t.indexOf(cue); at > 0; at = t.indexOf(cue, at + 1)) {
      let from = at;
      while (from > 0 && at - from < 24 && !CLAUSE_END.test(t[from - 1]!)) from--;
      const said = t.slice(from, at);
      const marker = cl(COMPANY_MARKERS).find((k) => said.includes(k));
      if (!marker) continue;
      // Start at the name, not at a topic before it (今日は株式会社…が販売): from the last particle before the marker.
      const cut = Math.max(said.lastIndexOf('は', said.indexOf(marker)), said.lastIndexOf('은', said.indexOf(marker)), said.lastIndexOf('는', said.indexOf(marker)));
      report(from + cut + 1, at);
    }
  }
  return out;
}

/** An amount said with a currency word: 3980円, 三千九百八十円, 39.8元, 九块九, 3만9800원. */
export function parseAmount(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let num: number | undefined;
  let saw = false;
  const D: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const U: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 십: 10, 백: 100, 천: 1000 };
  const M: Record<string, number> = { 万: 10_000, 萬: 10_000, 만: 10_000 };
  for (let i = 0; i < s.length; ) {
    const digits = /^[0-9][0-9,]*(\.[0-9]+)?/.exec(s.slice(i));
    if (digits) {
      num = Number(digits[0].replace(/,/g, ''));
      i += digits[0].length;
      saw = true;
      continue;
    }
    const ch = s[i]!;
    if (D[ch] !== undefined) num = (num ?? 0) * 10 + D[ch]!;
    else if (U[ch] !== undefined) {
      section += (num ?? 1) * U[ch]!;
      num = undefined;
    } else if (M[ch] !== undefined) {
      total += (section + (num ?? (section === 0 ? 1 : 0))) * M[ch]!;
      section = 0;
      num = undefined;
    } else return undefined;
    saw = true;
    i++;
  }
  return saw ? total + section + (num ?? 0) : undefined;
}

const AMOUNT = /([0-9][0-9,]*(?:\.[0-9]+)?|[0-9〇零一二两三四五六七八九十百千万萬십백천만]+)$/u;

function priceContradictions(s: SegmentInfo, i: number, segs: SegmentInfo[], m: Manifest, cues: StatementCues): Statement[] {
  if (!m.products.some((p) => p.price !== undefined || p.referencePrice !== undefined)) return [];
  const t = s.c.text;
  const out: Statement[] = [];
  const currencies = [...cl(cues.price.currency)].sort((a, b) => b.length - a.length);
  if (!currencies.some((c) => t.includes(c))) return out;
  for (let at = 0; at < t.length; at++) {
    const cur = currencies.find((c) => t.startsWith(c, at));
    if (!cur) continue;
    const m1 = AMOUNT.exec(t.slice(Math.max(0, at - 16), at));
    if (!m1) continue;
    const numStart = at - m1[1]!.length;
    let value = parseAmount(m1[1]!);
    let end = at + cur.length;
    // 九块九 = 9.9
    const dime = /^[0-9一二三四五六七八九]/u.exec(t.slice(end));
    if (value !== undefined && dime && (cur === '块' || cur === '元')) {
      value += (parseAmount(dime[0]) ?? 0) / 10;
      end += 1;
    }
    if (value === undefined || value <= 0) continue;
    let clauseStart = numStart;
    while (clauseStart > 0 && !CLAUSE_END.test(t[clauseStart - 1]!)) clauseStart--;
    let clauseEnd = end;
    while (clauseEnd < t.length && !CLAUSE_END.test(t[clauseEnd]!)) clauseEnd++;
    const clause = t.slice(clauseStart, clauseEnd);
    if (cl(cues.price.ignore).some((w) => clause.includes(w))) continue;
    const lead = t.slice(Math.max(clauseStart, numStart - 12), numStart);
    const lastIndex = (list: string[]) => Math.max(-1, ...cl(list).map((c) => lead.lastIndexOf(c)));
    const ref = lastIndex(cues.price.reference);
    const price = lastIndex(cues.price.cues);
    if (ref < 0 && price < 0) continue;
    const what: 'price' | 'referencePrice' = ref > price ? 'referencePrice' : 'price';
    const { list, one } = candidates(segs, i, numStart, m);
    const declaredOf = (p: ManifestProduct) => (what === 'price' ? p.price : p.referencePrice?.amount);
    const declared = list.filter((p) => declaredOf(p) !== undefined);
    if (declared.length === 0) continue;
    if (declared.some((p) => Math.abs(declaredOf(p)! - value!) <= declaredOf(p)! * 0.005)) continue;
    const values = [...new Set(declared.map((p) => declaredOf(p)!))];
    const x: Statement = {
      category: 'misleading-price',
      segment: i,
      start: numStart,
      end,
      declared: { [what]: values.length === 1 ? values[0] : values },
      shown: values.map((v) => `${v.toLocaleString('en-US')}${cues.price.currency[0] ?? ''}`).join(' / '),
      what,
    };
    if (one) x.product = declared[0]!.name;
    out.push(x);
    at = end - 1;
  }
  return out;
}
