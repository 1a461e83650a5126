/**
 * Image subtitle tracks (Blu-ray PGS, DVD, DVB) are drawn onto the frames and read by OCR. ffmpeg
 * converts subtitles only bitmap→bitmap, so the PGS stream is written by the test helper (a real
 * .sup: composition, window, palette, run-length object) and muxed by ffmpeg; the DVD and DVB tracks
 * are made from it by ffmpeg's own dvdsub and dvbsub encoders.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../../src/audit/audit-file.js';
import { freshBuiltinEngine } from '../../helpers/builtin.js';
import { probeMedia } from '../../../src/media/probe.js';
import { closeOcr, readScreen } from '../../../src/ocr/screen.js';
import { ffmpeg, tempDir } from '../../helpers/media.js';
import { cjkFont, pgsSubtitles, screenVideo } from '../../helpers/screen-video.js';

const tmp = tempDir('livecomply-imagesubs-');
const f = (n: string) => path.join(tmp.dir, n);
const font = cjkFont();

beforeAll(() => {
  if (!font) return;
  // A plain picture with nothing drawn on it; the claim is only in the subtitle track, from 2 s to 4 s.
  screenVideo(f('plain.mp4'), { seconds: 6, overlays: [] }, font);
  pgsSubtitles(f('claim.sup'), [{ from: 2, to: 4, text: '日本一の美容液', x: 200, y: 560, size: 56 }], { width: 1280, height: 720 }, font);
  ffmpeg(['-i', f('plain.mp4'), '-i', f('claim.sup'), '-map', '0:v', '-map', '1:s', '-c', 'copy', '-metadata:s:s:0', 'language=jpn', f('pgs.mkv')]);
  // A Blu-ray track drawn for 1080p over a 720p picture: scaled to the video before it is drawn.
  pgsSubtitles(f('claim1080.sup'), [{ from: 2, to: 4, text: '日本一の美容液', x: 300, y: 840, size: 84 }], { width: 1920, height: 1080 }, font);
  ffmpeg(['-i', f('plain.mp4'), '-i', f('claim1080.sup'), '-map', '0:v', '-map', '1:s', '-c', 'copy', '-metadata:s:s:0', 'language=jpn', f('pgs1080.mkv')]);
  // -fix_sub_duration: PGS says when a picture goes away by a later, empty one; the encoders need its end.
  ffmpeg(['-fix_sub_duration', '-i', f('pgs.mkv'), '-map', '0', '-c:v', 'copy', '-c:s', 'dvdsub', f('dvd.mkv')]);
  ffmpeg(['-fix_sub_duration', '-i', f('pgs.mkv'), '-map', '0', '-c:v', 'copy', '-c:s', 'dvbsub', f('dvb.mkv')]);
});
afterAll(async () => {
  await closeOcr();
  tmp.cleanup();
});

describe.skipIf(!font)('image subtitle tracks', () => {
  it.each([
    ['pgs.mkv', 'hdmv_pgs_subtitle'],
    ['pgs1080.mkv', 'hdmv_pgs_subtitle'],
    ['dvd.mkv', 'dvd_subtitle'],
    ['dvb.mkv', 'dvb_subtitle'],
  ])('%s (%s): the subtitle picture is read on screen from 2 s to 3 s, and reading ends with the video', async (name, codec) => {
    const info = await probeMedia(f(name));
    expect(info.subtitles).toEqual([expect.objectContaining({ codec, text: false, language: 'jpn' })]);
    const r = await readScreen(f(name), info, { language: 'ja' });
    expect(r.frames).toBe(6);
    const claim = r.segments.find((s) => s.text.includes('日本一'));
    expect(claim).toMatchObject({ text: '日本一の美容液', source: 'screen' });
    expect(Math.abs(claim!.start! - 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(claim!.end! - 3)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('audited through auditFile: no text track and no audio, the claim in the image track is a screen finding', async () => {
    const { report } = await auditFile({ path: 'pgs.mkv', absolute: f('pgs.mkv'), kind: 'media', sidecars: [] }, freshBuiltinEngine(), { lang: 'ja', transcript: 'auto', cacheDir: f('cache') });
    expect(report).toMatchObject({ status: 'ok', language: 'ja' });
    const claim = report.findings.find((x) => x.kind === 'prohibited');
    expect(claim).toMatchObject({ category: 'superlative', text: '日本一', source: 'screen' });
    expect(Math.abs(claim!.start! - 2)).toBeLessThanOrEqual(1);
  }, 60_000);
});
