/**
 * Progress on stderr. On a terminal: one line redrawn in place (files done / total, what each
 * file in flight is doing, an ETA). In CI or when stderr is not a terminal: no animation, one
 * line per finished file. Quiet for a single input.
 */
import { fileErrorLine, type FileReport } from '../report/model.js';
import type { Stage } from '../audit/audit-file.js';
import { clock } from '../report/time.js';
import { visibleLine as v } from '../report/visible.js';

export interface ProgressOptions {
  total: number;
  interactive: boolean;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

export class Progress {
  private done = 0;
  private readonly inFlight = new Map<string, Stage | 'starting'>();
  private readonly started: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly stream: NodeJS.WriteStream;
  private readonly now: () => number;
  private lastWidth = 0;

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    if (this.active && opts.interactive) {
      this.timer = setInterval(() => this.draw(), 200);
      this.timer.unref();
    }
  }

  private get active(): boolean {
    return this.opts.total > 1;
  }

  start(path: string): void {
    this.inFlight.set(path, 'starting');
  }

  stage(path: string, stage: Stage): void {
    this.inFlight.set(path, stage);
  }

  finish(report: FileReport): void {
    this.done++;
    this.inFlight.delete(report.path);
    if (!this.active) return;
    if (this.opts.interactive) {
      this.draw();
      return;
    }
    const what = report.status === 'error' ? v(errorWithPlace(report)) : `${v(report.path)}: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`;
    this.stream.write(`[${this.done}/${this.opts.total}] ${what}\n`);
  }

  /** A line for the person at the terminal (a warning), printed above the progress line. */
  note(line: string): void {
    if (this.opts.interactive && this.lastWidth > 0) {
      this.stream.write(`\r${' '.repeat(this.lastWidth)}\r`);
      this.lastWidth = 0;
    }
    this.stream.write(`${v(line)}\n`);
  }

  private eta(): string {
    if (this.done === 0) return '';
    const elapsed = (this.now() - this.started) / 1000;
    const left = (elapsed / this.done) * (this.opts.total - this.done);
    return ` · ETA ${clock(left)}`;
  }

  private draw(): void {
    const current = [...this.inFlight.entries()].map(([p, s]) => `${shorten(p)} (${s})`).join(', ');
    const line = `[${this.done}/${this.opts.total}]${this.eta()}${current ? ` · ${current}` : ''}`;
    const width = this.stream.columns ? this.stream.columns - 1 : 120;
    const shown = line.length > width ? line.slice(0, width - 1) + '…' : line;
    this.stream.write(`\r${shown}${' '.repeat(Math.max(0, this.lastWidth - shown.length))}`);
    this.lastWidth = shown.length;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.active && this.opts.interactive && this.lastWidth > 0) this.stream.write(`\r${' '.repeat(this.lastWidth)}\r`);
  }
}

function shorten(path: string): string {
  const p = v(path);
  return p.length > 40 ? '…' + p.slice(-39) : p;
}

/** `b.mp4: error: no audio`, or with a place in the file `broken.srt:2:18: error: expected …` (the path once). */
function errorWithPlace(f: FileReport): string {
  const line = fileErrorLine(f);
  const m = line.startsWith(`${f.path}:`) ? /^(.*?:\d+:\d+:)\s*(.*)$/s.exec(line) : null;
  return m ? `${m[1]} error: ${m[2]}` : `${f.path}: error: ${line.slice(f.path.length + 2)}`;
}

const MAX_FAILED_SHOWN = 20;

/** The end-of-batch table: files, findings by severity, failed files. */
export function summaryTable(files: readonly FileReport[]): string {
  const ok = files.filter((f) => f.status === 'ok');
  const failed = files.filter((f) => f.status === 'error');
  const count = (sev: string) => ok.reduce((n, f) => n + f.findings.filter((x) => x.severity === sev).length, 0);
  const rows: [string, string][] = [
    ['files', String(files.length)],
    ['audited', String(ok.length)],
    ['failed', String(failed.length)],
    ['errors', String(count('error'))],
    ['warnings', String(count('warning'))],
    ['info', String(count('info'))],
  ];
  const lines = rows.map(([k, v]) => `  ${k.padEnd(10)} ${v.padStart(6)}`);
  if (failed.length > 0) {
    // A batch of 500 broken files should not bury the terminal: the report lists them all.
    const shown = failed.length > MAX_FAILED_SHOWN ? failed.slice(0, MAX_FAILED_SHOWN - 1) : failed;
    lines.push('  failed files:');
    for (const f of shown) lines.push(`    ${v(fileErrorLine(f))}`);
    if (shown.length < failed.length) lines.push(`    … and ${failed.length - shown.length} more (every one is in the report)`);
  }
  return `summary\n${lines.join('\n')}\n`;
}

/**
 * A model download's progress on `stream`: a redrawn bar on a terminal, a line at every quarter
 * otherwise. One state per model (the listener may hear of several).
 */
export function downloadProgress(stream: NodeJS.WriteStream = process.stderr): (label: string, loaded: number, total: number) => void {
  const lastShown = new Map<string, number>();
  return (label, loaded, total) => {
    if (total <= 0) return;
    const last = lastShown.get(label) ?? -1;
    const pct = Math.min(100, Math.floor((loaded / total) * 100));
    const mb = (n: number) => (n / 1e6).toFixed(0);
    if (stream.isTTY === true) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\rdownloading ${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${pct}% ${mb(loaded)}/${mb(total)} MB${pct === 100 ? '\n' : ''}`);
    } else if (Math.floor(pct / 25) > Math.floor(last / 25) || (pct === 100 && last < 100)) {
      stream.write(`downloading ${label}: ${pct}% (${mb(loaded)}/${mb(total)} MB)\n`);
    }
    lastShown.set(label, pct);
  };
}
