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
 * The player's src is the recording's path relative to the report's folder (ctx.outputDir; report
 * paths are relative to ctx.cwd). Only media inputs get a player: a transcript audited on its own
 * has none (to hear the recording, audit the recording itself: its sidecar transcript is then
 * used and the report's path is the recording's).
 */
import { createHash } from 'node:crypto';
import type { FileReport, Report } from '../model.js';
import { compareFindings, sourceLabel } from '../model.js';
import { clock, whereLabel } from '../time.js';
import type { RenderContext } from './context.js';
import { declaredLabel, pathFromReport, plural, severityCounts } from './shared.js';

const VIDEO = ['.mp4', '.mkv', '.mov', '.flv', '.ts', '.webm', '.m4v', '.avi'];
const AUDIO = ['.m4a', '.mp3', '.wav', '.aac', '.flac', '.ogg', '.oga', '.opus', '.weba'];

/** What kind of player a report path gets: video, audio, or none (a transcript file). */
export function mediaKind(p: string): 'video' | 'audio' | undefined {
  const dot = p.lastIndexOf('.');
  const ext = dot >= 0 && dot > p.lastIndexOf('/') ? p.slice(dot).toLowerCase() : '';
  if (VIDEO.includes(ext)) return 'video';
  if (AUDIO.includes(ext)) return 'audio';
  return undefined;
}

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

interface HtmlFinding {
  ruleId: string;
  category: string;
  kind: string;
  severity: string;
  start: number | null;
  end: number | null;
  where: string;
  text: string;
  context: string;
  message: string;
  reference: string;
  line: number | null;
  basis: string | null;
  /** Only http(s) addresses reach the page. */
  url: string | null;
  product: string | null;
  declared: string | null;
  source: string | null;
}

interface HtmlFile {
  path: string;
  language: string | null;
  status: string;
  error: string | null;
  duration: string;
  transcriptSource: string | null;
  media: { kind: 'audio' | 'video'; src: string } | null;
  findings: HtmlFinding[];
  transcript: { start: number | null; end: number | null; time: string; text: string }[] | null;
}

export interface HtmlData {
  tool: { name: string; version: string };
  interrupted: boolean;
  failOn: string;
  summary: Report['summary'];
  files: HtmlFile[];
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

/** The page's script: renders the report from the embedded JSON with textContent only. */
const SCRIPT = `
'use strict';
(() => {
  const data = JSON.parse(document.getElementById('lc-data').textContent);
  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (typeof v === 'function') e.addEventListener(k, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) e.append(kid instanceof Node ? kid : String(kid));
    return e;
  };
  const clock = (sec) => {
    if (sec === null || sec === undefined) return '';
    const s = Math.floor(sec), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + r : m + ':' + r;
  };
  // Every occurrence of any of the words marked, the longest word winning where several start at one place.
  const highlightAll = (text, words) => {
    const ws = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
    if (!ws.length) return [text];
    const out = [];
    for (let i = 0; i < text.length; ) {
      let at = -1, w = '';
      for (const x of ws) { const j = text.indexOf(x, i); if (j >= 0 && (at < 0 || j < at)) { at = j; w = x; } }
      if (at < 0) { out.push(text.slice(i)); break; }
      if (at > i) out.push(text.slice(i, at));
      out.push(el('mark', {}, w));
      i = at + w.length;
    }
    return out;
  };
  const highlightOne = (context, text) => {
    const i = text ? context.indexOf(text) : -1;
    if (i < 0) return [context];
    return [context.slice(0, i), el('mark', {}, text), context.slice(i + text.length)];
  };

  const players = [];
  const segLists = [];
  const sections = [];
  // Finding rows exist only for the sections on or near the screen (built when a section comes
  // within ROOM px of the viewport, dropped when it leaves); elsewhere a placeholder of the rows'
  // height keeps the scrollbar honest. Filters work on the data (state[fi].match: the indexes of
  // the file's findings that pass) and rebuild only the sections whose rows exist.
  const ROOM = 1000;
  const boxes = [];
  const slots = [];
  const state = data.files.map(() => ({ built: false, match: [] }));
  let rowH = 84, measured = false, active = '';

  const seek = (fi, t) => {
    const p = players[fi];
    if (!p || t === null || t === undefined) return;
    const go = () => { p.currentTime = t; const r = p.play(); if (r && r.catch) r.catch(() => {}); };
    if (p.readyState >= 1) go();
    else {
      p.addEventListener('loadedmetadata', go, { once: true });
      if (p.preload === 'none' || p.networkState === 0) { p.preload = 'metadata'; p.load(); }
    }
  };
  const segmentFor = (fi, f) => {
    const segs = data.files[fi].transcript;
    if (!segs) return -1;
    let best = -1;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const inTime = f.start !== null && s.start !== null && s.start <= f.start + 0.01 && (s.end === null || f.start < s.end + 0.01);
      const hasText = f.text && s.text.includes(f.text);
      if (inTime && (hasText || !f.text)) return i;
      if (best < 0 && (inTime || (f.start === null && hasText))) best = i;
    }
    return best;
  };
  const buildTranscript = (fi) => {
    const list = segLists[fi];
    if (!list || list.children.length) return;
    const file = data.files[fi];
    const words = file.findings.map((f) => f.text);
    const frag = document.createDocumentFragment();
    for (const seg of file.transcript) {
      const hits = highlightAll(seg.text, words);
      const li = el('li', { class: 'seg' + (hits.some((h) => h instanceof Node) ? ' hit' : ''), dataset: { start: seg.start === null ? '' : String(seg.start) } },
        el('button', { type: 'button', tabindex: seg.start === null ? '-1' : '0' }, seg.time || '·'), el('span', {}, hits));
      if (seg.start !== null) li.addEventListener('click', () => seek(fi, seg.start));
      frag.append(li);
    }
    list.append(frag);
  };
  const flashSegment = (fi, i) => {
    const list = segLists[fi];
    if (!list || i < 0) return;
    buildTranscript(fi);
    const li = list.children[i];
    if (!li) return;
    list.closest('details').open = true;
    for (const x of list.querySelectorAll('.flash')) x.classList.remove('flash');
    li.classList.add('flash');
    list.scrollTop = li.offsetTop - list.offsetTop - 40;
  };
  const jump = (fi, k, row) => {
    const f = data.files[fi].findings[k];
    for (const r of document.querySelectorAll('tr.finding.active')) r.classList.remove('active');
    row.classList.add('active');
    active = fi + ':' + k;
    seek(fi, f.start);
    flashSegment(fi, segmentFor(fi, f));
  };

  const s = data.summary;
  const sev = ['error', 'warning', 'info'].filter((k) => s.bySeverity[k]).map((k) => s.bySeverity[k] + ' ' + k + (s.bySeverity[k] === 1 ? '' : 's'));
  const summary = document.getElementById('lc-summary');
  summary.textContent = s.findings + ' finding' + (s.findings === 1 ? '' : 's') + (sev.length ? ' (' + sev.join(', ') + ')' : '') + ' in ' + s.files + ' file' + (s.files === 1 ? '' : 's') + (s.failed ? ', ' + s.failed + ' could not be audited' : '') + '. Findings at or above "' + data.failOn + '" fail the check.';

  // Filters
  const fileSel = document.getElementById('f-file');
  data.files.forEach((f, i) => fileSel.append(el('option', { value: String(i) }, f.path)));
  const catSel = document.getElementById('f-category');
  const cats = [...new Set(data.files.flatMap((f) => f.findings.map((x) => x.category)))].sort();
  for (const c of cats) catSel.append(el('option', { value: c }, c));
  const sevBoxes = [...document.querySelectorAll('input[name=severity]')];
  const countEl = document.getElementById('f-count');

  const head = () => el('thead', {}, el('tr', {}, el('th', { class: 'c-time' }, 'time'), el('th', { class: 'c-sev' }, 'severity'), el('th', {}, 'finding')));
  const makeRow = (fi, k) => {
    const f = data.files[fi].findings[k];
    return el('tr', { class: 'finding' + (active === fi + ':' + k ? ' active' : ''), tabindex: '0', dataset: { file: String(fi), index: String(k), severity: f.severity, category: f.category, start: f.start === null ? '' : String(f.start) } },
      el('td', { class: 'time' }, el('button', { type: 'button', title: f.start === null ? 'show in transcript' : 'play from here' }, f.where || '—')),
      el('td', {}, el('span', { class: 'sev sev-' + f.severity }, f.severity), el('div', { class: 'muted' }, f.category)),
      el('td', {},
        el('div', {}, f.kind === 'missing' ? el('strong', {}, 'missing: ') : el('strong', {}, '「', f.text, '」 '), f.source ? el('span', { class: 'badge badge-' + f.source, title: f.source === 'screen' ? 'shown on screen (read by OCR)' : 'in the subtitle track' }, f.source) : null, f.message),
        f.context ? el('div', { class: 'ctx' }, highlightOne(f.context, f.text)) : null,
        (f.product || f.declared) ? el('div', { class: 'law' }, f.product ? 'product: ' + f.product : '', f.product && f.declared ? ' · ' : '', f.declared ? 'declared ' + f.declared : '') : null,
        el('div', { class: 'law' }, f.url ? el('a', { href: f.url, rel: 'noopener noreferrer', target: '_blank' }, f.reference) : f.reference, f.basis ? ' (' + f.basis + ')' : '', ' · ', el('span', { class: 'rule' }, f.ruleId))));
  };
  let made = 0;
  const wake = (fi) => {
    const file = data.files[fi];
    if (slots[fi]) {
      const p = el(file.media.kind, { class: 'player', controls: true, preload: made++ < 20 ? 'metadata' : 'none', src: file.media.src });
      players[fi] = p;
      slots[fi].replaceWith(p);
      slots[fi] = null;
      const list = segLists[fi];
      if (list) {
        let current = -1;
        p.addEventListener('timeupdate', () => {
          if (!list.children.length) return;
          const t = p.currentTime;
          let i = -1;
          for (let k = 0; k < file.transcript.length; k++) { const x = file.transcript[k]; if (x.start !== null && x.start <= t) i = k; else if (x.start !== null && x.start > t) break; }
          if (i === current) return;
          for (const x of list.querySelectorAll('.flash')) if (x !== list.children[i]) x.classList.remove('flash');
          if (current >= 0 && list.children[current]) list.children[current].classList.remove('current');
          current = i;
          if (i >= 0 && list.children[i]) list.children[i].classList.add('current');
        });
      }
    }
    if (boxes[fi] && !state[fi].built) buildRows(fi);
  };
  const estimate = (fi) => (state[fi].match.length ? 40 + state[fi].match.length * rowH : 40);
  const buildRows = (fi) => {
    const st = state[fi], box = boxes[fi];
    if (!box) return;
    if (!st.match.length) box.replaceChildren(el('p', { class: 'muted' }, 'No findings match the filters.'));
    else {
      const tbody = el('tbody');
      for (const k of st.match) tbody.append(makeRow(fi, k));
      box.replaceChildren(el('table', {}, head(), tbody));
      if (!measured && st.match.length >= 3) { const h = tbody.getBoundingClientRect().height / st.match.length; if (h > 0) { rowH = h; measured = true; } }
    }
    box.style.height = '';
    st.built = true;
  };
  const dropRows = (fi, height) => {
    const box = boxes[fi];
    if (!box) return;
    box.replaceChildren();
    box.style.height = (height || estimate(fi)) + 'px';
    state[fi].built = false;
  };

  const main = document.getElementById('lc-files');
  const frag = document.createDocumentFragment();
  data.files.forEach((file, fi) => {
    const sec = el('section', { class: 'file' + (file.status === 'error' ? ' failed' : ''), id: 'file-' + fi, lang: file.language || undefined, dataset: { file: String(fi) } });
    sections.push(sec);
    const meta = [file.language, file.transcriptSource, file.duration].filter(Boolean).join(' · ');
    sec.append(el('div', { class: 'file-head' }, el('h2', {}, file.path), meta ? el('span', { class: 'muted' }, meta) : null,
      el('span', { class: 'muted' }, file.status === 'error' ? 'could not be audited' : file.findings.length + ' finding' + (file.findings.length === 1 ? '' : 's'))));
    if (file.error) sec.append(el('p', { class: 'error' }, 'Could not audit this file: ' + file.error));
    if (file.media) {
      // The player itself is made when the section first comes near the screen (see wake).
      slots[fi] = el('div', { class: 'player player-slot ' + file.media.kind });
      sec.append(slots[fi]);
    }
    if (file.findings.length) {
      boxes[fi] = el('div', { class: 'rows' });
      sec.append(boxes[fi]);
    } else if (file.status === 'ok') {
      sec.append(el('p', { class: 'muted' }, 'No findings.'));
    }
    if (file.transcript && file.transcript.length) {
      // Transcript lines are built when first shown (long recordings have thousands).
      const list = el('ol', { class: 'transcript' });
      segLists[fi] = list;
      const details = el('details', {}, el('summary', {}, 'Transcript (' + file.transcript.length + ' line' + (file.transcript.length === 1 ? '' : 's') + ')'), list);
      details.addEventListener('toggle', () => { if (details.open) buildTranscript(fi); });
      sec.append(details);
    }
    frag.append(sec);
  });
  main.append(frag);

  // One listener for every finding row, present or future.
  const rowOf = (e) => { const r = e.target.closest && e.target.closest('tr.finding'); return r && main.contains(r) ? r : null; };
  main.addEventListener('click', (e) => { const r = rowOf(e); if (r) jump(Number(r.dataset.file), Number(r.dataset.index), r); });
  main.addEventListener('keydown', (e) => {
    const r = rowOf(e);
    if (r && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); jump(Number(r.dataset.file), Number(r.dataset.index), r); }
  });

  const total = data.files.reduce((n, f) => n + f.findings.length, 0);
  const apply = () => {
    const file = fileSel.value;
    const cat = catSel.value;
    const sevs = new Set(sevBoxes.filter((b) => b.checked).map((b) => b.value));
    let shown = 0;
    data.files.forEach((f, fi) => {
      const on = file === '' || String(fi) === file;
      sections[fi].hidden = !on;
      const m = [];
      if (on) f.findings.forEach((x, k) => { if (sevs.has(x.severity) && (cat === '' || x.category === cat)) m.push(k); });
      shown += m.length;
      const st = state[fi];
      const same = m.length === st.match.length && m.every((v, i) => v === st.match[i]);
      st.match = m;
      if (same && (st.built || !on)) return;
      if (on && st.built) buildRows(fi);
      else dropRows(fi, 0);
    });
    countEl.textContent = 'showing ' + shown + ' of ' + total + ' finding' + (total === 1 ? '' : 's');
  };
  // The sections on or near the screen get their rows now (so what is shown is never a
  // placeholder); the observer does the rest as they come near.
  const fill = () => {
    for (let fi = 0; fi < sections.length; fi++) {
      if (sections[fi].hidden) continue;
      const b = sections[fi].getBoundingClientRect();
      if (b.top > innerHeight + ROOM) break;
      if (b.bottom >= -ROOM) wake(fi);
    }
  };
  for (const c of [fileSel, catSel, ...sevBoxes]) c.addEventListener('change', () => { apply(); fill(); });
  apply();
  fill();
  if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver((entries) => {
      // Read every height before writing anything (one layout, not one per section).
      const leaving = entries.filter((e) => !e.isIntersecting && state[Number(e.target.dataset.file)].built).map((e) => [Number(e.target.dataset.file), boxes[Number(e.target.dataset.file)].offsetHeight]);
      for (const [fi, h] of leaving) dropRows(fi, h);
      for (const e of entries) { const fi = Number(e.target.dataset.file); if (e.isIntersecting && !sections[fi].hidden) wake(fi); }
    }, { rootMargin: ROOM + 'px 0px' });
    for (const sec of sections) io.observe(sec);
  } else {
    for (let fi = 0; fi < sections.length; fi++) if (!sections[fi].hidden) wake(fi);
  }
  // Printing shows every finding that passes the filters.
  addEventListener('beforeprint', () => { for (let fi = 0; fi < sections.length; fi++) if (!state[fi].built && !sections[fi].hidden) buildRows(fi); });
  document.documentElement.dataset.ready = 'true';
})();
`;

function sha256Base64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

export function formatHtml(report: Report, ctx: Pick<RenderContext, 'failOn' | 'cwd' | 'outputDir' | 'transcripts'>): string {
  const data = htmlData(report, ctx);
  const s = report.summary;
  const sev = severityCounts(s.bySeverity);
  const title = `livecomply report — ${plural(s.findings, 'finding')} in ${plural(s.files, 'file')}`;
  const staticSummary = `${plural(s.findings, 'finding')}${sev ? ` (${sev})` : ''} in ${plural(s.files, 'file')}${s.failed ? `, ${s.failed} could not be audited` : ''}.`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(SCRIPT)}'`,
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
<p class="summary" id="lc-summary">${htmlEscape(staticSummary)}</p>
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
<script>${SCRIPT}</script>
</body>
</html>
`;
}
