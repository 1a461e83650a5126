/**
 * What the manifest stage knows of a transcript: each segment in compact form with the products
 * named in it, and which product is being talked about at a place. Pure.
 */
import type { MessageLanguage } from '../core/choices.js';
import type { Locator } from '../rules/locate.js';
import type { Rule } from '../rules/model.js';
import type { Language, Segment, Transcript } from '../transcript/model.js';
import { compact, type Gazetteer, type Manifest, type ManifestProduct, type StatementData } from './model.js';
import { compactWithMap, type Compact } from './text.js';

/** How many segments back a product named earlier is still "the product being talked about". */
export const PRODUCT_LOOKBACK = 5;

export interface ApplyOptions {
  language: Language;
  messageLanguage?: MessageLanguage;
  /** The ruleset id prefix for the manifest's own findings (jp, cn, kr). */
  rulesetId: string;
}

export interface SegmentInfo {
  seg: Segment;
  c: Compact;
  /** Product mentions: product index and compact offset. */
  mentions: { product: number; at: number }[];
  locator?: Locator;
}

function productNames(p: ManifestProduct): string[] {
  return [...new Set([p.name, ...p.aliases].map(compact).filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

export function indexSegments(t: Transcript, m: Manifest): SegmentInfo[] {
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

/** Everything the stage needs besides the findings. */
export interface ManifestContext {
  manifest: Manifest;
  transcript: Transcript;
  rules: ReadonlyMap<string, Rule>;
  gazetteer: Gazetteer;
  statements: StatementData;
}
