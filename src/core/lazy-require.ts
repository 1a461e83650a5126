/**
 * A package loaded on first use, synchronously (`require`, so its callers stay synchronous): for
 * packages a run may not need, whose loading would otherwise be paid at every start (yaml, RE2, the
 * legacy-encoding decoders). test/unit/architecture/lazy-imports.test.ts keeps them out of static imports.
 */
import { createRequire } from 'node:module';

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= createRequire(import.meta.url)(id) as T);
}
