/**
 * Report rendering cost and size: every format over a synthetic batch (200 files of one hour,
 * 50 findings each = 10,000 findings, with transcripts of 720 segments per file for HTML).
 * Run: npx tsx bench/formats.ts
 */
import { performance } from 'node:perf_hooks';
import { FORMAT_NAMES, render, type RenderContext } from '../src/report/formats/index.js';
import { buildReport, type FileReport, type Finding } from '../src/report/model.js';

const FILES = 200;
const PER_FILE = 50;
const words = ['日本一', '今だけ', 'シミが消える', '国家级', '全网最低价', '최고'];
const files: FileReport[] = [];
const transcripts: NonNullable<RenderContext['transcripts']> = {};
for (let i = 0; i < FILES; i++) {
  const path = `streams/day-${String(i).padStart(3, '0')}.mp4`;
  const findings: Finding[] = Array.from({ length: PER_FILE }, (_, k) => {
    const w = words[k % words.length]!;
    return { ruleId: `jp/rule-${k % 12}`, category: 'superlative', kind: 'prohibited', severity: k % 3 === 0 ? 'warning' : 'error', start: k * 70 + 1.5, end: k * 70 + 3, text: w, context: `この美容液は${w}売れているんです、みなさん`, message: '根拠のない最上級表示は優良誤認表示となるおそれがあります', reference: '景品表示法 第5条第1号' };
  });
  files.push({ path, language: 'ja', status: 'ok', durationSec: 3600, transcriptSource: 'sidecar', findings });
  transcripts[path] = Array.from({ length: 720 }, (_, k) => ({ start: k * 5, end: k * 5 + 5, text: `この美容液は${words[k % words.length]}売れているんです、みなさんこんばんは` }));
}
const report = buildReport(files, '0.0.0');
const ctx: RenderContext = { color: false, failOn: 'error', cwd: '/work', outputDir: '/work/reports', transcripts };
console.log(`${FILES} files, ${FILES * PER_FILE} findings, ${FILES * 720} transcript segments`);
for (const format of FORMAT_NAMES) {
  await render(format, report, ctx); // warm-up
  const t0 = performance.now();
  const out = await render(format, report, ctx);
  const ms = performance.now() - t0;
  console.log(`${format.padEnd(7)} ${ms.toFixed(0).padStart(5)} ms  ${(Buffer.byteLength(out) / 2 ** 20).toFixed(2).padStart(6)} MiB`);
}
