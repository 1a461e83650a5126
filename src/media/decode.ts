/**
 * Decode a media file's audio to 16 kHz mono float32 PCM through a pipe (ffmpeg ... -f f32le pipe:1),
 * yielded as blocks by an async iterator. The pipe's back-pressure keeps memory flat whatever the
 * length: ffmpeg is paused while the consumer works on a block. The child is killed when the
 * consumer stops early, or on abort.
 */
import { inputArg, lastLines, MediaError, type BinaryOptions } from './ffmpeg.js';
import { ffmpegOutput } from './pipe.js';

export const SAMPLE_RATE = 16_000;

export interface DecodeOptions extends BinaryOptions {
  signal?: AbortSignal | undefined;
  /** Container stream index of the audio stream to decode (default: the first audio stream). */
  streamIndex?: number | undefined;
}

/** The ffmpeg arguments for decoding (exported for tests and the bench). */
export function decodeArgs(file: string, streamIndex?: number): string[] {
  return [
    '-nostdin', '-hide_banner', '-loglevel', 'error',
    '-i', inputArg(file),
    '-map', streamIndex === undefined ? '0:a:0' : `0:${streamIndex}`,
    '-vn', '-sn', '-dn',
    '-ac', '1', '-ar', String(SAMPLE_RATE),
    '-f', 'f32le', 'pipe:1',
  ];
}

/** Explain an ffmpeg decode failure in terms of the file. */
export function decodeFailure(file: string, code: number | null, signal: NodeJS.Signals | null, stderr: string): MediaError {
  const detail = lastLines(stderr.replaceAll(inputArg(file), 'input'), 2);
  if (/No such file or directory/i.test(stderr)) return new MediaError(`${file}: no such file`);
  if (/Permission denied/i.test(stderr)) return new MediaError(`${file}: permission denied`);
  if (/matches no streams|does not contain any stream/i.test(stderr)) return new MediaError(`${file}: no audio stream, so there is nothing to transcribe`);
  if (/Invalid data found|moov atom not found/i.test(stderr)) return new MediaError(`${file}: corrupt, truncated or not a media file; ffmpeg cannot decode it (${detail})`);
  if (signal) return new MediaError(`${file}: ffmpeg was stopped by ${signal} while decoding${detail ? ` (${detail})` : ''}`);
  return new MediaError(`${file}: ffmpeg failed while decoding the audio (exit code ${code})${detail ? `: ${detail}` : ''}`);
}

/**
 * Yield the audio as Float32Array blocks (16 kHz mono, samples in [-1, 1]). Throws MediaError
 * when ffmpeg cannot decode the file, naming the file.
 */
export async function* decodePcm(file: string, opts: DecodeOptions = {}): AsyncGenerator<Float32Array, void, undefined> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of ffmpegOutput(file, decodeArgs(file, opts.streamIndex), opts, (code, signal, stderr) => decodeFailure(file, code, signal, stderr))) {
    let bytes: Uint8Array = chunk;
    if (carry.length) {
      const joined = new Uint8Array(carry.length + chunk.length);
      joined.set(carry);
      joined.set(chunk, carry.length);
      bytes = joined;
    }
    const whole = bytes.length - (bytes.length % 4);
    carry = bytes.slice(whole);
    if (whole === 0) continue;
    const samples = new Float32Array(whole / 4);
    new Uint8Array(samples.buffer).set(bytes.subarray(0, whole));
    yield samples;
  }
}
