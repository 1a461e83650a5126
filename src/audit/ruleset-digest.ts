/**
 * A ruleset's digest in reports (`rulesets[].digest`): the first 16 hex digits of the sha256 of its
 * rules as JSON. Hashing a language's rules as JSON costs ~10 ms a run, so the ruleset cache keeps
 * the digest in its entry and hands it over here with the ruleset it read.
 */
import { createHash } from 'node:crypto';
import type { Ruleset } from '../rules/model.js';

const known = new WeakMap<Ruleset, string>();

export function rulesetDigest(rs: Ruleset): string {
  let d = known.get(rs);
  if (d === undefined) {
    d = createHash('sha256').update(JSON.stringify(rs.rules)).digest('hex').slice(0, 16);
    known.set(rs, d);
  }
  return d;
}

/** A digest computed earlier for these rules (read from a cache entry). */
export function rememberDigest(rs: Ruleset, digest: string): void {
  known.set(rs, digest);
}
