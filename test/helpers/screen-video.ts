/**
 * Generate test videos with text on screen (ffmpeg drawtext with Debian's Noto Sans CJK, from
 * fonts-noto-cjk) and optionally a mov_text subtitle track. The npm-shipped ffmpeg has drawtext.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpeg } from './media.js';

/** The Noto Sans CJK font file (fc-match, else Debian's path); undefined when fonts-noto-cjk is missing. */
export function cjkFont(): string | undefined {
  try {
    const f = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK JP'], { encoding: 'utf8' }).trim();
    if (/NotoSansCJK/i.test(f) && existsSync(f)) return f;
  } catch {
    // no fontconfig: try the Debian path
  }
  const debian = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  return existsSync(debian) ? debian : undefined;
}

export interface Overlay {
  text: string;
  /** Seconds shown: [from, to); omitted = the whole video. */
  from?: number;
  to?: number;
  x: number;
  y: number;
  size?: number;
  /** A dark box behind the text (an overlay card); without it the text sits on the background. */
  box?: boolean;
}

export interface Caption {
  from: number;
  to: number;
  text: string;
}

export interface ScreenVideo {
  seconds: number;
  width?: number;
  height?: number;
  overlays: Overlay[];
  /** A mov_text subtitle track, tagged with `subtitleLanguage` (ISO 639-2, e.g. jpn). */
  captions?: Caption[];
  subtitleLanguage?: string;
  /** A busy but still background (a test pattern) instead of a plain one. */
  busy?: boolean;
  /** Add a speech-like audio track. */
  audio?: boolean;
}

const srtTime = (s: number) => {
  const ms = Math.round(s * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)},${p(ms % 1000, 3)}`;
};

export function screenVideo(file: string, v: ScreenVideo, font: string): string {
  const dir = path.dirname(file);
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  const w = v.width ?? 1280;
  const h = v.height ?? 720;
  const filters = v.overlays.map((o, i) => {
    const tf = path.join(dir, `${stem}.overlay${i}.txt`);
    writeFileSync(tf, o.text);
    const enable = o.from !== undefined || o.to !== undefined ? `:enable='between(t,${o.from ?? 0},${(o.to ?? v.seconds) - 0.001})'` : '';
    const box = o.box !== false ? ':box=1:boxcolor=black@0.85:boxborderw=12' : '';
    return `drawtext=fontfile=${font}:textfile=${tf}:fontsize=${o.size ?? 48}:expansion=none:fontcolor=white${box}:x=${o.x}:y=${o.y}${enable}`;
  });
  const bg = v.busy ? `testsrc2=s=${w}x${h}:r=10:d=${v.seconds},trim=end_frame=1,loop=loop=-1:size=1,trim=duration=${v.seconds},setpts=N/10/TB` : `color=c=0x303848:s=${w}x${h}:r=10:d=${v.seconds}`;
  const inputs = ['-f', 'lavfi', '-i', bg];
  const maps = ['-map', '0:v'];
  let n = 1;
  if (v.audio) {
    inputs.push('-f', 'lavfi', '-i', `sine=f=300:d=${v.seconds},tremolo=f=5:d=0.8`);
    maps.push('-map', `${n++}:a`);
  }
  if (v.captions?.length) {
    const srt = path.join(dir, `${stem}.captions.srt`);
    writeFileSync(srt, v.captions.map((c, i) => `${i + 1}\n${srtTime(c.from)} --> ${srtTime(c.to)}\n${c.text}\n`).join('\n'));
    inputs.push('-i', srt);
    maps.push('-map', `${n++}:s`);
  }
  ffmpeg([
    ...inputs,
    ...maps,
    '-vf', filters.length ? filters.join(',') : 'null',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ...(v.audio ? ['-c:a', 'aac'] : []),
    ...(v.captions?.length ? ['-c:s', 'mov_text', '-metadata:s:s:0', `language=${v.subtitleLanguage ?? 'und'}`] : []),
    '-t', String(v.seconds),
    file,
  ]);
  return file;
}
