/** Times in reports (the formatter is core/time.ts, shared with the engine's messages). Pure. */
import { clock } from '../core/time.js';

export { clock };

/** Where a finding is: its time range, or its line in an untimed transcript. */
export function whereLabel(f: { start: number | null; end: number | null; line?: number }): string {
  if (f.start !== null) return f.end !== null && Math.floor(f.end) !== Math.floor(f.start) ? `${clock(f.start)}–${clock(f.end)}` : clock(f.start);
  return f.line !== undefined ? `line ${f.line}` : '';
}
