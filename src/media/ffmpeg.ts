/**
 * Finding and running ffmpeg / ffprobe. Order: an explicit path (--ffmpeg, or LIVECOMPLY_FFMPEG /
 * LIVECOMPLY_FFPROBE), then the ffprobe beside an explicitly given ffmpeg, then PATH, then the
 * binaries shipped in npm packages (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe), so a
 * fresh `npm install` works with no system ffmpeg. Always spawned with an argument array, never a shell.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A media file cannot be read, or a media tool is missing or failed; the message names the file or tool. */
export class MediaError extends Error {
  override name = 'MediaError';
}

export interface BinaryOptions {
  ffmpegPath?: string | undefined;
  ffprobePath?: string | undefined;
}

export type Tool = 'ffmpeg' | 'ffprobe';

const ENV: Record<Tool, string> = { ffmpeg: 'LIVECOMPLY_FFMPEG', ffprobe: 'LIVECOMPLY_FFPROBE' };
const NPM: Record<Tool, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' };

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why an explicitly given binary cannot be used, or undefined when it can. */
function explicitProblem(p: string): string | undefined {
  try {
    const st = statSync(p);
    if (st.isDirectory()) return 'is a folder, not a program';
    accessSync(p, constants.X_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'does not exist';
    if (code === 'EACCES') return 'is not executable (chmod +x it)';
    return `cannot be used (${code ?? (e as Error).message})`;
  }
}

function onPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function fromNpm(tool: Tool): string | undefined {
  try {
    const p = (createRequire(import.meta.url)(NPM[tool]) as { path?: unknown }).path;
    return typeof p === 'string' && isExecutableFile(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Where a tool comes from, for messages. */
export interface Located {
  path: string;
  from: 'option' | 'env' | 'beside-ffmpeg' | 'PATH' | 'npm';
}

/**
 * Locate ffmpeg or ffprobe. Throws a MediaError saying what was tried when none is usable, or
 * when an explicitly named binary is missing or not executable (an explicit choice never falls back silently).
 */
export function locate(tool: Tool, opts: BinaryOptions = {}, env: NodeJS.ProcessEnv = process.env): Located {
  const explicit = tool === 'ffmpeg' ? opts.ffmpegPath : opts.ffprobePath;
  if (explicit) {
    const problem = explicitProblem(explicit);
    if (problem) throw new MediaError(`${tool} ${explicit} (from --${tool}) ${problem}`);
    return { path: explicit, from: 'option' };
  }
  const fromEnv = env[ENV[tool]];
  if (fromEnv) {
    const problem = explicitProblem(fromEnv);
    if (problem) throw new MediaError(`${tool} ${fromEnv} (from ${ENV[tool]}) ${problem}`);
    return { path: fromEnv, from: 'env' };
  }
  if (tool === 'ffprobe') {
    const ffmpeg = opts.ffmpegPath || env[ENV.ffmpeg];
    if (ffmpeg) {
      const beside = path.join(path.dirname(ffmpeg), path.basename(ffmpeg).replace(/ffmpeg/i, 'ffprobe'));
      if (beside !== ffmpeg && isExecutableFile(beside)) return { path: beside, from: 'beside-ffmpeg' };
    }
  }
  const found = onPath(tool, env.PATH);
  if (found) return { path: found, from: 'PATH' };
  const npm = fromNpm(tool);
  if (npm) return { path: npm, from: 'npm' };
  throw new MediaError(
    `${tool} not found: not given with --${tool === 'ffmpeg' ? 'ffmpeg' : 'ffmpeg (ffprobe beside it)'} or ${ENV[tool]}, not on PATH, ` +
      `and the npm package ${NPM[tool]} is not installed for this platform; install ffmpeg or reinstall livecomply`,
  );
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run a tool to completion, collecting (bounded) stdout and stderr. */
export function runTool(bin: string, args: readonly string[], opts: { signal?: AbortSignal; maxStdout?: number } = {}): Promise<RunResult> {
  const maxStdout = opts.maxStdout ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    const onAbort = () => child.kill('SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < maxStdout) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-16_384);
    });
    child.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(spawnError(bin, e));
    });
    child.on('close', (code, signal) => {
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function spawnError(bin: string, e: Error): MediaError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MediaError(`cannot run ${bin}: no such program`);
  if (code === 'EACCES') return new MediaError(`cannot run ${bin}: permission denied (is it executable?)`);
  return new MediaError(`cannot run ${bin}: ${e.message}`);
}

/**
 * The input argument for a path: absolute, with the `file:` protocol so names with colons or a
 * leading dash are never read as a protocol or an option.
 */
export function inputArg(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** The last meaningful lines of ffmpeg/ffprobe stderr, for error messages. */
export function lastLines(stderr: string, n = 2): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.replace(/\[[^\]]* @ 0x[0-9a-f]+\]\s*/gi, '').trim())
    .filter((l) => l && !/^(ffmpeg|ffprobe) version|^built with|^configuration:|^lib\w+\s+\d/.test(l));
  return lines.slice(-n).join('; ');
}
