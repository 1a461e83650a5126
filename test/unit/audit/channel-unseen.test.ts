/**
 * A disclosure a rule wants shown on screen (`channel: shown`) when the screen was not read: a
 * transcript file, or a video with --screen off. The viewer's screen is unknown, not empty: what
 * was said counts for it, with a note; nothing said is still a missing disclosure. A video whose
 * screen was read is held to the rule: said but never shown is missing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../../src/audit/audit-file.js';
import { Engine } from '../../../src/audit/engine.js';
import type { AuditInput } from '../../../src/audit/inputs.js';
import { closeOcr } from '../../../src/ocr/screen.js';
import { tempDir } from '../../helpers/media.js';
import { cjkFont, screenVideo } from '../../helpers/screen-video.js';

const tmp = tempDir('livecomply-unseen-');
const f = (n: string) => path.join(tmp.dir, n);
const font = cjkFont();
const engine = new Engine({ rulesets: [path.resolve('test/fixtures/rulesets/channel.yaml')] });
const SAID = '本直播间商品由某某旗舰店销售';
const transcript = (name: string, text: string): AuditInput => {
  writeFileSync(f(name), `1\n00:00:01,000 --> 00:00:04,000\n${text}\n`);
  return { path: name, absolute: f(name), kind: 'transcript', sidecars: [] };
};
const missing = (fs: { kind: string; ruleId: string }[]) => fs.filter((x) => x.kind === 'missing').map((x) => x.ruleId).sort();

beforeAll(() => {
  if (!font) return;
  // The seller said (a subtitle track), never shown; a price card on screen.
  screenVideo(f('said.mp4'), {
    seconds: 5,
    subtitleLanguage: 'chi',
    captions: [{ from: 1, to: 4, text: SAID }],
    overlays: [{ text: '限时特价', from: 1, to: 3, x: 100, y: 100, size: 64 }],
  }, font);
  // The seller shown throughout, never said.
  screenVideo(f('shown.mp4'), { seconds: 4, overlays: [{ text: SAID, x: 40, y: 600, size: 40 }] }, font);
});
afterAll(async () => {
  await closeOcr();
  tmp.cleanup();
});

describe('a disclosure required on screen, when the screen was not read', () => {
  it('a transcript that says it: not missing, with a note that the picture is to be checked', async () => {
    const { report } = await auditFile(transcript('said.srt', SAID), engine, { lang: 'zh', transcript: 'auto' });
    expect(report.status).toBe('ok');
    expect(missing(report.findings)).toEqual([]);
    expect(report.warnings).toEqual([expect.stringMatching(/^test-channel\/seller-shown wants its disclosure shown on screen, but the screen was not read \(a transcript file\)/)]);
  });

  it('a transcript that never says it: still missing (nothing said, nothing known shown), no note', async () => {
    const { report } = await auditFile(transcript('quiet.srt', '今天给大家带来这款面膜'), engine, { lang: 'zh', transcript: 'auto' });
    expect(missing(report.findings)).toEqual(['test-channel/seller-either', 'test-channel/seller-shown', 'test-channel/seller-spoken']);
    expect(report.warnings ?? []).toEqual([]);
  });
});

describe.skipIf(!font)('a disclosure required on screen, in a video', () => {
  const media = (name: string): AuditInput => ({ path: name, absolute: f(name), kind: 'media', sidecars: [] });

  it('said but never shown, screen read: missing; with --screen off: counted as said, with a note', async () => {
    const read = await auditFile(media('said.mp4'), engine, { lang: 'zh', transcript: 'auto' });
    expect(read.report).toMatchObject({ status: 'ok', transcriptSource: 'embedded' });
    expect(missing(read.report.findings)).toEqual(['test-channel/seller-shown']);
    expect(read.report.warnings ?? []).toEqual([]);
    const off = await auditFile(media('said.mp4'), engine, { lang: 'zh', transcript: 'auto', screen: 'off' });
    expect(missing(off.report.findings)).toEqual([]);
    expect(off.report.warnings).toEqual([expect.stringMatching(/screen was not read \(--screen off\)/)]);
  }, 60_000);

  it('shown but never said, screen read: the shown rule is satisfied, the spoken one missing', async () => {
    const { report } = await auditFile(media('shown.mp4'), engine, { lang: 'zh', transcript: 'auto', cacheDir: f('cache') });
    expect(report.status).toBe('ok');
    expect(missing(report.findings)).toEqual(['test-channel/seller-spoken']);
  }, 60_000);
});
