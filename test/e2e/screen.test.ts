/**
 * What the viewer sees, end to end through the built CLI: a Japanese video with a mov_text
 * subtitle track (the words), a claim in an overlay shown from 2 s to 5 s, and a seller caption
 * shown throughout on a busy background. One CLI run; the other cases are tested in-process.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/media.js';
import { cjkFont, screenVideo } from '../helpers/screen-video.js';

const tmp = tempDir('livecomply-e2e-screen-');
const f = (name: string) => path.join(tmp.dir, name);
const font = cjkFont();

beforeAll(() => {
  if (!font) return;
  screenVideo(f('live.mp4'), {
    seconds: 8,
    busy: true,
    audio: true,
    subtitleLanguage: 'jpn',
    captions: [
      { from: 0.5, to: 2, text: 'こんにちは、今日は新商品をご紹介します' },
      { from: 5, to: 7, text: 'この美容液は業界No.1の人気です' },
    ],
    overlays: [
      { text: '販売元：株式会社テスト', x: 40, y: 620, size: 40 },
      { text: '日本一の美容液', from: 2, to: 5, x: 100, y: 100, size: 64 },
    ],
  }, font);
});
afterAll(() => tmp.cleanup());

interface JsonFinding { ruleId: string; category: string; kind: string; start: number | null; end: number | null; text: string; source?: string }

describe.skipIf(!font)('on-screen text and subtitle tracks (end to end)', () => {
  it('reads the subtitle track as the words and the overlays by OCR: claims with their source and seconds, the seller shown on screen counts', async () => {
    const r = await runCli(['audit', f('live.mp4'), '--format', 'json', '--fail-on', 'never'], { timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    const file = (JSON.parse(r.stdout) as { files: { status: string; language: string; transcriptSource: string; findings: JsonFinding[] }[] }).files[0]!;
    expect(file.status).toBe('ok');
    expect(file.language).toBe('ja');
    expect(file.transcriptSource).toBe('embedded');
    const screen = file.findings.find((x) => x.source === 'screen');
    expect(screen).toMatchObject({ category: 'superlative', text: '日本一' });
    expect(Math.abs(screen!.start! - 2)).toBeLessThanOrEqual(1);
    const subtitle = file.findings.find((x) => x.source === 'subtitle');
    expect(subtitle).toMatchObject({ category: 'superlative', text: '業界No.1' });
    expect(Math.abs(subtitle!.start! - 5)).toBeLessThanOrEqual(1);
    // The seller is only ever shown on screen, never said: the disclosure is satisfied.
    expect(file.findings.filter((x) => x.category === 'seller-disclosure')).toEqual([]);
    // With --screen off the overlay claim is gone and the seller is reported missing (in this process: the
    // spawn above proves the audit of a video through the CLI; --screen off is an option's effect).
    const off = await runCliInProcess(['audit', f('live.mp4'), '--format', 'json', '--fail-on', 'never', '--screen', 'off']);
    const offFile = (JSON.parse(off.stdout) as { files: { findings: JsonFinding[] }[] }).files[0]!;
    expect(offFile.findings.some((x) => x.source === 'screen')).toBe(false);
    expect(offFile.findings.some((x) => x.category === 'seller-disclosure' && x.kind === 'missing')).toBe(true);
  }, 150_000);
});
