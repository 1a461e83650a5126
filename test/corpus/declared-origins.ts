/**
 * A false origin is false only in fact: 「国産」 is a lawful word until the goods turn out to be
 * imported. livecomply catches it by comparing what is said with the manifest's declared origin, so
 * the real false-origin claims are also measured that way: each one read against a one-product
 * manifest declaring the origin its enforcement case found.
 *
 * Those origins are in `real-claims-origins.yaml` beside this file, keyed by `claimKey` (a hash of the
 * claim's text): the file holds no words of any claim. They were taken from the cases' notes by a
 * reader who changed no rule and no statement cue, before anything was measured with them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { applyManifest } from '../../src/manifest/apply.js';
import { loadGazetteer, loadStatements } from '../../src/manifest/load.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { DEFAULT_RULESET } from '../../src/rules/load.js';
import type { Language, Transcript } from '../../src/transcript/model.js';

export const DECLARED_ORIGINS_FILE = path.join(import.meta.dirname, 'real-claims-origins.yaml');

/** The text as the copy guard compares it (see `copyKey` in real-claims.ts), hashed with its language. */
export function claimKey(lang: Language, copyKeyText: string): string {
  return createHash('sha256').update(`${lang}\n${copyKeyText}`).digest('hex').slice(0, 16);
}

interface Entry {
  language: Language;
  key: string;
  origin: string | null;
}

let cache: Map<string, string | null> | undefined;

/** Declared origin per `claimKey` (read once); `null` when the case does not say where the goods came from. */
export function declaredOrigins(): Map<string, string | null> {
  cache ??= new Map(((parse(readFileSync(DECLARED_ORIGINS_FILE, 'utf8')) ?? []) as Entry[]).map((e) => [e.key, e.origin]));
  return cache;
}

const gazetteer = loadGazetteer();
const statements = loadStatements();

/** Whether the text, said in a stream whose one product declares `origin`, is a false-origin finding. */
export function contradictsDeclaredOrigin(lang: Language, text: string, origin: string): boolean {
  const manifest = parseManifest(`products:\n  - name: product\n    origin: ${JSON.stringify(origin)}\n`, 'declared-origin.yaml', gazetteer);
  const transcript: Transcript = { segments: [{ start: 0, end: 5, text, line: 1 }], durationSec: 5 };
  const findings = applyManifest([], { manifest, transcript, rules: new Map(), gazetteer, statements }, { language: lang, rulesetId: DEFAULT_RULESET[lang] });
  return findings.some((f) => f.category === 'false-origin');
}
