/**
 * Audit one input: get its words (transcript file, sidecar, cache or local speech recognition),
 * decide its language, check it, and return its part of the report. Never throws: a file that
 * cannot be audited becomes a report entry with status "error" and a sentence a person can act on.
 */
import { detectLanguage, planLanguages, type Declared } from '../text/detect.js';
import { decodeText } from '../transcript/decode.js';
import { isLanguage, transcriptDuration, type Language, type Transcript } from '../transcript/model.js';
import { parseTranscript } from '../transcript/parse.js';
import { splitLongSegments } from '../transcript/split.js';
import { formatClock } from '../transcript/clock.js';
import { MAX_BYTES, readRegularFile } from '../io/read-file.js';
import type { FileReport, Finding, TranscriptSource } from '../report/model.js';
import type { LanguageChoice } from '../core/language.js';
import type { ScreenChoice, TranscriptChoice } from '../core/choices.js';
import type { DownloadListener } from '../asr/transcribe.js';
import type { Engine } from './engine.js';
import { loadSight, loadSpeech } from './speech.js';
import type { AuditInput } from './inputs.js';
import { readErrorReason } from '../io/file-errors.js';
import type { Manifest } from '../manifest/model.js';
import type { MediaInfo } from '../media/probe.js';

export type Stage = 'reading' | 'probing' | 'extracting' | 'transcribing' | 'ocr' | 'checking';

export interface AuditFileOptions {
  lang: LanguageChoice;
  /** Where a `lang` other than auto came from, for warnings (`--lang`, `lang: in livecomply.config.yaml`). */
  langFrom?: string;
  transcript: TranscriptChoice;
  /** Read on-screen text by OCR (media with a video stream; default on). */
  screen?: ScreenChoice;
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  ffmpegPath?: string;
  /** A model download's progress, to show (the CLI draws it on stderr). */
  onDownload?: DownloadListener;
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

async function readTranscriptFile(abs: string, shown: string): Promise<{ transcript: Transcript; encoding: string }> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(abs, MAX_BYTES.transcript);
  } catch (e) {
    throw new Error(`${shown}: ${readErrorReason(e)}`);
  }
  const { text, encoding } = decodeText(bytes, shown);
  return { transcript: parseTranscript(text, shown), encoding };
}

interface Words {
  transcript: Transcript;
  source: TranscriptSource;
  durationSec: number | null;
  encoding?: string;
  warnings: string[];
  /** The media probe, when one was made for the words (the screen stage reuses it). */
  probed?: MediaInfo;
  /** Whether the text on screen was read (a video, --screen on). */
  screenRead?: boolean;
  /** Nothing could be said: the recording has no audio stream. */
  speechless?: boolean;
}

/**
 * Add the text shown on screen (OCR of sampled frames) to the words, for media with a video
 * stream, unless --screen off. Screen segments are marked `source: "screen"`.
 */
async function withScreen(input: AuditInput, words: Words, opts: AuditFileOptions): Promise<Words> {
  if (input.kind === 'transcript' || opts.screen === 'off') return words;
  const sight = await loadSight();
  const bin = { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) };
  let info = words.probed;
  try {
    info ??= await sight.probe(input.absolute, bin);
  } catch (e) {
    // The words came from a sidecar beside a recording ffprobe cannot read: audit the words.
    if (words.source === 'sidecar') return words;
    throw e;
  }
  if (!info.hasVideo) return words;
  opts.onStage?.('ocr');
  const spoken = words.transcript.segments.some((s) => s.text.trim() !== '');
  const language = opts.lang !== 'auto' ? opts.lang : spoken ? languageOf(words.transcript, 'auto') : undefined;
  const screen = await sight.readScreen(input.absolute, info, { language, ...bin });
  if (screen.segments.length === 0) return { ...words, screenRead: true };
  const warnings = [...words.warnings];
  // Words only from the screen: say why, so an empty speech side is not mistaken for a clean one.
  if (words.speechless) warnings.push('the recording has no audio stream, so nothing was said to check; only the text shown on screen was checked');
  else if (!spoken && (words.source === 'asr' || words.source === 'cache')) warnings.push('no speech was recognised in this recording; only the text shown on screen was checked');
  const segments = [...words.transcript.segments, ...screen.segments].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { ...words, warnings, screenRead: true, transcript: { ...words.transcript, ...(language ? { language } : {}), segments } };
}

async function wordsOf(input: AuditInput, opts: AuditFileOptions): Promise<Words> {
  return withScreen(input, await spokenWordsOf(input, opts), opts);
}

async function spokenWordsOf(input: AuditInput, opts: AuditFileOptions): Promise<Words> {
  opts.onStage?.('reading');
  if (input.kind === 'transcript') {
    const { transcript, encoding } = await readTranscriptFile(input.absolute, input.path);
    return { transcript, source: 'transcript', durationSec: transcriptDuration(transcript), encoding, warnings: [] };
  }
  const sidecar = input.sidecars[0];
  if ((opts.transcript === 'auto' || opts.transcript === 'sidecar') && sidecar) return sidecarWords(input, sidecar, opts);
  if (opts.transcript === 'sidecar') {
    throw new Error(`no sidecar transcript beside it (looked for the same name with .srt, .vtt, .json or .txt); use --transcript auto or asr to transcribe it locally`);
  }
  let probed: MediaInfo | undefined;
  if (opts.transcript === 'auto' || opts.transcript === 'embedded') {
    opts.onStage?.('probing');
    const sight = await loadSight();
    const info = await sight.probe(input.absolute, { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) });
    probed = info;
    const track = sight.pickSubtitleTrack(info.subtitles, opts.lang);
    if (track) {
      opts.onStage?.('extracting');
      const transcript = await sight.extractSubtitles(input.absolute, track, { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) });
      const durationSec = info.durationSec ?? transcriptDuration(transcript);
      return { transcript: { ...transcript, durationSec }, source: 'embedded', durationSec, warnings: [] };
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
  if (opts.screen !== 'off') {
    // A video without an audio stream has nothing to transcribe, but its screen may still have words:
    // audit what it shows (speech recognition would stop at the missing audio before the screen is read).
    if (!probed) {
      opts.onStage?.('probing');
      // A file ffprobe cannot read fails below, with speech recognition's own message.
      probed = await (await loadSight()).probe(input.absolute, { ...mediaOpts(opts), ...(opts.signal ? { signal: opts.signal } : {}) }).catch(() => undefined);
    }
    if (probed?.hasVideo && probed.audio.length === 0) {
      return { transcript: { segments: [], durationSec: probed.durationSec }, source: 'asr', durationSec: probed.durationSec, warnings: [], probed, speechless: true };
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
    ...(opts.onDownload ? { onDownload: opts.onDownload } : {}),
    onStage: (s: 'probing' | 'extracting' | 'transcribing') => opts.onStage?.(s),
  }).catch((e: unknown) => {
    // With --transcript asr the transcript beside it was passed over on purpose: say so rather than advise adding one.
    if (!sidecar) throw e;
    const msg = errorMessage(e).replace(/[,;.]?\s*or put a transcript beside (?:it|the recording) \(same name, [^)]*\)\.?/i, '.');
    throw new Error(`${msg} The transcript beside it (${sidecarLabel(input, sidecar)}) was not used because of --transcript asr; use --transcript auto to audit it instead.`);
  });
  return { transcript: r.transcript, source: r.source, durationSec: r.durationSec, warnings: [], ...(probed ? { probed } : {}) };
}

/** The words of a recording from the transcript beside it, with the recording's own duration when ffprobe can read it. */
async function sidecarWords(input: AuditInput, sidecar: string, opts: AuditFileOptions): Promise<Words> {
  const label = sidecar === input.absolute ? input.path : sidecarLabel(input, sidecar);
  const { transcript, encoding } = await readTranscriptFile(sidecar, label);
  const spoken = transcriptDuration(transcript);
  let durationSec = spoken;
  const warnings: string[] = [];
  opts.onStage?.('probing');
  try {
    const { probeMedia } = await loadSpeech();
    const probed = (await probeMedia(input.absolute, mediaOpts(opts))).durationSec;
    if (probed != null && spoken != null && spoken > probed + 1) {
      warnings.push(`the transcript beside it (${label}) runs to ${formatClock(spoken, '.')}, past the end of the recording (${formatClock(probed, '.')}): is it this recording's transcript?`);
    }
    durationSec = probed ?? durationSec;
  } catch {
    // The words come from the sidecar; a recording ffprobe cannot read still gets audited.
  }
  return { transcript: { ...transcript, durationSec }, source: 'sidecar', durationSec, encoding, warnings };
}

/** The line of the cue being said at `f.start` (else the next one, else the last). */
function setLine(f: Finding, t: Transcript): void {
  let line: number | undefined;
  for (const s of t.segments) {
    if (s.line === undefined) continue;
    line = s.line;
    if ((s.end ?? s.start ?? 0) >= (f.start ?? 0)) break;
  }
  if (line !== undefined) f.line = line;
}

/** Word timestamps outside their segment (a broken export): used as given, but worth a warning. */
function wordTimeWarnings(t: Transcript): string[] {
  let count = 0;
  let firstLine: number | undefined;
  for (const s of t.segments) {
    if (s.start === null || s.end === null || !s.words) continue;
    for (const w of s.words) {
      if (w.start < s.start - 0.5 || w.end > s.end + 0.5) {
        count++;
        firstLine ??= s.line;
      }
    }
  }
  if (count === 0) return [];
  return [`${count} word timestamp(s) lie outside their segment's start and end${firstLine !== undefined ? ` (first at line ${firstLine})` : ''}; findings are timed by the words as given`];
}

function mediaOpts(opts: AuditFileOptions): { ffmpegPath?: string } {
  return opts.ffmpegPath ? { ffmpegPath: opts.ffmpegPath } : {};
}

function sidecarLabel(input: AuditInput, sidecar: string): string {
  const base = input.path.slice(0, input.path.lastIndexOf('/') + 1);
  const name = sidecar.split(/[\\/]/).pop() ?? sidecar;
  return base + name;
}

/** The language declared for a transcript, and by what: the command line or configuration, else the transcript itself. */
export function declaredLanguage(t: Transcript, requested: Language | 'auto', requestedBy = '--lang'): Declared | undefined {
  if (requested !== 'auto') return { language: requested, by: requestedBy };
  if (t.language && isLanguage(t.language)) return { language: t.language, by: 'the transcript\'s "language"' };
  return undefined;
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
    const extra = words.encoding ? { encoding: words.encoding } : {};
    const fail = (error: string): AuditedFile => ({
      report: { path: input.path, language: null, status: 'error', error, durationSec: words.durationSec, ...extra, findings: [] },
    });
    if (!words.transcript.segments.some((s) => s.text.trim() !== '')) {
      const screen = words.screenRead ? ' and no text was read on screen' : '';
      return fail(
        words.speechless
          ? `the recording has no audio stream${screen}, so nothing was checked`
          : words.source === 'asr' || words.source === 'cache'
            ? `no speech was recognised in this recording${screen}, so nothing was checked`
            : `the transcript has no words (it is empty or has only blank cues)${screen}, so nothing was checked`,
      );
    }
    const transcript = splitLongSegments(words.transcript);
    const plan = planLanguages(
      transcript.segments.map((s) => s.text),
      declaredLanguage(words.transcript, opts.lang, opts.langFrom),
    );
    if (!plan) return fail('could not tell the language (no Japanese, Chinese or Korean text found); pass --lang ja, zh or ko');
    opts.onStage?.('checking');
    const { findings, notes } = await engine.checkPlan(transcript, plan, opts.manifest, {
      screenRead: words.screenRead === true,
      screenNotRead: input.kind === 'transcript' ? 'a transcript file' : opts.screen === 'off' ? '--screen off' : 'no video stream',
    });
    // A transcript file's timed findings all get a line (SARIF viewers place results by line): a missing
    // disclosure's window by the cue said when it opens.
    if (input.kind === 'transcript') for (const f of findings) if (f.line === undefined && f.start !== null) setLine(f, words.transcript);
    const warnings = [...(plan.warning ? [plan.warning] : []), ...words.warnings, ...wordTimeWarnings(words.transcript), ...notes];
    const report: FileReport = { path: input.path, language: plan.primary, status: 'ok', durationSec: words.durationSec, transcriptSource: words.source, ...extra, findings };
    if (opts.manifest) report.manifest = opts.manifest.file;
    if (plan.languages.length > 1) report.languages = plan.languages;
    if (warnings.length) report.warnings = warnings;
    return { report, transcript: words.transcript };
  } catch (e) {
    return {
      report: { path: input.path, language: opts.lang === 'auto' ? null : opts.lang, status: 'error', error: errorMessage(e), durationSec: null, findings: [] },
    };
  }
}
