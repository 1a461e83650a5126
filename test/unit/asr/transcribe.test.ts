import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAsrOutput, isAsrOutput, type Recognizer } from '../../../src/asr/whisper.js';
import { parseModelSpec, requiredFiles } from '../../../src/asr/model.js';
import { hashFile, transcribeMedia, transcribeWith, transcriptCacheKey } from '../../../src/asr/transcribe.js';
import { ROOT } from '../../helpers/cli.js';
import { audioFile, silence, speechLike, tempDir } from '../../helpers/media.js';

const tmp = tempDir('livecomply-asr-');
const f = (name: string) => path.join(tmp.dir, name);
const modelDir = f('models');

/**
 * Replays a recorded pipeline output (test/fixtures/asr) for every chunk, through the same
 * conversion as the real Whisper boundary. It exercises the pipeline around the recogniser
 * (probe, decode, VAD, chunking, stitching, cache); the words come from the fixture.
 */
function replay(fixture: string, calls: Float32Array[]): () => Promise<Recognizer> {
  const raw: unknown = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/asr', fixture), 'utf8'));
  if (!isAsrOutput(raw)) throw new Error('bad fixture');
  return async () => ({
    modelId: 'replay',
    recognize: async (audio) => {
      calls.push(audio);
      return convertAsrOutput(raw, { durationSec: audio.length / 16_000, wordLevel: false });
    },
  });
}

beforeAll(() => {
  audioFile(f('stream.m4a'), [speechLike(3), silence(2), speechLike(10, 400)], ['-c:a', 'aac']);
  audioFile(f('quiet.wav'), [silence(3)]);
  audioFile(f('other.wav'), [speechLike(2)]);
  const spec = parseModelSpec('small');
  for (const file of requiredFiles(spec)) {
    const p = path.join(modelDir, spec.id, file);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, file.endsWith('.onnx') ? Buffer.alloc(4096, 1) : '{}');
  }
});
afterAll(() => tmp.cleanup());

describe('transcribeWith (recorded recogniser outputs)', () => {
  it('decodes, finds speech, sends ≤30 s chunks, stitches onto the recording, detects the language, caches', async () => {
    const calls: Float32Array[] = [];
    const cacheDir = f('cache1');
    const stages: string[] = [];
    const opts = { lang: 'auto' as const, modelDir, cacheDir, onStage: (s: string) => stages.push(s) };
    const r = await transcribeWith(f('stream.m4a'), opts, replay('zh-segments.json', calls));
    expect(stages).toEqual(['probing', 'extracting', 'transcribing']);
    expect(r.source).toBe('asr');
    expect(r.durationSec).toBeCloseTo(15, 1);
    expect(calls).toHaveLength(1);
    // Two speech regions (3 s and 10 s, padded), the 2 s of silence left out.
    expect(calls[0]!.length / 16_000).toBeGreaterThan(12.5);
    expect(calls[0]!.length / 16_000).toBeLessThan(14.5);
    expect(r.transcript.language).toBe('zh');
    const segs = r.transcript.segments;
    expect(segs.map((s) => s.text)).toEqual(['家人们大家好,欢迎来到直播间。', '今天这款面霜全网最低价!', '只要九十九元,库存不多了。']);
    // The second segment starts 4.02 s into the chunk: 3.4 s of the first region, then the second region (from ~4.8 s).
    expect(segs[1]!.start!).toBeGreaterThan(4.8);
    for (const s of segs) expect(s.end!).toBeLessThanOrEqual(r.durationSec);

    const again = await transcribeWith(f('stream.m4a'), opts, replay('zh-segments.json', calls));
    expect(again.source).toBe('cache');
    expect(again.transcript).toEqual(r.transcript);
    expect(calls).toHaveLength(1);
  });

  it('a recording with no speech gives an empty transcript without calling the recogniser', async () => {
    const calls: Float32Array[] = [];
    const r = await transcribeWith(f('quiet.wav'), { lang: 'ja', modelDir, cacheDir: f('cache2') }, replay('text-only.json', calls));
    expect(r.transcript.segments).toEqual([]);
    expect(r.transcript.language).toBe('ja');
    expect(calls).toHaveLength(0);
  });

  it('what Whisper writes over music and silence is removed', async () => {
    const calls: Float32Array[] = [];
    const r = await transcribeWith(f('other.wav'), { lang: 'zh', modelDir, cacheDir: f('cache3') }, replay('zh-silence-hallucination.json', calls));
    expect(calls).toHaveLength(1);
    expect(r.transcript.segments).toEqual([]);
  });

  it('without a model (offline) the file fails with the offline instructions, after probing', async () => {
    const prev = process.env.LIVECOMPLY_OFFLINE;
    process.env.LIVECOMPLY_OFFLINE = '1';
    try {
      await expect(transcribeMedia(f('other.wav'), { lang: 'zh', cacheDir: f('cache4') })).rejects.toThrow(/no speech model: .*--model-dir <dir>/);
      await expect(transcribeMedia(f('missing.wav'), { lang: 'zh', cacheDir: f('cache4') })).rejects.toThrow(/missing\.wav: no such file/);
    } finally {
      if (prev === undefined) delete process.env.LIVECOMPLY_OFFLINE;
      else process.env.LIVECOMPLY_OFFLINE = prev;
    }
  });
});

describe('transcribeMedia with a damaged model folder', () => {
  it('names the folder and says the files may be damaged (transformers.js is loaded for real)', async () => {
    await expect(transcribeMedia(f('other.wav'), { lang: 'zh', modelDir, cacheDir: f('cache5') })).rejects.toThrow(
      new RegExp(`speech model in ${modelDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/onnx-community/whisper-small could not be loaded \\(.*\\); the files may be damaged`),
    );
  });
});

describe('transcript cache key', () => {
  it('changes with the content, the model, the precision and the language; stable otherwise', async () => {
    const content = await hashFile(f('stream.m4a'));
    const base = { contentSha256: content, model: parseModelSpec('small'), lang: 'auto' as const };
    const k = transcriptCacheKey(base);
    expect(transcriptCacheKey({ ...base })).toBe(k);
    expect(transcriptCacheKey({ ...base, contentSha256: await hashFile(f('other.wav')) })).not.toBe(k);
    expect(transcriptCacheKey({ ...base, model: parseModelSpec('base') })).not.toBe(k);
    expect(transcriptCacheKey({ ...base, model: parseModelSpec('small-q8') })).not.toBe(k);
    expect(transcriptCacheKey({ ...base, lang: 'zh' })).not.toBe(k);
    expect(transcriptCacheKey({ ...base, vad: { enterDb: 12 } })).not.toBe(k);
  });

  it('the same bytes under another name hit the same cache entry', async () => {
    const copy = f('renamed copy.m4a');
    writeFileSync(copy, readFileSync(f('stream.m4a')));
    const calls: Float32Array[] = [];
    const r = await transcribeWith(copy, { lang: 'auto', modelDir, cacheDir: f('cache1') }, replay('zh-segments.json', calls));
    expect(r.source).toBe('cache');
    expect(calls).toHaveLength(0);
  });
});

// A real model run, only when a model has been provided in ../shared/models/.
const SHARED_MODELS = path.resolve(ROOT, '..', 'shared', 'models');
const SHARED_AUDIO = path.resolve(ROOT, '..', 'shared', 'reference', 'audio');
const haveModel = existsSync(SHARED_MODELS) && readdirSync(SHARED_MODELS).length > 0 && existsSync(SHARED_AUDIO);
if (!haveModel) {
  console.log(`[skip] Whisper integration test: no model in ${SHARED_MODELS} (or no clips in ${SHARED_AUDIO}); put e.g. onnx-community/whisper-tiny there to run it`);
}
(haveModel ? describe : describe.skip)('Whisper integration (real model)', () => {
  it('transcribes the reference Chinese clip', async () => {
    const r = await transcribeMedia(path.join(SHARED_AUDIO, 'zh', 'sensevoice_zh.wav'), { lang: 'zh', modelDir: SHARED_MODELS, model: process.env.LIVECOMPLY_TEST_MODEL ?? 'tiny', cacheDir: f('cache-int') });
    const text = r.transcript.segments.map((s) => s.text).join('');
    expect(text).toMatch(/开放|时间|点/);
  }, 600_000);
});
