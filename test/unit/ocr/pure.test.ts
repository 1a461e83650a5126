import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeWatcher, changedRects, intersects, mergeOverlapping, thumbnail, type GrayFrame, type Rect } from '../../../src/ocr/diff.js';
import { cleanOcrText, dropCjkSpaces, fixConfusions, ocrKey } from '../../../src/ocr/clean.js';
import { ScreenTracker, type OcrLine } from '../../../src/ocr/track.js';
import { keepLines, pickImageSubtitleTrack } from '../../../src/ocr/screen.js';
import type { SubtitleStreamInfo } from '../../../src/media/probe.js';
import { frameArgs, frameSize } from '../../../src/ocr/frames.js';

const frame = (w: number, h: number, fill = 40): GrayFrame => ({ width: w, height: h, data: new Uint8Array(w * h).fill(fill) });
const paint = (f: GrayFrame, r: Rect, v: number): GrayFrame => {
  const data = Uint8Array.from(f.data);
  for (let y = r.top; y < r.top + r.height; y++) for (let x = r.left; x < r.left + r.width; x++) data[y * f.width + x] = v;
  return { ...f, data };
};
const contains = (outer: Rect, inner: Rect) =>
  outer.left <= inner.left && outer.top <= inner.top && outer.left + outer.width >= inner.left + inner.width && outer.top + outer.height >= inner.top + inner.height;

describe('frame difference', () => {
  it('the first frame is read whole; an unchanged frame not at all', () => {
    const a = thumbnail(frame(320, 180));
    expect(changedRects(undefined, a)).toEqual([{ left: 0, top: 0, width: 320, height: 180 }]);
    expect(changedRects(a, thumbnail(frame(320, 180)))).toEqual([]);
  });

  it('a new overlay card is one rectangle around it, a little larger, not the whole frame', () => {
    const base = frame(640, 360);
    const card = { left: 100, top: 50, width: 120, height: 40 };
    const rects = changedRects(thumbnail(base), thumbnail(paint(base, card, 230)));
    expect(rects).toHaveLength(1);
    expect(contains(rects[0]!, card)).toBe(true);
    expect(rects[0]!.width * rects[0]!.height).toBeLessThan(2 * card.width * card.height);
  });

  it('two cards apart are two rectangles; a change over most of the frame is the whole frame', () => {
    const base = frame(640, 360);
    const two = paint(paint(base, { left: 10, top: 10, width: 60, height: 30 }, 230), { left: 400, top: 300, width: 60, height: 30 }, 230);
    expect(changedRects(thumbnail(base), thumbnail(two))).toHaveLength(2);
    const most = paint(base, { left: 0, top: 0, width: 600, height: 300 }, 230);
    expect(changedRects(thumbnail(base), thumbnail(most))).toEqual([{ left: 0, top: 0, width: 640, height: 360 }]);
  });

  it('compression noise below the threshold is no change', () => {
    const base = frame(64, 64);
    const noisy = { ...base, data: base.data.map((v, i) => v + (i % 7) - 3) };
    expect(changedRects(thumbnail(base), thumbnail(noisy))).toEqual([]);
  });

  it('merged rectangles never overlap and cover every input (property)', () => {
    const rect = fc.record({ left: fc.nat(200), top: fc.nat(200), width: fc.integer({ min: 1, max: 80 }), height: fc.integer({ min: 1, max: 80 }) });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), (rs) => {
        const m = mergeOverlapping(rs);
        for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) expect(intersects(m[i]!, m[j]!)).toBe(false);
        for (const r of rs) expect(m.some((x) => contains(x, r))).toBe(true);
      }),
    );
  });
});

describe('moving picture', () => {
  // A "camera" area whose pixels change in every sample, and an overlay card.
  const camera = { left: 320, top: 120, width: 160, height: 120 };
  const card = { left: 20, top: 20, width: 120, height: 40 };
  const at = (k: number, withCard = false) => {
    let f = paint(frame(640, 360), camera, k % 2 ? 200 : 60);
    if (withCard) f = paint(f, card, 240);
    return thumbnail(f);
  };

  it('is read when it starts moving, then not every sample; a card elsewhere is read when it appears', () => {
    const w = new ChangeWatcher({ liveEvery: 100 });
    expect(w.next(at(0))).toHaveLength(1); // the first frame, whole
    const reads = [1, 2, 3, 4, 5, 6].map((k) => w.next(at(k)).length);
    expect(reads.slice(0, 2)).toEqual([1, 1]);
    expect(reads.slice(3)).toEqual([0, 0, 0]);
    const withCard = w.next(at(7, true));
    expect(withCard).toHaveLength(1);
    expect(contains(withCard[0]!, card)).toBe(true);
  });

  it('an overlay put over the moving picture is read once it holds still, saying for how long', () => {
    const w = new ChangeWatcher({ liveEvery: 100 });
    for (let k = 0; k < 6; k++) w.next(at(k));
    // The camera stops under a card (a still frame with a card over it) for three samples.
    const still = thumbnail(paint(paint(frame(640, 360), camera, 60), { left: 330, top: 130, width: 100, height: 40 }, 240));
    expect(w.next(still)).toEqual([]);
    expect(w.next(still)).toEqual([]);
    expect(w.next(still)).toEqual([]);
    const settled = w.next(still);
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((r) => r.heldFor === 3)).toBe(true);
  });
});

const line = (text: string, left: number, top: number, confidence = 95): OcrLine => ({ text, confidence, bbox: { left, top, width: 200, height: 40 } });
const whole: Rect = { left: 0, top: 0, width: 1280, height: 720 };

describe('text over time', () => {
  it('a caption shown throughout is one segment; a claim shown from 2 s to 4 s is another', () => {
    const tr = new ScreenTracker();
    const seller = line('販売元:株式会社テスト', 40, 620);
    const claim = line('日本一の美容液', 100, 100);
    tr.frame(0, [whole], [seller]);
    tr.frame(1, [], []);
    const cardArea = { left: 90, top: 90, width: 230, height: 60 };
    tr.frame(2, tr.regionsToRead([cardArea]), [claim]);
    tr.frame(3, [], []);
    tr.frame(4, [], []);
    tr.frame(5, tr.regionsToRead([cardArea]), []);
    tr.frame(6, [], []);
    expect(tr.end().map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 6, '販売元:株式会社テスト'],
      [2, 4, '日本一の美容液'],
    ]);
  });

  it('a change cutting through a line on screen reads the whole line again, and the line goes on', () => {
    const tr = new ScreenTracker();
    tr.frame(0, [whole], [line('全网最低价', 100, 100)]);
    const read = tr.regionsToRead([{ left: 250, top: 110, width: 100, height: 100 }]);
    expect(read[0]).toMatchObject({ left: 100, top: 100 });
    tr.frame(1, read, [line('全网 最低价', 100, 100)]);
    expect(tr.end().map((s) => [s.start, s.end])).toEqual([[0, 1]]);
  });

  it('a line missed in one frame (OCR flicker) and read again next second stays one segment', () => {
    const tr = new ScreenTracker({ rejoinSec: 2 });
    tr.frame(0, [whole], [line('업계 최고', 10, 10)]);
    tr.frame(1, [whole], []);
    tr.frame(2, [whole], [line('업계 최고', 10, 10)]);
    tr.frame(6, [whole], []);
    tr.frame(7, [whole], [line('업계 최고', 10, 10)]);
    expect(tr.end().map((s) => [s.start, s.end])).toEqual([[0, 2], [7, 7]]);
  });
});

describe('OCR text clean-up', () => {
  it('drops the spaces OCR puts between CJK characters, keeps those of Korean and Latin words', () => {
    expect(dropCjkSpaces('日 本 一 の 美 容 液')).toBe('日本一の美容液');
    expect(dropCjkSpaces('업계 최고 품질')).toBe('업계 최고 품질');
    expect(dropCjkSpaces('业界 No. 1')).toBe('业界 No. 1');
  });

  it('picks the script of look-alikes from their neighbours', () => {
    expect(fixConfusions('日本ーの美容液', 'ja')).toBe('日本一の美容液');
    expect(fixConfusions('日ホーの美容液', 'ja')).toBe('日本一の美容液');
    expect(fixConfusions('ハート', 'ja')).toBe('ハート');
    expect(fixConfusions('コ一ヒー', 'ja')).toBe('コーヒー');
    expect(fixConfusions('全网第ー', 'zh')).toBe('全网第一');
    expect(fixConfusions('업계 최고', 'ko')).toBe('업계 최고');
  });

  it('keeps lines read with confidence, without box edges; drops stray marks', () => {
    expect(cleanOcrText('日 本 一 の 美 容 液 |', 'ja')).toBe('日本一の美容液');
    expect(cleanOcrText('⑧', 'ja')).toBe('');
    expect(keepLines([line('広 告', 0, 0, 91), line('陳 梨 NTm', 0, 50, 30)], 'ja', 80).map((l) => l.text)).toEqual(['広告']);
    expect(ocrKey('全网 最低价！')).toBe('全网最低价');
  });
});

describe('sampling frames', () => {
  it('reads at the video size, at most 720 lines, even sizes', () => {
    expect(frameSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(frameSize(1280, 720)).toEqual({ width: 1280, height: 720 });
    expect(frameSize(720, 1280)).toEqual({ width: 406, height: 720 });
    expect(frameSize(null, null)).toEqual({ width: 1280, height: 720 });
  });

  it('asks ffmpeg for grey raw frames at the sample rate, drawing an image subtitle track on them when given', () => {
    const args = frameArgs('/v/a.mkv', { fps: 1, width: 1280, height: 720 });
    expect(args.join(' ')).toContain('-vf fps=1,scale=1280:720,format=gray');
    expect(args.slice(-5)).toEqual(['-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1']);
    const over = frameArgs('/v/a.mkv', { fps: 1, width: 1280, height: 720, videoIndex: 0, overlaySubtitleIndex: 3 });
    expect(over.join(' ')).toContain('[0:0][0:3]overlay=eof_action=pass,fps=1');
    // A track that does not say its size is drawn on a canvas of the video's; one of another size is scaled to it.
    const dvb = frameArgs('/v/a.ts', { fps: 1, width: 1280, height: 720, videoIndex: 0, overlaySubtitleIndex: 2, videoSize: { width: 1920, height: 1080 } });
    expect(dvb.slice(dvb.indexOf('-canvas_size'), dvb.indexOf('-i'))).toEqual(['-canvas_size', '1920x1080']);
    const pgs = frameArgs('/v/a.mkv', { fps: 1, width: 1280, height: 720, videoIndex: 0, overlaySubtitleIndex: 2, videoSize: { width: 1280, height: 720 }, subtitleSize: { width: 1920, height: 1080 } });
    expect(pgs).not.toContain('-canvas_size');
    expect(pgs.join(' ')).toContain('[0:2]scale=1280:720[s];[0:0][s]overlay=eof_action=pass');
  });

  it('draws the image subtitle track in the language read, else the default one, else the first', () => {
    const t = (index: number, language: string | null, extra: Partial<SubtitleStreamInfo> = {}): SubtitleStreamInfo => ({ index, codec: 'hdmv_pgs_subtitle', language, title: null, text: false, default: false, ...extra });
    const tracks = [t(2, 'eng'), t(3, 'kor', { default: true }), t(4, 'jpn'), t(5, 'jpn', { codec: 'subrip', text: true })];
    expect(pickImageSubtitleTrack(tracks, 'ja')?.index).toBe(4);
    expect(pickImageSubtitleTrack(tracks, 'zh')?.index).toBe(3);
    expect(pickImageSubtitleTrack(tracks, undefined)?.index).toBe(3);
    expect(pickImageSubtitleTrack([t(2, 'eng'), t(3, 'chi')], undefined)?.index).toBe(3);
    expect(pickImageSubtitleTrack([t(5, 'jpn', { codec: 'subrip', text: true })], 'ja')).toBeUndefined();
  });
});
