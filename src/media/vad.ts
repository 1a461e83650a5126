/**
 * Voice-activity segmentation: energy against an adaptive noise floor, with hysteresis, a
 * hangover that joins words across short pauses, and rejection of steady tones (test tones,
 * hum, a held beep: loud but with none of speech's syllable-rate loudness changes).
 *
 * Pure: feed Float32Array blocks of 16 kHz mono samples in order (`push`), collect the finished
 * regions, call `end` at the end. State is a few numbers and a 5-second ring of frame levels,
 * so memory does not grow with the length of the recording.
 *
 * The noise floor is the lowest frame level over the last `floorWindowSec` seconds (speech always
 * has quiet moments between syllables within a few seconds), starting from `priorFloorDb` so a
 * recording that opens with speech is not taken for background.
 */

export interface VadOptions {
  sampleRate: number;
  frameMs: number;
  /** Window for the noise-floor minimum. */
  floorWindowSec: number;
  /** Assumed floor before any quiet has been heard. */
  priorFloorDb: number;
  /** A frame starts speech this far above the floor… */
  enterDb: number;
  /** …and keeps it going this far above. */
  stayDb: number;
  /** Nothing quieter than this (dBFS) is speech, whatever the floor. */
  absoluteMinDb: number;
  /** Shorter bursts are clicks, not speech. */
  minSpeechSec: number;
  /** Pauses up to this long stay inside one region. */
  mergeGapSec: number;
  /** Pauses at least this long inside a region are recorded (good places to cut chunks). */
  minPauseSec: number;
  /** Drop regions whose loudness and pitch barely change (tones, hum). */
  dropSteady: boolean;
  steadyMinSec: number;
  /** Coefficient of variation of frame RMS below which a region counts as steady. */
  steadyMaxCv: number;
  /** Standard deviation of the zero-crossing rate below which a region counts as steady. */
  steadyMaxZcrStd: number;
}

export const DEFAULT_VAD: VadOptions = {
  sampleRate: 16_000,
  frameMs: 30,
  floorWindowSec: 5,
  priorFloorDb: -60,
  enterDb: 10,
  stayDb: 5,
  absoluteMinDb: -55,
  minSpeechSec: 0.15,
  mergeGapSec: 0.5,
  minPauseSec: 0.12,
  dropSteady: true,
  steadyMinSec: 1.5,
  steadyMaxCv: 0.15,
  steadyMaxZcrStd: 0.02,
};

export interface Pause {
  start: number;
  end: number;
}

export interface SpeechRegion {
  start: number;
  end: number;
  /** Quiet stretches inside the region (seconds into the recording). */
  pauses: Pause[];
}

interface OpenRegion {
  start: number;
  lastActiveEnd: number;
  pauses: Pause[];
  quietSince: number | null;
  n: number;
  sumRms: number;
  sumRms2: number;
  sumZcr: number;
  sumZcr2: number;
}

export function frameLevel(frame: Float32Array): { db: number; rms: number; zcr: number } {
  let sum = 0;
  let crossings = 0;
  let prev = frame[0] ?? 0;
  for (let i = 0; i < frame.length; i++) {
    const x = frame[i]!;
    sum += x * x;
    if ((x >= 0) !== (prev >= 0)) crossings++;
    prev = x;
  }
  const rms = Math.sqrt(sum / Math.max(1, frame.length));
  return { rms, db: 20 * Math.log10(Math.max(rms, 1e-5)), zcr: crossings / Math.max(1, frame.length) };
}

export class VadStream {
  readonly opts: VadOptions;
  private readonly frameLen: number;
  private readonly frameSec: number;
  private readonly windowFrames: number;
  private readonly buf: Float32Array;
  private bufFill = 0;
  private frameIndex = 0;
  /** Monotonic deque of [frameIndex, db] for the sliding minimum. */
  private readonly dqIdx: number[] = [];
  private readonly dqDb: number[] = [];
  private open: OpenRegion | null = null;
  private samples = 0;

  constructor(opts: Partial<VadOptions> = {}) {
    this.opts = { ...DEFAULT_VAD, ...opts };
    this.frameLen = Math.max(1, Math.round((this.opts.sampleRate * this.opts.frameMs) / 1000));
    this.frameSec = this.frameLen / this.opts.sampleRate;
    this.windowFrames = Math.max(1, Math.round(this.opts.floorWindowSec / this.frameSec));
    this.buf = new Float32Array(this.frameLen);
  }

  /** Seconds of audio seen so far. */
  get durationSec(): number {
    return this.samples / this.opts.sampleRate;
  }

  /** Feed the next samples; returns the regions that finished. */
  push(samples: Float32Array): SpeechRegion[] {
    const out: SpeechRegion[] = [];
    this.samples += samples.length;
    let i = 0;
    while (i < samples.length) {
      const take = Math.min(this.frameLen - this.bufFill, samples.length - i);
      this.buf.set(samples.subarray(i, i + take), this.bufFill);
      this.bufFill += take;
      i += take;
      if (this.bufFill === this.frameLen) {
        this.frame(this.buf, out);
        this.bufFill = 0;
      }
    }
    return out;
  }

  /** No more samples: returns the last regions. */
  end(): SpeechRegion[] {
    const out: SpeechRegion[] = [];
    if (this.bufFill > 0) {
      this.frame(this.buf.subarray(0, this.bufFill), out);
      this.bufFill = 0;
    }
    if (this.open) this.close(out, this.durationSec);
    return out;
  }

  private floorDb(db: number): number {
    const idx = this.frameIndex;
    while (this.dqDb.length && this.dqDb[this.dqDb.length - 1]! >= db) {
      this.dqDb.pop();
      this.dqIdx.pop();
    }
    this.dqDb.push(db);
    this.dqIdx.push(idx);
    while (this.dqIdx[0]! <= idx - this.windowFrames) {
      this.dqIdx.shift();
      this.dqDb.shift();
    }
    const min = this.dqDb[0]!;
    return idx < this.windowFrames ? Math.min(min, this.opts.priorFloorDb) : min;
  }

  private frame(frame: Float32Array, out: SpeechRegion[]): void {
    const t0 = this.frameIndex * this.frameSec;
    const t1 = t0 + frame.length / this.opts.sampleRate;
    const { db, rms, zcr } = frameLevel(frame);
    const floor = this.floorDb(db);
    this.frameIndex++;
    const o = this.opts;
    const r = this.open;
    const active = r ? db >= Math.max(floor + o.stayDb, o.absoluteMinDb - (o.enterDb - o.stayDb)) : db >= Math.max(floor + o.enterDb, o.absoluteMinDb);
    if (active) {
      if (!r) {
        this.open = { start: t0, lastActiveEnd: t1, pauses: [], quietSince: null, n: 1, sumRms: rms, sumRms2: rms * rms, sumZcr: zcr, sumZcr2: zcr * zcr };
        return;
      }
      if (r.quietSince !== null && t0 - r.quietSince >= o.minPauseSec) r.pauses.push({ start: r.quietSince, end: t0 });
      r.quietSince = null;
      r.lastActiveEnd = t1;
      r.n++;
      r.sumRms += rms;
      r.sumRms2 += rms * rms;
      r.sumZcr += zcr;
      r.sumZcr2 += zcr * zcr;
    } else if (r) {
      if (r.quietSince === null) r.quietSince = t0;
      if (t1 - r.lastActiveEnd > o.mergeGapSec) this.close(out, r.lastActiveEnd);
    }
  }

  private close(out: SpeechRegion[], end: number): void {
    const r = this.open;
    this.open = null;
    if (!r) return;
    const stop = Math.min(end, r.lastActiveEnd);
    const dur = stop - r.start;
    if (dur < this.opts.minSpeechSec) return;
    if (this.opts.dropSteady && dur >= this.opts.steadyMinSec && isSteady(r, this.opts)) return;
    out.push({ start: round3(r.start), end: round3(stop), pauses: r.pauses.filter((p) => p.end <= stop).map((p) => ({ start: round3(p.start), end: round3(p.end) })) });
  }
}

function isSteady(r: OpenRegion, o: VadOptions): boolean {
  const meanRms = r.sumRms / r.n;
  const varRms = Math.max(0, r.sumRms2 / r.n - meanRms * meanRms);
  const cv = meanRms > 0 ? Math.sqrt(varRms) / meanRms : 0;
  const meanZcr = r.sumZcr / r.n;
  const zcrStd = Math.sqrt(Math.max(0, r.sumZcr2 / r.n - meanZcr * meanZcr));
  return cv < o.steadyMaxCv && zcrStd < o.steadyMaxZcrStd;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Whole-buffer convenience over VadStream. */
export function detectSpeech(samples: Float32Array, opts: Partial<VadOptions> = {}): SpeechRegion[] {
  const v = new VadStream(opts);
  return [...v.push(samples), ...v.end()];
}
