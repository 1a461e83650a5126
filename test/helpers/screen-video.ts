/**
 * Generate test videos with text on screen (ffmpeg drawtext with Debian's Noto Sans CJK, from
 * fonts-noto-cjk) and optionally a mov_text subtitle track. The npm-shipped ffmpeg has drawtext.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpeg, FFMPEG } from './media.js';

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

export interface ImageCue {
  from: number;
  to: number;
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** A line of text as a grey bitmap, drawn by ffmpeg's drawtext (white on black), cropped to the text with a margin. */
function textBitmap(text: string, size: number, font: string, dir: string, n: number): { width: number; height: number; data: Buffer } {
  const tf = path.join(dir, `bitmap${n}.txt`);
  writeFileSync(tf, text);
  const width = Math.min(1264, Math.ceil(size * 1.1 * [...text].length + size)) & ~1;
  const height = Math.ceil(size * 1.8) & ~1;
  const data = execFileSync(FFMPEG, [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=black:s=${width}x${height}:d=1`,
    '-vf', `drawtext=fontfile=${font}:textfile=${tf}:fontsize=${size}:expansion=none:fontcolor=white:x=${Math.round(size / 2)}:y=(h-th)/2`,
    '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1',
  ], { maxBuffer: 64 << 20 });
  return { width, height, data };
}

/**
 * Run-length encode a paletted bitmap as a PGS object (HDMV Presentation Graphic Stream): per line,
 * runs of one colour, then 00 00. Colour 0 has its own short codes.
 */
function pgsRle(width: number, height: number, colour: (x: number, y: number) => number): Buffer {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; ) {
      const c = colour(x, y);
      let run = 1;
      while (x + run < width && run < 16383 && colour(x + run, y) === c) run++;
      if (c === 0) {
        out.push(0, ...(run < 64 ? [run] : [0x40 | (run >> 8), run & 0xff]));
      } else if (run < 3) {
        for (let i = 0; i < run; i++) out.push(c);
      } else {
        out.push(0, ...(run < 64 ? [0x80 | run] : [0xc0 | (run >> 8), run & 0xff]), c);
      }
      x += run;
    }
    out.push(0, 0);
  }
  return Buffer.from(out);
}

/** One PGS segment: "PG", PTS and DTS (90 kHz), type, size, data. */
function pgsSegment(t: number, type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(13);
  head.write('PG', 0, 'latin1');
  head.writeUInt32BE(Math.round(t * 90_000), 2);
  head.writeUInt32BE(0, 6);
  head.writeUInt8(type, 10);
  head.writeUInt16BE(data.length, 11);
  return Buffer.concat([head, data]);
}

/**
 * A raw PGS subtitle stream (.sup, Blu-ray's image subtitles) showing each cue as a bitmap — white
 * text on a black card — from `from` to `to`. ffmpeg converts subtitles only bitmap→bitmap, so
 * this is how a test gets an image subtitle track: PGS written here, DVD and DVB transcoded from it
 * by ffmpeg's own dvdsub/dvbsub encoders.
 */
export function pgsSubtitles(file: string, cues: ImageCue[], video: { width: number; height: number }, font: string): string {
  const dir = path.dirname(file);
  const u16 = (n: number) => [n >> 8, n & 0xff];
  // An empty composition at 0 s, so the stream starts with the video (ffmpeg shifts each input to start at 0).
  const parts: Buffer[] = [
    pgsSegment(0, 0x16, Buffer.from([...u16(video.width), ...u16(video.height), 0x10, ...u16(0xffff), 0x80, 0, 0, 0])),
    pgsSegment(0, 0x80, Buffer.alloc(0)),
  ];
  cues.forEach((cue, n) => {
    const bmp = textBitmap(cue.text, cue.size ?? 48, font, dir, n);
    const x = Math.min(cue.x, video.width - bmp.width);
    const y = Math.min(cue.y, video.height - bmp.height);
    // Show: composition (epoch start, one object), window, palette (0 = clear, 1 = white, 2 = black), object, end.
    parts.push(pgsSegment(cue.from, 0x16, Buffer.from([...u16(video.width), ...u16(video.height), 0x10, ...u16(n * 2), 0x80, 0, 0, 1, ...u16(0), 0, 0, ...u16(x), ...u16(y)])));
    parts.push(pgsSegment(cue.from, 0x17, Buffer.from([1, 0, ...u16(x), ...u16(y), ...u16(bmp.width), ...u16(bmp.height)])));
    parts.push(pgsSegment(cue.from, 0x14, Buffer.from([0, 0, 0, 16, 128, 128, 0, 1, 235, 128, 128, 255, 2, 16, 128, 128, 255])));
    const rle = pgsRle(bmp.width, bmp.height, (px, py) => ((bmp.data[py * bmp.width + px] ?? 0) > 128 ? 1 : 2));
    const len = rle.length + 4;
    parts.push(pgsSegment(cue.from, 0x15, Buffer.concat([Buffer.from([...u16(0), 0, 0xc0, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff, ...u16(bmp.width), ...u16(bmp.height)]), rle])));
    parts.push(pgsSegment(cue.from, 0x80, Buffer.alloc(0)));
    // Hide: a composition with no object, the window, end.
    parts.push(pgsSegment(cue.to, 0x16, Buffer.from([...u16(video.width), ...u16(video.height), 0x10, ...u16(n * 2 + 1), 0x00, 0, 0, 0])));
    parts.push(pgsSegment(cue.to, 0x17, Buffer.from([1, 0, ...u16(x), ...u16(y), ...u16(bmp.width), ...u16(bmp.height)])));
    parts.push(pgsSegment(cue.to, 0x80, Buffer.alloc(0)));
  });
  writeFileSync(file, Buffer.concat(parts));
  return file;
}
