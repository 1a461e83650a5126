/**
 * Running the CLI in tests, two ways:
 *   - runCli: the real binary (bin/livecomply.cjs over the tsc build) as a child process, for the
 *     one end-to-end test of each command and behaviour (exit codes, signals, terminals);
 *   - runCliInProcess: the same main() from the sources, in this process, with stdout and stderr
 *     captured, for the many cases where a spawn adds nothing but start-up time.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'livecomply.cjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (e.name.endsWith(ext)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let buildChecked = false;

/** The binary runs dist/: refuse to test a build older than the sources (`npm test` builds first). */
export function assertBuildCurrent(): void {
  if (buildChecked) return;
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  let built: number;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    throw new Error(`${main} does not exist: run \`npm run build\` (or \`npm test\`, which builds) before the end-to-end tests`);
  }
  const src = newestMtime(path.join(ROOT, 'src'), '.ts');
  if (src > built) {
    throw new Error(`dist/ is older than src/ (a source changed after the last build): run \`npm run build\` (or \`npm test\`, which builds) so the end-to-end tests run the code you see`);
  }
  buildChecked = true;
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  assertBuildCurrent();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

type Write = typeof process.stdout.write;
let queue: Promise<unknown> = Promise.resolve();

/**
 * main() from src/ in this process: same arguments, working directory and environment as runCli,
 * stdout and stderr captured, the exit code main() returns. Calls run one at a time (they change
 * the process's working directory, environment and output streams while they run). Tokenizers and
 * rulesets stay loaded between calls, as in one long batch.
 */
export function runCliInProcess(args: string[], opts: Omit<RunOptions, 'timeoutMs'> = {}): Promise<RunResult> {
  const run = async (): Promise<RunResult> => {
    const { main } = await import('../../src/cli/main.js');
    let stdout = '';
    let stderr = '';
    const capture = (append: (s: string) => void): Write =>
      ((chunk: string | Uint8Array, enc?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void) => {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = typeof enc === 'function' ? enc : cb;
        if (done) queueMicrotask(() => done());
        return true;
      }) as Write;
    const saved = { out: process.stdout.write, err: process.stderr.write, cwd: process.cwd(), env: { ...process.env } };
    const env: Record<string, string | undefined> = { NO_COLOR: '1', ...opts.env };
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.chdir(opts.cwd ?? ROOT);
    process.stdout.write = capture((s) => (stdout += s));
    process.stderr.write = capture((s) => (stderr += s));
    try {
      let code: number;
      try {
        code = await main(['node', 'livecomply', ...args]);
      } catch (e) {
        // As bin/livecomply.cjs does with an error main() did not turn into an exit code.
        stderr += `livecomply: internal error: ${e instanceof Error ? e.stack : String(e)}\n`;
        code = 2;
      }
      return { code, stdout, stderr };
    } finally {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
      process.chdir(saved.cwd);
      for (const k of Object.keys(process.env)) if (!(k in saved.env)) delete process.env[k];
      Object.assign(process.env, saved.env);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
