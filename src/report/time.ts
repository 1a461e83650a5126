/**
 * Times as people read them: m:ss under an hour, h:mm:ss above; with `alwaysHours`, h:mm:ss
 * throughout (so spreadsheets sort and parse them alike). Pure.
 */
export function clock(sec: number | null, opts: { alwaysHours?: boolean } = {}): string {
  if (sec === null) return '';
  const s = Math.floor(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 || opts.alwaysHours ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** Where a finding is: its time range, or its line in an untimed transcript. */
export function whereLabel(f: { start: number | null; end: number | null; line?: number }): string {
  if (f.start !== null) return f.end !== null && Math.floor(f.end) !== Math.floor(f.start) ? `${clock(f.start)}–${clock(f.end)}` : clock(f.start);
  return f.line !== undefined ? `line ${f.line}` : '';
}
