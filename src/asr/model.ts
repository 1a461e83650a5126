/**
 * Which speech model, and where its files are. Resolution order:
 *   1. --model-dir / LIVECOMPLY_MODEL_DIR: the model folder itself, or a folder holding <org>/<name>/;
 *   2. the cache (--cache-dir / LIVECOMPLY_CACHE_DIR, default $XDG_CACHE_HOME/livecomply or
 *      ~/.cache/livecomply): <cache>/models/<org>/<name>/;
 *   3. a download from the Hugging Face hub into that cache (unless offline: LIVECOMPLY_OFFLINE,
 *      HF_HUB_OFFLINE or TRANSFORMERS_OFFLINE set).
 * When none works, ModelUnavailableError says exactly how to put the model on an offline machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from '../io/cache-dir.js';

export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
const DTYPES: readonly ModelDtype[] = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4'];
/** File-name suffixes transformers.js uses per dtype (DEFAULT_DTYPE_SUFFIX_MAPPING in src/utils/dtypes.js). */
const SUFFIX: Record<ModelDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', int8: '_int8', uint8: '_uint8', q4: '_q4' };

export const PRESETS: Readonly<Record<string, string>> = {
  tiny: 'onnx-community/whisper-tiny',
  base: 'onnx-community/whisper-base',
  small: 'onnx-community/whisper-small',
  'large-v3-turbo': 'onnx-community/whisper-large-v3-turbo',
};
export const DEFAULT_MODEL = 'small';

export interface ModelSpec {
  /** Hub id, e.g. onnx-community/whisper-small. */
  id: string;
  dtype: ModelDtype;
  /** As the user wrote it (or the default). */
  label: string;
}

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

/** A --model value that is not a preset, an org/name id, or has an unknown precision. */
export class ModelSpecError extends Error {
  override name = 'ModelSpecError';
}

/**
 * `small`, `small-q8`, `small:q8`, `base-fp16`, `onnx-community/whisper-small`,
 * `onnx-community/whisper-small:q8` → id and precision (default fp32).
 */
export function parseModelSpec(value?: string): ModelSpec {
  const label = (value ?? DEFAULT_MODEL).trim();
  let name = label;
  let dtype: ModelDtype = 'fp32';
  const colon = label.lastIndexOf(':');
  if (colon > 0) {
    const d = label.slice(colon + 1);
    if (!(DTYPES as readonly string[]).includes(d)) throw new ModelSpecError(`unknown model precision "${d}" in --model ${label} (choose from ${DTYPES.join(', ')})`);
    dtype = d as ModelDtype;
    name = label.slice(0, colon);
  } else if (!name.includes('/')) {
    const m = /^(.+)-(fp32|fp16|q8|int8|uint8|q4)$/.exec(name);
    if (m && PRESETS[m[1]!]) {
      name = m[1]!;
      dtype = m[2] as ModelDtype;
    }
  }
  const preset = PRESETS[name.toLowerCase()];
  if (preset) return { id: preset, dtype, label };
  if (/^[\w.-]+\/[\w.-]+$/.test(name) && !name.includes('..')) return { id: name, dtype, label };
  throw new ModelSpecError(`unknown model "${label}": use ${Object.keys(PRESETS).join(', ')} (optionally with -q8, -fp16, …), or a Hugging Face id like onnx-community/whisper-small[:q8]`);
}

/** The files transformers.js loads for a Whisper model (config, tokenizer, processor, encoder and merged decoder). */
export function requiredFiles(spec: ModelSpec): string[] {
  const sfx = SUFFIX[spec.dtype];
  return [
    'config.json',
    'generation_config.json',
    'preprocessor_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/encoder_model${sfx}.onnx`,
    `onnx/decoder_model_merged${sfx}.onnx`,
  ];
}

export { defaultCacheDir };

export function isOffline(env: NodeJS.ProcessEnv = process.env): boolean {
  const on = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  return on(env.LIVECOMPLY_OFFLINE) || on(env.HF_HUB_OFFLINE) || on(env.TRANSFORMERS_OFFLINE);
}

export interface ResolveOptions {
  model?: string | undefined;
  modelDir?: string | undefined;
  cacheDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export type ResolvedModel =
  | { spec: ModelSpec; kind: 'local'; from: 'model-dir' | 'cache'; folder: string; cacheDir: string }
  | { spec: ModelSpec; kind: 'download'; cacheDir: string; modelsDir: string; folder: string };

/** Problems with a candidate folder's files (missing, empty, Git LFS pointers), or [] when complete. */
export function folderProblems(folder: string, spec: ModelSpec): string[] {
  const problems: string[] = [];
  for (const f of requiredFiles(spec)) {
    const p = path.join(folder, f);
    let size: number;
    try {
      const st = statSync(p);
      if (!st.isFile()) {
        problems.push(`${f} is not a file`);
        continue;
      }
      size = st.size;
    } catch {
      problems.push(`${f} is missing`);
      continue;
    }
    if (size === 0) problems.push(`${f} is empty`);
    else if (f.endsWith('.onnx') && size < 2048) {
      const head = readFileSync(p, 'utf8').slice(0, 64);
      problems.push(head.startsWith('version https://git-lfs') ? `${f} is a Git LFS pointer, not the model (run git lfs pull in that folder)` : `${f} is too small to be a model (${size} bytes)`);
    }
  }
  return problems;
}

function modelsDir(cacheDir: string): string {
  return path.join(cacheDir, 'models');
}

/** How to get the model onto a machine without internet (the text of the offline error). */
export function offlineHelp(spec: ModelSpec, cacheDir: string): string {
  const files = requiredFiles(spec);
  return (
    `To use livecomply offline, download ${spec.id} (${spec.dtype}) on a machine with internet ` +
    `(e.g. git clone https://huggingface.co/${spec.id}, with git-lfs) and copy these files — ${files.join(', ')} — ` +
    `into <dir>/${spec.id}/ keeping the onnx/ subfolder; then run with --model-dir <dir> (or set LIVECOMPLY_MODEL_DIR=<dir>), ` +
    `or copy them into the cache folder ${path.join(modelsDir(cacheDir), spec.id)}/. ` +
    `Or put a transcript beside the recording (same name, .srt/.vtt/.json/.txt).`
  );
}

/** Find the model's files locally, or plan a download; throws ModelUnavailableError when neither is possible. */
export function resolveModel(opts: ResolveOptions = {}): ResolvedModel {
  const env = opts.env ?? process.env;
  const spec = parseModelSpec(opts.model);
  const cacheDir = opts.cacheDir ? path.resolve(opts.cacheDir) : defaultCacheDir(env);
  const modelDir = opts.modelDir ?? env.LIVECOMPLY_MODEL_DIR;
  if (modelDir) {
    const root = path.resolve(modelDir);
    if (!existsSync(root)) {
      throw new ModelUnavailableError(`model folder ${root} (from ${opts.modelDir ? '--model-dir' : 'LIVECOMPLY_MODEL_DIR'}) does not exist. ${offlineHelp(spec, cacheDir)}`);
    }
    // Either the model folder itself, or a folder of models laid out as <org>/<name>/.
    const candidates = existsSync(path.join(root, 'config.json')) ? [root] : [path.join(root, spec.id)];
    const folder = candidates[0]!;
    const problems = existsSync(folder) ? folderProblems(folder, spec) : [`the folder ${spec.id}/ is not there`];
    if (problems.length === 0) return { spec, kind: 'local', from: 'model-dir', folder, cacheDir };
    throw new ModelUnavailableError(`model ${spec.id} (${spec.dtype}) in ${folder} is incomplete: ${problems.join('; ')}. ${offlineHelp(spec, cacheDir)}`);
  }
  const cached = path.join(modelsDir(cacheDir), spec.id);
  if (existsSync(cached) && folderProblems(cached, spec).length === 0) return { spec, kind: 'local', from: 'cache', folder: cached, cacheDir };
  if (isOffline(env)) {
    throw new ModelUnavailableError(`no speech model: ${spec.id} (${spec.dtype}) is not in the cache (${cached}) and downloads are off (offline mode). ${offlineHelp(spec, cacheDir)}`);
  }
  return { spec, kind: 'download', cacheDir, modelsDir: modelsDir(cacheDir), folder: cached };
}

/** Turn a model-loading failure (often just "fetch failed") into the offline instructions. */
export function explainLoadFailure(e: unknown, resolved: ResolvedModel): ModelUnavailableError {
  const msg = e instanceof Error ? `${e.message}${(e as { cause?: unknown }).cause instanceof Error ? ` (${((e as { cause: Error }).cause).message})` : ''}` : String(e);
  const { spec, cacheDir } = resolved;
  if (resolved.kind === 'download') {
    const network = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network|getaddrinfo|socket/i.test(msg);
    const notFound = /\b(401|403|404)\b|not found|Unauthorized/i.test(msg);
    const why = network
      ? 'the Hugging Face hub could not be reached (no network?)'
      : notFound
        ? `the hub has no such model or files (check the id and precision: ${spec.label})`
        : `the download failed (${msg})`;
    return new ModelUnavailableError(`no speech model: ${spec.id} (${spec.dtype}) is not in the cache and ${why}. ${offlineHelp(spec, cacheDir)}`);
  }
  return new ModelUnavailableError(`speech model in ${resolved.folder} could not be loaded (${msg}); the files may be damaged or from another precision. ${offlineHelp(spec, cacheDir)}`);
}
