/**
 * Batch throughput and memory: audit 100, 1,000 and 3,000 transcripts (copies of the samples in a
 * temp folder) with the default concurrency, printing files/s and peak RSS. Memory should depend on
 * the files in flight, not on the batch size.
 * Run: npm run bench:batch
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditBatch } from '../src/audit/batch.js';
import { Engine } from '../src/audit/engine.js';
import { collectInputs } from '../src/audit/inputs.js';
import { defaultConcurrency } from '../src/cli/audit.js';

const samples = path.resolve(import.meta.dirname, '..', 'samples');
const names = readdirSync(samples);
const engine = new Engine();
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
// Warm up: load the three tokenizers once, as a long batch does.
{
  const { inputs } = await collectInputs([samples]);
  await auditBatch(inputs, engine, { lang: 'auto', transcript: 'auto', concurrency: defaultConcurrency() });
}
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`concurrency ${defaultConcurrency()}; RSS after loading ja/zh/ko analysers: ${mib(process.memoryUsage().rss)}`);
console.log('| files | seconds | files/s | findings | peak RSS |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const n of [100, 1000, 3000]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bench-batch-'));
  for (let i = 0; i < n; i++) {
    const name = names[i % names.length] as string;
    cpSync(path.join(samples, name), path.join(dir, `${String(i).padStart(5, '0')}-${name}`));
  }
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const { inputs } = await collectInputs([dir]);
  const r = await auditBatch(inputs, engine, { lang: 'auto', transcript: 'auto', concurrency: defaultConcurrency() });
  const s = (performance.now() - t0) / 1000;
  const findings = r.files.reduce((k, f) => k + f.findings.length, 0);
  console.log(`| ${n} | ${s.toFixed(2)} | ${(n / s).toFixed(0)} | ${findings} | ${mib(peak)} |`);
  rmSync(dir, { recursive: true, force: true });
}
clearInterval(sampler);
