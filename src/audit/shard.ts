/**
 * `--shard k/n`: a stable share of the inputs, so many machines (a CI matrix, a Kubernetes Indexed
 * Job, a job array) can split one batch without a scheduler. The same path always lands in the
 * same shard, whatever else is in the batch and in whatever order it was listed. Pure.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export class ShardError extends Error {}

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new ShardError(`--shard takes k/n (for example 2/4), not "${spec}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new ShardError(`--shard ${spec}: the number of shards must be at least 1`);
  if (index < 1 || index > count) throw new ShardError(`--shard ${spec}: k must be between 1 and ${count}`);
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-8 bytes of the path with forward slashes (same shard on every OS). */
export function pathHash(p: string): number {
  const bytes = new TextEncoder().encode(p.replace(/\\/g, '/').normalize('NFC'));
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function shardOf(p: string, count: number): number {
  return (pathHash(p) % count) + 1;
}

export function inShard(p: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(p, shard.count) === shard.index;
}
