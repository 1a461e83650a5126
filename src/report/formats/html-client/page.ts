/**
 * The HTML report's script (bundled by scripts/build-client.mjs and inlined in the page): renders
 * the report from the embedded JSON with textContent only. Big reports stay quick: a file's rows
 * and player are made when its section comes near the screen and its rows dropped when it goes
 * far away; transcripts are built when opened. Times and counts come made from the report.
 */
import type { HtmlData } from './data.js';
import { el } from './dom.js';
import { Media } from './media.js';
import { Rows } from './rows.js';

/** Sections within this many pixels of the viewport have their rows and player. */
const ROOM = 1000;

function start(): void {
  const data = JSON.parse(document.getElementById('lc-data')!.textContent ?? '{}') as HtmlData;
  const media = new Media(data.files);
  const rows = new Rows(data.files);
  const slots: (HTMLElement | null)[] = [];
  const main = document.getElementById('lc-files')!;
  const sections = buildSections(data, media, rows, slots);
  main.append(...sections);

  const jump = (fi: number, k: number, row: HTMLElement) => {
    const f = data.files[fi]!.findings[k]!;
    for (const r of document.querySelectorAll('tr.finding.active')) r.classList.remove('active');
    row.classList.add('active');
    rows.active = fi + ':' + k;
    media.seek(fi, f.start);
    media.flashSegment(fi, media.segmentFor(fi, f));
  };
  listenToRows(main, jump);

  const wake = (fi: number) => {
    const slot = slots[fi];
    if (slot) {
      media.makePlayer(fi, slot);
      slots[fi] = null;
    }
    if (rows.boxes[fi] && !rows.state[fi]!.built) rows.build(fi);
  };
  // The sections on or near the screen get their rows now (so what is shown is never a
  // placeholder); the observer does the rest as they come near.
  const fill = () => {
    for (let fi = 0; fi < sections.length; fi++) {
      if (sections[fi]!.hidden) continue;
      const b = sections[fi]!.getBoundingClientRect();
      if (b.top > innerHeight + ROOM) break;
      if (b.bottom >= -ROOM) wake(fi);
    }
  };
  filters(data, sections, rows, fill);
  observe(sections, rows, wake);
  // Printing shows every finding that passes the filters.
  addEventListener('beforeprint', () => {
    for (let fi = 0; fi < sections.length; fi++) if (!rows.state[fi]!.built && !sections[fi]!.hidden) rows.build(fi);
  });
  document.documentElement.dataset.ready = 'true';
}

/** One section per file: its head, error, player slot, rows box and transcript. */
function buildSections(data: HtmlData, media: Media, rows: Rows, slots: (HTMLElement | null)[]): HTMLElement[] {
  return data.files.map((file, fi) => {
    const sec = el('section', { class: 'file' + (file.status === 'error' ? ' failed' : ''), id: 'file-' + fi, lang: file.language || undefined, dataset: { file: String(fi) } });
    const meta = [file.language, file.transcriptSource, file.duration].filter(Boolean).join(' · ');
    const count = file.status === 'error' ? 'could not be audited' : file.findings.length + ' finding' + (file.findings.length === 1 ? '' : 's');
    sec.append(el('div', { class: 'file-head' }, el('h2', {}, file.path), meta ? el('span', { class: 'muted' }, meta) : null, el('span', { class: 'muted' }, count)));
    if (file.error) sec.append(el('p', { class: 'error' }, 'Could not audit this file: ' + file.error));
    if (file.media) {
      // The player itself is made when the section first comes near the screen (see wake).
      slots[fi] = el('div', { class: 'player player-slot ' + file.media.kind });
      sec.append(slots[fi]!);
    }
    if (file.findings.length) {
      rows.boxes[fi] = el('div', { class: 'rows' });
      sec.append(rows.boxes[fi]!);
    } else if (file.status === 'ok') {
      sec.append(el('p', { class: 'muted' }, 'No findings.'));
    }
    if (file.transcript && file.transcript.length) sec.append(media.transcriptBlock(fi, file.transcript.length));
    return sec;
  });
}

/** One listener for every finding row, present or future: click, Enter or Space plays it. */
function listenToRows(main: HTMLElement, jump: (fi: number, k: number, row: HTMLElement) => void): void {
  const rowOf = (e: Event): HTMLElement | null => {
    const target = e.target as Element | null;
    const r = target && target.closest ? target.closest<HTMLElement>('tr.finding') : null;
    return r && main.contains(r) ? r : null;
  };
  const go = (r: HTMLElement) => jump(Number(r.dataset.file), Number(r.dataset.index), r);
  main.addEventListener('click', (e) => {
    const r = rowOf(e);
    if (r) go(r);
  });
  main.addEventListener('keydown', (e) => {
    const r = rowOf(e);
    if (r && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      go(r);
    }
  });
}

/** The file, severity and category filters; `fill` builds what came on screen. */
function filters(data: HtmlData, sections: HTMLElement[], rows: Rows, fill: () => void): void {
  const fileSel = document.getElementById('f-file') as HTMLSelectElement;
  data.files.forEach((f, i) => fileSel.append(el('option', { value: String(i) }, f.path)));
  const catSel = document.getElementById('f-category') as HTMLSelectElement;
  const cats = [...new Set(data.files.flatMap((f) => f.findings.map((x) => x.category)))].sort();
  for (const c of cats) catSel.append(el('option', { value: c }, c));
  const sevBoxes = [...document.querySelectorAll<HTMLInputElement>('input[name=severity]')];
  const countEl = document.getElementById('f-count')!;
  const total = data.files.reduce((n, f) => n + f.findings.length, 0);
  const apply = () => {
    const file = fileSel.value;
    const cat = catSel.value;
    const sevs = new Set(sevBoxes.filter((b) => b.checked).map((b) => b.value));
    let shown = 0;
    data.files.forEach((f, fi) => {
      const on = file === '' || String(fi) === file;
      sections[fi]!.hidden = !on;
      const m: number[] = [];
      if (on) f.findings.forEach((x, k) => void (sevs.has(x.severity) && (cat === '' || x.category === cat) && m.push(k)));
      shown += m.length;
      const st = rows.state[fi]!;
      const same = m.length === st.match.length && m.every((v, i) => v === st.match[i]);
      st.match = m;
      if (same && (st.built || !on)) return;
      if (on && st.built) rows.build(fi);
      else rows.drop(fi, 0);
    });
    countEl.textContent = 'showing ' + shown + ' of ' + total + ' finding' + (total === 1 ? '' : 's');
  };
  for (const c of [fileSel, catSel, ...sevBoxes]) {
    c.addEventListener('change', () => {
      apply();
      fill();
    });
  }
  apply();
  fill();
}

/** Rows and players for the sections that come near the screen; rows dropped for those that leave. */
function observe(sections: HTMLElement[], rows: Rows, wake: (fi: number) => void): void {
  if (!('IntersectionObserver' in window)) {
    for (let fi = 0; fi < sections.length; fi++) if (!sections[fi]!.hidden) wake(fi);
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      const fiOf = (e: IntersectionObserverEntry) => Number((e.target as HTMLElement).dataset.file);
      // Read every height before writing anything (one layout, not one per section).
      const leaving = entries.filter((e) => !e.isIntersecting && rows.state[fiOf(e)]!.built).map((e) => [fiOf(e), rows.boxes[fiOf(e)]!.offsetHeight] as const);
      for (const [fi, h] of leaving) rows.drop(fi, h);
      for (const e of entries) if (e.isIntersecting && !sections[fiOf(e)]!.hidden) wake(fiOf(e));
    },
    { rootMargin: ROOM + 'px 0px' },
  );
  for (const sec of sections) io.observe(sec);
}

start();
