/**
 * Media file → Transcript, on this machine: probe → decode → VAD → chunk → recognise → stitch → guard.
 *
 * Two streaming passes over the decoded audio keep memory flat for multi-hour recordings: the
 * first finds the speech (VAD), the second cuts the planned chunks out of the stream and hands
 * each (≤ 30 s) to the recogniser while ffmpeg waits on the pipe. Chinese is kept as said
 * (Traditional stays Traditional; matching converts later).
 *
 * Results are cached as JSON under <cache>/transcripts/, keyed by the SHA-256 of the file's bytes
 * plus the model, precision, language and the segmentation settings: re-auditing is instant.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCacheEntry } from '../io/cache-entry.js';
import type { LanguageChoice } from '../core/language.js';
import { detectLanguage } from '../text/detect.js';
import { isLanguage, type Language, type Segment, type Transcript } from '../transcript/model.js';
import { decodePcm, SAMPLE_RATE } from '../media/decode.js';
import { MediaError } from '../media/ffmpeg.js';
import { probeMedia, requireAudio } from '../media/probe.js';
import { DEFAULT_VAD, VadStream, type SpeechRegion, type VadOptions } from '../media/vad.js';
import { ChunkCutter, DEFAULT_CHUNKING, DEFAULT_GUARD, guardSegments, planChunks, stitch, type ChunkResult } from './chunks.js';
import { defaultCacheDir, parseModelSpec, resolveModel, type ModelSpec, type ResolvedModel } from './model.js';
import { createWhisper, type Recognizer } from './whisper.js';

/** What a transcription needs to know (the CLI's transcribe command and audit's speech stage pass it). */
export interface SpeechOptions {
  lang: LanguageChoice;
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  ffmpegPath?: string;
  onStage?: (stage: 'probing' | 'extracting' | 'transcribing') => void;
  /** A model download's progress (bytes so far of the total), to show; nothing is shown without it. */
  onDownload?: DownloadListener;
  /** Ctrl-C: stop ffmpeg and the recogniser; the file is reported as interrupted. */
  signal?: AbortSignal;
}

/** Told of a model download's progress: which model, bytes so far, total bytes. */
export type DownloadListener = (label: string, loaded: number, total: number) => void;

/** Bump when a change to decoding, segmentation or stitching should invalidate cached transcripts. */
export const PIPELINE_VERSION = 1;

export interface TranscribeResult {
  transcript: Transcript;
  source: 'asr' | 'cache';
  durationSec: number;
}

/** Makes the recogniser once the model is known (Whisper via transformers.js in production). */
export type RecognizerFactory = (resolved: ResolvedModel) => Promise<Recognizer>;

/** SHA-256 of a file's bytes, streamed (constant memory). */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export interface CacheKeyParts {
  contentSha256: string;
  model: ModelSpec;
  lang: Language | 'auto';
  vad?: Partial<VadOptions>;
}

/** The cache key: changes with the file's content, the model, its precision, the language and the settings. */
export function transcriptCacheKey(p: CacheKeyParts): string {
  const material = JSON.stringify({
    v: PIPELINE_VERSION,
    content: p.contentSha256,
    model: p.model.id,
    dtype: p.model.dtype,
    lang: p.lang,
    vad: { ...DEFAULT_VAD, ...p.vad },
    chunking: DEFAULT_CHUNKING,
    guard: DEFAULT_GUARD,
  });
  return createHash('sha256').update(material).digest('hex');
}

export function cachePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'transcripts', key.slice(0, 2), `${key}.json`);
}

interface CacheEntry {
  version: number;
  key: string;
  durationSec: number;
  transcript: Transcript;
}

function isCacheEntry(v: unknown, key: string): v is CacheEntry {
  const e = v as Partial<CacheEntry> | null;
  return !!e && e.version === PIPELINE_VERSION && e.key === key && typeof e.durationSec === 'number' && !!e.transcript && Array.isArray(e.transcript.segments);
}

async function readCache(file: string, key: string): Promise<CacheEntry | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isCacheEntry(v, key) ? v : undefined;
  } catch {
    return undefined; // missing or damaged: transcribe again
  }
}

async function writeCache(file: string, entry: CacheEntry): Promise<void> {
  // A cache that cannot be written only costs time next run.
  await writeCacheEntry(file, entry);
}

/** Whisper via transformers.js, telling `onDownload` of a model download's progress. */
function whisperFactory(onDownload: DownloadListener | undefined): RecognizerFactory {
  return (resolved) => {
    const label = `${resolved.spec.id} (${resolved.spec.dtype})`;
    return createWhisper(resolved, resolved.kind === 'download' && onDownload ? { onProgress: (loaded, total) => onDownload(label, loaded, total) } : {});
  };
}

/** Pass 1: the speech regions and the decoded length. */
async function findSpeech(file: string, opts: SpeechOptions, streamIndex: number, signal?: AbortSignal): Promise<{ regions: SpeechRegion[]; durationSec: number }> {
  const vad = new VadStream();
  const regions: SpeechRegion[] = [];
  for await (const block of decodePcm(file, { ffmpegPath: opts.ffmpegPath, streamIndex, signal })) regions.push(...vad.push(block));
  regions.push(...vad.end());
  return { regions, durationSec: vad.durationSec };
}

const MIN_TEXT_FOR_DETECTION = 12;

/**
 * The pipeline with the recogniser supplied (tests replay recorded recogniser outputs through it;
 * production passes Whisper). Throws errors that name the file.
 */
export async function transcribeWith(file: string, opts: SpeechOptions & { signal?: AbortSignal }, makeRecognizer: RecognizerFactory): Promise<TranscribeResult> {
  const shown = file;
  opts.onStage?.('probing');
  const info = await probeMedia(file, { ffmpegPath: opts.ffmpegPath, ...(opts.signal ? { signal: opts.signal } : {}) });
  const stream = requireAudio(shown, info);
  const spec = parseModelSpec(opts.model);
  const cacheDir = opts.cacheDir ? path.resolve(opts.cacheDir) : defaultCacheDir();
  const key = transcriptCacheKey({ contentSha256: await hashFile(file), model: spec, lang: opts.lang });
  const cacheFile = cachePath(cacheDir, key);
  const hit = await readCache(cacheFile, key);
  if (hit) return { transcript: hit.transcript, source: 'cache', durationSec: hit.durationSec };

  // Fail before decoding anything when there is no model to be had.
  const resolved = resolveModel({ model: opts.model, modelDir: opts.modelDir, cacheDir });
  opts.onStage?.('extracting');
  const { regions, durationSec: decoded } = await findSpeech(file, opts, stream.index, opts.signal);
  const durationSec = decoded > 0 ? decoded : (info.durationSec ?? 0);
  const chunks = planChunks(regions, durationSec);

  opts.onStage?.('transcribing');
  let segments: Segment[] = [];
  let language: Language | undefined = opts.lang === 'auto' ? undefined : opts.lang;
  if (chunks.length > 0) {
    const recognizer = await makeRecognizer(resolved);
    const results: ChunkResult[] = [];
    let heard = '';
    const recognize = async (chunk: ChunkResult['chunk'], audio: Float32Array) => {
      const segs = await recognizer.recognize(audio, { language });
      results.push({ chunk, segments: segs });
      if (opts.lang === 'auto' && !language) {
        // Whisper guesses the language per chunk; settle it once there is enough text, then force it.
        heard += segs.map((s) => s.text).join('');
        if (heard.replace(/[\s\p{P}]/gu, '').length >= MIN_TEXT_FOR_DETECTION) language = detectLanguage(heard);
      }
    };
    const cutter = new ChunkCutter(chunks, SAMPLE_RATE);
    for await (const block of decodePcm(file, { ffmpegPath: opts.ffmpegPath, streamIndex: stream.index, signal: opts.signal })) {
      for (const c of cutter.push(block)) await recognize(c.chunk, c.audio);
    }
    for (const c of cutter.end()) await recognize(c.chunk, c.audio);
    const spans = chunks.flatMap((c) => c.spans);
    segments = guardSegments(stitch(results, durationSec), spans).kept;
  }
  if (opts.lang === 'auto') {
    const detected = detectLanguage(segments.map((s) => s.text).join('\n'));
    language = detected ?? language;
  }
  const transcript: Transcript = { segments, durationSec, ...(language && isLanguage(language) ? { language } : {}) };
  await writeCache(cacheFile, { version: PIPELINE_VERSION, key, durationSec, transcript });
  return { transcript, source: 'asr', durationSec };
}

/** The speech seam's entry point (see src/audit/speech.ts). */
export function transcribeMedia(file: string, opts: SpeechOptions): Promise<TranscribeResult> {
  return transcribeWith(file, opts, whisperFactory(opts.onDownload));
}

export { MediaError };
