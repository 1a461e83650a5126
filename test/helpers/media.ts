/** Generate test media with the npm-shipped ffmpeg (no system ffmpeg needed). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const FFMPEG = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

export function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-y', '-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function tempDir(prefix = 'livecomply-media-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A speech-like tone: amplitude-modulated at a syllable rate, so the VAD treats it as speech. */
export const speechLike = (seconds: number, freq = 300) => `sine=f=${freq}:d=${seconds},tremolo=f=5:d=0.8`;
export const silence = (seconds: number) => `aevalsrc=0:d=${seconds}:s=44100`;

/** Concatenate lavfi audio sources into one file. */
export function audioFile(file: string, sources: string[], codec: string[] = []): string {
  const inputs = sources.flatMap((s) => ['-f', 'lavfi', '-i', s]);
  const filter = sources.length > 1 ? ['-filter_complex', `${sources.map((_, i) => `[${i}]`).join('')}concat=n=${sources.length}:v=0:a=1`] : [];
  ffmpeg([...inputs, ...filter, ...codec, file]);
  return file;
}
