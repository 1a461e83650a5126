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
import { loadSpeech } from './speech.js';
import type { AuditInput } from './inputs.js';
import { readErrorReason } from '../io/file-errors.js';
import type { Manifest } from '../manifest/model.js';

export type Stage = 'reading' | 'probing' | 'extracting' | 'transcribing' | 'checking';

export interface AuditFileOptions {
  lang: Language | 'auto';
  transcript: 'auto' | 'asr' | 'sidecar';
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  onStage?: (stage: Stage) => void;
  signal?: AbortSignal;
  /** The product manifest for this input (validated before the batch started). */
  manifest?: Manifest;
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

async function wordsOf(input: AuditInput, opts: AuditFileOptions): Promise<Words> {
  opts.onStage?.('reading');
  if (input.kind === 'transcript') {
    const transcript = await readTranscriptFile(input.absolute, input.path);
    return { transcript, source: 'transcript', durationSec: transcriptDuration(transcript) };
  }
  const sidecar = input.sidecars[0];
  if (opts.transcript !== 'asr' && sidecar) {
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
    const findings = await engine.check(words.transcript, language, opts.manifest);
    const report: FileReport = { path: input.path, language, status: 'ok', durationSec: words.durationSec, transcriptSource: words.source, findings };
    if (opts.manifest) report.manifest = opts.manifest.file;
    return {
      report,
      transcript: words.transcript,
    };
  } catch (e) {
    return { report: { path: input.path, language: opts.lang === 'auto' ? null : opts.lang, status: 'error', error: errorMessage(e), durationSec: null, findings: [] } };
  }
}
