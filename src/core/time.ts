/**
 * The one time formatter: m:ss under an hour, h:mm:ss above; with `alwaysHours`, h:mm:ss
 * throughout (so spreadsheets sort and parse them alike). A moment is floored (12.9 s is still in
 * second 0:12, as a player shows it); a duration (`nearest`) is rounded (a window of 299.6 s is 5:00).
 */
export function clock(sec: number | null, opts: { alwaysHours?: boolean; nearest?: boolean } = {}): string {
  if (sec === null) return '';
  const s = opts.nearest ? Math.round(sec) : Math.floor(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 || opts.alwaysHours ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}
