/**
 * Read the text a viewer sees on screen: sample frames, skip what did not change, OCR the changed
 * regions, and merge each line over the frames that showed it into a timed screen segment.
 */
import os from 'node:os';
import type { BinaryOptions } from '../media/ffmpeg.js';
import type { MediaInfo, SubtitleStreamInfo } from '../media/probe.js';
import type { Language, Segment } from '../transcript/model.js';
import { LANGUAGES, languageFromTag } from '../transcript/model.js';
import { ChangeWatcher, thumbnail, type Rect } from './diff.js';
import { cleanOcrText } from './clean.js';
import { frameSize, sampleFrames } from './frames.js';
import { OcrPool, TESSERACT_LANG, toPgm } from './tesseract.js';
import { ScreenTracker, type OcrLine } from './track.js';

export interface ScreenOptions extends BinaryOptions {
  /** The language on screen; undefined reads with all three models (slower). */
  language: Language | undefined;
  /** Samples per second (default 1). */
  fps?: number;
  /** Lines read with less confidence (0–100) are noise (default 80). */
  minConfidence?: number;
  signal?: AbortSignal;
  /** Called after each sampled frame: seconds reached. */
  onFrame?: (t: number) => void;
}

export interface ScreenResult {
  segments: Segment[];
  /** Frames sampled, and frames where something changed and was read. */
  frames: number;
  framesRead: number;
}

const pools = new Map<string, Promise<OcrPool>>();

/**
 * Changed spots smaller than this (pixels) hold no new line of text (a line of two characters
 * with its margin is larger) unless they touch a line on screen (a price digit changing): the
 * flicker of a moving picture is not read.
 */
const MIN_REGION_PX = 48 * 48;

/** Videos longer than this get a second OCR worker (when there is a second core); a worker takes seconds to start. */
const GROW_AFTER_SEC = 30;

/** OCR workers are started once per run and language (about 2 s each) and shared by every file. */
export function ocrPool(language: Language | undefined): Promise<OcrPool> {
  const codes = language ? [TESSERACT_LANG[language]] : LANGUAGES.map((l) => TESSERACT_LANG[l]);
  const key = codes.join('+');
  let p = pools.get(key);
  if (!p) {
    p = OcrPool.create(codes, 1);
    p.catch(() => pools.delete(key));
    pools.set(key, p);
  }
  return p;
}

/** Stop the OCR workers (at the end of a run; they keep the process alive otherwise). */
export async function closeOcr(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.allSettled(all.map(async (p) => (await p).terminate()));
}

/** Keep what OCR read with confidence, tidied for matching. */
export function keepLines(lines: readonly OcrLine[], language: Language | undefined, minConfidence: number): OcrLine[] {
  const out: OcrLine[] = [];
  for (const l of lines) {
    if (l.confidence < minConfidence) continue;
    const text = cleanOcrText(l.text, language ?? 'ja');
    if (text) out.push({ ...l, text });
  }
  return out;
}

/** Image subtitle codecs ffmpeg can draw onto the picture (Blu-ray PGS, DVB, DVD). */
const IMAGE_SUBTITLE_CODECS: ReadonlySet<string> = new Set(['hdmv_pgs_subtitle', 'dvb_subtitle', 'dvd_subtitle']);

/**
 * The image subtitle track drawn onto the frames before OCR: the one tagged with the language
 * read (the default track first), else the default track, else the first one tagged with a
 * language we audit, else the first.
 */
export function pickImageSubtitleTrack(tracks: readonly SubtitleStreamInfo[], language: Language | undefined): SubtitleStreamInfo | undefined {
  const image = tracks.filter((t) => !t.text && IMAGE_SUBTITLE_CODECS.has(t.codec ?? ''));
  const lang = (t: SubtitleStreamInfo) => (t.language === null ? undefined : languageFromTag(t.language));
  const preferDefault = (ts: SubtitleStreamInfo[]) => ts.find((t) => t.default) ?? ts[0];
  return (language ? preferDefault(image.filter((t) => lang(t) === language)) : undefined) ?? image.find((t) => t.default) ?? image.find((t) => lang(t) !== undefined) ?? image[0];
}

export async function readScreen(file: string, info: MediaInfo, opts: ScreenOptions): Promise<ScreenResult> {
  const fps = opts.fps ?? 1;
  const minConfidence = opts.minConfidence ?? 80;
  const size = frameSize(info.video?.width ?? null, info.video?.height ?? null);
  const imageSubs = pickImageSubtitleTrack(info.subtitles, opts.language);
  const pool = await ocrPool(opts.language);
  if ((info.durationSec ?? 0) > GROW_AFTER_SEC) pool.grow(Math.max(1, Math.min(2, os.availableParallelism())));
  const tracker = new ScreenTracker({ rejoinSec: 2 / fps });
  const watcher = new ChangeWatcher();
  let frames = 0;
  let framesRead = 0;
  // Frames are read on every worker at once, and their lines handed to the tracker in order.
  const pending: { t: number; read: (Rect & { since?: number })[]; lines: Promise<OcrLine[]> }[] = [];
  const settle = async (keep: number) => {
    while (pending.length > keep) {
      const p = pending.shift()!;
      tracker.frame(p.t, p.read, keepLines(await p.lines, opts.language, minConfidence));
      opts.onFrame?.(p.t);
    }
  };
  try {
    for await (const { t, frame } of sampleFrames(file, {
      fps,
      ...size,
      videoIndex: info.video?.index,
      overlaySubtitleIndex: imageSubs?.index,
      videoSize: info.video?.width && info.video.height ? { width: info.video.width, height: info.video.height } : undefined,
      subtitleSize: imageSubs?.width && imageSubs.height ? { width: imageSubs.width, height: imageSubs.height } : undefined,
      ...(opts.ffmpegPath ? { ffmpegPath: opts.ffmpegPath } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    })) {
      frames++;
      const changed = watcher.next(thumbnail(frame));
      // Regions that have held still for a while (an overlay over the moving picture) say since when.
      const fresh = changed.filter((r) => r.heldFor === 0 && (r.width * r.height >= MIN_REGION_PX || tracker.touches(r)));
      const held = changed.filter((r) => r.heldFor > 0).map((r) => ({ ...r, since: Math.max(0, t - r.heldFor / fps) }));
      const read = [...(fresh.length ? tracker.regionsToRead(fresh) : []), ...held];
      if (read.length) framesRead++;
      pending.push({ t, read, lines: read.length ? pool.read(toPgm(frame), read) : Promise.resolve([]) });
      // Keep every worker busy, but hold no more frames than there are workers.
      await settle(pool.size);
    }
    await settle(0);
  } finally {
    // On an error, let the reads in flight finish before the workers are reused.
    await Promise.allSettled(pending.map((p) => p.lines));
  }
  const segments: Segment[] = tracker.end().map((s) => ({ start: s.start, end: s.end, text: s.text, source: 'screen' as const }));
  return { segments, frames, framesRead };
}
