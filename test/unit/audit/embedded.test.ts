/** Which words a recording is audited on: sidecar, embedded subtitle track, or (not here) speech recognition. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../../src/audit/audit-file.js';
import { freshBuiltinEngine } from '../../helpers/builtin.js';
import type { AuditInput } from '../../../src/audit/inputs.js';
import { ffmpeg, tempDir } from '../../helpers/media.js';

const tmp = tempDir('livecomply-embedded-');
const f = (n: string) => path.join(tmp.dir, n);
const engine = freshBuiltinEngine();
const media = (name: string, sidecars: string[] = []): AuditInput => ({ path: name, absolute: f(name), kind: 'media', sidecars });

beforeAll(() => {
  writeFileSync(f('track.srt'), '1\n00:00:01,000 --> 00:00:02,500\n全网最低价，只要九十九元\n');
  // Video, a Chinese mov_text track, and a sidecar beside it that says something else.
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=160x120:r=5:d=4', '-i', f('track.srt'), '-map', '0:v', '-map', '1:s', '-c:v', 'mpeg4', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=chi', f('live.mp4')]);
  writeFileSync(f('live.srt'), '1\n00:00:00,500 --> 00:00:02,000\n这是国家级配方\n');
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=160x120:r=5:d=2', '-c:v', 'mpeg4', f('plain.mp4')]);
});
afterAll(() => tmp.cleanup());

describe('words from a subtitle track inside the recording', () => {
  it('auto without a sidecar: the track, findings marked "subtitle"', async () => {
    const { report } = await auditFile(media('live.mp4'), engine, { lang: 'auto', transcript: 'auto', screen: 'off' });
    expect(report).toMatchObject({ status: 'ok', language: 'zh', transcriptSource: 'embedded' });
    expect(report.findings.find((x) => x.text === '全网最低价')).toMatchObject({ source: 'subtitle', start: expect.closeTo(1, 0) });
  });

  it('auto prefers the sidecar; --transcript embedded insists on the track even with a sidecar beside it', async () => {
    const auto = await auditFile(media('live.mp4', [f('live.srt')]), engine, { lang: 'zh', transcript: 'auto', screen: 'off' });
    expect(auto.report.transcriptSource).toBe('sidecar');
    const embedded = await auditFile(media('live.mp4', [f('live.srt')]), engine, { lang: 'zh', transcript: 'embedded', screen: 'off' });
    expect(embedded.report.transcriptSource).toBe('embedded');
  });

  it('--transcript embedded: a clear error when there is no track, or none in the language asked for', async () => {
    const none = await auditFile(media('plain.mp4'), engine, { lang: 'zh', transcript: 'embedded', screen: 'off' });
    expect(none.report.status).toBe('error');
    expect(none.report.error).toMatch(/no text subtitle track in it/);
    const other = await auditFile(media('live.mp4'), engine, { lang: 'ja', transcript: 'embedded', screen: 'off' });
    expect(other.report.error).toMatch(/no text subtitle track in ja \(its text tracks are tagged chi\)/);
  });
});
