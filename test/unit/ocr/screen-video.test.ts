/**
 * On-screen text read from generated videos (drawtext with Noto Sans CJK), in-process: Chinese
 * on a busy background, Korean without a card behind it; the words go through the built-in rules.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBuiltinEngine } from '../../helpers/builtin.js';
import { probeMedia } from '../../../src/media/probe.js';
import { closeOcr, readScreen } from '../../../src/ocr/screen.js';
import { tempDir } from '../../helpers/media.js';
import { cjkFont, screenVideo } from '../../helpers/screen-video.js';

const tmp = tempDir('livecomply-ocr-');
const f = (n: string) => path.join(tmp.dir, n);
const font = cjkFont();
const engine = freshBuiltinEngine();

beforeAll(() => {
  if (!font) return;
  screenVideo(f('zh.mp4'), {
    seconds: 6,
    busy: true,
    overlays: [
      { text: '本直播间商品由杭州美丽化妆品有限公司销售', x: 40, y: 620, size: 36 },
      { text: '全网最低价', from: 1, to: 4, x: 100, y: 100, size: 64 },
    ],
  }, font);
  screenVideo(f('ko.mp4'), {
    seconds: 6,
    overlays: [
      { text: '원산지: 국내산', x: 40, y: 620, size: 40 },
      { text: '업계 최고 품질', from: 2, to: 4, x: 100, y: 100, size: 64, box: false },
    ],
  }, font);
});
afterAll(async () => {
  await closeOcr();
  tmp.cleanup();
});

describe.skipIf(!font)('reading the screen of a video', () => {
  it('zh: a claim card from 1 s to 3 s and a seller caption throughout, on a busy background', async () => {
    const info = await probeMedia(f('zh.mp4'));
    const r = await readScreen(f('zh.mp4'), info, { language: 'zh' });
    expect(r.frames).toBe(6);
    // Only frames where something changed are read: the first, the card coming and going.
    expect(r.framesRead).toBe(3);
    const claim = r.segments.find((s) => s.text === '全网最低价');
    expect(claim).toMatchObject({ start: 1, end: 3, source: 'screen' });
    const findings = await engine.check({ segments: r.segments, durationSec: 6 }, 'zh');
    const lowest = findings.find((x) => x.text === '全网最低价');
    expect(lowest).toMatchObject({ category: 'misleading-price', source: 'screen' });
    expect(Math.abs(lowest!.start! - 1)).toBeLessThanOrEqual(1);
    expect(findings.filter((x) => x.category === 'seller-disclosure')).toEqual([]);
  }, 60_000);

  it('ko: text without a card; the origin shown throughout satisfies the origin rule, the claim is found at 2 s', async () => {
    const info = await probeMedia(f('ko.mp4'));
    const r = await readScreen(f('ko.mp4'), info, { language: 'ko' });
    expect(r.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 5, '원산지: 국내산'],
      [2, 3, '업계 최고 품질'],
    ]);
    const findings = await engine.check({ segments: r.segments, durationSec: 6 }, 'ko');
    expect(findings.filter((x) => x.category === 'origin-disclosure')).toEqual([]);
    const best = findings.find((x) => x.kind === 'prohibited');
    expect(best).toMatchObject({ category: 'superlative', source: 'screen' });
    expect(Math.abs(best!.start! - 2)).toBeLessThanOrEqual(1);
  }, 60_000);
});
