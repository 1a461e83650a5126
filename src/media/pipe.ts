/**
 * Run ffmpeg with its output on a pipe and yield the bytes as they come: the pipe's back-pressure
 * pauses ffmpeg while the consumer works, so memory stays flat whatever the length. The child is
 * killed when the consumer stops early or on abort; a failure is explained by `failure` from the
 * last lines ffmpeg wrote.
 */
import { spawn } from 'node:child_process';
import { locate, MediaError, spawnError, type BinaryOptions } from './ffmpeg.js';

export interface PipeOptions extends BinaryOptions {
  signal?: AbortSignal | undefined;
}

export async function* ffmpegOutput(
  file: string,
  args: string[],
  opts: PipeOptions,
  failure: (code: number | null, signal: NodeJS.Signals | null, stderr: string) => MediaError,
): AsyncGenerator<Buffer, void, undefined> {
  const ffmpeg = locate('ffmpeg', opts).path;
  if (opts.signal?.aborted) throw new MediaError(`${file}: interrupted`);
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-16_384);
  });
  let spawnErr: Error | undefined;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (e) => {
      spawnErr = e;
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  let finished = false;
  const kill = () => {
    if (!finished && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', kill, { once: true });
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) yield chunk;
    const { code, signal } = await closed;
    finished = true;
    if (opts.signal?.aborted) throw new MediaError(`${file}: interrupted`);
    if (spawnErr) throw spawnError(ffmpeg, spawnErr);
    if (code !== 0) throw failure(code, signal, stderr);
  } finally {
    opts.signal?.removeEventListener('abort', kill);
    kill();
  }
}
