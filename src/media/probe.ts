/**
 * ffprobe a media file: duration and audio streams, with errors a person can act on (no such
 * file, empty, not media, truncated/corrupt, no audio stream). One ffprobe run per file.
 */
import { open, stat } from 'node:fs/promises';
import { mediaContainer } from './container.js';
import { inputArg, lastLines, locate, MediaError, runTool, type BinaryOptions } from './ffmpeg.js';
import { readErrorReason } from '../io/file-errors.js';

export interface AudioStreamInfo {
  /** Stream index in the container (for -map 0:<index>). */
  index: number;
  codec: string | null;
  sampleRate: number | null;
  channels: number | null;
  language: string | null;
  durationSec: number | null;
}

export interface SubtitleStreamInfo {
  /** Stream index in the container (for -map 0:<index>). */
  index: number;
  codec: string | null;
  language: string | null;
  title: string | null;
  /** Text subtitles (subrip, ass/ssa, mov_text, webvtt) can be extracted as words; image ones (PGS, DVB) cannot. */
  text: boolean;
  default: boolean;
  /** The picture size an image track is drawn for (PGS, DVD say it; DVB often does not). */
  width?: number | null;
  height?: number | null;
}

export interface MediaInfo {
  durationSec: number | null;
  formatName: string | null;
  audio: AudioStreamInfo[];
  hasVideo: boolean;
  /** The first video stream (not cover art), when there is one. */
  video: VideoStreamInfo | null;
  subtitles: SubtitleStreamInfo[];
}

export interface VideoStreamInfo {
  index: number;
  width: number | null;
  height: number | null;
}

/** Subtitle codecs ffmpeg turns into SRT text. */
export const TEXT_SUBTITLE_CODECS: ReadonlySet<string> = new Set(['subrip', 'srt', 'ass', 'ssa', 'mov_text', 'webvtt', 'text']);

interface FfprobeStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number; default?: number };
  tags?: Record<string, string>;
}
interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; format_name?: string };
}

function num(v: string | number | undefined): number | null {
  if (v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Check the file exists and is readable before handing it to ffprobe (clearer errors). */
async function checkFile(file: string): Promise<{ size: number; head: Uint8Array }> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new MediaError(`${file}: is a folder, not a media file`);
    size = st.size;
  } catch (e) {
    if (e instanceof MediaError) throw e;
    throw new MediaError(`${file}: ${readErrorReason(e)}`);
  }
  if (size === 0) throw new MediaError(`${file}: empty file (0 bytes); was the recording saved completely?`);
  const head = new Uint8Array(512);
  let n = 0;
  try {
    const fh = await open(file, 'r');
    try {
      n = (await fh.read(head, 0, head.length, 0)).bytesRead;
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new MediaError(`${file}: ${readErrorReason(e)}`);
  }
  return { size, head: head.subarray(0, n) };
}

/** Turn an ffprobe failure into a sentence about the file. */
export function probeFailure(file: string, stderr: string, head: Uint8Array): MediaError {
  // Which container the first bytes claim tells "truncated recording" from "not media".
  const claimed = mediaContainer(head);
  const detail = lastLines(stderr.replaceAll(inputArg(file), '').replaceAll(file, ''), 1).replace(/^:\s*/, '');
  if (/moov atom not found/i.test(stderr) && claimed === 'MP4/MOV') {
    return new MediaError(`${file}: truncated or unfinished MP4/MOV recording (its index, the "moov atom", is missing — the recording was probably cut off before it was saved); re-export it, or repair it with a tool such as untrunc`);
  }
  if (claimed) {
    return new MediaError(`${file}: corrupt or truncated ${claimed} file, ffprobe cannot read it${detail ? ` (${detail})` : ''}`);
  }
  if (/Invalid data found|could not find codec|unknown format|moov atom not found/i.test(stderr)) {
    return new MediaError(`${file}: not a media file ffprobe recognises (unsupported format, or not audio/video at all despite its name)`);
  }
  return new MediaError(`${file}: ffprobe cannot read it${detail ? ` (${detail})` : ''}`);
}

export function parseProbe(json: string): MediaInfo {
  const out = JSON.parse(json) as FfprobeOutput;
  const streams = out.streams ?? [];
  const audio: AudioStreamInfo[] = streams
    .filter((s) => s.codec_type === 'audio')
    .map((s) => ({
      index: s.index ?? 0,
      codec: s.codec_name ?? null,
      sampleRate: num(s.sample_rate),
      channels: s.channels ?? null,
      language: s.tags?.language ?? null,
      durationSec: num(s.duration),
    }));
  let durationSec = num(out.format?.duration);
  if (durationSec === null) {
    const ds = streams.map((s) => num(s.duration)).filter((d): d is number => d !== null);
    durationSec = ds.length ? Math.max(...ds) : null;
  }
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  return {
    durationSec,
    formatName: out.format?.format_name ?? null,
    video: video ? { index: video.index ?? 0, width: video.width ?? null, height: video.height ?? null } : null,
    audio,
    hasVideo: video !== undefined,
    subtitles: streams
      .filter((s) => s.codec_type === 'subtitle')
      .map((s) => ({
        index: s.index ?? 0,
        codec: s.codec_name ?? null,
        language: s.tags?.language ?? null,
        title: s.tags?.title ?? null,
        text: TEXT_SUBTITLE_CODECS.has(s.codec_name ?? ''),
        default: s.disposition?.default === 1,
        ...(s.width && s.height ? { width: s.width, height: s.height } : {}),
      })),
  };
}

/** Probe a media file (does not require an audio stream; see requireAudio). */
export async function probeMedia(file: string, opts: BinaryOptions & { signal?: AbortSignal } = {}): Promise<MediaInfo> {
  const { head } = await checkFile(file);
  const ffprobe = locate('ffprobe', opts).path;
  const r = await runTool(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', inputArg(file)], opts.signal ? { signal: opts.signal } : {});
  if (opts.signal?.aborted) throw new MediaError(`${file}: interrupted`);
  let info: MediaInfo | undefined;
  try {
    info = parseProbe(r.stdout || '{}');
  } catch {
    info = undefined;
  }
  if (r.code !== 0 || !info || (!info.formatName && info.audio.length === 0 && !info.hasVideo && info.subtitles.length === 0)) {
    throw probeFailure(file, r.stderr, head);
  }
  return info;
}

/** The audio stream to transcribe; a clear error when the file has none. */
export function requireAudio(file: string, info: MediaInfo): AudioStreamInfo {
  const first = info.audio[0];
  if (!first) {
    throw new MediaError(
      info.hasVideo
        ? `${file}: no audio stream (the file has video only), so there is nothing to transcribe; check the recording settings, or put a transcript beside it (same name, .srt/.vtt/.json/.txt)`
        : `${file}: no audio stream, so there is nothing to transcribe`,
    );
  }
  return first;
}
