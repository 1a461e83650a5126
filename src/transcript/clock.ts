/**
 * Clock times (`hh:mm:ss,mmm`, `mm:ss.mmm`, …) and SRT/WebVTT timing lines. Pure.
 */

/** Where in a token a time went wrong (0-based offset into the token) and why. */
export interface ClockProblem {
  offset: number;
  reason: string;
}

export type FractionSeparator = ',' | '.';

/** Hours optional; `,` or `.` before the fraction; the fraction is a decimal fraction of a second. */
const CLOCK = /^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?$/;

export function clockExample(sep: FractionSeparator): string {
  return `00:01:02${sep}345`;
}

/** Shortened for messages so a garbage line does not flood the terminal. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…` : s);
}

/**
 * Milliseconds of a clock token, or what is wrong with it. Minutes may exceed 59 only when no
 * hours are given (`75:00` in a plain-text transcript means 75 minutes); seconds never may.
 */
export function parseClock(token: string, sep: FractionSeparator): number | ClockProblem {
  const m = CLOCK.exec(token);
  if (!m) {
    const shape = sep === ',' ? 'hh:mm:ss,mmm' : 'hh:mm:ss.mmm';
    return { offset: 0, reason: `expected a time like ${clockExample(sep)} (${shape}), found ${quote(token)}` };
  }
  const [, hh, mm = '', ss = '', frac] = m;
  const minutesAt = hh === undefined ? 0 : hh.length + 1;
  const secondsAt = minutesAt + mm.length + 1;
  const hours = hh === undefined ? 0 : Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (hh !== undefined && minutes > 59) return { offset: minutesAt, reason: `expected minutes 00–59, found ${quote(mm)}` };
  if (seconds > 59) return { offset: secondsAt, reason: `expected seconds 00–59, found ${quote(ss)}` };
  const fraction = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
  if (!Number.isSafeInteger(ms)) return { offset: 0, reason: `expected a time small enough to be a position in a recording, found ${quote(token)}` };
  return ms;
}

/** `hh:mm:ss,mmm` (SRT) or `hh:mm:ss.mmm` (WebVTT); hours grow past two digits when needed. */
export function formatClock(seconds: number, sep: FractionSeparator): string {
  const total = Math.round(seconds * 1000);
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}${sep}${String(ms).padStart(3, '0')}`;
}

export interface Timing {
  /** Seconds. */
  start: number;
  end: number;
}

/** Reports a problem at a 1-based column of the line being parsed; never returns. */
export type Fail = (column: number, reason: string) => never;

export function timingExample(sep: FractionSeparator): string {
  return `"00:00:01${sep}000 --> 00:00:04${sep}000"`;
}

/**
 * `start --> end [anything]`: what follows the end time (WebVTT cue settings, SRT box
 * coordinates) is ignored.
 */
export function parseTimingLine(line: string, sep: FractionSeparator, fail: Fail): Timing {
  const arrow = line.indexOf('-->');
  if (arrow < 0) return fail(1, `expected a timing line like ${timingExample(sep)}`);
  const before = line.slice(0, arrow);
  const startToken = before.trim();
  const startCol = before.length - before.trimStart().length + 1;
  if (!startToken) return fail(startCol, `expected a start time before "-->", like ${timingExample(sep)}`);
  const start = clockOrFail(startToken, startCol, sep, fail);

  const after = line.slice(arrow + 3);
  const endToken = /^\s*(\S*)/.exec(after)?.[1] ?? '';
  const endCol = arrow + 3 + (after.length - after.trimStart().length) + 1;
  if (!endToken) return fail(endCol, `expected an end time after "-->", like ${timingExample(sep)}`);
  const end = clockOrFail(endToken, endCol, sep, fail);
  if (end < start) {
    return fail(endCol, `expected the end time to be at or after the start, but the cue ends at ${formatClock(end / 1000, sep)}, before it starts at ${formatClock(start / 1000, sep)}`);
  }
  return { start: start / 1000, end: end / 1000 };
}

function clockOrFail(token: string, column: number, sep: FractionSeparator, fail: Fail): number {
  const r = parseClock(token, sep);
  return typeof r === 'number' ? r : fail(column + r.offset, r.reason);
}
