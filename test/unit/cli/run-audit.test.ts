/** runAudit in-process: where a configured output went, and a baseline that keeps a broken file's findings. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAudit, type AuditCommandOptions } from '../../../src/cli/audit.js';

const base: AuditCommandOptions = { lang: 'auto', rulesets: [], formats: ['json'], failOn: 'never', transcript: 'auto', messageLanguage: 'en', color: false, interactive: false };
const SRT = '1\n00:00:01,000 --> 00:00:03,000\n这款精华是国家级配方\n';

function captureStderr(): () => string {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    text += String(s);
    return true;
  });
  return () => {
    spy.mockRestore();
    return text;
  };
}

afterEach(() => vi.restoreAllMocks());

describe('runAudit', () => {
  it('says where it wrote when the output folder came from the configuration file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-run-'));
    writeFileSync(path.join(dir, 'a.srt'), SRT);
    const out = path.join(dir, 'reports');
    const stop = captureStderr();
    const code = await runAudit([path.join(dir, 'a.srt')], { ...base, formats: ['json', 'md'], outputDir: out, outputFromConfig: true });
    const err = stop();
    expect(code).toBe(0);
    expect(err).toContain(`livecomply: wrote ${path.join(out, 'livecomply-report.json')}, ${path.join(out, 'livecomply-report.md')} (output set in the configuration file)`);
    expect(JSON.parse(readFileSync(path.join(out, 'livecomply-report.json'), 'utf8')).files[0].encoding).toBe('UTF-8');
  });

  it('--write-baseline keeps the accepted findings of a file that no longer parses', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-run-'));
    const srt = path.join(dir, 'a.srt');
    const baseline = path.join(dir, 'baseline.json');
    writeFileSync(srt, SRT);
    let stop = captureStderr();
    await runAudit([srt], { ...base, output: path.join(dir, 'r.json'), writeBaseline: baseline });
    stop();
    const before = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(before.findings.length).toBeGreaterThan(0);
    writeFileSync(srt, '1\n00:00:01,000 --> broken\n国家级\n');
    stop = captureStderr();
    const code = await runAudit([srt], { ...base, output: path.join(dir, 'r.json'), writeBaseline: baseline });
    const err = stop();
    expect(code).toBe(3);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings).toEqual(before.findings);
    expect(err).toMatch(/kept \d+ from the old baseline for files that could not be audited/);
  });
});
