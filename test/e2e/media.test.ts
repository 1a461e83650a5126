import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAsrOutput, convertAsrOutput, type Recognizer } from '../../src/asr/whisper.js';
import { parseModelSpec, requiredFiles } from '../../src/asr/model.js';
import { transcribeWith } from '../../src/asr/transcribe.js';
import { runTranscribe, type TranscribeFormat } from '../../src/cli/transcribe.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { audioFile, ffmpeg, silence, speechLike, tempDir } from '../helpers/media.js';
import { warmCacheDir } from '../helpers/warm-cache.js';

interface JsonReport {
  files: { path: string; status: string; error?: string; language: string | null; durationSec: number | null; transcriptSource?: string; findings: { ruleId: string; category: string; start: number | null; end: number | null; text: string }[] }[];
  summary: { files: number; failed: number };
}

const tmp = tempDir('livecomply-e2e-media-');
const f = (name: string) => path.join(tmp.dir, name);
const OFFLINE = { LIVECOMPLY_OFFLINE: '1', LIVECOMPLY_MODEL_DIR: undefined, LIVECOMPLY_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined };

beforeAll(() => {
  // A video with a sidecar transcript beside it (same stem).
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=d=12:s=160x120:r=5', '-f', 'lavfi', '-i', speechLike(12), '-c:v', 'mpeg4', '-c:a', 'aac', '-shortest', f('stream.mp4')]);
  writeFileSync(f('stream.srt'), '1\n00:00:05,000 --> 00:00:08,000\n今天全网最低价！\n\n2\n00:00:09,000 --> 00:00:11,000\n本直播间商品由杭州某某化妆品有限公司销售。\n');
  // A recording with no sidecar, and a transcript input to show the others are still reported.
  audioFile(f('nosidecar.m4a'), [speechLike(2), silence(1), speechLike(2)], ['-c:a', 'aac']);
  writeFileSync(f('other.srt'), '1\n00:00:01,000 --> 00:00:03,000\n这是国家级的配方。\n');
  audioFile(f('ja.m4a'), [speechLike(10)], ['-c:a', 'aac']);
  warmCacheDir(f('cache')); // no model in it; the rulesets the suite warmed
});
afterAll(() => tmp.cleanup());

describe('media inputs (end to end, built CLI)', () => {
  it('audit x.mp4 with x.srt beside it: findings at the sidecar\'s seconds, duration from ffprobe', async () => {
    const r = await runCli(['audit', f('stream.mp4'), '--format', 'json', '--ruleset', 'cn', '--lang', 'zh', '--screen', 'off'], { env: OFFLINE });
    const report = JSON.parse(r.stdout) as JsonReport;
    const [file] = report.files;
    expect(file!.status).toBe('ok');
    expect(file!.transcriptSource).toBe('sidecar');
    expect(file!.durationSec).toBeCloseTo(12, 0);
    const lowest = file!.findings.find((x) => x.text.includes('最低价'));
    expect(lowest?.category).toBe('misleading-price');
    expect(lowest!.start!).toBeGreaterThanOrEqual(5);
    expect(lowest!.end!).toBeLessThanOrEqual(8);
    expect(r.code).toBe(1);
  });

  it('no model and no sidecar: that file is an error with the offline instructions, exit 3, the others still reported', async () => {
    const r = await runCli(['audit', f('nosidecar.m4a'), f('other.srt'), f('stream.mp4'), '--format', 'json', '--lang', 'zh', '--fail-on', 'never', '--cache-dir', f('cache'), '--screen', 'off'], { env: OFFLINE });
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as JsonReport;
    const bad = report.files.find((x) => x.path.endsWith('nosidecar.m4a'))!;
    expect(bad.status).toBe('error');
    expect(bad.error).toMatch(/no speech model: onnx-community\/whisper-small \(fp32\)/);
    expect(bad.error).toContain('--model-dir <dir>');
    expect(bad.error).toContain('LIVECOMPLY_MODEL_DIR');
    expect(report.files.filter((x) => x.status === 'ok').map((x) => path.basename(x.path)).sort()).toEqual(['other.srt', 'stream.mp4']);
    expect(report.summary.failed).toBe(1);
  });

  it('audit --model with a name that is no model: exit 2 before any file is read', async () => {
    const r = await runCli(['audit', f('nosidecar.m4a'), '--model', 'whisper-gigantic'], { env: OFFLINE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown model "whisper-gigantic"');
    expect(r.stdout).toBe('');
  });

  it('transcribe: exit 3 with the offline message when there is no model; 2 for a bad format or model', async () => {
    const r = await runCli(['transcribe', f('nosidecar.m4a'), '--cache-dir', f('cache')], { env: OFFLINE });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nosidecar\.m4a: no speech model/);
    expect((await runCli(['transcribe', f('nosidecar.m4a'), '--format', 'docx'], { env: OFFLINE })).code).toBe(2);
    // The spawn above proves transcribe's exit 2; which model names are unknown is logic, checked in this process.
    const bad = await runCliInProcess(['transcribe', f('nosidecar.m4a'), '--model', 'gigantic'], { env: OFFLINE });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown model "gigantic"/);
  });
});

describe('transcribe writes valid SRT / VTT / JSON (recorded recogniser output through the real pipeline)', () => {
  const modelDir = f('models');
  const fixture: unknown = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/asr/ja-words.json'), 'utf8'));
  const replay = async (): Promise<Recognizer> => ({
    modelId: 'replay',
    recognize: async (audio) => {
      if (!isAsrOutput(fixture)) throw new Error('bad fixture');
      return convertAsrOutput(fixture, { durationSec: audio.length / 16_000, wordLevel: true });
    },
  });

  beforeAll(() => {
    const spec = parseModelSpec('small');
    for (const file of requiredFiles(spec)) {
      const p = path.join(modelDir, spec.id, file);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, file.endsWith('.onnx') ? Buffer.alloc(4096, 1) : '{}');
    }
  });

  for (const format of ['srt', 'vtt', 'json'] as TranscribeFormat[]) {
    it(`--format ${format}: written beside the media (or into --output-dir) and parses back`, async () => {
      const lines: string[] = [];
      const outDir = format === 'json' ? f('out') : undefined;
      const code = await runTranscribe(
        [f('ja.m4a'), f('missing.mp4')],
        { format, lang: 'ja', modelDir, cacheDir: f(`cache-${format}`), ...(outDir ? { outputDir: outDir } : {}) },
        { transcribe: (file, o) => transcribeWith(file, o, replay), log: (l) => lines.push(l) },
      );
      expect(code).toBe(3); // missing.mp4 failed, the other was written
      expect(lines.some((l) => /missing\.mp4: no such file/.test(l))).toBe(true);
      const written = path.join(outDir ?? tmp.dir, `ja.${format}`);
      const t = parseTranscript(readFileSync(written, 'utf8'), written);
      expect(t.segments.map((s) => s.text)).toEqual(['この美容液は日本一売れています。', 'シミが消えます。']);
      for (const s of t.segments) {
        expect(s.start!).toBeGreaterThanOrEqual(0);
        expect(s.end!).toBeGreaterThanOrEqual(s.start!);
        expect(s.end!).toBeLessThanOrEqual(10.1);
      }
      if (format === 'json') {
        expect(t.language).toBe('ja');
        expect(t.segments[0]!.words!.length).toBeGreaterThan(5);
      }
    });
  }
});
