/**
 * Many machines and accepted findings: four shards merged give the same report as one run, and a
 * baseline silences what was accepted while new findings still fail the run.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { validateReport } from '../helpers/schema.js';

interface JsonReport {
  files: { path: string; status: string; findings: { ruleId: string; start: number | null; text: string }[] }[];
  summary: { files: number; failed: number; findings: number; baselined?: number };
}
// A fixed ruleset, so these tests do not move when the built-in rulesets grow.
const RULES = path.join(ROOT, 'test/fixtures/rulesets/zh-basic.yaml');
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as JsonReport;

/** A small batch folder: the samples (three languages) and the e2e batch (with a broken transcript). */
function batch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-batch-'));
  cpSync(path.join(ROOT, 'samples'), path.join(dir, 'in', 'samples'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/e2e/batch'), path.join(dir, 'in', 'batch'), { recursive: true });
  return dir;
}

describe('shards and merge', () => {
  // In this process: the spawned merge is covered by the usage-error test below (--shard is option parsing, in this process too).
  it('four shards merged equal one unsharded run', async () => {
    const dir = batch();
    const whole = await runCliInProcess(['audit', 'in', '--format', 'json', '--output', 'whole.json'], { cwd: dir });
    expect(whole.code).toBe(3); // the broken transcript
    const shards = [];
    for (let k = 1; k <= 4; k++) {
      const r = await runCliInProcess(['audit', 'in', '--shard', `${k}/4`, '--format', 'json', '--output', `shard-${k}.json`], { cwd: dir });
      expect([0, 1, 3]).toContain(r.code);
      shards.push(read(path.join(dir, `shard-${k}.json`)));
    }
    // Each file in exactly one shard.
    const paths = shards.flatMap((s) => s.files.map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(shards.filter((s) => s.files.length > 0).length).toBeGreaterThan(1);

    const merged = await runCliInProcess(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', 'shard-4.json', '--format', 'json', '--output', 'merged.json'], { cwd: dir });
    expect(merged.code).toBe(whole.code);
    const a = read(path.join(dir, 'whole.json'));
    const b = read(path.join(dir, 'merged.json'));
    expect(validateReport(b)).toEqual([]);
    expect(b.files).toEqual(a.files);
    expect(b.summary).toEqual(a.summary);

    const pretty = await runCliInProcess(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', 'shard-4.json'], { cwd: dir });
    expect(pretty.stdout).toContain('could not be audited');
  });

  it('a report that cannot be read stops the merge (exit 2) naming it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-merge-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"not": "a report"}');
    const r = await runCli(['merge', 'bad.json', 'missing.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: not a livecomply JSON report');
  });

  // In this process: exit 2 from the spawned CLI is proven by the merge test above and media.test.ts (--model).
  it('a bad --shard is a usage error', async () => {
    const r = await runCliInProcess(['audit', 'samples/', '--shard', '5/4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard 5/4');
  });
});

describe('baseline', () => {
  it('silences accepted findings, also in a re-cut recording, and still reports new ones', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-base-'));
    cpSync(path.join(ROOT, 'samples/zh-stream.srt'), path.join(dir, 'stream.srt'));
    const first = await runCliInProcess(['audit', 'stream.srt', '--write-baseline', 'accepted.json', '--format', 'json', '--ruleset', RULES], { cwd: dir });
    expect(first.code).toBe(1);
    const accepted = JSON.parse(first.stdout) as JsonReport;

    const again = await runCliInProcess(['audit', 'stream.srt', '--baseline', 'accepted.json', '--format', 'json', '--ruleset', RULES], { cwd: dir });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ summary: { findings: 0, baselined: accepted.summary.findings } });

    // Re-cut: every cue 7 seconds later, plus one new claim at the end.
    const srt = readFileSync(path.join(dir, 'stream.srt'), 'utf8').replace(/(\d\d):(\d\d):(\d\d),(\d\d\d)/g, (_m, h: string, m: string, s: string, ms: string) => {
      const t = Number(h) * 3600 + Number(m) * 60 + Number(s) + 7;
      return `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')},${ms}`;
    });
    writeFileSync(path.join(dir, 'stream.srt'), `${srt.trimEnd()}\n\n99\n00:01:30,000 --> 00:01:34,000\n这款面霜是国家级的最佳品质\n`);
    const recut = await runCliInProcess(['audit', 'stream.srt', '--baseline', 'accepted.json', '--format', 'json', '--ruleset', RULES], { cwd: dir });
    expect(recut.code).toBe(1);
    const r = JSON.parse(recut.stdout) as JsonReport;
    expect(r.files[0]!.findings.length).toBeGreaterThan(0);
    for (const f of r.files[0]!.findings) expect(f.start).toBeGreaterThanOrEqual(90);
  });

  it('the config file can name the baseline (relative to the config file)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-base-cfg-'));
    cpSync(path.join(ROOT, 'samples/zh-stream.srt'), path.join(dir, 'streams', 'a.srt'));
    writeFileSync(path.join(dir, 'livecomply.config.yaml'), 'baseline: compliance/accepted.json\n');
    const first = await runCliInProcess(['audit', 'streams', '--write-baseline', 'compliance/accepted.json', '--ruleset', RULES], { cwd: dir });
    // Writing a baseline ignores the one the config names (it may not exist yet); the run reports as usual.
    expect(first.code).toBe(1);
    const sub = path.join(dir, 'streams');
    const again = await runCliInProcess(['audit', '.', '--format', 'json', '--ruleset', RULES], { cwd: sub });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ summary: { findings: 0 } });
  });

  // In this process, as --shard above: the spawned CLI's exit 2 is proven elsewhere.
  it('a baseline that is missing or not a baseline is a usage error', async () => {
    const missing = await runCliInProcess(['audit', 'samples/', '--baseline', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--baseline nope.json: no such file');
    const notOne = await runCliInProcess(['audit', 'samples/', '--baseline', 'package.json']);
    expect(notOne.code).toBe(2);
    expect(notOne.stderr).toContain('package.json: not a livecomply baseline');
  });
});
