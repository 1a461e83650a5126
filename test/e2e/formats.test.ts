/**
 * Every report format from one CLI run (--output-dir) over a mixed folder — the samples, a recording
 * with its sidecar transcript, a recording with no transcript and no model, and a corrupt transcript:
 * each file is written, the exit code is 3, and the failed file appears in each format.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SarifLog } from '../../src/report/formats/sarif.js';
import type { Report } from '../../src/report/model.js';
import { builtinRuleset } from '../helpers/builtin.js';
import { ROOT, runCli, type RunResult } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif.js';
import { validateReport } from '../helpers/schema.js';
import { findAll, parseXml, textOf } from '../helpers/xml.js';
import { audioFile, speechLike } from '../helpers/media.js';
import { warmCacheDir } from '../helpers/warm-cache.js';

const BROKEN = 'in/broken.srt';
const RECORDING = 'in/live.m4a';
const UNTRANSCRIBED = 'in/no-words.m4a';
const BROKEN_SRT = '1\n00:00:01,000 --> 00:00:03,000\n日本一の美容液です\n\n2\n00:00:05,000 --> yesterday\n壊れた行\n';

describe('livecomply audit --format json,html,sarif,junit,csv,md --output-dir', () => {
  let dir: string;
  let r: RunResult;
  const read = (name: string) => readFileSync(path.join(dir, 'out', name), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lc-formats-'));
    mkdirSync(path.join(dir, 'in'));
    for (const f of readdirSync(path.join(ROOT, 'samples'))) copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, 'in', f));
    writeFileSync(path.join(dir, BROKEN), BROKEN_SRT);
    // A recording with its sidecar, and one with neither sidecar nor model (fails with the offline message).
    audioFile(path.join(dir, RECORDING), [speechLike(12)], ['-c:a', 'aac']);
    writeFileSync(path.join(dir, 'in/live.srt'), '1\n00:00:05,000 --> 00:00:08,000\n这款面霜全网最低价\n');
    audioFile(path.join(dir, UNTRANSCRIBED), [speechLike(4)], ['-c:a', 'aac']);
    // A cache folder of its own (no speech model in it, whatever the default folder holds), with the rulesets the suite warmed.
    warmCacheDir(path.join(dir, 'cache'));
    r = await runCli(['audit', 'in', '--format', 'json,html,sarif,junit,csv,md', '--output-dir', 'out', '--cache-dir', 'cache'], {
      cwd: dir,
      env: { LIVECOMPLY_OFFLINE: '1', LIVECOMPLY_MODEL_DIR: undefined, LIVECOMPLY_CACHE_DIR: undefined },
    });
  });

  it('writes one file per format and exits 3 (an input could not be audited)', () => {
    expect(r.code).toBe(3);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['livecomply-report.csv', 'livecomply-report.html', 'livecomply-report.json', 'livecomply-report.md', 'livecomply-report.sarif', 'livecomply-report.xml']);
  });

  it('JSON: contract-valid, the broken file has status error with its place', () => {
    const report = JSON.parse(read('livecomply-report.json')) as Report;
    expect(validateReport(report)).toEqual([]);
    const broken = report.files.find((f) => f.path === BROKEN)!;
    expect(broken.status).toBe('error');
    expect(broken.error).toMatch(/broken\.srt:\d+/);
    for (const f of report.files.filter((x) => x.language === 'ja')) expect(f.status).toBe('ok');
    const live = report.files.find((f) => f.path === RECORDING)!;
    expect(live).toMatchObject({ status: 'ok', transcriptSource: 'sidecar', language: 'zh' });
    expect(live.durationSec).toBeCloseTo(12, 0);
    expect(live.findings.find((f) => f.category === 'misleading-price')!.start).toBeGreaterThanOrEqual(5);
    const none = report.files.find((f) => f.path === UNTRANSCRIBED)!;
    expect(none.status).toBe('error');
    expect(none.error).toContain('--model-dir');
  });

  it('SARIF: schema-valid; the broken file is a tool execution notification; every rule of the rulesets used is described', async () => {
    const log = JSON.parse(read('livecomply-report.sarif')) as SarifLog;
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => n.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([BROKEN, UNTRANSCRIBED]);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/\/.*\/$/);
    // The default Japanese ruleset was used (no --ruleset): all its rules are there, triggered or not.
    const ids = new Set(run.tool.driver.rules.map((x) => x.id));
    const jp = await builtinRuleset('jp');
    for (const rule of jp.rules) expect(ids.has(rule.id), rule.id).toBe(true);
    const triggered = new Set(run.results.map((x) => x.ruleId));
    expect(ids.size).toBeGreaterThan(triggered.size);
    const described = run.tool.driver.rules.find((x) => x.id === jp.rules[0]!.id)!;
    expect(described.shortDescription.text).toBe(jp.rules[0]!.message.en);
    expect(described.properties.reference).toBe(jp.rules[0]!.reference);
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('JUnit: well-formed; the broken file is a testsuite with an <error>', () => {
    const root = parseXml(read('livecomply-report.xml'));
    const suite = findAll(root, 'testsuite').find((s) => s.attrs.name === BROKEN)!;
    expect(suite.attrs).toMatchObject({ errors: '1', tests: '1' });
    expect(findAll(suite, 'error')[0]!.attrs.message).toMatch(/broken\.srt:\d+/);
    expect(Number(root.attrs.failures)).toBeGreaterThan(0);
    expect(textOf(root)).toContain('law: ');
  });

  it('CSV: BOM + CRLF; the broken file is a row with status error', () => {
    const csv = read('livecomply-report.csv');
    expect(csv.startsWith('\uFEFFfile,language,status,error,start,end,time,ruleId,')).toBe(true);
    const line = csv.split('\r\n').find((l) => l.startsWith(`${BROKEN},`))!;
    expect(line).toMatch(new RegExp(`^${BROKEN},,error,"?${BROKEN}:\\d+`));
  });

  it('Markdown: the broken file is listed with its error', () => {
    const md = read('livecomply-report.md');
    expect(md).toMatch(/^### ❌ livecomply: \d+ findings/);
    expect(md).toContain('#### Could not be audited');
    expect(md).toMatch(new RegExp(`- \`${BROKEN}\`: ${BROKEN}:\\d+`));
  });

  it('HTML: the broken file is in the embedded data with its error', () => {
    const html = read('livecomply-report.html');
    const data = JSON.parse(/<script type="application\/json" id="lc-data">([^]*?)<\/script>/.exec(html)![1]!) as { files: { path: string; status: string; error: string | null; media: unknown }[] };
    const broken = data.files.find((f) => f.path === BROKEN)!;
    expect(broken.status).toBe('error');
    expect(broken.error).toMatch(/broken\.srt:\d+/);
    // Transcripts have no player; recordings have one (also the one that could not be transcribed: listen to it).
    expect(data.files.filter((f) => f.media !== null).map((f) => f.path)).toEqual([RECORDING, UNTRANSCRIBED]);
  });
});
