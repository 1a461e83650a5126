/**
 * Media pipeline cost on a long recording: generates a 3-hour AAC file (speech-like bursts and
 * silences over a little noise) with the npm ffmpeg, then measures
 *   pass 1: decode (ffmpeg → f32le pipe) + VAD + chunk planning, and
 *   pass 2: decode + cutting every planned chunk out of the stream (what transcription feeds Whisper),
 * as × real time, with RSS at 10 %, 50 % and 100 % of the recording and the peak (memory must stay
 * flat whatever the length). Transcription RTF only when a model is present (LIVECOMPLY_MODEL_DIR
 * or ../shared/models).
 * Run: npm run bench:media   (BENCH_MEDIA_HOURS=0.5 for a shorter file)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChunkCutter, planChunks } from '../src/asr/chunks.js';
import { decodePcm, SAMPLE_RATE } from '../src/media/decode.js';
import { probeMedia } from '../src/media/probe.js';
import { VadStream, type SpeechRegion } from '../src/media/vad.js';

const hours = Number(process.env.BENCH_MEDIA_HOURS ?? 3);
const seconds = Math.round(hours * 3600);
const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const dir = mkdtempSync(path.join(os.tmpdir(), 'livecomply-bench-media-'));
const file = path.join(dir, 'long-stream.m4a');
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

try {
  // Speech-like: a 4 Hz syllable envelope on a tone, 5 s on / 2–4 s off in a 13 s cycle, over faint noise.
  const expr = '0.25*sin(2*PI*(180+40*sin(2*PI*0.3*t))*t)*(0.55+0.45*sin(2*PI*4*t))*lt(mod(t,13),5)' + '+0.2*sin(2*PI*240*t)*(0.55+0.45*sin(2*PI*3*t))*between(mod(t,13),7,10)';
  const g0 = performance.now();
  execFileSync(ffmpeg, ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `aevalsrc='${expr}':s=16000:d=${seconds}`, '-f', 'lavfi', '-i', `anoisesrc=a=0.002:c=pink:r=16000:d=${seconds}`, '-filter_complex', '[0][1]amix=inputs=2:duration=shortest', '-ac', '1', '-c:a', 'aac', '-b:a', '48k', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  const genSec = (performance.now() - g0) / 1000;
  const info = await probeMedia(file);
  const duration = info.durationSec ?? seconds;
  console.log(`generated ${(duration / 3600).toFixed(2)} h AAC (${mib(statSync(file).size)}) in ${genSec.toFixed(0)} s`);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const marks = (label: string) => {
    const at = new Map<number, number>();
    return {
      at,
      check(done: number) {
        for (const p of [10, 50]) if (!at.has(p) && done >= (duration * p) / 100) at.set(p, process.memoryUsage().rss);
      },
      label,
    };
  };

  // Pass 1: decode + VAD + plan.
  const m1 = marks('pass 1');
  const t1 = performance.now();
  const vad = new VadStream();
  const regions: SpeechRegion[] = [];
  let samples = 0;
  for await (const block of decodePcm(file)) {
    samples += block.length;
    regions.push(...vad.push(block));
    m1.check(samples / SAMPLE_RATE);
  }
  regions.push(...vad.end());
  const chunks = planChunks(regions, vad.durationSec);
  m1.at.set(100, process.memoryUsage().rss);
  const pass1 = (performance.now() - t1) / 1000;
  const speech = regions.reduce((s, r) => s + r.end - r.start, 0);

  // Pass 2: decode + cut every chunk.
  const m2 = marks('pass 2');
  const t2 = performance.now();
  const cutter = new ChunkCutter(chunks);
  let cut = 0;
  let cutSec = 0;
  samples = 0;
  for await (const block of decodePcm(file)) {
    samples += block.length;
    for (const c of cutter.push(block)) {
      cut++;
      cutSec += c.audio.length / SAMPLE_RATE;
    }
    m2.check(samples / SAMPLE_RATE);
  }
  for (const c of cutter.end()) {
    cut++;
    cutSec += c.audio.length / SAMPLE_RATE;
  }
  m2.at.set(100, process.memoryUsage().rss);
  const pass2 = (performance.now() - t2) / 1000;
  clearInterval(sampler);

  const rows = [
    ['pass', 'wall s', '× real time', 'RSS @10%', 'RSS @50%', 'RSS @100%'],
    ['1: decode + VAD + plan', pass1.toFixed(1), (duration / pass1).toFixed(0), mib(m1.at.get(10)!), mib(m1.at.get(50)!), mib(m1.at.get(100)!)],
    ['2: decode + cut chunks', pass2.toFixed(1), (duration / pass2).toFixed(0), mib(m2.at.get(10)!), mib(m2.at.get(50)!), mib(m2.at.get(100)!)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log(`peak RSS ${mib(peak)}; decoded ${(vad.durationSec / 3600).toFixed(3)} h; ${regions.length} speech regions (${((speech / vad.durationSec) * 100).toFixed(0)} % of the time); ${chunks.length} chunks planned, ${cut} cut (${(cutSec / 3600).toFixed(2)} h of audio for the recogniser)`);

  const modelDir = process.env.LIVECOMPLY_MODEL_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'models');
  if (existsSync(modelDir) && readdirSync(modelDir).length > 0) {
    const { transcribeMedia } = await import('../src/asr/transcribe.js');
    const clip = path.join(dir, 'clip.m4a');
    execFileSync(ffmpeg, ['-y', '-hide_banner', '-loglevel', 'error', '-i', file, '-t', '120', '-c', 'copy', clip]);
    for (const model of (process.env.BENCH_MODELS ?? 'tiny,base,small').split(',')) {
      const t = performance.now();
      try {
        await transcribeMedia(clip, { lang: 'zh', model, modelDir, cacheDir: path.join(dir, `cache-${model}`) });
        console.log(`transcription ${model}: RTF ${((performance.now() - t) / 1000 / 120).toFixed(2)} (2-minute clip)`);
      } catch (e) {
        console.log(`transcription ${model}: ${(e as Error).message.split('. ')[0]}`);
      }
    }
  } else {
    console.log('transcription RTF: no model (put one in ../shared/models or set LIVECOMPLY_MODEL_DIR)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
