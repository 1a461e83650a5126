/**
 * The product manifest (contract: "Product manifest"): what the seller declares about a stream,
 * so the audit applies the laws for the product actually sold and compares what is said with
 * what is true. Pure data.
 */
import type { ProductCategory } from '../rules/model.js';

export interface ManifestSeller {
  name: string;
  aliases: string[];
}

export interface ManifestProduct {
  name: string;
  /** How the host refers to it (the name always counts too). */
  aliases: string[];
  category?: ProductCategory;
  /** ISO 3166-1 alpha-2 code (upper case) or a region id of the gazetteer (但馬, 济州, 新疆). */
  origin?: string;
  price?: number;
  referencePrice?: { amount: number; basis?: string };
  registration?: { id?: string; claims: string[] };
}

export interface Manifest {
  /** The file as shown in reports. */
  file: string;
  seller?: ManifestSeller;
  sponsored?: boolean;
  products: ManifestProduct[];
}

/** A place in the origin gazetteer: a country (ISO code) or a region within one. */
export interface Place {
  id: string;
  country: string;
  /** The larger place it lies in (a region id, or the country code). */
  within?: string;
}

export interface OriginName {
  /** As compared: NFKC, lower case, no spaces. */
  text: string;
  place: string;
  /** A word that states the origin on its own (国産, 但馬牛), needing no cue around it. */
  standalone: boolean;
}

/** The gazetteer (src/manifest/data/origins.yaml) in the shape the checks use. */
export interface Gazetteer {
  places: Map<string, Place>;
  /** Every name of every place, longest first. */
  names: OriginName[];
  /** Domestic names, per spoken language. */
  domestic: Record<'ja' | 'zh' | 'ko', OriginName[]>;
}

export interface StatementCues {
  /** `suffix`: administrative words a place name may carry before its cue (静岡県産, 四川省产, 대구광역시에서 생산). */
  origin: { after: string[]; before: string[]; denied: string[]; deniedBefore?: string[]; notAfter?: string[]; suffix?: string[] };
  seller: { before: string[]; after: string[]; end: string[]; notNames: string[] };
  price: { cues: string[]; reference: string[]; currency: string[]; ignore: string[] };
  findings: Record<ContradictionCategory, { reference: string; basis: 'statute' | 'guideline' | 'policy'; url?: string; message: string; what?: Record<'price' | 'referencePrice', string> }>;
}

export type ContradictionCategory = 'false-origin' | 'seller-disclosure' | 'misleading-price';

export interface StatementData {
  ja: StatementCues;
  zh: StatementCues;
  ko: StatementCues;
  en: Record<ContradictionCategory, string> & { what: Record<'price' | 'referencePrice', string> };
}

/** Lower-case, NFKC, no whitespace: the form names and cues are compared in. */
export function compact(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The chain of places from `id` up to its country (self first). */
export function placeChain(g: Gazetteer, id: string): string[] {
  const chain: string[] = [];
  let cur: string | undefined = id;
  while (cur !== undefined && !chain.includes(cur)) {
    chain.push(cur);
    const p = g.places.get(cur);
    if (!p) break;
    cur = p.within ?? (p.country !== cur ? p.country : undefined);
  }
  return chain;
}

/** Whether a spoken place agrees with the declared one: either lies within the other. */
export function placesAgree(g: Gazetteer, said: string, declared: string): boolean {
  return placeChain(g, said).includes(declared) || placeChain(g, declared).includes(said);
}

/** The product categories the manifest declares (none without a manifest). */
export function declaredCategories(m: Manifest | undefined): ProductCategory[] {
  return (m?.products ?? []).flatMap((p) => (p.category ? [p.category] : []));
}
