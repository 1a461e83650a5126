/**
 * Text on screen over time: lines read from sampled frames become timed screen segments (start =
 * first sample that showed the line, end = last). Only the changed parts of a frame are read
 * again; lines outside them are still on screen. Pure.
 */
import { intersects, mergeOverlapping, union, type Rect } from './diff.js';
import { ocrKey } from './clean.js';

export interface OcrLine {
  text: string;
  /** 0–100, as tesseract gives it. */
  confidence: number;
  bbox: Rect;
}

export interface ScreenSegment {
  start: number;
  end: number;
  text: string;
  bbox: Rect;
}

interface Active {
  key: string;
  text: string;
  bbox: Rect;
  start: number;
  last: number;
}

export interface TrackerOptions {
  /** A line seen again within this many seconds of its last sighting continues its segment (OCR missed it in between). */
  rejoinSec: number;
}

export class ScreenTracker {
  private active: Active[] = [];
  /** Closed recently, may rejoin. */
  private recent: Active[] = [];
  private readonly done: ScreenSegment[] = [];
  private readonly opts: TrackerOptions;

  constructor(opts: Partial<TrackerOptions> = {}) {
    this.opts = { rejoinSec: 2, ...opts };
  }

  /** Whether a region touches a line on screen now. */
  touches(r: Rect): boolean {
    return this.active.some((a) => intersects(a.bbox, r));
  }

  /** The regions to read: the changed ones grown to take in every line on screen they cut through. */
  regionsToRead<R extends Rect>(changed: readonly R[]): Rect[] {
    let rects: Rect[] = changed.map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    for (let grown = true; grown; ) {
      grown = false;
      rects = rects.map((r) => {
        let out = r;
        for (const a of this.active) {
          if (intersects(out, a.bbox)) {
            const u = union(out, a.bbox);
            if (u.width !== out.width || u.height !== out.height) grown = true;
            out = u;
          }
        }
        return out;
      });
      rects = mergeOverlapping(rects);
    }
    return rects;
  }

  /**
   * One sample at `t` seconds: `read` are the regions that were read again (from regionsToRead),
   * `lines` what was read there. Lines on screen outside those regions are still shown. A new
   * line in a region that says it has held still since an earlier second starts then.
   */
  frame(t: number, read: readonly (Rect & { since?: number })[], lines: readonly OcrLine[]): void {
    const fresh = lines.map((l) => ({ line: l, key: ocrKey(l.text) })).filter((l) => l.key.length > 0);
    const used = new Set<number>();
    const still: Active[] = [];
    for (const a of this.active) {
      if (!read.some((r) => intersects(r, a.bbox))) {
        a.last = t;
        still.push(a);
        continue;
      }
      const i = fresh.findIndex((f, k) => !used.has(k) && f.key === a.key);
      if (i >= 0) {
        used.add(i);
        a.last = t;
        a.bbox = fresh[i]!.line.bbox;
        still.push(a);
      } else {
        this.close(a);
      }
    }
    this.recent = this.recent.filter((r) => t - r.last <= this.opts.rejoinSec);
    fresh.forEach((f, k) => {
      if (used.has(k)) return;
      const back = this.recent.findIndex((r) => r.key === f.key);
      if (back >= 0) {
        const r = this.recent.splice(back, 1)[0]!;
        const i = this.done.findIndex((d) => d.start === r.start && d.text === r.text);
        if (i >= 0) this.done.splice(i, 1);
        still.push({ ...r, last: t, bbox: f.line.bbox });
        return;
      }
      const since = Math.min(t, ...read.filter((r) => r.since !== undefined && intersects(r, f.line.bbox)).map((r) => r.since!));
      still.push({ key: f.key, text: f.line.text, bbox: f.line.bbox, start: since, last: t });
    });
    this.active = still;
  }

  private close(a: Active): void {
    this.done.push({ start: a.start, end: a.last, text: a.text, bbox: a.bbox });
    this.recent.push(a);
  }

  /** No more frames: every line still shown ends at its last sighting. Segments by start time. */
  end(): ScreenSegment[] {
    for (const a of this.active) this.done.push({ start: a.start, end: a.last, text: a.text, bbox: a.bbox });
    this.active = [];
    this.recent = [];
    return [...this.done].sort((x, y) => x.start - y.start || x.bbox.top - y.bbox.top || x.bbox.left - y.bbox.left);
  }
}
