/**
 * Manifest YAML → a validated Manifest, every problem at file:line:col. Pure (the gazetteer is
 * passed in, so an origin that is neither an ISO code nor a known region is caught here).
 */
import { PRODUCT_CATEGORIES } from '../rules/model.js';
import { lazyValidator, parseValidatedYaml, type YamlProblem } from '../yaml/validated.js';
import type { Gazetteer, Manifest, ManifestProduct, ManifestSeller } from './model.js';

const name = { type: 'string', minLength: 1 } as const;
const names = { type: 'array', items: name } as const;
const amount = { type: 'number', exclusiveMinimum: 0 } as const;

export const manifestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seller: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name, aliases: names },
    },
    sponsored: { type: 'boolean' },
    products: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name,
          aliases: names,
          category: { enum: [...PRODUCT_CATEGORIES] },
          origin: name,
          price: amount,
          referencePrice: {
            type: 'object',
            additionalProperties: false,
            required: ['amount'],
            properties: { amount, basis: { type: 'string' } },
          },
          registration: {
            type: 'object',
            additionalProperties: false,
            properties: { id: { type: ['string', 'number'] }, claims: names },
          },
        },
      },
    },
  },
} as const;

// Compiled when the first manifest is read, not when this module is imported: every audit imports
// it, few read a manifest.
const validate = lazyValidator(manifestSchema);

export class ManifestError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.reason}`).join('\n'));
    this.name = 'ManifestError';
  }
}

interface RawProduct extends Omit<ManifestProduct, 'aliases' | 'registration'> {
  aliases?: string[];
  registration?: { id?: string | number; claims?: string[] };
}
interface Raw {
  seller?: { name: string; aliases?: string[] };
  sponsored?: boolean;
  products?: RawProduct[];
}

/** An origin as written → the gazetteer id it means (ISO codes upper-cased, region names as listed), or undefined. */
export function resolveOrigin(origin: string, g: Gazetteer): string | undefined {
  const t = origin.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  if (g.places.has(t)) return t;
  const c = t.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  return g.names.find((n) => n.text === c)?.place;
}

export function parseManifest(text: string, file: string, gazetteer: Gazetteer): Manifest {
  const parsed = parseValidatedYaml<Raw>(text, file, validate(), 'the manifest is empty');
  if (!parsed.data) throw new ManifestError(parsed.problems);
  const raw = parsed.data;
  const problems: YamlProblem[] = [];
  const seen = new Map<string, number>();
  const products: ManifestProduct[] = (raw.products ?? []).map((p, i) => {
    const product: ManifestProduct = { name: p.name, aliases: [...new Set(p.aliases ?? [])] };
    if (p.category) product.category = p.category;
    if (p.origin !== undefined) {
      const place = resolveOrigin(p.origin, gazetteer);
      if (place === undefined) {
        problems.push({
          file,
          ...parsed.positionOf(['products', i, 'origin']),
          reason: `products[${i}].origin "${p.origin}" is neither an ISO 3166-1 alpha-2 code (JP, CN, KR …) nor a region livecomply knows (see src/manifest/data/origins.yaml)`,
        });
      } else product.origin = place;
    }
    if (p.price !== undefined) product.price = p.price;
    if (p.referencePrice) product.referencePrice = { ...p.referencePrice };
    if (p.registration) {
      const reg: { id?: string; claims: string[] } = { claims: p.registration.claims ?? [] };
      if (p.registration.id !== undefined) reg.id = String(p.registration.id);
      product.registration = reg;
    }
    const key = p.name.normalize('NFKC').toLowerCase();
    if (seen.has(key)) {
      problems.push({ file, ...parsed.positionOf(['products', i, 'name']), reason: `products[${i}].name "${p.name}" is already the name of products[${seen.get(key)}]` });
    }
    seen.set(key, i);
    return product;
  });
  if (problems.length > 0) throw new ManifestError(problems);
  const manifest: Manifest = { file, products };
  if (raw.seller) {
    const seller: ManifestSeller = { name: raw.seller.name, aliases: raw.seller.aliases ?? [] };
    manifest.seller = seller;
  }
  if (raw.sponsored !== undefined) manifest.sponsored = raw.sponsored;
  return manifest;
}
