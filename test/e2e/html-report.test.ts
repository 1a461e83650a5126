/**
 * The HTML report in a real headless browser (Debian's chromium through playwright-core): a real
 * recording made with ffmpeg, audited through the CLI, opened from a file:// URL; filters, a click
 * on a finding seeks the player, nothing is fetched from the network, user text cannot run.
 * Skips with a visible message when chromium is not installed (CI installs it: .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/formats/html.js';
import { buildReport, type FileReport } from '../../src/report/model.js';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { report as hostileReport } from '../unit/report/formats-fixture.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('\n[html-report] SKIPPED: chromium is not installed (apt-get install chromium); the HTML report was not tested in a browser.\n');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const RULESET = `id: t
language: ja
rules:
  - id: t/superlative
    kind: prohibit
    category: superlative
    severity: error
    message: { ja: 根拠のない最上級表示です, en: Unsupported superlative }
    reference: 景品表示法 第5条第1号
    terms: [日本一]
    examples: { bad: [日本一売れています], good: [日本で売れています] }
  - id: t/price
    kind: prohibit
    category: misleading-price
    severity: warning
    message: { ja: 二重価格のおそれがあります, en: Possibly misleading reference price }
    reference: 景品表示法 第5条第2号
    terms: [今だけ]
    examples: { bad: [今だけ半額], good: [半額です] }
`;

const SRT = `1
00:00:01,000 --> 00:00:04,000
みなさんこんばんは、ライブへようこそ。

2
00:00:12,000 --> 00:00:14,500
この美容液は日本一売れています。

3
00:00:15,000 --> 00:00:18,000
今だけ半額です。
`;

const VTT = `WEBVTT

00:00:02.000 --> 00:00:05.000
今だけのお値段です。
`;

describe.skipIf(!CHROMIUM)('HTML report in a headless browser', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS });
    dir = mkdtempSync(path.join(os.tmpdir(), 'lc-html-'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready=true]', { timeout: 10_000 });
    return { page, requests, problems };
  }

  it('audit of a real recording + sidecar: filters hide and show, a click on a finding seeks the player to its second', async () => {
    const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    const media = path.join(dir, 'media');
    mkdirSync(media, { recursive: true });
    execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20', '-ac', '1', '-ar', '16000', path.join(media, 'live show.wav')]);
    writeFileSync(path.join(media, 'live show.srt'), SRT);
    writeFileSync(path.join(media, 'notes.vtt'), VTT);
    writeFileSync(path.join(dir, 'rules.yaml'), RULESET);
    const out = path.join(dir, 'out', 'report.html');
    const r = await runCli(['audit', 'media', '--ruleset', 'rules.yaml', '--format', 'html', '--output', out, '--transcript', 'sidecar'], { cwd: dir });
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.code).toBe(1);

    const { page, requests, problems } = await open(out);
    // Two files: the recording (with a player) and a transcript-only file (without one).
    expect(await page.locator('section.file').count()).toBe(2);
    expect(await page.locator('section.file h2').allTextContents()).toEqual(['media/live show.wav', 'media/notes.vtt']);
    expect(await page.locator('audio').count()).toBe(1);
    expect(await page.locator('audio').getAttribute('src')).toBe('../media/live%20show.wav');
    expect(await page.locator('tr.finding').count()).toBe(3);

    // Filters: severity, category, file.
    await page.uncheck('input[name=severity][value=warning]');
    expect(await page.locator('tr.finding:visible').count()).toBe(1);
    await page.check('input[name=severity][value=warning]');
    await page.selectOption('#f-category', 'misleading-price');
    expect(await page.locator('tr.finding:visible').count()).toBe(2);
    await page.selectOption('#f-category', '');
    await page.selectOption('#f-file', { label: 'media/notes.vtt' });
    expect(await page.locator('section.file:visible h2').allTextContents()).toEqual(['media/notes.vtt']);
    await page.selectOption('#f-file', '');
    expect(await page.locator('tr.finding:visible').count()).toBe(3);
    expect(await page.locator('#f-count').textContent()).toBe('showing 3 of 3 findings');

    // The match is highlighted in the finding's context and in the transcript.
    const row = page.locator('tr.finding', { hasText: '日本一' });
    expect(await row.locator('mark').textContent()).toBe('日本一');
    const second = Number(await row.getAttribute('data-start'));
    expect(second).toBeGreaterThanOrEqual(12);
    expect(second).toBeLessThan(14.5);

    // Click the finding: the player jumps to its second (and plays on from there).
    await row.click();
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime), { timeout: 5000 }).toBeGreaterThanOrEqual(second - 0.05);
    const t = await page.evaluate(() => document.querySelector('audio')!.currentTime);
    expect(Math.abs(t - second)).toBeLessThan(1.5);
    expect(await page.locator('section.file').first().locator('details').getAttribute('open')).not.toBeNull();
    expect(await page.locator('li.seg.flash').textContent()).toContain('日本一');

    // Click a transcript line: the player seeks there.
    await page.locator('li.seg', { hasText: '今だけ半額です' }).click();
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime), { timeout: 5000 }).toBeGreaterThanOrEqual(15);
    expect(await page.evaluate(() => document.querySelector('audio')!.currentTime)).toBeLessThan(16.5);

    // Offline: only the page itself and the recording beside it were loaded; nothing blocked.
    for (const u of requests) expect(u.startsWith('file://'), u).toBe(true);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
    await page.close();
  });

  it('hostile text in findings is shown as text and never runs', async () => {
    const file = path.join(dir, 'hostile.html');
    writeFileSync(file, formatHtml(hostileReport(), { failOn: 'error', cwd: dir, outputDir: dir, transcripts: { 'hostile/a|b,"c".srt': [{ start: 5, end: 6, text: '国家级</script><img src=x onerror="window.__xss=1">' }] } }));
    const { page, problems } = await open(file);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    const row = page.locator('tr.finding', { hasText: 'HYPERLINK' });
    expect(await row.textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('section.file.failed').textContent()).toContain('expected a time line');
    expect(await page.locator('#f-count').textContent()).toBe('showing 6 of 6 findings');
    // Untimed findings: clicking does not fail; there is no player to seek.
    await page.locator('tr.finding', { hasText: 'line 3' }).click();
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await page.close();
  });

  it('a big report builds finding rows only near the screen, and filters, clicks and transcripts still work everywhere', async () => {
    const FILES = 60;
    const PER = 20;
    const files: FileReport[] = Array.from({ length: FILES }, (_, i) => ({
      path: `big/day-${String(i).padStart(2, '0')}.mp4`,
      language: 'ja',
      status: 'ok',
      durationSec: 1800,
      transcriptSource: 'sidecar',
      findings: Array.from({ length: PER }, (_, k) => ({
        ruleId: `t/r${k % 4}`, category: k % 4 === 0 ? 'misleading-price' : 'superlative', kind: 'prohibited', severity: k % 2 ? 'warning' : 'error',
        start: k * 60 + 10, end: k * 60 + 12, text: k % 4 === 0 ? '今だけ' : '日本一', context: `ファイル${i}の${k % 4 === 0 ? '今だけ' : '日本一'}です`, message: 'm', reference: '景品表示法',
      })),
    }));
    const transcripts = Object.fromEntries(files.map((f) => [f.path, Array.from({ length: 90 }, (_, k) => ({ start: k * 20, end: k * 20 + 20, text: k % 3 === 0 ? `${f.path}の日本一です` : 'こんばんは' }))]));
    const file = path.join(dir, 'big.html');
    writeFileSync(file, formatHtml(buildReport(files, '1'), { failOn: 'error', cwd: dir, outputDir: dir, transcripts }));
    const { page } = await open(file);
    const total = FILES * PER;
    expect(await page.locator('#f-count').textContent()).toBe(`showing ${total} of ${total} findings`);
    expect(await page.locator('section.file').count()).toBe(FILES);
    // Rows exist for the first sections only; the last one has none (and no player) until it comes near.
    const first = await page.locator('tr.finding').count();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(total / 4);
    expect(await page.locator('section.file').first().locator('tr.finding').count()).toBe(PER);
    const last = page.locator(`#file-${FILES - 1}`);
    expect(await last.locator('tr.finding').count()).toBe(0);
    expect(await last.locator('video').count()).toBe(0);

    // Scrolled to: its rows and its player appear; the rows far above are dropped again.
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.locator('tr.finding').count(), { timeout: 5000 }).toBe(PER);
    expect(await last.locator('video').getAttribute('src')).toBe(`big/day-${FILES - 1}.mp4`);
    await expect.poll(() => page.locator('section.file').first().locator('tr.finding').count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator('tr.finding').count()).toBeLessThan(total / 4);

    // Filters work on all findings, built or not; the rows on screen follow.
    await page.uncheck('input[name=severity][value=warning]');
    expect(await page.locator('#f-count').textContent()).toBe(`showing ${total / 2} of ${total} findings`);
    expect(await last.locator('tr.finding:visible').count()).toBe(PER / 2);
    expect(await page.locator('tr.finding[data-severity=warning]').count()).toBe(0);
    await page.selectOption('#f-category', 'misleading-price');
    expect(await page.locator('#f-count').textContent()).toBe(`showing ${(total / 4)} of ${total} findings`);
    expect(await last.locator('tr.finding:visible').count()).toBe(PER / 4);
    await page.selectOption('#f-file', { label: 'big/day-30.mp4' });
    expect(await page.locator('section.file:visible h2').allTextContents()).toEqual(['big/day-30.mp4']);
    await expect.poll(() => page.locator('tr.finding:visible').count(), { timeout: 5000 }).toBe(PER / 4);
    expect(await page.locator('#f-count').textContent()).toBe(`showing ${PER / 4} of ${total} findings`);
    await page.selectOption('#f-file', '');
    await page.selectOption('#f-category', '');
    await page.check('input[name=severity][value=warning]');
    expect(await page.locator('#f-count').textContent()).toBe(`showing ${total} of ${total} findings`);

    // A section in the middle: its rows come when scrolled to; a click marks the row, opens the
    // transcript at the matching line (match highlighted), and a transcript line is clickable.
    const mid = page.locator('#file-30');
    await mid.scrollIntoViewIfNeeded();
    await expect.poll(() => mid.locator('tr.finding').count(), { timeout: 5000 }).toBe(PER);
    const row = mid.locator('tr.finding').nth(1);
    expect(await row.locator('mark').textContent()).toBe('日本一');
    await row.click();
    expect(await row.getAttribute('class')).toContain('active');
    expect(await mid.locator('details').getAttribute('open')).not.toBeNull();
    expect(await mid.locator('li.seg').count()).toBe(90);
    expect(await mid.locator('li.seg.flash').textContent()).toContain('big/day-30.mp4の日本一です');
    expect(await mid.locator('li.seg.flash mark').textContent()).toBe('日本一');
    await mid.locator('li.seg').nth(5).click();
    expect(await page.locator('tr.finding.active').count()).toBe(1);
    await page.close();
  });

  // The audit in this process: formats.test.ts proves through the spawned CLI that --output-dir gets every format's file.
  it('reads the same data a JSON report holds (json and html from one run agree)', async () => {
    const outDir = path.join(dir, 'both');
    const r = await runCliInProcess(['audit', path.join(ROOT, 'test/fixtures/e2e/batch/ok.vtt'), '--format', 'json,html', '--output-dir', outDir, '--lang', 'auto']);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(readFileSync(path.join(outDir, 'livecomply-report.json'), 'utf8')) as { summary: { findings: number } };
    const { page } = await open(path.join(outDir, 'livecomply-report.html'));
    expect(await page.locator('tr.finding').count()).toBe(json.summary.findings);
    await page.close();
  });
});
