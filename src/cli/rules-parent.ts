/**
 * Which ruleset extends a ruleset file (the CLI reads the files; rules/ stays pure): `rules test jp/yakki.yaml`
 * runs the file's examples with the negation and quotation cues of `jp.yaml`, which lists it in
 * `extends` — the file's rules are written to rely on them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { resolveRulesetRef } from '../rules/load.js';
import { yamlLib } from '../yaml/validated.js';

/** At most this many YAML files are read when looking for the ruleset that extends a file. */
const MAX_CANDIDATES = 300;

/** The `extends` entries of a ruleset's YAML text (none when it is not a YAML mapping with that list). Pure. */
export function extendsOf(text: string): string[] {
  let doc: unknown;
  try {
    doc = yamlLib().parse(text);
  } catch {
    return [];
  }
  if (typeof doc !== 'object' || doc === null || !('extends' in doc)) return [];
  const list = (doc as { extends: unknown }).extends;
  return Array.isArray(list) ? list.filter((e): e is string => typeof e === 'string') : [];
}

/**
 * The top of the chain of rulesets that extend `start`, given for each file the files that list it in
 * `extends`: the extender that no other file extends (the first by name when there are several).
 * Undefined when nothing extends `start`. Pure.
 */
export function topExtender(start: string, extendedBy: ReadonlyMap<string, readonly string[]>): string | undefined {
  const seen = new Set([start]);
  let at = start;
  for (;;) {
    const next = [...(extendedBy.get(at) ?? [])].sort().find((p) => !seen.has(p));
    if (next === undefined) return at === start ? undefined : at;
    seen.add(next);
    at = next;
  }
}

function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * The ruleset that extends `file`, directly or through other files, among the YAML files in its folder
 * and the folder above (where `rulesets/jp.yaml` stands for `rulesets/jp/yakki.yaml`). Unreadable or
 * invalid files are passed over: this only chooses the cues an example run uses.
 */
export async function findExtendingRuleset(file: string): Promise<string | undefined> {
  const abs = path.resolve(file);
  const dirs = [...new Set([path.dirname(abs), path.dirname(path.dirname(abs))])];
  const candidates = dirs.flatMap(yamlFilesIn).filter((p) => p !== abs).slice(0, MAX_CANDIDATES);
  const extendedBy = new Map<string, string[]>();
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readRegularText(candidate, MAX_BYTES.yaml);
    } catch {
      continue;
    }
    for (const ref of extendsOf(text)) {
      let child: string;
      try {
        child = resolveRulesetRef(ref, path.dirname(candidate));
      } catch {
        continue;
      }
      extendedBy.set(child, [...(extendedBy.get(child) ?? []), candidate]);
    }
  }
  return topExtender(abs, extendedBy);
}
