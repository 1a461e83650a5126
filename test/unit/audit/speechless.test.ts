/**
 * A video with nothing said in it (no audio stream, or silent audio) is audited from what its
 * screen shows: generated videos (drawtext with Noto Sans CJK), in-process through auditFile.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../../src/audit/audit-file.js';
import { freshBuiltinEngine } from '../../helpers/builtin.js';
import type { AuditInput } from '../../../src/audit/inputs.js';
import { closeOcr } from '../../../src/ocr/screen.js';
import { ffmpeg, silence, tempDir } from '../../helpers/media.js';
import { cjkFont, screenVideo } from '../../helpers/screen-video.js';

const tmp = tempDir('livecomply-speechless-');
const f = (n: string) => path.join(tmp.dir, n);
const font = cjkFont();
const engine = freshBuiltinEngine();
const media = (name: string): AuditInput => ({ path: name, absolute: f(name), kind: 'media', sidecars: [] });
const opts = { lang: 'auto' as const, transcript: 'auto' as const, cacheDir: f('cache') };

beforeAll(() => {
  if (!font) return;
  // No audio stream at all: a claim card from 1 s to 3 s, the seller shown throughout.
  screenVideo(f('mute.mp4'), {
    seconds: 4,
    overlays: [
      { text: '販売元：株式会社テスト', x: 40, y: 620, size: 40 },
      { text: '日本一の美容液', from: 1, to: 3, x: 100, y: 100, size: 64 },
    ],
  }, font);
  // The same picture with a silent audio track.
  ffmpeg(['-i', f('mute.mp4'), '-f', 'lavfi', '-i', silence(4), '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-shortest', f('silent.mp4')]);
  // No audio and nothing on screen.
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=320x240:r=5:d=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', f('blank.mp4')]);
});
afterAll(async () => {
  await closeOcr();
  tmp.cleanup();
});

describe.skipIf(!font)('a video with nothing said in it', () => {
  it('no audio stream: audited from the screen (the claim at 1 s, the seller shown), with a warning saying so', async () => {
    const { report } = await auditFile(media('mute.mp4'), engine, opts);
    expect(report).toMatchObject({ status: 'ok', language: 'ja', transcriptSource: 'asr' });
    expect(report.durationSec).toBeCloseTo(4, 0);
    const claim = report.findings.find((x) => x.kind === 'prohibited');
    expect(claim).toMatchObject({ category: 'superlative', text: '日本一', source: 'screen' });
    expect(Math.abs(claim!.start! - 1)).toBeLessThanOrEqual(1);
    expect(report.findings.filter((x) => x.category === 'seller-disclosure')).toEqual([]);
    expect(report.warnings).toContainEqual(expect.stringMatching(/no audio stream.*only the text shown on screen was checked/));
  }, 90_000);

  it('silent audio: nothing recognised, the screen is audited, with a warning saying so', async () => {
    const { report } = await auditFile(media('silent.mp4'), engine, { ...opts, lang: 'ja' });
    expect(report).toMatchObject({ status: 'ok', language: 'ja', transcriptSource: 'asr' });
    expect(report.findings.find((x) => x.kind === 'prohibited')).toMatchObject({ text: '日本一', source: 'screen' });
    expect(report.warnings).toContainEqual(expect.stringMatching(/no speech was recognised.*only the text shown on screen was checked/));
  }, 90_000);

  it('nothing said and nothing on screen, or the screen not read: an error that says so', async () => {
    const blank = await auditFile(media('blank.mp4'), engine, { ...opts, lang: 'ja' });
    expect(blank.report).toMatchObject({ status: 'error', error: 'the recording has no audio stream and no text was read on screen, so nothing was checked' });
    const off = await auditFile(media('mute.mp4'), engine, { ...opts, screen: 'off' });
    expect(off.report.status).toBe('error');
    expect(off.report.error).toMatch(/no audio stream \(the file has video only\)/);
  }, 90_000);
});
