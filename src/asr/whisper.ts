/**
 * The recogniser boundary: transformers.js's Whisper pipeline in, our segments out.
 *
 * Output shape (transformers.js 4.3.1, AutomaticSpeechRecognitionPipeline._call_whisper in
 * src/pipelines/automatic-speech-recognition.js and WhisperTokenizer._decode_asr in
 * src/models/whisper/tokenization_whisper.js):
 *   { text: string, chunks?: { text: string, timestamp: [start: number|null, end: number|null] }[] }
 * With return_timestamps: true the chunks are sentence-ish segments; the last one's end is null
 * when Whisper stopped without a closing timestamp (audio cut mid-word). With 'word' the chunks
 * are words (leading space for space-separated languages, none for ja/zh), and a word's end can
 * be null too. Timestamps are seconds from the start of the audio given, rounded to 0.01 s.
 * `convertAsrOutput` is pure and tested against recorded outputs in test/fixtures/asr/.
 */
import type { Language } from '../transcript/model.js';
import type { RawSegment, RawWord } from './chunks.js';
import { makeDir } from '../io/make-dir.js';
import { explainLoadFailure, type ResolvedModel } from './model.js';

export interface AsrPipelineChunk {
  text: string;
  timestamp: readonly (number | null)[];
}
export interface AsrPipelineOutput {
  text: string;
  chunks?: AsrPipelineChunk[];
}

export function isAsrOutput(v: unknown): v is AsrPipelineOutput {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { text?: unknown; chunks?: unknown };
  if (typeof o.text !== 'string') return false;
  if (o.chunks === undefined) return true;
  return (
    Array.isArray(o.chunks) &&
    o.chunks.every((c: unknown) => {
      const ch = c as { text?: unknown; timestamp?: unknown };
      return typeof c === 'object' && c !== null && typeof ch.text === 'string' && Array.isArray(ch.timestamp) && ch.timestamp.length === 2 && ch.timestamp.every((t: unknown) => t === null || typeof t === 'number');
    })
  );
}

export interface ConvertOptions {
  /** Seconds of audio the pipeline was given (ends are clamped to it; a null last end becomes it). */
  durationSec: number;
  /** The chunks are words (return_timestamps: 'word'). */
  wordLevel: boolean;
  /** With word-level output, start a new segment after a pause this long… */
  maxWordGapSec?: number;
  /** …or once a segment is this long. */
  maxSegmentSec?: number;
}

const SENTENCE_END = /[。！？!?．.…]$/u;

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function cleanText(t: string): string {
  return t.replace(/\s+/g, ' ').trim();
}

/** Pipeline output → segments with times relative to the audio given to the pipeline. */
export function convertAsrOutput(out: AsrPipelineOutput, opts: ConvertOptions): RawSegment[] {
  const dur = Math.max(0, opts.durationSec);
  const clampT = (t: number) => Math.min(dur, Math.max(0, t));
  const chunks = out.chunks ?? [];
  if (chunks.length === 0) {
    const text = cleanText(out.text);
    return text ? [{ start: 0, end: dur, text }] : [];
  }
  // Fill null starts/ends from the neighbours; the last null end is the end of the audio.
  const timed: { start: number; end: number; text: string }[] = [];
  chunks.forEach((c, i) => {
    // Text placed after the audio ended was not heard: Whisper made it up.
    if (dur > 0 && finite(c.timestamp[0]) && c.timestamp[0] >= dur) return;
    const prevEnd = timed[timed.length - 1]?.end ?? 0;
    const rawStart = c.timestamp[0];
    const rawEnd = c.timestamp[1];
    const start = clampT(finite(rawStart) ? rawStart : prevEnd);
    let nextStart: number | undefined;
    for (let j = i + 1; j < chunks.length && nextStart === undefined; j++) {
      const s = chunks[j]!.timestamp[0];
      if (finite(s)) nextStart = s;
    }
    const end = clampT(finite(rawEnd) ? rawEnd : (nextStart ?? dur));
    timed.push({ start, end: Math.max(start, end), text: c.text });
  });
  if (!opts.wordLevel) {
    return timed.map((t) => ({ start: t.start, end: t.end, text: cleanText(t.text) })).filter((s) => s.text !== '');
  }
  const maxGap = opts.maxWordGapSec ?? 1.0;
  const maxLen = opts.maxSegmentSec ?? 15;
  const segments: RawSegment[] = [];
  let words: RawWord[] = [];
  const flush = () => {
    const text = cleanText(words.map((w) => w.text).join(''));
    if (text) {
      segments.push({
        start: words[0]!.start,
        end: words[words.length - 1]!.end,
        text,
        words: words.map((w) => ({ ...w, text: w.text.trim() })).filter((w) => w.text !== ''),
      });
    }
    words = [];
  };
  for (const w of timed) {
    const last = words[words.length - 1];
    if (last && (w.start - (last.end ?? last.start) > maxGap || w.start - words[0]!.start > maxLen)) flush();
    words.push({ start: w.start, end: w.end, text: w.text });
    if (SENTENCE_END.test(w.text.trim())) flush();
  }
  flush();
  return segments;
}

/** Whisper's language names (transformers.js accepts the code too, but names are unambiguous). */
const WHISPER_LANGUAGE: Record<Language, string> = { ja: 'japanese', zh: 'chinese', ko: 'korean' };

export interface Recognizer {
  readonly modelId: string;
  /** Transcribe 16 kHz mono samples (at most 30 s); times in the result are relative to them. */
  recognize(audio: Float32Array, opts: { language?: Language | undefined }): Promise<RawSegment[]>;
}

/** The loaded pipeline, as far as we use it (one instance per model per process, shared by all files). */
type AsrCall = (audio: Float32Array, opts: Record<string, unknown>) => Promise<unknown>;

export interface LoadOptions {
  /** Download progress (bytes so far, total bytes, file name). */
  onProgress?: (loaded: number, total: number, file: string) => void;
}

const loaded = new Map<string, Promise<AsrCall>>();

async function loadPipeline(resolved: ResolvedModel, opts: LoadOptions): Promise<AsrCall> {
  const key = `${resolved.kind}:${resolved.folder}:${resolved.spec.dtype}`;
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      const tf = await import('@huggingface/transformers');
      // Its warnings go to the console; stdout may be carrying a report.
      tf.env.logLevel = tf.LogLevel.ERROR;
      tf.env.useFSCache = true;
      tf.env.allowLocalModels = true;
      let modelRef: string;
      if (resolved.kind === 'local') {
        // An absolute folder is read as a local path, never fetched.
        tf.env.allowRemoteModels = false;
        modelRef = resolved.folder;
      } else {
        tf.env.allowRemoteModels = true;
        tf.env.cacheDir = resolved.modelsDir;
        // transformers.js makes its cache folders with Node's recursive mkdir, which never returns
        // under /proc: make the top one here, and download without keeping the files when it cannot be.
        tf.env.useFSCache = await makeDir(resolved.modelsDir).then(() => true, () => false);
        modelRef = resolved.spec.id;
      }
      const files = new Map<string, { loaded: number; total: number }>();
      const asr = await tf.pipeline('automatic-speech-recognition', modelRef, {
        dtype: resolved.spec.dtype,
        device: 'cpu',
        ...(resolved.kind === 'download' ? { cache_dir: resolved.modelsDir } : { local_files_only: true }),
        progress_callback: (info: { status: string; file?: string; loaded?: number; total?: number }) => {
          if (info.status !== 'progress' || !info.file || !opts.onProgress) return;
          files.set(info.file, { loaded: info.loaded ?? 0, total: info.total ?? 0 });
          let l = 0;
          let t = 0;
          for (const f of files.values()) {
            l += f.loaded;
            t += f.total;
          }
          opts.onProgress(l, t, info.file);
        },
      });
      return asr as unknown as AsrCall;
    })();
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  try {
    return await p;
  } catch (e) {
    throw explainLoadFailure(e, resolved);
  }
}

/** Load Whisper through transformers.js (once per model per process) and wrap it. */
export async function createWhisper(resolved: ResolvedModel, opts: LoadOptions = {}): Promise<Recognizer> {
  const asr = await loadPipeline(resolved, opts);
  // Word timestamps need the model's alignment heads (cross-attentions); without them, fall back to segments.
  let wordLevel = true;
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (audio: Float32Array, language: Language | undefined): Promise<RawSegment[]> => {
    const base: Record<string, unknown> = { task: 'transcribe', ...(language ? { language: WHISPER_LANGUAGE[language] } : {}) };
    let out: unknown;
    if (wordLevel) {
      try {
        out = await asr(audio, { ...base, return_timestamps: 'word' });
      } catch {
        wordLevel = false;
      }
    }
    if (!wordLevel) out = await asr(audio, { ...base, return_timestamps: true });
    if (!isAsrOutput(out)) throw new Error('the speech model returned output in an unexpected shape');
    return convertAsrOutput(out, { durationSec: audio.length / 16_000, wordLevel });
  };
  return {
    modelId: resolved.spec.id,
    recognize(audio, o) {
      // One inference at a time per model: onnxruntime already uses every core.
      const p = queue.then(() => run(audio, o.language));
      queue = p.catch(() => undefined);
      return p;
    },
  };
}
