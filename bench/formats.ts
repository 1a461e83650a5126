/**
 * Report rendering cost and size: every format over a synthetic batch (200 files of one hour,
 * 50 findings each = 10,000 findings, with transcripts of 720 segments per file for HTML), then
 * that HTML report opened in headless chromium (first row on screen, click, filter changes).
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

// ---------------------------------------------------------------------------------------------
// The HTML report of this batch in a real headless browser (Debian's chromium via playwright-core):
// time from navigation to the first finding row on screen, to the page's script being done
// (html[data-ready]), to a click on a finding answering, and to each filter change settled (the
// rows for the new filter are in the DOM and a frame has been painted). Skipped without chromium.
{
  const { existsSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!CHROMIUM) {
    console.log('html in chromium: SKIPPED (chromium is not installed)');
  } else {
    const { chromium } = await import('playwright-core');
    const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lc-bench-html-')), 'report.html');
    writeFileSync(file, await render('html', report, { ...ctx, outputDir: path.dirname(file) }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const RUNS = 3;
    const rows: Record<string, number[]> = {};
    const add = (k: string, v: number) => (rows[k] ??= []).push(v);
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // tsx compiles the in-page functions below with esbuild's keepNames, which calls __name().
      await page.addInitScript('globalThis.__name = (f) => f');
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit', timeout: 120_000 });
      // performance.now() in the page counts from the navigation's start.
      add('first finding row visible', await (await page.waitForFunction(() => {
        const r = document.querySelector('tr.finding');
        if (!r) return false;
        const b = r.getBoundingClientRect();
        return b.height > 0 && b.top < innerHeight ? performance.now() : false;
      }, undefined, { polling: 'raf', timeout: 120_000 })).jsonValue() as number);
      await page.waitForSelector('html[data-ready=true]', { timeout: 120_000 });
      add('data-ready seen', await page.evaluate(() => performance.now()));
      // A click on the first finding: until the row is marked active and a frame painted.
      add('click on a finding', await page.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        await frame();
        const t0 = performance.now();
        (document.querySelector('tr.finding') as HTMLElement).click();
        await frame();
        if (!document.querySelector('tr.finding.active')) throw new Error('click did nothing');
        return performance.now() - t0;
      }));
      const change = async (label: string, act: string, expect: string) => {
        add(`filter: ${label}`, await page.evaluate(async ([act, expect]) => {
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await frame();
          const t0 = performance.now();
          const [kind, sel, value] = act!.split('|') as [string, string, string];
          const c = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement;
          if (kind === 'check') (c as HTMLInputElement).checked = value === 'on';
          else c.value = value;
          c.dispatchEvent(new Event('change', { bubbles: true }));
          // Settled: the count says what we expect and a finding row is on screen (or none match).
          for (;;) {
            await frame();
            const r = Array.from(document.querySelectorAll('tr.finding')).find((x) => { const b = x.getBoundingClientRect(); return b.height > 0 && b.bottom > 0 && b.top < innerHeight; });
            if (document.getElementById('f-count')!.textContent!.startsWith(expect!) && r) break;
            if (performance.now() - t0 > 60_000) throw new Error('filter did not settle');
          }
          return performance.now() - t0;
        }, [act, expect]));
      };
      await change('severity -warning', 'check|input[name=severity][value=warning]|off', 'showing 6600 ');
      await change('severity +warning', 'check|input[name=severity][value=warning]|on', 'showing 10000 ');
      await change('category', 'select|#f-category|superlative', 'showing 10000 ');
      await change('file = last', `select|#f-file|${FILES - 1}`, `showing ${PER_FILE} `);
      await change('file = all', 'select|#f-file|', 'showing 10000 ');
      add('DOM elements after', await page.evaluate(() => document.getElementsByTagName('*').length));
      await page.close();
    }
    await browser.close();
    console.log(`\nhtml in headless chromium (${RUNS} loads, median; ${path.basename(CHROMIUM)}):`);
    for (const [k, v] of Object.entries(rows)) {
      const m = [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
      console.log(`  ${k.padEnd(28)} ${k.startsWith('DOM') ? String(m).padStart(7) : `${m.toFixed(0).padStart(5)} ms`}`);
    }
  }
}
