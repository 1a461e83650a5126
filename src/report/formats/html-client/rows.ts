/**
 * Finding rows exist only for the sections on or near the screen; elsewhere a placeholder of the
 * rows' height keeps the scrollbar honest. Filters work on the data (`match`: the indexes of the
 * file's findings that pass) and rebuild only the sections whose rows exist.
 */
import type { HtmlFile, HtmlFinding } from './data.js';
import { el, highlightOne } from './dom.js';

export interface SectionState {
  built: boolean;
  match: number[];
}

export class Rows {
  readonly boxes: (HTMLElement | undefined)[] = [];
  readonly state: SectionState[];
  /** The row clicked last, `file:index`. */
  active = '';
  private rowH = 84;
  private measured = false;

  constructor(private readonly files: readonly HtmlFile[]) {
    this.state = files.map(() => ({ built: false, match: [] }));
  }

  /** Build the rows of the findings of file `fi` that pass the filters. */
  build(fi: number): void {
    const st = this.state[fi]!;
    const box = this.boxes[fi];
    if (!box) return;
    if (!st.match.length) box.replaceChildren(el('p', { class: 'muted' }, 'No findings match the filters.'));
    else {
      const tbody = el('tbody');
      for (const k of st.match) tbody.append(this.row(fi, k));
      box.replaceChildren(el('table', {}, head(), tbody));
      if (!this.measured && st.match.length >= 3) {
        const h = tbody.getBoundingClientRect().height / st.match.length;
        if (h > 0) {
          this.rowH = h;
          this.measured = true;
        }
      }
    }
    box.style.height = '';
    st.built = true;
  }

  /** Drop the rows of file `fi`, keeping their height (or an estimate of it). */
  drop(fi: number, height: number): void {
    const box = this.boxes[fi];
    if (!box) return;
    box.replaceChildren();
    box.style.height = (height || this.estimate(fi)) + 'px';
    this.state[fi]!.built = false;
  }

  private estimate(fi: number): number {
    const n = this.state[fi]!.match.length;
    return n ? 40 + n * this.rowH : 40;
  }

  private row(fi: number, k: number): HTMLTableRowElement {
    const f = this.files[fi]!.findings[k]!;
    const dataset = { file: String(fi), index: String(k), severity: f.severity, category: f.category, start: f.start === null ? '' : String(f.start) };
    return el(
      'tr',
      { class: 'finding' + (this.active === fi + ':' + k ? ' active' : ''), tabindex: '0', dataset },
      el('td', { class: 'time' }, el('button', { type: 'button', title: f.start === null ? 'show in transcript' : 'play from here' }, f.where || '—')),
      el('td', {}, el('span', { class: 'sev sev-' + f.severity }, f.severity), el('div', { class: 'muted' }, f.category)),
      el('td', {}, ...findingCell(f)),
    );
  }
}

const head = () => el('thead', {}, el('tr', {}, el('th', { class: 'c-time' }, 'time'), el('th', { class: 'c-sev' }, 'severity'), el('th', {}, 'finding')));

/** What a finding's row says: the words and message, the context, the product, the law. */
function findingCell(f: HtmlFinding): (HTMLElement | null)[] {
  const badge = f.source
    ? el('span', { class: 'badge badge-' + f.source, title: f.source === 'screen' ? 'shown on screen (read by OCR)' : 'in the subtitle track' }, f.source)
    : null;
  const words = f.kind === 'missing' ? el('strong', {}, 'missing: ') : el('strong', {}, '「', f.text, '」 ');
  const product =
    f.product || f.declared
      ? el('div', { class: 'law' }, f.product ? 'product: ' + f.product : '', f.product && f.declared ? ' · ' : '', f.declared ? 'declared ' + f.declared : '')
      : null;
  const reference = f.url ? el('a', { href: f.url, rel: 'noopener noreferrer', target: '_blank' }, f.reference) : f.reference;
  return [
    el('div', {}, words, badge, f.message),
    f.context ? el('div', { class: 'ctx' }, highlightOne(f.context, f.text)) : null,
    product,
    el('div', { class: 'law' }, reference, f.basis ? ' (' + f.basis + ')' : '', ' · ', el('span', { class: 'rule' }, f.ruleId)),
  ];
}
