/**
 * Statements compared with the declaration: an origin, seller or price said that contradicts the
 * manifest becomes a finding (with the declared value). Pure.
 */
import type { Finding } from '../core/finding.js';
import { locator } from '../rules/locate.js';
import type { Language } from '../transcript/model.js';
import { productAt, type ApplyOptions, type ManifestContext, type SegmentInfo } from './segments.js';
import { compact, placesAgree, type ContradictionCategory, type Gazetteer, type Manifest, type ManifestProduct, type OriginName, type StatementCues } from './model.js';
import { dice, originalRange } from './text.js';

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

export function contradictions(segs: SegmentInfo[], ctx: ManifestContext, opts: ApplyOptions): Finding[] {
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
    // 静岡県産: the cue may follow an administrative word after the name.
    const nameEnd = i + n.text.length + (startsWithAny(text, i + n.text.length, cues.suffix ?? NONE)?.length ?? 0);
    let start = i;
    let end = nameEnd;
    // A standalone word inside a longer one (한우물, 国产品牌) states nothing.
    let stated = n.standalone && !startsWithAny(text, nameEnd, cues.notAfter ?? NONE);
    const after = startsWithAny(text, nameEnd, cues.after);
    if (after && !startsWithAny(text, nameEnd + after.length, cues.notAfter ?? NONE)) {
      stated = true;
      end = nameEnd + after.length;
    }
    // A label read out or shown on screen puts a colon between the cue and the place: 原産国:中国, 奶源:澳大利亚.
    const colon = text[i - 1] === ':' ? 1 : 0;
    const before = endsWithAny(text, i - colon, cues.before);
    if (before) {
      stated = true;
      start = i - colon - before.length;
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
