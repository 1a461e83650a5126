import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, pathHash, shardOf, ShardError } from '../../../src/audit/shard.js';

describe('--shard k/n', () => {
  it('parses k/n and rejects what is not', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3', '-1/4', '']) expect(() => parseShard(bad), bad).toThrow(ShardError);
  });

  it('puts every path in exactly one shard, whatever n', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 50 }), fc.integer({ min: 1, max: 16 }), (paths, n) => {
        for (const p of paths) {
          const hits = Array.from({ length: n }, (_, i) => inShard(p, { index: i + 1, count: n })).filter(Boolean).length;
          expect(hits).toBe(1);
        }
      }),
    );
  });

  it('is stable: the shard depends only on the path (and / versus \\ does not matter)', () => {
    expect(shardOf('streams/a.mp4', 4)).toBe(shardOf('streams/a.mp4', 4));
    expect(pathHash('streams\\a.mp4')).toBe(pathHash('streams/a.mp4'));
    // A fixed value, so a change of hash (which would move files between shards) is noticed.
    expect(pathHash('samples/zh-stream.srt')).toBe(2363111875);
    expect(pathHash('')).toBe(0x811c9dc5);
  });

  it('spreads a realistic batch roughly evenly', () => {
    const paths = Array.from({ length: 1000 }, (_, i) => `recordings/2026-11-${String((i % 30) + 1).padStart(2, '0')}/stream-${i}.mp4`);
    const sizes = [1, 2, 3, 4].map((k) => paths.filter((p) => inShard(p, { index: k, count: 4 })).length);
    for (const s of sizes) expect(s).toBeGreaterThan(200);
  });
});
