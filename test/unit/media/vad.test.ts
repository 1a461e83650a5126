import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePcm } from '../../../src/media/decode.js';
import { detectSpeech, VadStream, type SpeechRegion } from '../../../src/media/vad.js';
import { audioFile, silence, speechLike, tempDir } from '../../helpers/media.js';

const SR = 16_000;
const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);

beforeAll(() => {
  audioFile(f('tone-silence-tone.m4a'), [speechLike(2), silence(1.5), speechLike(1.5, 500)], ['-c:a', 'aac']);
  audioFile(f('silence.wav'), [silence(3)]);
  audioFile(f('steady.wav'), ['sine=f=440:d=3']);
});
afterAll(() => tmp.cleanup());

async function vadFile(file: string, opts = {}): Promise<{ regions: SpeechRegion[]; durationSec: number }> {
  const v = new VadStream(opts);
  const regions: SpeechRegion[] = [];
  for await (const b of decodePcm(file)) regions.push(...v.push(b));
  regions.push(...v.end());
  return { regions, durationSec: v.durationSec };
}

/** Deterministic noise (xorshift) so tests do not depend on Math.random. */
function noise(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 0xffffffff) * 2 - 1;
  };
}

/** Synthetic audio: background noise at `noiseAmp`, with syllable-modulated bursts in the given spans. */
function synth(seconds: number, bursts: [number, number][], noiseAmp = 0.002, seed = 7): Float32Array {
  const out = new Float32Array(Math.round(seconds * SR));
  const rnd = noise(seed);
  for (let i = 0; i < out.length; i++) {
    const t = i / SR;
    let x = noiseAmp * rnd();
    if (bursts.some(([a, b]) => t >= a && t < b)) x += 0.3 * Math.sin(2 * Math.PI * 220 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t));
    out[i] = x;
  }
  return out;
}

describe('VAD on decoded media', () => {
  it('tone–silence–tone: the two regions, ±0.1 s', async () => {
    const { regions, durationSec } = await vadFile(f('tone-silence-tone.m4a'));
    expect(durationSec).toBeCloseTo(5, 1);
    expect(regions).toHaveLength(2);
    expect(regions[0]!.start).toBeCloseTo(0, 0.1);
    expect(Math.abs(regions[0]!.start - 0)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(regions[0]!.end - 2)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(regions[1]!.start - 3.5)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(regions[1]!.end - 5)).toBeLessThanOrEqual(0.1);
  });

  it('silence: no regions', async () => {
    expect((await vadFile(f('silence.wav'))).regions).toEqual([]);
  });

  it('a steady tone is not speech (kept only when steady-tone rejection is off)', async () => {
    expect((await vadFile(f('steady.wav'))).regions).toEqual([]);
    const kept = (await vadFile(f('steady.wav'), { dropSteady: false })).regions;
    expect(kept).toHaveLength(1);
    expect(Math.abs(kept[0]!.end - kept[0]!.start - 3)).toBeLessThanOrEqual(0.1);
  });
});

describe('VAD (pure)', () => {
  it('finds bursts over background noise, and adapts when the background gets louder', () => {
    const quiet = synth(12, [[2, 4], [8, 10]]);
    const r = detectSpeech(quiet);
    expect(r.map((x) => [Math.round(x.start * 10) / 10, Math.round(x.end * 10) / 10])).toEqual([[2, 4], [8, 10]]);
    // A loud hiss throughout (−30 dBFS): the floor rises to it within the floor window; bursts still found.
    const noisy = synth(20, [[8, 10], [14, 16]], 0.05);
    const rn = detectSpeech(noisy);
    expect(rn.filter((x) => x.start > 6).map((x) => [Math.round(x.start), Math.round(x.end)])).toEqual([[8, 10], [14, 16]]);
  });

  it('short pauses stay inside a region and are recorded as pauses', () => {
    const r = detectSpeech(synth(6, [[1, 2], [2.3, 3.5]]));
    expect(r).toHaveLength(1);
    expect(r[0]!.pauses.length).toBe(1);
    expect(Math.abs(r[0]!.pauses[0]!.start - 2)).toBeLessThanOrEqual(0.06);
    expect(Math.abs(r[0]!.pauses[0]!.end - 2.3)).toBeLessThanOrEqual(0.06);
  });

  it('clicks shorter than minSpeechSec are ignored', () => {
    expect(detectSpeech(synth(3, [[1, 1.06]]))).toEqual([]);
  });

  it('streaming in any block sizes gives the same regions as one buffer', () => {
    const audio = synth(8, [[0.5, 2], [3, 3.2], [5, 7.5]], 0.003, 3);
    const whole = detectSpeech(audio);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const v = new VadStream();
        const got: SpeechRegion[] = [];
        let i = 0;
        let k = 0;
        while (i < audio.length) {
          const n = sizes[k++ % sizes.length]!;
          got.push(...v.push(audio.subarray(i, i + n)));
          i += n;
        }
        got.push(...v.end());
        expect(got).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('regions are ordered, non-overlapping, and inside the audio', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 19, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true })), { maxLength: 6 }), (spans) => {
        const audio = synth(20, spans.map(([a, d]) => [a, Math.min(20, a + d)]), 0.002, 11);
        const r = detectSpeech(audio);
        for (let i = 0; i < r.length; i++) {
          expect(r[i]!.start).toBeGreaterThanOrEqual(0);
          expect(r[i]!.end).toBeLessThanOrEqual(20.001);
          expect(r[i]!.end).toBeGreaterThan(r[i]!.start);
          if (i > 0) expect(r[i]!.start).toBeGreaterThanOrEqual(r[i - 1]!.end);
        }
      }),
      { numRuns: 20 },
    );
  });
});
