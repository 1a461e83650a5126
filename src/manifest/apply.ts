/**
 * The manifest stage: after the rules have run, tie each finding to the product being talked
 * about, keep only the laws for that product, allow its registered claims, report one finding per
 * span and law, and compare what is said about origin, seller and price with what is declared.
 * Also gives every finding its rule's `basis` and `url` (with or without a manifest). Pure.
 */
import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import { locator } from '../rules/locate.js';
import type { ProductCategory, Rule } from '../rules/model.js';
import { compact, type Manifest, type ManifestProduct } from './model.js';
import { indexSegments, productAt, type ApplyOptions, type ManifestContext, type SegmentInfo } from './segments.js';
import { contradictions } from './statements.js';
import { claimForm, claimSimilarity, containment, originalRange, PARAPHRASE_THRESHOLD } from './text.js';

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

interface Located {
  finding: Finding;
  segment: number | undefined;
  /** Compact-text offsets inside the segment. */
  at: number;
  len: number;
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

function ruleApplies(rule: Rule | undefined, categories: (ProductCategory | undefined)[]): boolean {
  if (!rule?.products || categories.length === 0) return true;
  // A product without a declared category could be anything: the rule may apply.
  return categories.some((c) => c === undefined || rule.products!.includes(c));
}

/** Every product concerned is declared, as one of the rule's categories. */
function allDeclared(rule: Rule, categories: (ProductCategory | undefined)[]): boolean {
  return categories.length > 0 && categories.every((c) => c !== undefined && rule.products?.includes(c) === true);
}

/** The rule's `declaredSeverity` when every product concerned is declared as one of its categories. */
function declaredSeverity(rule: Rule | undefined, categories: (ProductCategory | undefined)[]): Finding['severity'] | undefined {
  return rule?.declaredSeverity && allDeclared(rule, categories) ? rule.declaredSeverity : undefined;
}

function overlaps(a: Located, b: Located): boolean {
  if (a.segment === undefined || a.segment !== b.segment) return false;
  return a.at < b.at + b.len && b.at < a.at + a.len;
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
    const categories = product ? [product.category] : allCategories;
    if (!ruleApplies(rule, categories)) continue;
    if (rule?.kind === 'prohibit' && rule.onlyWhen === 'declared' && !allDeclared(rule, categories)) continue;
    if (product && loc.segment !== undefined && registeredClaim(product, segs[loc.segment]!, loc)) continue;
    const finding: Finding = { ...f };
    if (product) finding.product = product.name;
    const declared = declaredSeverity(rule, categories);
    if (declared) finding.severity = declared;
    kept.push({ ...loc, finding });
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

export { originStatements, parseAmount, sellerMatches } from './statements.js';
export { PRODUCT_LOOKBACK, productAt, type ApplyOptions, type ManifestContext } from './segments.js';
