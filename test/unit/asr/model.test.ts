import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainLoadFailure, ModelSpecError, ModelUnavailableError, parseModelSpec, requiredFiles, resolveModel, type ModelSpec } from '../../../src/asr/model.js';
import { tempDir } from '../../helpers/media.js';

const tmp = tempDir('livecomply-model-');
afterAll(() => tmp.cleanup());
const offline = { LIVECOMPLY_OFFLINE: '1' };

function fakeModel(folder: string, spec: ModelSpec, skip: string[] = []): void {
  for (const f of requiredFiles(spec)) {
    if (skip.includes(f)) continue;
    mkdirSync(path.dirname(path.join(folder, f)), { recursive: true });
    writeFileSync(path.join(folder, f), f.endsWith('.onnx') ? Buffer.alloc(4096, 1) : '{}');
  }
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('parseModelSpec', () => {
  it('presets, precision suffixes and full ids', () => {
    expect(parseModelSpec()).toEqual({ id: 'onnx-community/whisper-small', dtype: 'fp32', label: 'small' });
    expect(parseModelSpec('tiny')).toMatchObject({ id: 'onnx-community/whisper-tiny', dtype: 'fp32' });
    expect(parseModelSpec('small-q8')).toMatchObject({ id: 'onnx-community/whisper-small', dtype: 'q8' });
    expect(parseModelSpec('base:fp16')).toMatchObject({ id: 'onnx-community/whisper-base', dtype: 'fp16' });
    expect(parseModelSpec('onnx-community/whisper-large-v3-turbo:q4')).toMatchObject({ id: 'onnx-community/whisper-large-v3-turbo', dtype: 'q4' });
    expect(parseModelSpec('someone/my-whisper-ja')).toMatchObject({ id: 'someone/my-whisper-ja', dtype: 'fp32' });
  });

  it('rejects unknown names and precisions', () => {
    expect(() => parseModelSpec('huge')).toThrow(ModelSpecError);
    expect(() => parseModelSpec('small:q3')).toThrow(/unknown model precision "q3"/);
    expect(() => parseModelSpec('../etc/passwd')).toThrow(ModelSpecError);
  });

  it('required files follow the precision', () => {
    expect(requiredFiles(parseModelSpec('small-q8'))).toContain('onnx/decoder_model_merged_quantized.onnx');
    expect(requiredFiles(parseModelSpec('small'))).toContain('onnx/encoder_model.onnx');
  });
});

describe('resolveModel', () => {
  const spec = parseModelSpec('small');

  it('--model-dir holding <org>/<name>/ or the model folder itself', () => {
    const root = path.join(tmp.dir, 'models-a');
    fakeModel(path.join(root, spec.id), spec);
    expect(resolveModel({ modelDir: root, env: offline })).toMatchObject({ kind: 'local', from: 'model-dir', folder: path.join(root, spec.id) });
    expect(resolveModel({ modelDir: path.join(root, spec.id), env: offline })).toMatchObject({ kind: 'local', folder: path.join(root, spec.id) });
    expect(resolveModel({ env: { ...offline, LIVECOMPLY_MODEL_DIR: root } })).toMatchObject({ kind: 'local', from: 'model-dir' });
  });

  it('an empty model dir: says which folder and which files, and how to get them', () => {
    const empty = path.join(tmp.dir, 'empty');
    mkdirSync(empty);
    const e = thrown(() => resolveModel({ modelDir: empty, env: offline }));
    expect(e).toBeInstanceOf(ModelUnavailableError);
    expect(e.message).toContain(`${path.join(empty, spec.id)} is incomplete: the folder onnx-community/whisper-small/ is not there`);
    expect(e.message).toContain('--model-dir <dir>');
  });

  it('missing files and Git LFS pointers are named', () => {
    const root = path.join(tmp.dir, 'partial');
    fakeModel(path.join(root, spec.id), spec, ['tokenizer.json', 'onnx/encoder_model.onnx']);
    writeFileSync(path.join(root, spec.id, 'onnx/encoder_model.onnx'), 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1\n');
    const e = thrown(() => resolveModel({ modelDir: root, env: offline }));
    expect(e.message).toContain('tokenizer.json is missing');
    expect(e.message).toContain('onnx/encoder_model.onnx is a Git LFS pointer');
    expect(e.message).not.toContain('config.json is missing');
  });

  it('a model dir that does not exist', () => {
    expect(() => resolveModel({ modelDir: path.join(tmp.dir, 'nope'), env: offline })).toThrow(/model folder .*nope \(from --model-dir\) does not exist/);
  });

  it('the cache is used when complete; offline without it gives the full instructions', () => {
    const cache = path.join(tmp.dir, 'cache');
    const e = thrown(() => resolveModel({ cacheDir: cache, env: offline }));
    for (const piece of [
      'onnx-community/whisper-small (fp32)',
      'downloads are off',
      'https://huggingface.co/onnx-community/whisper-small',
      'config.json, generation_config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json, onnx/encoder_model.onnx, onnx/decoder_model_merged.onnx',
      '<dir>/onnx-community/whisper-small/',
      'LIVECOMPLY_MODEL_DIR=<dir>',
      path.join(cache, 'models', 'onnx-community/whisper-small'),
    ]) {
      expect(e.message).toContain(piece);
    }
    fakeModel(path.join(cache, 'models', spec.id), spec);
    expect(resolveModel({ cacheDir: cache, env: offline })).toMatchObject({ kind: 'local', from: 'cache' });
  });

  it('online and not cached: plans a download into <cache>/models', () => {
    const cache = path.join(tmp.dir, 'cache-online');
    expect(resolveModel({ cacheDir: cache, model: 'tiny-q8', env: {} })).toMatchObject({ kind: 'download', modelsDir: path.join(cache, 'models') });
  });

  it('default cache: LIVECOMPLY_CACHE_DIR, else $XDG_CACHE_HOME/livecomply', () => {
    expect(resolveModel({ env: { XDG_CACHE_HOME: '/x/cache' } }).cacheDir).toBe('/x/cache/livecomply');
    expect(resolveModel({ env: { LIVECOMPLY_CACHE_DIR: '/y' } }).cacheDir).toBe('/y');
  });

  it('"fetch failed" from transformers.js becomes the offline instructions', () => {
    const planned = resolveModel({ cacheDir: path.join(tmp.dir, 'c2'), env: {} });
    const e = explainLoadFailure(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') }), planned);
    expect(e.message).toMatch(/could not be reached \(no network\?\)/);
    expect(e.message).toContain('--model-dir <dir>');
    expect(explainLoadFailure(new Error('Could not locate file: "https://huggingface.co/x/y/resolve/main/config.json" (404)'), planned).message).toContain('has no such model');
  });
});
