/**
 * Sample a video's frames (e.g. one per second) as raw grey bytes streamed from ffmpeg through a
 * pipe. One frame at a time is held; ffmpeg waits (pipe back-pressure) while a frame is read, so
 * memory stays flat whatever the length of the video.
 */
import { inputArg, lastLines, MediaError, type BinaryOptions } from '../media/ffmpeg.js';
import { ffmpegOutput } from '../media/pipe.js';
import type { GrayFrame } from './diff.js';

export interface FrameOptions extends BinaryOptions {
  /** Samples per second. */
  fps: number;
  width: number;
  height: number;
  /** Container index of the video stream. */
  videoIndex?: number | undefined;
  /** Container index of an image subtitle track (PGS, DVB) to draw onto the frames, so OCR reads it too. */
  overlaySubtitleIndex?: number | undefined;
  /** The video's own size, and the size the subtitle track is drawn for (when it says), to fit one to the other. */
  videoSize?: { width: number; height: number } | undefined;
  subtitleSize?: { width: number; height: number } | undefined;
  signal?: AbortSignal | undefined;
}

/** The frame size to read at: the video's own, scaled down to at most 720 lines (even sizes). */
export function frameSize(width: number | null, height: number | null, maxHeight = 720): { width: number; height: number } {
  if (!width || !height) return { width: 1280, height: 720 };
  const h = Math.min(height, maxHeight);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return { width: even((width * h) / height), height: even(h) };
}

export function frameArgs(file: string, o: FrameOptions): string[] {
  const chain = `fps=${o.fps},scale=${o.width}:${o.height},format=gray`;
  const video = o.videoIndex === undefined ? '0:V:0' : `0:${o.videoIndex}`;
  if (o.overlaySubtitleIndex === undefined) {
    return ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', inputArg(file), '-map', video, '-vf', chain, '-an', '-dn', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'];
  }
  // The subtitle pictures are drawn on a canvas of the track's own size. A track that does not say
  // (DVB often) gets the video's size (ffmpeg would guess 720×576 and drop every picture beyond it);
  // one drawn for another size (a 1080p PGS over a 720p video) is scaled to the video.
  const v = o.videoSize;
  const sub = o.subtitleSize;
  const canvas = v && !sub ? ['-canvas_size', `${v.width}x${v.height}`] : [];
  const fit = v && sub && (sub.width !== v.width || sub.height !== v.height) ? `[0:${o.overlaySubtitleIndex}]scale=${v.width}:${v.height}[s];` : '';
  const subIn = fit ? '[s]' : `[0:${o.overlaySubtitleIndex}]`;
  // eof_action=pass: once the subtitle stream ends the picture goes on alone (the default, repeat,
  // never lets ffmpeg finish: frames would stream forever).
  const graph = `${fit}[${video}]${subIn}overlay=eof_action=pass,${chain}[v]`;
  return ['-nostdin', '-hide_banner', '-loglevel', 'error', ...canvas, '-i', inputArg(file), '-filter_complex', graph, '-map', '[v]', '-an', '-dn', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'];
}

/** Yield {t, frame}: t is seconds into the video. Throws MediaError naming the file when ffmpeg fails. */
export async function* sampleFrames(file: string, o: FrameOptions): AsyncGenerator<{ t: number; frame: GrayFrame }, void, undefined> {
  const size = o.width * o.height;
  const failure = (code: number | null, signal: NodeJS.Signals | null, stderr: string) => {
    const detail = lastLines(stderr.replaceAll(inputArg(file), 'input'), 2);
    return new MediaError(`${file}: ffmpeg failed while reading the video frames${signal ? ` (stopped by ${signal})` : ` (exit code ${code})`}${detail ? `: ${detail}` : ''}`);
  };
  let buf = Buffer.alloc(size);
  let fill = 0;
  let n = 0;
  for await (const chunk of ffmpegOutput(file, frameArgs(file, o), o, failure)) {
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(size - fill, chunk.length - at);
      chunk.copy(buf, fill, at, at + take);
      fill += take;
      at += take;
      if (fill === size) {
        yield { t: n / o.fps, frame: { width: o.width, height: o.height, data: buf } };
        n++;
        buf = Buffer.alloc(size);
        fill = 0;
      }
    }
  }
}
