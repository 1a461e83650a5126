/**
 * The speech side (ffprobe, ffmpeg, Whisper), loaded only when a media file needs it, so auditing
 * transcripts never pays for transformers.js or onnxruntime.
 */
import type { SpeechOptions } from '../asr/transcribe.js';
import type { Transcript } from '../transcript/model.js';

export type { SpeechOptions };

export interface Speech {
  probeMedia(path: string, opts: { ffmpegPath?: string }): Promise<{ durationSec: number | null }>;
  transcribeMedia(path: string, opts: SpeechOptions): Promise<{ transcript: Transcript; source: 'asr' | 'cache'; durationSec: number }>;
}

/** Loaded on first use only (dynamic imports), so auditing transcripts never loads ffmpeg helpers or transformers.js. */
export async function loadSpeech(): Promise<Speech> {
  const [probe, asr] = await Promise.all([import('../media/probe.js'), import('../asr/transcribe.js')]);
  return { probeMedia: probe.probeMedia, transcribeMedia: asr.transcribeMedia };
}

/** The seeing side (subtitle tracks, OCR of the frames), loaded only when a media file needs it. */
export interface Sight {
  probe: typeof import('../media/probe.js').probeMedia;
  pickSubtitleTrack: typeof import('../media/subtitles.js').pickSubtitleTrack;
  extractSubtitles: typeof import('../media/subtitles.js').extractSubtitles;
  readScreen: typeof import('../ocr/screen.js').readScreen;
}

let sightLoaded: Promise<Sight> | undefined;

export function loadSight(): Promise<Sight> {
  sightLoaded ??= Promise.all([import('../media/probe.js'), import('../media/subtitles.js'), import('../ocr/screen.js')]).then(([probe, subs, screen]) => ({
    probe: probe.probeMedia,
    pickSubtitleTrack: subs.pickSubtitleTrack,
    extractSubtitles: subs.extractSubtitles,
    readScreen: screen.readScreen,
  }));
  return sightLoaded;
}

/** Stop the OCR workers of this run, if any were started (they keep the process alive otherwise). */
export async function closeScreen(): Promise<void> {
  if (!sightLoaded) return;
  const { closeOcr } = await import('../ocr/screen.js');
  await closeOcr();
}
