/**
 * From speech regions to recogniser-sized chunks and back. Pure.
 *
 * Planning: regions are padded a little (so word onsets are not clipped), long regions are cut
 * at their longest inner pause (or, with no pause to use, hard-cut with an overlap), and the
 * pieces are packed into chunks of at most `maxSec` seconds of audio with the silence between
 * them left out (silence is where Whisper invents text). A chunk is a list of spans of the
 * recording played back to back; `toSource` maps a time inside the chunk back to the recording.
 *
 * Stitching: recogniser segments (chunk-relative times) are mapped to the recording, clamped to
 * their chunk and the media duration, and where two chunks share audio (hard cuts only) each
 * keeps what starts on its side of the middle of the shared stretch, so nothing is said twice.
 *
 * The guard against Whisper's failure modes is guard.ts.
 */
import type { Segment, Word } from '../transcript/model.js';

export interface Span {
  start: number;
  end: number;
}

export interface RegionLike extends Span {
  pauses?: readonly Span[];
}

export interface Chunk {
  index: number;
  /** Pieces of the recording played back to back, in order, non-overlapping. */
  spans: Span[];
  /** First span start and last span end (seconds into the recording). */
  start: number;
  end: number;
  /** Seconds of audio in the chunk (sum of span lengths). */
  lengthSec: number;
}

export interface ChunkPlanOptions {
  maxSec: number;
  /** Overlap used when a region has to be cut where there is no pause. */
  overlapSec: number;
  /** Padding added on both sides of each region. */
  padSec: number;
  /** Cut a long region at a pause only in the last part of a chunk (fraction of maxSec). */
  minCutFraction: number;
}

export const DEFAULT_CHUNKING: ChunkPlanOptions = { maxSec: 30, overlapSec: 2, padSec: 0.2, minCutFraction: 0.5 };

interface Piece extends Span {
  /** Continues the previous piece after a hard cut (shares audio with it). */
  hardCut: boolean;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Pad, merge touching regions, and cut long ones into pieces no longer than maxSec. */
function pieces(regions: readonly RegionLike[], durationSec: number, o: ChunkPlanOptions): Piece[] {
  const padded: { start: number; end: number; pauses: Span[] }[] = [];
  const sorted = [...regions].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    const start = Math.max(0, r.start - o.padSec);
    const end = Math.min(durationSec, r.end + o.padSec);
    if (end <= start) continue;
    const last = padded[padded.length - 1];
    if (last && start <= last.end) {
      if (r.start > last.end - o.padSec) last.pauses.push({ start: last.end - o.padSec, end: r.start });
      last.end = Math.max(last.end, end);
      last.pauses.push(...(r.pauses ?? []));
    } else {
      padded.push({ start, end, pauses: [...(r.pauses ?? [])] });
    }
  }
  const out: Piece[] = [];
  const overlap = Math.min(o.overlapSec, o.maxSec / 4);
  for (const r of padded) {
    let p = r.start;
    let hardCut = false;
    while (r.end - p > o.maxSec) {
      const lo = p + o.maxSec * o.minCutFraction;
      const hi = p + o.maxSec;
      let best: Span | undefined;
      for (const q of r.pauses) {
        const mid = (q.start + q.end) / 2;
        if (mid <= lo || mid >= hi) continue;
        if (!best || q.end - q.start >= best.end - best.start) best = q;
      }
      if (best) {
        const cut = round3((best.start + best.end) / 2);
        out.push({ start: round3(p), end: cut, hardCut });
        p = cut;
        hardCut = false;
      } else {
        out.push({ start: round3(p), end: round3(hi), hardCut });
        p = hi - overlap;
        hardCut = true;
      }
    }
    out.push({ start: round3(p), end: round3(r.end), hardCut });
  }
  return out;
}

/** Plan recogniser chunks (each at most maxSec seconds of audio) from speech regions. */
export function planChunks(regions: readonly RegionLike[], durationSec: number, opts: Partial<ChunkPlanOptions> = {}): Chunk[] {
  const o = { ...DEFAULT_CHUNKING, ...opts };
  const chunks: Chunk[] = [];
  let cur: Span[] = [];
  let len = 0;
  const flush = () => {
    if (cur.length === 0) return;
    chunks.push({ index: chunks.length, spans: cur, start: cur[0]!.start, end: cur[cur.length - 1]!.end, lengthSec: round3(len) });
    cur = [];
    len = 0;
  };
  for (const p of pieces(regions, durationSec, o)) {
    const l = p.end - p.start;
    if (p.hardCut || len + l > o.maxSec + 1e-9) flush();
    const last = cur[cur.length - 1];
    if (last && p.start <= last.end) {
      // Touching pieces (cut at a pause) in the same chunk: one span.
      last.end = p.end;
    } else {
      cur.push({ start: p.start, end: p.end });
    }
    len += l;
  }
  flush();
  return chunks;
}

/** A time inside the chunk's audio (seconds from its first sample) → seconds into the recording. */
export function toSource(chunk: Chunk, t: number): number {
  let offset = 0;
  const tt = Math.max(0, Math.min(t, chunk.lengthSec));
  for (const s of chunk.spans) {
    const l = s.end - s.start;
    if (tt < offset + l) return round3(s.start + (tt - offset));
    offset += l;
  }
  return chunk.end;
}

/**
 * Cuts the chunks' audio out of a stream of samples, in one pass. Holds only the chunks being
 * filled (at most two at a time, 30 s each): memory does not grow with the recording.
 */
export class ChunkCutter {
  private pos = 0;
  private next = 0;
  private readonly active: { chunk: Chunk; buf: Float32Array; filled: number; lastSample: number }[] = [];

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly sampleRate = 16_000,
  ) {}

  /** Feed the next samples; returns chunks whose audio is complete, in order. */
  push(samples: Float32Array): { chunk: Chunk; audio: Float32Array }[] {
    const from = this.pos;
    const to = from + samples.length;
    this.pos = to;
    const sr = this.sampleRate;
    while (this.next < this.chunks.length && Math.floor(this.chunks[this.next]!.start * sr) < to) {
      const chunk = this.chunks[this.next++]!;
      const total = chunk.spans.reduce((n, s) => n + (Math.floor(s.end * sr) - Math.floor(s.start * sr)), 0);
      this.active.push({ chunk, buf: new Float32Array(total), filled: 0, lastSample: Math.floor(chunk.end * sr) });
    }
    for (const a of this.active) {
      let offset = 0;
      for (const s of a.chunk.spans) {
        const s0 = Math.floor(s.start * sr);
        const s1 = Math.floor(s.end * sr);
        const lo = Math.max(s0, from);
        const hi = Math.min(s1, to);
        if (hi > lo) {
          a.buf.set(samples.subarray(lo - from, hi - from), offset + (lo - s0));
          a.filled = Math.max(a.filled, offset + (hi - s0));
        }
        offset += s1 - s0;
      }
    }
    const done: { chunk: Chunk; audio: Float32Array }[] = [];
    while (this.active.length && this.active[0]!.lastSample <= to) {
      const a = this.active.shift()!;
      done.push({ chunk: a.chunk, audio: a.buf });
    }
    return done;
  }

  /** End of the stream: whatever is left (shorter than planned if the audio ended early). */
  end(): { chunk: Chunk; audio: Float32Array }[] {
    const done = this.active.splice(0).map((a) => ({ chunk: a.chunk, audio: a.buf.subarray(0, a.filled) }));
    return done;
  }
}

/** A recogniser segment, times relative to the chunk's audio; `end` null when the recogniser gave none. */
export interface RawWord {
  start: number;
  end: number | null;
  text: string;
}
export interface RawSegment {
  start: number;
  end: number | null;
  text: string;
  words?: RawWord[];
}

export interface ChunkResult {
  chunk: Chunk;
  segments: RawSegment[];
}

interface Timed {
  start: number;
  end: number;
  text: string;
  words?: Word[];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Chunk-relative segments → recording times, ends filled in, clamped to the chunk and the media. */
function placeChunk(r: ChunkResult, durationSec: number): Timed[] {
  const { chunk } = r;
  const lo = Math.max(0, chunk.start);
  const hi = Math.min(durationSec, chunk.end);
  const segs = [...r.segments].filter((s) => Number.isFinite(s.start)).sort((a, b) => a.start - b.start);
  const out: Timed[] = [];
  segs.forEach((s, i) => {
    const relEnd = s.end ?? segs[i + 1]?.start ?? chunk.lengthSec;
    const start = clamp(toSource(chunk, s.start), lo, hi);
    const end = clamp(toSource(chunk, Math.max(s.start, relEnd)), start, hi);
    const t: Timed = { start, end, text: s.text };
    if (s.words && s.words.length) {
      const ws = [...s.words].filter((w) => Number.isFinite(w.start)).sort((a, b) => a.start - b.start);
      t.words = ws.map((w, j) => {
        const wEnd = w.end ?? ws[j + 1]?.start ?? relEnd;
        const ws0 = clamp(toSource(chunk, w.start), start, end);
        return { start: ws0, end: clamp(toSource(chunk, Math.max(w.start, wEnd)), ws0, end), text: w.text };
      });
    }
    out.push(t);
  });
  return out;
}

function joinWords(words: readonly Word[]): string {
  return words.map((w) => w.text).join('').replace(/\s+/g, ' ').trim();
}

/** Keep only what starts before (side 'before') or at/after (side 'after') the cut. */
function sideOf(segs: Timed[], cut: number, side: 'before' | 'after'): Timed[] {
  const keep = (t: number) => (side === 'before' ? t < cut : t >= cut);
  const out: Timed[] = [];
  for (const s of segs) {
    if (s.words && s.words.length) {
      const words = s.words.filter((w) => keep(w.start));
      if (words.length === 0) continue;
      if (words.length === s.words.length) {
        out.push(s);
        continue;
      }
      out.push({ start: words[0]!.start, end: Math.max(words[words.length - 1]!.end, words[0]!.start), text: joinWords(words), words });
    } else if (keep((s.start + s.end) / 2)) {
      out.push(s);
    }
  }
  return out;
}

/** Length of the longest suffix of a that is a prefix of b (at least `min` characters), else 0. */
export function textOverlap(a: string, b: string, min = 2): number {
  const max = Math.min(a.length, b.length);
  for (let n = max; n >= min; n--) {
    if (a.endsWith(b.slice(0, n))) return n;
  }
  return 0;
}

/** Put the chunks' segments back on the recording's timeline, without saying the shared audio twice. */
export function stitch(results: readonly ChunkResult[], durationSec: number): Segment[] {
  const ordered = [...results].sort((a, b) => a.chunk.start - b.chunk.start);
  const placed = ordered.map((r) => placeChunk(r, durationSec));
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!.chunk;
    const cur = ordered[i]!.chunk;
    if (cur.start >= prev.end) continue;
    const cut = (cur.start + prev.end) / 2;
    placed[i - 1] = sideOf(placed[i - 1]!, cut, 'before');
    placed[i] = sideOf(placed[i]!, cut, 'after');
    // Segment-level output cannot be split exactly: drop text repeated across the cut.
    const a = placed[i - 1]![placed[i - 1]!.length - 1];
    const b = placed[i]![0];
    if (a && b && !a.words && !b.words) {
      const n = textOverlap(a.text.trim(), b.text.trim());
      if (n > 0) {
        const rest = b.text.trim().slice(n).trim();
        if (rest) placed[i]![0] = { ...b, text: rest };
        else placed[i]!.shift();
      }
    }
  }
  const all = placed.flat().filter((s) => s.text.trim() !== '');
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let lastStart = 0;
  for (const s of all) {
    const start = round3(Math.max(lastStart, clamp(s.start, 0, durationSec)));
    const end = round3(Math.max(start, clamp(s.end, 0, durationSec)));
    lastStart = start;
    const seg: Segment = { start, end, text: s.text.trim() };
    if (s.words && s.words.length) {
      seg.words = s.words.map((w) => {
        const ws = round3(clamp(w.start, start, end));
        return { start: ws, end: round3(clamp(w.end, ws, end)), text: w.text };
      });
    }
    out.push(seg);
  }
  return out;
}

export { collapseRepeats, compressionRatio, DEFAULT_GUARD, guardSegments, isOutro, type DropReason, type GuardOptions, type GuardResult } from './guard.js';
