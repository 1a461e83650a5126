/**
 * The I/O edge of manifest/: read the gazetteer and statement cues shipped in
 * src/manifest/data/, read a manifest file, and find `<stem>.manifest.yaml` beside an input.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readErrorReason } from '../io/file-errors.js';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { compact, type Gazetteer, type Manifest, type OriginName, type Place, type StatementData } from './model.js';
import { ManifestError, parseManifest } from './parse.js';
import { yamlLib } from '../yaml/validated.js';

/** src/manifest/data, from both src/manifest (tsx) and dist/manifest (the build). */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'manifest', 'data');

interface RawGazetteer {
  countries: Record<string, Partial<Record<'ja' | 'zh' | 'ko' | 'latin', string[]>>>;
  domestic: Record<'ja' | 'zh' | 'ko', { country: string; words: string[]; names: string[] }>;
  regions: { id: string; country: string; within?: string; names?: string[]; specialties?: string[] }[];
}

/** Build the gazetteer from its YAML data. Pure. */
export function buildGazetteer(raw: RawGazetteer): Gazetteer {
  const places = new Map<string, Place>();
  const names: OriginName[] = [];
  const add = (list: string[] | undefined, place: string, standalone: boolean, into: OriginName[] = names) => {
    for (const n of list ?? []) into.push({ text: compact(n), place, standalone });
  };
  for (const [code, byLang] of Object.entries(raw.countries)) {
    places.set(code, { id: code, country: code });
    for (const list of Object.values(byLang)) add(list, code, false);
  }
  for (const r of raw.regions) {
    if (!places.has(r.country)) throw new Error(`origins.yaml: region ${r.id} lies in unknown country ${r.country}`);
    places.set(r.id, { id: r.id, country: r.country, within: r.within ?? r.country });
    // With `names`, the names are how the place is said; the id (which a manifest may always write) is
    // said only when listed, so an ambiguous one (三重 'triple', 강화 'strengthen') is not read in speech.
    add(r.names ?? [r.id], r.id, false);
    add(r.specialties, r.id, true);
  }
  for (const r of raw.regions) {
    if (r.within !== undefined && !places.has(r.within)) throw new Error(`origins.yaml: region ${r.id} lies within unknown ${r.within}`);
  }
  const domestic = { ja: [], zh: [], ko: [] } as Record<'ja' | 'zh' | 'ko', OriginName[]>;
  for (const lang of ['ja', 'zh', 'ko'] as const) {
    const d = raw.domestic[lang];
    add(d.words, d.country, true, domestic[lang]);
    add(d.names, d.country, false, domestic[lang]);
    domestic[lang].sort((a, b) => b.text.length - a.text.length);
  }
  // Same text under two places (a name shared by languages) keeps the first.
  const unique = [...new Map(names.map((n) => [`${n.text}|${n.standalone}`, n])).values()];
  unique.sort((a, b) => b.text.length - a.text.length);
  return { places, names: unique, domestic };
}

let gazetteer: Gazetteer | undefined;
let statements: StatementData | undefined;

export function loadGazetteer(): Gazetteer {
  gazetteer ??= buildGazetteer(yamlLib().parse(readFileSync(path.join(DATA_DIR, 'origins.yaml'), 'utf8')) as RawGazetteer);
  return gazetteer;
}

export function loadStatements(): StatementData {
  statements ??= yamlLib().parse(readFileSync(path.join(DATA_DIR, 'statements.yaml'), 'utf8')) as StatementData;
  return statements;
}

/** Read and validate a manifest; `shown` is the path reports and errors use. */
export async function readManifest(abs: string, shown: string): Promise<Manifest> {
  let text: string;
  try {
    // Only a regular file of bounded size: a FIFO named x.manifest.yaml must not hang the audit.
    text = await readRegularText(abs, MAX_BYTES.yaml);
  } catch (e) {
    throw new ManifestError([{ file: shown, line: 1, column: 1, reason: readErrorReason(e) }]);
  }
  return parseManifest(text, shown, loadGazetteer());
}

/** `<stem>.manifest.yaml` (or `.yml`) beside an input, when there is one. */
export function manifestBeside(input: string): string | undefined {
  const stem = input.slice(0, input.length - path.extname(input).length);
  for (const ext of ['.manifest.yaml', '.manifest.yml']) {
    try {
      if (statSync(stem + ext).isFile()) return stem + ext;
    } catch {
      // not there
    }
  }
  return undefined;
}
