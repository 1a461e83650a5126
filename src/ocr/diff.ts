/**
 * Which parts of a video frame changed since the previous sample: a cheap difference on a
 * downscaled copy (block averages), grouped into rectangles worth reading again. Pure; keeps only
 * the small thumbnail of the previous frame, never a whole frame.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A grey frame: one byte per pixel, row after row. */
export interface GrayFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface DiffOptions {
  /** Pixels averaged into one thumbnail pixel, each way. */
  block: number;
  /** Thumbnail pixels per grid cell, each way. */
  cell: number;
  /** A cell changed when one of its thumbnail pixels moved by more than this (0–255). */
  threshold: number;
  /** Changed regions covering more than this share of the frame are read as the whole frame. */
  wholeFrameShare: number;
  /** More rectangles than this are read as the whole frame. */
  maxRects: number;
}

export const DEFAULT_DIFF: DiffOptions = { block: 4, cell: 4, threshold: 24, wholeFrameShare: 0.5, maxRects: 8 };

export interface Thumbnail {
  width: number;
  height: number;
  /** Source frame size. */
  frameWidth: number;
  frameHeight: number;
  block: number;
  data: Uint8Array;
}

/** Block-average a frame (the last partial blocks are averaged over what is there). */
export function thumbnail(frame: GrayFrame, block = DEFAULT_DIFF.block): Thumbnail {
  const w = Math.ceil(frame.width / block);
  const h = Math.ceil(frame.height / block);
  const sums = new Uint32Array(w * h);
  const counts = new Uint32Array(w * h);
  for (let y = 0; y < frame.height; y++) {
    const row = y * frame.width;
    const trow = Math.floor(y / block) * w;
    for (let x = 0; x < frame.width; x++) {
      const i = trow + Math.floor(x / block);
      sums[i]! += frame.data[row + x]!;
      counts[i]!++;
    }
  }
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(sums[i]! / Math.max(1, counts[i]!));
  return { width: w, height: h, frameWidth: frame.width, frameHeight: frame.height, block, data };
}

export function fullRect(frameWidth: number, frameHeight: number): Rect {
  return { left: 0, top: 0, width: frameWidth, height: frameHeight };
}

/** Per grid cell of a thumbnail: whether it moved by more than the threshold since `prev`. */
export function changedCells(prev: Thumbnail, cur: Thumbnail, opts: DiffOptions = DEFAULT_DIFF): { mask: Uint8Array; cols: number; rows: number } {
  const cols = Math.ceil(cur.width / opts.cell);
  const rows = Math.ceil(cur.height / opts.cell);
  const mask = new Uint8Array(cols * rows);
  for (let y = 0; y < cur.height; y++) {
    for (let x = 0; x < cur.width; x++) {
      const i = y * cur.width + x;
      if (Math.abs(cur.data[i]! - prev.data[i]!) > opts.threshold) mask[Math.floor(y / opts.cell) * cols + Math.floor(x / opts.cell)] = 1;
    }
  }
  return { mask, cols, rows };
}

/**
 * The rectangles (in frame pixels) of the marked cells: grouped by 8-connectivity, each group's
 * bounds padded by half a cell; one whole-frame rectangle when they are large or scattered.
 */
export function cellRects(mask: Uint8Array, cols: number, rows: number, cur: Thumbnail, opts: DiffOptions = DEFAULT_DIFF): Rect[] {
  const whole = [fullRect(cur.frameWidth, cur.frameHeight)];
  if (!mask.some((v) => v)) return [];
  const cellPx = opts.cell * cur.block;
  const seen = new Uint8Array(cols * rows);
  const rects: Rect[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let x0 = cols, y0 = rows, x1 = -1, y1 = -1;
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % cols;
      const y = (i - x) / cols;
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const j = ny * cols + nx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    // A little margin only: background around an overlay card confuses the reader's thresholding.
    const pad = Math.round(cellPx / 2);
    rects.push(clip({ left: x0 * cellPx - pad, top: y0 * cellPx - pad, width: (x1 - x0 + 1) * cellPx + 2 * pad, height: (y1 - y0 + 1) * cellPx + 2 * pad }, cur.frameWidth, cur.frameHeight));
  }
  // Words of one line are separate groups when the gap between them is wider than a cell: join
  // rectangles less than a line's gap apart so a line is read whole.
  const merged = mergeOverlapping(rects, 3 * cellPx);
  const area = merged.reduce((a, r) => a + r.width * r.height, 0);
  if (merged.length > opts.maxRects || area > opts.wholeFrameShare * cur.frameWidth * cur.frameHeight) return whole;
  return merged;
}

/**
 * The rectangles (in frame pixels) where `cur` differs from `prev`. Everything when there is no
 * previous thumbnail or the sizes differ.
 */
export function changedRects(prev: Thumbnail | undefined, cur: Thumbnail, opts: DiffOptions = DEFAULT_DIFF): Rect[] {
  if (!prev || prev.width !== cur.width || prev.height !== cur.height) return [fullRect(cur.frameWidth, cur.frameHeight)];
  const { mask, cols, rows } = changedCells(prev, cur, opts);
  return cellRects(mask, cols, rows, cur, opts);
}

export interface WatchOptions extends DiffOptions {
  /** A cell that changed in this many of the last `liveWindow` samples is moving picture (the camera), not text. */
  liveAfter: number;
  liveWindow: number;
  /** …and stays moving picture until it has held still for this many samples in a row. */
  quietAfter: number;
  /** Moving picture is still read once every this many samples (text held up to the camera). */
  liveEvery: number;
}

export const DEFAULT_WATCH: WatchOptions = { ...DEFAULT_DIFF, liveAfter: 3, liveWindow: 4, quietAfter: 3, liveEvery: 30 };

/** A region to read, and since how many samples its content has been as it is now (0: it just changed). */
export interface ReadRegion extends Rect {
  heldFor: number;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/**
 * Decides, sample after sample, which parts of the frame to read. The camera picture of a
 * livestream changes in almost every sample; reading it each time costs most of the OCR and finds
 * nothing. So a cell is read when it starts changing, but once it has changed in `liveAfter` of
 * the last `liveWindow` samples it is moving picture and is not read again until it has held still for
 * `quietAfter` samples (an overlay put over the camera picture is read then, and its region
 * says how long it has been there, so its text gets the right start); moving picture is read
 * once every `liveEvery` samples. Pure; keeps one thumbnail and a few bits per cell.
 */
export class ChangeWatcher {
  private prev: Thumbnail | undefined;
  private moving: Uint16Array | undefined;
  private still: Uint16Array | undefined;
  private live: Uint8Array | undefined;
  private n = 0;
  readonly opts: WatchOptions;

  constructor(opts: Partial<WatchOptions> = {}) {
    this.opts = { ...DEFAULT_WATCH, ...opts };
  }

  next(cur: Thumbnail): ReadRegion[] {
    const prev = this.prev;
    this.prev = cur;
    this.n++;
    if (!prev || prev.width !== cur.width || prev.height !== cur.height) {
      this.moving = this.still = this.live = undefined;
      return [{ ...fullRect(cur.frameWidth, cur.frameHeight), heldFor: 0 }];
    }
    const { mask, cols, rows } = changedCells(prev, cur, this.opts);
    const moving = (this.moving ??= new Uint16Array(cols * rows));
    const still = (this.still ??= new Uint16Array(cols * rows));
    const live = (this.live ??= new Uint8Array(cols * rows));
    const periodic = this.n % this.opts.liveEvery === 0;
    const windowMask = (1 << Math.min(16, this.opts.liveWindow)) - 1;
    const fresh = new Uint8Array(mask.length);
    const settled = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) {
        moving[i] = ((moving[i]! << 1) | 1) & windowMask;
        still[i] = 0;
        if (popcount(moving[i]!) >= this.opts.liveAfter) live[i] = 1;
        if (!live[i] || periodic) fresh[i] = 1;
      } else {
        moving[i] = (moving[i]! << 1) & windowMask;
        still[i] = Math.min(65_535, still[i]! + 1);
        if (live[i] && still[i]! >= this.opts.quietAfter) {
          live[i] = 0;
          settled[i] = 1;
        }
      }
    }
    const out: ReadRegion[] = cellRects(fresh, cols, rows, cur, this.opts).map((r) => ({ ...r, heldFor: 0 }));
    const whole = out.length === 1 && out[0]!.width === cur.frameWidth && out[0]!.height === cur.frameHeight;
    if (!whole) out.push(...cellRects(settled, cols, rows, cur, this.opts).map((r) => ({ ...r, heldFor: this.opts.quietAfter })));
    return out;
  }
}

export function clip(r: Rect, width: number, height: number): Rect {
  const left = Math.max(0, Math.min(width, r.left));
  const top = Math.max(0, Math.min(height, r.top));
  const right = Math.max(left, Math.min(width, r.left + r.width));
  const bottom = Math.max(top, Math.min(height, r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export function union(a: Rect, b: Rect): Rect {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return { left, top, width: Math.max(a.left + a.width, b.left + b.width) - left, height: Math.max(a.top + a.height, b.top + b.height) - top };
}

/** Join rectangles that overlap (or come within `gap` pixels of each other) until none do. */
export function mergeOverlapping(rects: readonly Rect[], gap = 0): Rect[] {
  const near = (a: Rect, b: Rect) => intersects({ left: a.left - gap, top: a.top - gap, width: a.width + 2 * gap, height: a.height + 2 * gap }, b);
  const out = [...rects];
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (near(out[i]!, out[j]!)) {
          out[i] = union(out[i]!, out[j]!);
          out.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  return out;
}
