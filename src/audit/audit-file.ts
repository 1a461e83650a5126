/**
 * Audit one input: get its words (transcript file, sidecar, cache or local speech recognition),
 * decide its language, check it, and return its part of the report. Never throws: a file that
 * cannot be audited becomes a report entry with status "error" and a sentence a person can act on.
 */
import { readFile } from 'node:fs/promises';
import { detectLanguage } from '../text/detect.js';
import { isLanguage, transcriptDuration, type Language, type Transcript } from '../transcript/model.js';
import { parseTranscript } from '../transcript/parse.js';
import type { FileReport, TranscriptSource } from '../report/model.js';
import type { Engine } from './engine.js';
import { loadSight, loadSpeech } from './speech.js';
import type { AuditInput } from './inputs.js';
import { readErrorReason } from '../io/file-errors.js';

export type Stage = 'reading' | 'probing' | 'extracting' | 'transcribing' | 'ocr' | 'checking';

export interface AuditFileOptions {
  lang: Language | 'auto';
  transcript: 'auto' | 'asr' | 'sidecar' | 'embedded';
  /** Read on-screen text by OCR (media with a video stream; default on). */
  screen?: 'on' | 'off';
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  onStage?: (stage: Stage) => void;
  signal?: AbortSignal;
}

export interface AuditedFile {
  report: FileReport;
  /** The words that were checked (for reports that show the transcript). */
  transcript?: Transcript;
}

async function readTranscriptFile(abs: string, shown: string): Promise<Transcript> {
  let content: string;
  try {
    content = await readFile(abs, 'utf8');
  } catch (e) {
    throw new Error(`${shown}: ${readErrorReason(e)}`);
  }
  return parseTranscript(content, shown);
}

interface Words {
  transcript: Transcript;
  source: TranscriptSource;
  durationSec: number | null;
}

/**
 * Add the text shown on screen (OCR of sampled frames) to the words, for media with a video
 * stream, unless --screen off. Screen segments are marked `source: "screen"`.
 */
async function withScreen(input: AuditInput, words: Words, opts: AuditFileOptions): Promise<Words> {
  if (input.kind === 'transcript' || opts.screen === 'off') return words;
  const sight = await loadSight();
  const bin = { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) };
  let info;
  try {
    info = await sight.probe(input.absolute, bin);
  } catch (e) {
    // The words came from a sidecar beside a recording ffprobe cannot read: audit the words.
    if (words.source === 'sidecar') return words;
    throw e;
  }
  if (!info.hasVideo) return words;
  opts.onStage?.('ocr');
  const language = opts.lang !== 'auto' ? opts.lang : words.transcript.segments.length ? languageOf(words.transcript, 'auto') : undefined;
  const screen = await sight.readScreen(input.absolute, info, { language, ...bin });
  if (screen.segments.length === 0) return words;
  const segments = [...words.transcript.segments, ...screen.segments].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { ...words, transcript: { ...words.transcript, ...(language ? { language } : {}), segments } };
}

async function wordsOf(input: AuditInput, opts: AuditFileOptions): Promise<Words> {
  return withScreen(input, await spokenWordsOf(input, opts), opts);
}

async function spokenWordsOf(input: AuditInput, opts: AuditFileOptions): Promise<Words> {
  opts.onStage?.('reading');
  if (input.kind === 'transcript') {
    const transcript = await readTranscriptFile(input.absolute, input.path);
    return { transcript, source: 'transcript', durationSec: transcriptDuration(transcript) };
  }
  const sidecar = input.sidecars[0];
  if ((opts.transcript === 'auto' || opts.transcript === 'sidecar') && sidecar) {
    const transcript = await readTranscriptFile(sidecar, sidecar === input.absolute ? input.path : sidecarLabel(input, sidecar));
    let durationSec = transcriptDuration(transcript);
    opts.onStage?.('probing');
    try {
      const { probeMedia } = await loadSpeech();
      durationSec = (await probeMedia(input.absolute, mediaOpts(opts))).durationSec ?? durationSec;
    } catch {
      // The words come from the sidecar; a recording ffprobe cannot read still gets audited.
    }
    return { transcript: { ...transcript, durationSec }, source: 'sidecar', durationSec };
  }
  if (opts.transcript === 'sidecar') {
    throw new Error(`no sidecar transcript beside it (looked for the same name with .srt, .vtt, .json or .txt); use --transcript auto or asr to transcribe it locally`);
  }
  if (opts.transcript === 'auto' || opts.transcript === 'embedded') {
    opts.onStage?.('probing');
    const sight = await loadSight();
    const info = await sight.probe(input.absolute, { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) });
    const track = sight.pickSubtitleTrack(info.subtitles, opts.lang);
    if (track) {
      opts.onStage?.('extracting');
      const transcript = await sight.extractSubtitles(input.absolute, track, { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) });
      const durationSec = info.durationSec ?? transcriptDuration(transcript);
      return { transcript: { ...transcript, durationSec }, source: 'embedded', durationSec };
    }
    if (opts.transcript === 'embedded') {
      const image = info.subtitles.filter((t) => !t.text);
      const other = info.subtitles.filter((t) => t.text);
      throw new Error(
        other.length && opts.lang !== 'auto'
          ? `no text subtitle track in ${opts.lang} (its text tracks are tagged ${other.map((t) => t.language ?? 'und').join(', ')}); pass --lang auto or use --transcript auto or asr`
          : image.length
            ? `its subtitle tracks are images (${image.map((t) => t.codec ?? '?').join(', ')}), not text; they are read on screen by OCR with --transcript asr or auto`
            : `no text subtitle track in it (looked for subrip, ass/ssa, mov_text, webvtt); use --transcript auto or asr to transcribe it locally`,
      );
    }
  }
  const { transcribeMedia } = await loadSpeech();
  const r = await transcribeMedia(input.absolute, {
    lang: opts.lang,
    ...mediaOpts(opts),
    ...(opts.model ? { model: opts.model } : {}),
    ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onStage: (s: 'probing' | 'extracting' | 'transcribing') => opts.onStage?.(s),
  });
  return { transcript: r.transcript, source: r.source, durationSec: r.durationSec };
}

function mediaOpts(opts: AuditFileOptions): { ffmpegPath?: string; ffprobePath?: string } {
  const o: { ffmpegPath?: string; ffprobePath?: string } = {};
  if (opts.ffmpegPath) o.ffmpegPath = opts.ffmpegPath;
  if (opts.ffprobePath) o.ffprobePath = opts.ffprobePath;
  return o;
}

function sidecarLabel(input: AuditInput, sidecar: string): string {
  const base = input.path.slice(0, input.path.lastIndexOf('/') + 1);
  const name = sidecar.split(/[\\/]/).pop() ?? sidecar;
  return base + name;
}

export function languageOf(t: Transcript, requested: Language | 'auto'): Language | undefined {
  if (requested !== 'auto') return requested;
  if (t.language && isLanguage(t.language)) return t.language;
  return detectLanguage(t.segments.map((s) => s.text).join('\n'));
}

export function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.trim() || 'unknown error';
}

export async function auditFile(input: AuditInput, engine: Engine, opts: AuditFileOptions): Promise<AuditedFile> {
  try {
    const words = await wordsOf(input, opts);
    const language = languageOf(words.transcript, opts.lang);
    if (!language) {
      return {
        report: {
          path: input.path,
          language: null,
          status: 'error',
          error: 'could not tell the language (no Japanese, Chinese or Korean text found); pass --lang ja, zh or ko',
          durationSec: words.durationSec,
          findings: [],
        },
      };
    }
    opts.onStage?.('checking');
    const findings = await engine.check(words.transcript, language);
    return {
      report: { path: input.path, language, status: 'ok', durationSec: words.durationSec, transcriptSource: words.source, findings },
      transcript: words.transcript,
    };
  } catch (e) {
    return { report: { path: input.path, language: opts.lang === 'auto' ? null : opts.lang, status: 'error', error: errorMessage(e), durationSec: null, findings: [] } };
  }
}
