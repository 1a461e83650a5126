/**
 * On-screen text (OCR) cost and accuracy. Generates a 720p video (10 minutes by default) like a
 * livestream: a moving "camera" picture in the middle, a seller caption shown throughout, claim
 * cards that change every 15 s, and a Japanese mov_text subtitle track (so the words come from
 * the track and no speech model is needed). Then
 *   1. audits it through the built CLI with --screen on (wall time, × real time, peak RSS), and
 *   2. reads its screen in-process: frames sampled, frames read, OCR frames/s, and
 *   3. OCR character accuracy against the drawn texts, on it and on 1-minute zh and ko clips.
 * Run: npm run bench:media   (BENCH_SCREEN_MINUTES=2 for a shorter video; needs fonts-noto-cjk)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { probeMedia } from '../src/media/probe.js';
import { closeOcr, readScreen } from '../src/ocr/screen.js';
import { ocrKey } from '../src/ocr/clean.js';
import type { Language, Segment } from '../src/transcript/model.js';
import { FFMPEG } from '../test/helpers/media.js';
import { cjkFont } from '../test/helpers/screen-video.js';

const minutes = Number(process.env.BENCH_SCREEN_MINUTES ?? 10);
const font = cjkFont();
if (!font) {
  console.log('bench:screen skipped: no Noto Sans CJK font (apt-get install fonts-noto-cjk)');
  process.exit(0);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'livecomply-bench-screen-'));

const CLAIMS: Record<Language, { seller: string; cards: string[] }> = {
  ja: { seller: '販売元：株式会社ミライ化粧品', cards: ['日本一の美容液', '今だけ半額セール', '医師も推薦する成分', '送料無料キャンペーン中', '楽天ランキング1位', 'シミが消える奇跡のクリーム'] },
  zh: { seller: '本直播间商品由杭州美丽化妆品有限公司销售', cards: ['全网最低价', '限时秒杀', '国家级认证产品', '买一送一', '七天无理由退货', '销量第一'] },
  ko: { seller: '판매자: 주식회사 테스트', cards: ['업계 최고 품질', '원산지: 국내산', '오늘만 특가', '무료 배송', '100% 효과 보장', '의사 추천 제품'] },
};

interface Shown { text: string; from: number; to: number }

function generate(file: string, lang: Language, seconds: number, every = 15, subtitles = false): Shown[] {
  const c = CLAIMS[lang];
  const shown: Shown[] = [{ text: c.seller, from: 0, to: seconds }];
  const filters: string[] = [];
  const draw = (text: string, x: number, y: number, size: number, from: number, to: number, i: number) => {
    const tf = path.join(dir, `${path.basename(file)}.${i}.txt`);
    writeFileSync(tf, text);
    filters.push(`drawtext=fontfile=${font}:textfile=${tf}:fontsize=${size}:expansion=none:fontcolor=white:box=1:boxcolor=black@0.85:boxborderw=12:x=${x}:y=${y}:enable='between(t,${from},${to - 0.001})'`);
  };
  draw(c.seller, 40, 640, 36, 0, seconds, 0);
  for (let k = 0, t = 5; t + 10 <= seconds; k++, t += every) {
    const text = c.cards[k % c.cards.length]!;
    draw(text, k % 2 ? 760 : 60, 60, 56, t, t + 10, k + 1);
    shown.push({ text, from: t, to: t + 10 });
  }
  const inputs = ['-f', 'lavfi', '-i', `color=c=0x2a3040:s=1280x720:r=30:d=${seconds}`, '-f', 'lavfi', '-i', `testsrc2=s=480x360:r=30:d=${seconds}`];
  const graph = `[0:v][1:v]overlay=400:200[bg];[bg]${filters.join(',')}[v]`;
  const subs: string[] = [];
  if (subtitles) {
    const srt = path.join(dir, 'words.srt');
    const lines: string[] = [];
    for (let t = 0, i = 1; t + 4 <= seconds; t += 20, i++) {
      const ts = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},000`;
      lines.push(`${i}\n${ts(t)} --> ${ts(t + 4)}\n皆さんこんばんは、今日もよろしくお願いします\n`);
    }
    writeFileSync(srt, lines.join('\n'));
    inputs.push('-i', srt);
    subs.push('-map', '2:s', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=jpn');
  }
  execFileSync(FFMPEG, ['-y', '-hide_banner', '-loglevel', 'error', ...inputs, '-filter_complex', graph, '-map', '[v]', ...subs, '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '60', '-pix_fmt', 'yuv420p', '-t', String(seconds), file], { stdio: ['ignore', 'ignore', 'inherit'] });
  return shown;
}

function editDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Character accuracy: for each text drawn, the best screen segment overlapping its time; 1 − edits / length. */
function accuracy(shown: Shown[], segments: Segment[]): { chars: number; correct: number; found: number } {
  let chars = 0;
  let errors = 0;
  let found = 0;
  for (const s of shown) {
    const truth = [...ocrKey(s.text)];
    const near = segments.filter((g) => (g.start ?? 0) <= s.to && (g.end ?? 0) >= s.from - 1);
    const best = Math.min(truth.length, ...near.map((g) => editDistance(truth, [...ocrKey(g.text)])));
    if (best < truth.length / 2) found++;
    chars += truth.length;
    errors += best;
  }
  return { chars, correct: chars - errors, found };
}

try {
  const seconds = Math.round(minutes * 60);
  const g0 = performance.now();
  const long = path.join(dir, 'stream.mp4');
  const shown = generate(long, 'ja', seconds, 15, true);
  console.log(`generated a ${minutes}-minute 1280×720 video (moving picture, ${shown.length - 1} claim cards, seller caption, ja subtitle track) in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
  const load = () => os.loadavg()[0]!.toFixed(1);
  console.log(`cores: ${os.availableParallelism()}, load average ${load()} (figures below are wall time on a machine shared with that load; CPU seconds are this process's own)`);

  // 1. The whole audit through the CLI.
  const a0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/livecomply.cjs', 'audit', long, '--screen', 'on', '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const auditSec = (performance.now() - a0) / 1000;
  const report = JSON.parse(r.stdout) as { files: { status: string; error?: string; findings: { source?: string; kind: string; category: string }[] }[] };
  const file = report.files[0]!;
  const screenFindings = file.findings.filter((f) => f.source === 'screen').length;
  console.log(
    `audit --screen on: ${auditSec.toFixed(1)} s for ${seconds} s of video = ${(auditSec / seconds).toFixed(3)}× real time (${file.status}${file.error ? `: ${file.error}` : ''}; ${file.findings.length} findings, ${screenFindings} from the screen; seller disclosure ${file.findings.some((f) => f.category === 'seller-disclosure' && f.kind === 'missing') ? 'MISSING' : 'satisfied'})`,
  );

  // 2. Reading the screen in-process.
  const info = await probeMedia(long);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const s0 = performance.now();
  const c0 = process.cpuUsage();
  const screen = await readScreen(long, info, { language: 'ja' });
  const screenSec = (performance.now() - s0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  console.log(
    `screen (in-process, workers warm after the first file): ${screen.frames} frames sampled (1/s), ${screen.framesRead} with a change read by OCR, ${screenSec.toFixed(1)} s = ${(screen.frames / screenSec).toFixed(2)} frames/s, ${(screenSec / seconds).toFixed(3)}× real time, OCR CPU ${cpuSec.toFixed(1)} s (${(cpuSec / seconds).toFixed(3)} CPU-s per second of video, ffmpeg's decoding not counted), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, load average ${load()}`,
  );
  const acc = accuracy(shown, screen.segments);
  console.log(`OCR accuracy ja (${minutes} min video): ${((100 * acc.correct) / acc.chars).toFixed(1)} % of ${acc.chars} characters; ${acc.found}/${shown.length} texts found`);

  // 3. Accuracy on zh and ko clips (1 minute each, cards every 10 s).
  for (const lang of ['zh', 'ko'] as const) {
    const clip = path.join(dir, `${lang}.mp4`);
    const truth = generate(clip, lang, 60, 10);
    const res = await readScreen(clip, await probeMedia(clip), { language: lang });
    const a = accuracy(truth, res.segments);
    console.log(`OCR accuracy ${lang} (1 min clip): ${((100 * a.correct) / a.chars).toFixed(1)} % of ${a.chars} characters; ${a.found}/${truth.length} texts found`);
  }
} finally {
  await closeOcr();
  rmSync(dir, { recursive: true, force: true });
}
