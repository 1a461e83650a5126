/** Each file's player and transcript: seeking, the line being said, the line of a finding. */
import type { HtmlFile, HtmlFinding } from './data.js';
import { el, highlightAll } from './dom.js';

export class Media {
  private readonly players: (HTMLMediaElement | undefined)[] = [];
  readonly segLists: (HTMLOListElement | undefined)[] = [];
  private made = 0;

  constructor(private readonly files: readonly HtmlFile[]) {}

  /** Play file `fi` from second `t` (loading the recording first when needed). */
  seek(fi: number, t: number | null): void {
    const p = this.players[fi];
    if (!p || t === null || t === undefined) return;
    const go = () => {
      p.currentTime = t;
      const r = p.play();
      if (r && r.catch) r.catch(() => {});
    };
    if (p.readyState >= 1) go();
    else {
      p.addEventListener('loadedmetadata', go, { once: true });
      if (p.preload === 'none' || p.networkState === 0) {
        p.preload = 'metadata';
        p.load();
      }
    }
  }

  /** The transcript line a finding is on: by time and words, else by time, else by words. */
  segmentFor(fi: number, f: HtmlFinding): number {
    const segs = this.files[fi]?.transcript;
    if (!segs) return -1;
    let best = -1;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      const inTime = f.start !== null && s.start !== null && s.start <= f.start + 0.01 && (s.end === null || f.start < s.end + 0.01);
      const hasText = !!f.text && s.text.includes(f.text);
      if (inTime && (hasText || !f.text)) return i;
      if (best < 0 && (inTime || (f.start === null && hasText))) best = i;
    }
    return best;
  }

  /** The transcript's lines, built the first time they are shown (long recordings have thousands). */
  buildTranscript(fi: number): void {
    const list = this.segLists[fi];
    const file = this.files[fi];
    if (!list || !file?.transcript || list.children.length) return;
    const words = file.findings.map((f) => f.text);
    const frag = document.createDocumentFragment();
    for (const seg of file.transcript) {
      const hits = highlightAll(seg.text, words);
      const li = el(
        'li',
        { class: 'seg' + (hits.some((h) => h instanceof Node) ? ' hit' : ''), dataset: { start: seg.start === null ? '' : String(seg.start) } },
        el('button', { type: 'button', tabindex: seg.start === null ? '-1' : '0' }, seg.time || '·'),
        el('span', {}, hits),
      );
      const start = seg.start;
      if (start !== null) li.addEventListener('click', () => this.seek(fi, start));
      frag.append(li);
    }
    list.append(frag);
  }

  /** Open the transcript and flash line `i`. */
  flashSegment(fi: number, i: number): void {
    const list = this.segLists[fi];
    if (!list || i < 0) return;
    this.buildTranscript(fi);
    const li = list.children[i] as HTMLElement | undefined;
    if (!li) return;
    const details = list.closest('details');
    if (details) details.open = true;
    for (const x of list.querySelectorAll('.flash')) x.classList.remove('flash');
    li.classList.add('flash');
    list.scrollTop = li.offsetTop - list.offsetTop - 40;
  }

  /** The folded transcript of a file, its lines built when first opened. */
  transcriptBlock(fi: number, segments: number): HTMLDetailsElement {
    const list = el('ol', { class: 'transcript' });
    this.segLists[fi] = list;
    const details = el('details', {}, el('summary', {}, 'Transcript (' + segments + ' line' + (segments === 1 ? '' : 's') + ')'), list);
    details.addEventListener('toggle', () => {
      if (details.open) this.buildTranscript(fi);
    });
    return details;
  }

  /** The player of file `fi` in place of its slot; it marks the transcript line being said. */
  makePlayer(fi: number, slot: HTMLElement): void {
    const file = this.files[fi];
    if (!file?.media) return;
    const p = el(file.media.kind, { class: 'player', controls: true, preload: this.made++ < 20 ? 'metadata' : 'none', src: file.media.src });
    this.players[fi] = p;
    slot.replaceWith(p);
    const list = this.segLists[fi];
    const segments = file.transcript;
    if (!list || !segments) return;
    let current = -1;
    p.addEventListener('timeupdate', () => {
      if (!list.children.length) return;
      const i = lineAt(segments, p.currentTime);
      if (i === current) return;
      for (const x of list.querySelectorAll('.flash')) if (x !== list.children[i]) x.classList.remove('flash');
      if (current >= 0) list.children[current]?.classList.remove('current');
      current = i;
      if (i >= 0) list.children[i]?.classList.add('current');
    });
  }
}

/** The last line started by second `t`, or -1. */
function lineAt(segments: readonly { start: number | null }[], t: number): number {
  let i = -1;
  for (let k = 0; k < segments.length; k++) {
    const x = segments[k]!;
    if (x.start !== null && x.start <= t) i = k;
    else if (x.start !== null && x.start > t) break;
  }
  return i;
}
