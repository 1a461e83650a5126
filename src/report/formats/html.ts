/**
 * One self-contained HTML file (inline CSS and JS, no network, no external assets) that a person
 * opens offline: summary; filters by file, severity and category; each finding with its time,
 * context (match highlighted), message and law; per file a player for the recording (clicking a
 * finding seeks to its second and plays) and the transcript with matches highlighted (clicking a
 * line seeks there).
 *
 * Big reports (thousands of findings) stay quick: the page builds a file's finding rows and its
 * player only when the section comes near the screen (IntersectionObserver) and drops the rows
 * again when it scrolls far away (a placeholder of the same height keeps the scrollbar); filters
 * run on the embedded data and rebuild only the sections on screen; transcripts are built when
 * opened. Printing builds every row that passes the filters. Ctrl+F finds only the rows built.
 *
 * Safety: every piece of report text reaches the page as JSON inside
 * <script type="application/json"> (with <, >, &, U+2028/9 escaped) and is put in the DOM with
 * textContent only, never as markup; a Content-Security-Policy allows only this page's own
 * script (by hash) and media.
 *
 * The page's script is typed code in html-client/ (page.ts and what it imports), bundled at build
 * time by scripts/build-client.mjs into html-client/script.generated.ts and inlined here.
 *
 * The player's src is the recording's path relative to the report's folder (ctx.outputDir; report
 * paths are relative to ctx.cwd). Only media inputs get a player: a transcript audited on its own
 * has none (to hear the recording, audit the recording itself: its sidecar transcript is then
 * used and the report's path is the recording's).
 */
import { createHash } from 'node:crypto';
import { mediaKind } from '../../core/media-types.js';
import type { FileReport, Report } from '../model.js';
import { compareFindings, sourceLabel } from '../model.js';
import { clock, whereLabel } from '../time.js';
import type { RenderContext } from './context.js';
import type { HtmlData, HtmlFile } from './html-client/data.js';
import { PAGE_SCRIPT } from './html-client/script.generated.js';

export type { HtmlData } from './html-client/data.js';
import { declaredLabel, pathFromReport, plural, severityCounts } from './shared.js';

export { mediaKind };

/** JSON that is safe inside a <script> element: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text safe in HTML content and quoted attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function htmlData(report: Report, ctx: Pick<RenderContext, 'failOn' | 'cwd' | 'outputDir' | 'transcripts'>): HtmlData {
  const files = report.files.map((file: FileReport): HtmlFile => {
    const kind = mediaKind(file.path);
    const transcript = ctx.transcripts?.[file.path];
    return {
      path: file.path,
      language: file.language,
      status: file.status,
      error: file.status === 'error' ? (file.error || 'could not be audited') : null,
      duration: file.durationSec != null ? clock(file.durationSec) : '',
      transcriptSource: file.transcriptSource ?? null,
      media: kind && file.transcriptSource !== 'transcript' ? { kind, src: pathFromReport(file.path, ctx) } : null,
      findings: [...file.findings].sort(compareFindings).map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
        kind: f.kind,
        severity: f.severity,
        start: f.start,
        end: f.end,
        where: whereLabel(f),
        text: f.text,
        context: f.context,
        message: f.message,
        reference: f.reference,
        line: f.line ?? null,
        basis: f.basis ?? null,
        url: f.url && /^https?:\/\//i.test(f.url) ? f.url : null,
        product: f.product ?? null,
        declared: f.declared ? declaredLabel(f) : null,
        source: sourceLabel(f) ?? null,
      })),
      transcript: transcript ? transcript.map((s) => ({ start: s.start, end: s.end, time: clock(s.start), text: s.text })) : null,
    };
  });
  return { tool: report.tool, interrupted: report.interrupted === true, failOn: ctx.failOn, summary: report.summary, files };
}

const CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d1f23; --muted: #5d6470; --line: #d8dce2; --panel: #f5f6f8;
  --error: #b3261e; --warning: #8a5a00; --info: #1f5fbf; --mark: #ffe27a; --mark-fg: #1d1f23; --accent: #2357c5; --active: #e7eefc; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171a; --fg: #e6e8eb; --muted: #a0a7b2; --line: #343840; --panel: #1d2024;
  --error: #ff8a80; --warning: #ffcc66; --info: #8ab4ff; --mark: #7a5d00; --mark-fg: #fff6d6; --accent: #8ab4ff; --active: #24304a; } }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP",
  "Yu Gothic UI", Meiryo, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", sans-serif; }
:lang(ja) { font-family: system-ui, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif; }
:lang(zh) { font-family: system-ui, "PingFang SC", "PingFang TC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; }
:lang(ko) { font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", sans-serif; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0; word-break: break-all; }
.muted { color: var(--muted); }
.summary { margin: .25rem 0 .75rem; }
.banner { border: 1px solid var(--warning); color: var(--warning); padding: .4rem .6rem; border-radius: 6px; margin: .5rem 0; }
.filters { position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line); padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.filters label { white-space: nowrap; }
.filters select { max-width: 22rem; }
select, button { font: inherit; color: inherit; }
.file { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .75rem 1rem; background: var(--panel); }
.file-head { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; }
.failed .file-head h2::before { content: "✖ "; color: var(--error); }
.error { color: var(--error); }
.player { width: 100%; max-height: 360px; margin: .5rem 0; background: #000; }
audio.player { background: transparent; height: 40px; }
.player-slot.video { aspect-ratio: 2 / 1; } .player-slot.audio { height: 40px; background: transparent; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-top: 1px solid var(--line); }
th { font-weight: 600; font-size: .9rem; color: var(--muted); }
th.c-time { width: 8.5rem; } th.c-sev { width: 10rem; }
tr.finding { cursor: pointer; }
tr.finding:hover, tr.finding:focus { background: var(--active); outline: none; }
tr.finding.active { background: var(--active); box-shadow: inset 3px 0 0 var(--accent); }
.sev { font-weight: 600; white-space: nowrap; }
.badge { display: inline-block; font-size: 0.75em; padding: 0 0.4em; margin-right: 0.4em; border-radius: 0.3em; border: 1px solid currentColor; color: var(--accent); }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.time { font-variant-numeric: tabular-nums; white-space: nowrap; }
.time button, .seg button { border: 0; background: none; color: var(--accent); padding: 0; cursor: pointer; font-variant-numeric: tabular-nums; }
.ctx { margin-top: .15rem; }
.law { color: var(--muted); font-size: .9rem; }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; color: var(--muted); }
mark { background: var(--mark); color: var(--mark-fg); border-radius: 2px; padding: 0 .1em; }
details { margin-top: .5rem; }
summary { cursor: pointer; color: var(--accent); }
ol.transcript { list-style: none; padding: 0; margin: .5rem 0; max-height: 420px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.seg { display: grid; grid-template-columns: 5.5rem 1fr; gap: .5rem; padding: .2rem .5rem; cursor: pointer; }
.seg:hover { background: var(--active); }
.seg.current, .seg.flash { background: var(--active); box-shadow: inset 3px 0 0 var(--accent); }
.seg.hit { font-weight: 600; }
.count { margin-left: auto; }
footer { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; font-size: .85rem; }
@media print { .filters, .player, details { display: none; } .file { break-inside: avoid; } }
`;

function sha256Base64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

export function formatHtml(report: Report, ctx: Pick<RenderContext, 'failOn' | 'cwd' | 'outputDir' | 'transcripts'>): string {
  const data = htmlData(report, ctx);
  const s = report.summary;
  const sev = severityCounts(s.bySeverity);
  const title = `livecomply report — ${plural(s.findings, 'finding')} in ${plural(s.files, 'file')}`;
  const summary = `${plural(s.findings, 'finding')}${sev ? ` (${sev})` : ''} in ${plural(s.files, 'file')}${s.failed ? `, ${s.failed} could not be audited` : ''}. Findings at or above "${ctx.failOn}" fail the check.`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(PAGE_SCRIPT)}'`,
    "style-src 'unsafe-inline'",
    "media-src 'self' file: blob: data:",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const sevBox = (v: string) => `<label><input type="checkbox" name="severity" value="${v}" checked> <span class="sev sev-${v}">${v}</span> (${s.bySeverity[v as 'error'] ?? 0})</label>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${htmlEscape(csp)}">
<meta name="generator" content="${htmlEscape(`${report.tool.name} ${report.tool.version}`)}">
<title>${htmlEscape(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>livecomply report</h1>
<p class="summary" id="lc-summary">${htmlEscape(summary)}</p>
${report.interrupted ? '<p class="banner">The audit was interrupted: this report covers only the files finished before it stopped.</p>\n' : ''}<noscript><p class="banner">This report needs JavaScript to show its findings; the same data is in the JSON report (--format json).</p></noscript>
</header>
<main>
<div class="filters" id="lc-filters" role="search">
<label>File <select id="f-file"><option value="">all files</option></select></label>
${sevBox('error')}
${sevBox('warning')}
${sevBox('info')}
<label>Category <select id="f-category"><option value="">all categories</option></select></label>
<span class="count muted" id="f-count"></span>
</div>
<div id="lc-files"></div>
</main>
<footer class="muted">${htmlEscape(`${report.tool.name} ${report.tool.version}`)} · times are m:ss (h:mm:ss past an hour) into the recording · click a finding or a transcript line to play from there</footer>
<script type="application/json" id="lc-data">${scriptJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
