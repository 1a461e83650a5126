import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertAsrOutput, isAsrOutput, type AsrPipelineOutput } from '../../../src/asr/whisper.js';
import { ROOT } from '../../helpers/cli.js';

function fixture(name: string): { out: AsrPipelineOutput; durationSec: number; wordLevel: boolean } {
  const raw: unknown = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/asr', name), 'utf8'));
  if (!isAsrOutput(raw)) throw new Error(`${name} is not in the pipeline's output shape`);
  const meta = (raw as unknown as { _meta: { durationSec: number; return_timestamps: boolean | 'word' } })._meta;
  return { out: raw, durationSec: meta.durationSec, wordLevel: meta.return_timestamps === 'word' };
}

describe('convertAsrOutput (recorded transformers.js output shapes)', () => {
  it('segment timestamps (zh): texts trimmed, the null end of the last chunk becomes the end of the audio', () => {
    const f = fixture('zh-segments.json');
    expect(convertAsrOutput(f.out, f)).toEqual([
      { start: 0, end: 3.4, text: '家人们大家好,欢迎来到直播间。' },
      { start: 4.02, end: 7.5, text: '今天这款面霜全网最低价!' },
      { start: 8.1, end: 14.5, text: '只要九十九元,库存不多了。' },
    ]);
  });

  it('word timestamps (ja): words joined without spaces, split into sentences, word timing kept', () => {
    const f = fixture('ja-words.json');
    const segs = convertAsrOutput(f.out, f);
    expect(segs.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 2.5, 'この美容液は日本一売れています。'],
      [4.1, 9, 'シミが消えます。'],
    ]);
    expect(segs[0]!.words!.slice(5, 7)).toEqual([
      { start: 1, end: 1.42, text: '日本' },
      { start: 1.42, end: 1.6, text: '一' },
    ]);
    expect(segs[1]!.words!.at(-1)).toEqual({ start: 5.04, end: 9, text: 'ます。' });
  });

  it('word timestamps (ko): leading spaces make the spacing, words are trimmed', () => {
    const f = fixture('ko-words.json');
    const [seg] = convertAsrOutput(f.out, f);
    expect(seg!.text).toBe('이 크림은 최고의 효과를 보장합니다.');
    expect(seg!.words!.map((w) => w.text)).toEqual(['이', '크림은', '최고의', '효과를', '보장합니다.']);
    expect([seg!.start, seg!.end]).toEqual([0.2, 3.3]);
  });

  it('no chunks (return_timestamps false): one segment over the whole audio', () => {
    const f = fixture('text-only.json');
    expect(convertAsrOutput(f.out, f)).toEqual([{ start: 0, end: 4, text: '今だけ半額です。' }]);
  });

  it('[null, null] timestamps: the segment spans the audio', () => {
    const f = fixture('null-start.json');
    expect(convertAsrOutput(f.out, f)).toEqual([{ start: 0, end: 12, text: '国家级配方' }]);
  });

  it('ends past the end of the audio are clamped to it; text starting after it is dropped (never heard)', () => {
    const out: AsrPipelineOutput = { text: ' a b', chunks: [{ text: ' a', timestamp: [0, 29.98] }, { text: ' b', timestamp: [12, null] }, { text: ' c', timestamp: [31, null] }] };
    expect(convertAsrOutput(out, { durationSec: 12, wordLevel: false })).toEqual([{ start: 0, end: 12, text: 'a' }]);
  });

  it('word-level: a long pause starts a new segment even without punctuation', () => {
    const out: AsrPipelineOutput = { text: '', chunks: [{ text: '今天', timestamp: [0, 0.5] }, { text: '很好', timestamp: [0.5, 1] }, { text: '真的', timestamp: [3, 3.5] }] };
    expect(convertAsrOutput(out, { durationSec: 5, wordLevel: true }).map((s) => s.text)).toEqual(['今天很好', '真的']);
  });

  it('isAsrOutput rejects other shapes', () => {
    expect(isAsrOutput({ text: 'x', chunks: [{ text: 'x', timestamp: [0] }] })).toBe(false);
    expect(isAsrOutput([{ text: 'x' }])).toBe(false);
    expect(isAsrOutput({ chunks: [] })).toBe(false);
  });
});
