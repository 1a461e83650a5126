/**
 * A thin wrapper over tesseract.js: workers that read the Japanese, Simplified Chinese and Korean
 * models shipped inside npm packages (@tesseract.js-data/jpn, chi_sim, kor), read from
 * node_modules (`langPath` is the package folder), so nothing is ever fetched from a CDN and
 * nothing is cached on disk. Frames go in as PGM (grey bytes with a 15-byte header).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Language } from '../transcript/model.js';
import type { GrayFrame, Rect } from './diff.js';
import type { OcrLine } from './track.js';

export const TESSERACT_LANG: Record<Language, string> = { ja: 'jpn', zh: 'chi_sim', ko: 'kor' };

const require = createRequire(import.meta.url);

/** The folder holding the gzipped traineddata of one language, inside its npm package. */
export function traineddataDir(code: string): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  } catch {
    throw new Error(`the OCR model for ${code} is missing (npm package @tesseract.js-data/${code}); reinstall livecomply, or pass --screen off`);
  }
  const folder = path.join(dir, '4.0.0');
  if (!existsSync(path.join(folder, `${code}.traineddata.gz`))) {
    throw new Error(`the OCR model for ${code} is missing from ${folder}; reinstall livecomply, or pass --screen off`);
  }
  return folder;
}

/**
 * One folder holding every language's model: the package folder itself for one language; for
 * several (language not known), a temporary folder of links to each package's file.
 */
async function langFolder(codes: readonly string[]): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dirs = codes.map(traineddataDir);
  if (dirs.length === 1) return { dir: dirs[0]!, cleanup: async () => {} };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'livecomply-ocr-'));
  await Promise.all(codes.map((code, i) => symlink(path.join(dirs[i]!, `${code}.traineddata.gz`), path.join(dir, `${code}.traineddata.gz`))));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A grey frame as a PGM image, which tesseract's image reader (Leptonica) takes as it is. */
export function toPgm(frame: GrayFrame): Buffer {
  const header = Buffer.from(`P5\n${frame.width} ${frame.height}\n255\n`, 'latin1');
  return Buffer.concat([header, frame.data]);
}

interface TessWorker {
  recognize(image: Buffer, options: { rectangle?: Rect }, output: { blocks: boolean; text: boolean }): Promise<{ data: { blocks: TessBlock[] | null } }>;
  terminate(): Promise<unknown>;
  setParameters(params: Record<string, string>): Promise<unknown>;
}
interface TessBlock {
  paragraphs: { lines: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[];
}

/** A few tesseract workers for one set of languages; read() runs on the next free one. */
export class OcrPool {
  private readonly idle: TessWorker[] = [];
  private readonly waiting: ((w: TessWorker) => void)[] = [];
  private growing: Promise<void> | undefined;
  private constructor(
    private readonly codes: readonly string[],
    private readonly workers: TessWorker[],
  ) {
    this.idle.push(...workers);
  }

  private static async start(codes: readonly string[], n: number): Promise<TessWorker[]> {
    const { createWorker } = await import('tesseract.js');
    const folder = await langFolder(codes);
    try {
      const workers = await Promise.all(
        Array.from({ length: n }, () => createWorker(codes.join('+'), 1, { langPath: folder.dir, gzip: true, cacheMethod: 'none' }) as Promise<unknown> as Promise<TessWorker>),
      );
      // Tesseract's own diagnostics ("Image too small to scale!!") are not for the user.
      await Promise.all(workers.map((w) => w.setParameters({ debug_file: '/dev/null' })));
      return workers;
    } finally {
      await folder.cleanup();
    }
  }

  /** A pool of `size` workers (each takes a few seconds to start). */
  static async create(codes: readonly string[], size: number): Promise<OcrPool> {
    return new OcrPool(codes, await OcrPool.start(codes, Math.max(1, size)));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Start more workers (for a long video), without waiting: they join when ready. */
  grow(size: number): void {
    const more = size - this.workers.length;
    if (more <= 0 || this.growing) return;
    this.growing = OcrPool.start(this.codes, more).then(
      (ws) => {
        this.workers.push(...ws);
        for (const w of ws) this.release(w);
      },
      () => {
        // A worker that fails to start only costs speed; the others go on.
      },
    );
  }

  private acquire(): Promise<TessWorker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: TessWorker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Read the lines in the given regions of a frame (coordinates in frame pixels). */
  async read(image: Buffer, rects: readonly Rect[]): Promise<OcrLine[]> {
    const w = await this.acquire();
    try {
      const out: OcrLine[] = [];
      for (const rect of rects) {
        if (rect.width < 8 || rect.height < 8) continue;
        const r = await w.recognize(image, { rectangle: rect }, { blocks: true, text: false });
        for (const b of r.data.blocks ?? []) {
          for (const p of b.paragraphs) {
            for (const l of p.lines) {
              out.push({ text: l.text.trim(), confidence: l.confidence, bbox: { left: l.bbox.x0, top: l.bbox.y0, width: l.bbox.x1 - l.bbox.x0, height: l.bbox.y1 - l.bbox.y0 } });
            }
          }
        }
      }
      return out;
    } finally {
      this.release(w);
    }
  }

  async terminate(): Promise<void> {
    await this.growing;
    await Promise.allSettled(this.workers.map((w) => w.terminate()));
  }
}
