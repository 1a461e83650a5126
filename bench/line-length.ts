/**
 * Audit time against the length of one line: every stage (decoding, parsing, normalising,
 * tokenizing, matching) must be linear in it. One plain-text transcript of a single line, from
 * 16 KB to 1 MB of UTF-8 (Chinese, with a finding at the very end), audited in-process with the
 * built-in rulesets; prints the better of two runs in seconds and microseconds per KB (flat = linear).
 * Before long lines were cut into pieces and segmented in windows, a 65,000-character line took
 * 100 s and 175,000 characters did not finish in 5 minutes.
 * Run: npm run bench:linear
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditFile } from '../src/audit/audit-file.js';
import { Engine } from '../src/audit/engine.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bench-line-'));
const engine = new Engine();
const sentence = '家人们晚上好，这款精华的配方很好，今天价格也很合适。';

async function run(bytes: number): Promise<{ seconds: number; chars: number; found: boolean }> {
  const unit = Buffer.byteLength(sentence);
  const line = sentence.repeat(Math.max(1, Math.round(bytes / unit))) + '这是国家级配方';
  const file = path.join(dir, `line-${bytes}.txt`);
  writeFileSync(file, line + '\n');
  const t0 = performance.now();
  const { report } = await auditFile({ path: path.basename(file), absolute: file, kind: 'transcript', sidecars: [] }, engine, { lang: 'auto', transcript: 'auto' });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, chars: line.length, found: report.findings.some((f) => f.text === '国家级') };
}

await run(1024); // warm-up: tokenizers and rulesets load once
console.log('one line of n bytes (UTF-8 Chinese), audited in-process:');
console.log('   bytes      chars   seconds   µs/KB   finding at the end');
for (const kb of [16, 64, 256, 512, 1024]) {
  // The better of two runs: a garbage collection in the middle of one is not the audit's cost.
  const a = await run(kb * 1024);
  const b = await run(kb * 1024);
  const r = a.seconds <= b.seconds ? a : b;
  console.log(`${String(kb * 1024).padStart(8)} ${String(r.chars).padStart(10)} ${r.seconds.toFixed(2).padStart(9)} ${String(Math.round((r.seconds * 1e6) / kb)).padStart(7)}   ${r.found ? 'found' : 'MISSED'}`);
}
