import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChunkCutter,
  collapseRepeats,
  compressionRatio,
  guardSegments,
  isOutro,
  planChunks,
  stitch,
  textOverlap,
  toSource,
  type Chunk,
  type ChunkResult,
  type RawSegment,
} from '../../../src/asr/chunks.js';
import type { Segment } from '../../../src/transcript/model.js';

/** Inverse of toSource for a time inside one of the chunk's spans. */
function fromSource(chunk: Chunk, t: number): number {
  let offset = 0;
  for (const s of chunk.spans) {
    if (t >= s.start && t < s.end) return offset + (t - s.start);
    offset += s.end - s.start;
  }
  return NaN;
}

describe('planChunks', () => {
  it('packs short regions into one chunk, leaving the silence between them out', () => {
    const chunks = planChunks([{ start: 1, end: 3 }, { start: 20, end: 24 }, { start: 40, end: 45 }], 60);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.spans).toEqual([{ start: 0.8, end: 3.2 }, { start: 19.8, end: 24.2 }, { start: 39.8, end: 45.2 }]);
    expect(chunks[0]!.lengthSec).toBeCloseTo(12.2, 3);
    expect(toSource(chunks[0]!, 0)).toBe(0.8);
    expect(toSource(chunks[0]!, 2.5)).toBe(19.9);
    expect(toSource(chunks[0]!, 7)).toBe(40);
  });

  it('cuts a long region at its longest pause in the second half of the window (no overlap needed)', () => {
    const chunks = planChunks([{ start: 0, end: 50, pauses: [{ start: 10, end: 10.3 }, { start: 22, end: 22.8 }, { start: 25, end: 25.2 }] }], 60);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([[0, 22.4], [22.4, 50.2]]);
  });

  it('hard-cuts a long region with no pause, with an overlap', () => {
    const chunks = planChunks([{ start: 0, end: 70 }], 70, { overlapSec: 2, padSec: 0 });
    expect(chunks.map((c) => [c.start, c.end])).toEqual([[0, 30], [28, 58], [56, 70]]);
  });

  it('property: every chunk ≤ maxSec of audio, spans ordered, every region covered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 900 })), { maxLength: 30 }),
        fc.integer({ min: 5, max: 30 }),
        (raw, maxSec) => {
          const regions = raw.map(([s, d]) => ({ start: s / 10, end: Math.min(300, (s + d) / 10) })).filter((r) => r.end > r.start);
          const chunks = planChunks(regions, 300, { maxSec });
          for (const c of chunks) {
            expect(c.lengthSec).toBeLessThanOrEqual(maxSec + 1e-6);
            for (let i = 1; i < c.spans.length; i++) expect(c.spans[i]!.start).toBeGreaterThan(c.spans[i - 1]!.end - 1e-9);
          }
          for (const r of regions) {
            for (const t of [r.start, (r.start + r.end) / 2, r.end - 1e-3]) {
              expect(chunks.some((c) => c.spans.some((s) => t >= s.start - 1e-6 && t <= s.end + 1e-6))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ChunkCutter', () => {
  it('cuts exactly the spans out of the stream, whatever the block sizes', () => {
    const sr = 100;
    const signal = Float32Array.from({ length: 100 * sr }, (_, i) => i);
    const chunks = planChunks([{ start: 1, end: 3 }, { start: 10, end: 45 }, { start: 60, end: 99 }], 100, { padSec: 0 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 10 }), (sizes) => {
        const cutter = new ChunkCutter(chunks, sr);
        const got: { chunk: Chunk; audio: Float32Array }[] = [];
        let i = 0;
        let k = 0;
        while (i < signal.length) {
          const n = sizes[k++ % sizes.length]!;
          got.push(...cutter.push(signal.subarray(i, i + n)));
          i += n;
        }
        got.push(...cutter.end());
        expect(got.map((g) => g.chunk.index)).toEqual(chunks.map((c) => c.index));
        for (const { chunk, audio } of got) {
          const want = chunk.spans.flatMap((s) => Array.from(signal.subarray(Math.floor(s.start * sr), Math.floor(s.end * sr))));
          expect(Array.from(audio)).toEqual(want);
        }
      }),
      { numRuns: 50 },
    );
  });
});

/** What a recogniser hearing exactly the chunk's audio would report, from a script of timed words. */
function hear(chunk: Chunk, script: { start: number; end: number; text: string }[], wordLevel: boolean): RawSegment[] {
  const heard = script
    .filter((w) => !Number.isNaN(fromSource(chunk, w.start)))
    .map((w) => {
      const s = fromSource(chunk, w.start);
      const e = fromSource(chunk, w.end);
      return { start: s, end: Number.isNaN(e) ? null : e, text: w.text };
    });
  const segs: RawSegment[] = [];
  for (let i = 0; i < heard.length; i += 4) {
    const words = heard.slice(i, i + 4);
    if (wordLevel) segs.push({ start: words[0]!.start, end: words[words.length - 1]!.end, text: words.map((w) => w.text).join(''), words });
    else for (const w of words) segs.push({ start: w.start, end: w.end, text: w.text });
  }
  return segs;
}

describe('stitch', () => {
  const scriptArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 100, max: 700 }), fc.integer({ min: 0, max: 29 })), { minLength: 1, maxLength: 150, size: 'max' })
    .map((steps) => {
      // Words one after another (gap, duration in ms); now and then a 3 s pause ends a region.
      // Regions often run past maxSec with no pause, which forces hard cuts with overlap.
      let t = 0;
      return steps.map(([gap, dur, brk], i) => {
        const start = (t + gap + (brk === 0 ? 3000 : 0)) / 1000;
        const end = start + dur / 1000;
        t = Math.round(end * 1000);
        return { start, end, text: `w${i};` };
      });
    });
  let overlapsSeen = 0;

  for (const wordLevel of [true, false]) {
    it(`property (${wordLevel ? 'word' : 'segment'} timestamps): monotonic, inside the media, nothing said twice or lost`, () => {
      fc.assert(
        fc.property(scriptArb, (script) => {
          const duration = script[script.length - 1]!.end + 1;
          const regions = [];
          let cur = { start: script[0]!.start, end: script[0]!.end };
          for (const w of script.slice(1)) {
            if (w.start - cur.end > 0.5) {
              regions.push(cur);
              cur = { start: w.start, end: w.end };
            } else cur.end = w.end;
          }
          regions.push(cur);
          const chunks = planChunks(regions, duration, { maxSec: 10, overlapSec: 1.5 });
          for (let i = 1; i < chunks.length; i++) if (chunks[i]!.start < chunks[i - 1]!.end) overlapsSeen++;
          const results: ChunkResult[] = chunks.map((chunk) => ({ chunk, segments: hear(chunk, script, wordLevel) }));
          const out = stitch(results, duration);
          let last = -1;
          for (const s of out) {
            expect(s.start!).toBeGreaterThanOrEqual(last);
            expect(s.end!).toBeGreaterThanOrEqual(s.start!);
            expect(s.end!).toBeLessThanOrEqual(duration);
            last = s.start!;
          }
          const said = out.flatMap((s) => s.text.split(';').filter(Boolean));
          expect(said).toEqual(script.map((w) => w.text.slice(0, -1)));
        }),
        { numRuns: 150 },
      );
      expect(overlapsSeen).toBeGreaterThan(20);
    });
  }

  it('fills a null end from the next segment, or the chunk end; clamps to the media duration', () => {
    const chunk = planChunks([{ start: 10, end: 20 }], 20.1)[0]!;
    const out = stitch([{ chunk, segments: [{ start: 0.5, end: null, text: 'a' }, { start: 4, end: null, text: 'b' }] }], 20.1);
    expect(out).toEqual([
      { start: 10.3, end: 13.8, text: 'a' },
      { start: 13.8, end: 20.1, text: 'b' },
    ]);
  });

  it('segment-level text repeated across a hard cut is said once', () => {
    expect(textOverlap('今天全网最低价', '最低价只要九十九')).toBe(3);
    const [a, b] = planChunks([{ start: 0, end: 40 }], 40, { padSec: 0, overlapSec: 2 });
    const out = stitch(
      [
        { chunk: a!, segments: [{ start: 25, end: 29.5, text: '今天全网最低价' }] },
        { chunk: b!, segments: [{ start: 0.2, end: 3, text: '最低价只要九十九' }] },
      ],
      40,
    );
    expect(out.map((s) => s.text)).toEqual(['今天全网最低价', '只要九十九']);
  });
});

describe('hallucination guard', () => {
  const seg = (start: number, end: number, text: string): Segment => ({ start, end, text });

  it('drops the classic outros in ja / zh / ko when they are the whole segment', () => {
    for (const t of ['ご視聴ありがとうございました', 'ご視聴ありがとうございました。', '字幕by索兰娅', '请不吝点赞 订阅 转发 打赏支持明镜与点点栏目', '谢谢观看', '시청해주셔서 감사합니다.', '구독과 좋아요 부탁드립니다', 'Thank you for watching!']) {
      expect(isOutro(t), t).toBe(true);
    }
    for (const t of ['ご視聴ありがとうございました、今日のおすすめはこちら', '这款面霜全网最低价', '이 크림은 최고의 효과']) {
      expect(isOutro(t), t).toBe(false);
    }
  });

  it('collapses looping n-grams and drops what is still one pattern over and over', () => {
    expect(collapseRepeats('谢谢谢谢谢谢谢谢谢谢谢谢')).toBe('谢');
    expect(guardSegments([seg(0, 30, '谢谢谢谢谢谢谢谢谢谢谢谢谢谢谢谢')], null).dropped.map((d) => d.reason)).toEqual(['repetition']);
    expect(collapseRepeats('安い！安い！安い！')).toBe('安い！安い！安い！');
    expect(compressionRatio('はい、'.repeat(40))).toBeGreaterThan(2.4);
    expect(compressionRatio('この美容液は日本一売れています。シミが消えます。今だけ半額、送料無料でお届けします。')).toBeLessThan(2.4);
    const loop = 'ご購入はこちらからご購入はこちらへ'.repeat(2) + '今すぐ今すぐ今すぐ今すぐ今すぐ買ってね今すぐ今すぐ今すぐ今すぐ今すぐ買ってね'.repeat(3);
    const { kept, dropped } = guardSegments([seg(0, 5, loop), seg(6, 8, 'はははははははは、面白い')], null);
    expect(dropped.map((d) => d.reason)).toEqual(['repetition']);
    expect(kept).toEqual([seg(6, 8, 'は、面白い')]);
  });

  it('drops text placed where the VAD heard nothing, keeps text in speech', () => {
    const regions = [{ start: 10, end: 20 }];
    const { kept, dropped } = guardSegments([seg(0, 5, '今天全网最低价'), seg(12, 15, '国家级配方'), seg(19, 40, '谢谢大家')], regions);
    expect(kept.map((s) => s.text)).toEqual(['国家级配方']);
    expect(dropped.map((d) => d.reason)).toEqual(['no-speech', 'no-speech']);
  });

  it('empty and punctuation-only segments go', () => {
    expect(guardSegments([seg(0, 1, ' 。'), seg(1, 2, '')], null).kept).toEqual([]);
  });
});
