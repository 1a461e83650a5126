/**
 * Hashes of a loaded ruleset, each ~10 ms a run to compute (a language's rules as JSON), so the
 * ruleset cache keeps them in its entry and hands them over here with the ruleset it read:
 *   - its digest in reports (`rulesets[].digest`): the first 16 hex digits of the sha256 of its rules as JSON;
 *   - its content hash (the sha256 of the ruleset as JSON without `sources` and `warnings`), which keys
 *     the compiled-rules cache: where the files are and how they are named (relative to the working
 *     directory or not) changes nothing that is compiled, so runs from different folders share an entry.
 * A loaded ruleset is data that nothing changes afterwards.
 */
import { createHash } from 'node:crypto';
import type { Ruleset } from '../rules/model.js';

const known = new WeakMap<Ruleset, string>();
const contents = new WeakMap<Ruleset, string>();

function remembered(cache: WeakMap<Ruleset, string>, rs: Ruleset, compute: () => string): string {
  let v = cache.get(rs);
  if (v === undefined) cache.set(rs, (v = compute()));
  return v;
}

export function rulesetDigest(rs: Ruleset): string {
  return remembered(known, rs, () => createHash('sha256').update(JSON.stringify(rs.rules)).digest('hex').slice(0, 16));
}

/** A digest computed earlier for these rules (read from a cache entry). */
export function rememberDigest(rs: Ruleset, digest: string): void {
  known.set(rs, digest);
}

export function rulesetContentHash(rs: Ruleset): string {
  return remembered(contents, rs, () => {
    const { sources: _sources, warnings: _warnings, ...compiled } = rs;
    return createHash('sha256').update(JSON.stringify(compiled)).digest('hex');
  });
}

/** A content hash computed earlier for this ruleset (read from a cache entry). */
export function rememberContentHash(rs: Ruleset, hash: string): void {
  contents.set(rs, hash);
}
