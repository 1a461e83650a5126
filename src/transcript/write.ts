/**
 * Transcripts written as SRT, WebVTT, the contract's JSON, or plain text. Pure. What is written
 * parses back (parseTranscript) to the same segments, times to the millisecond, with what each
 * format cannot hold left out: SRT and WebVTT drop empty segments and collapse line breaks, SRT
 * drops word timing, plain text keeps only start times.
 *
 * An untimed transcript (a plain .txt without stamps) can be written as json or txt only: SRT
 * and WebVTT cues must have times, and inventing them would put findings at false moments.
 */
import { formatClock, type FractionSeparator } from './clock.js';
import type { TranscriptFormat } from './formats.js';
import type { Segment, Transcript, Word } from './model.js';
import { cleanText, joinCueLines, roundMs, stripControls } from './text.js';


/** The transcript cannot be written in the format asked for (the message says why and what to do). */
export class TranscriptWriteError extends Error {
  override name = 'TranscriptWriteError';
}

export function serializeTranscript(t: Transcript, format: TranscriptFormat): string {
  switch (format) {
    case 'srt':
      return writeSrt(timedSegments(t, 'SRT'));
    case 'vtt':
      return writeVtt(t, timedSegments(t, 'WebVTT'));
    case 'json':
      return writeJson(t);
    case 'txt':
      return writeTxt(t);
  }
}

interface TimedSegment extends Segment {
  start: number;
  end: number;
}

function where(s: Segment, i: number): string {
  return s.line === undefined ? `segment ${i + 1}` : `segment ${i + 1} (line ${s.line})`;
}

function checkTimes(s: Segment, i: number): void {
  const ok = (x: number | null) => x === null || (Number.isFinite(x) && x >= 0);
  if (!ok(s.start) || !ok(s.end)) throw new TranscriptWriteError(`${where(s, i)} has a time that is not a number of seconds, 0 or more`);
  if ((s.start === null) !== (s.end === null)) throw new TranscriptWriteError(`${where(s, i)} has a start or an end time but not both`);
  if (s.start !== null && s.end !== null && s.end < s.start) throw new TranscriptWriteError(`${where(s, i)} ends (${s.end} s) before it starts (${s.start} s)`);
}

function timedSegments(t: Transcript, name: string): TimedSegment[] {
  return t.segments.map((s, i) => {
    checkTimes(s, i);
    if (s.start === null || s.end === null) {
      throw new TranscriptWriteError(`cannot write this transcript as ${name}: ${where(s, i)} has no start and end time (${name} cues must be timed); write it as json or txt instead`);
    }
    return { ...s, start: s.start, end: s.end };
  });
}

/** The segment's text as cue lines: no blank lines (they would end the cue), no control characters. */
function cueLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .filter((l) => l !== '');
}

function writeSrt(segments: readonly TimedSegment[]): string {
  const cues: string[] = [];
  for (const s of segments) {
    // SRT has no escape: an arrow in the text would be read as a timing line.
    const lines = cueLines(s.text).map((l) => l.replaceAll('-->', '->'));
    if (lines.length === 0) continue;
    cues.push(`${cues.length + 1}\n${timing(s, ',')}\n${lines.join('\n')}\n`);
  }
  return cues.join('\n');
}

function timing(s: TimedSegment, sep: FractionSeparator): string {
  return `${formatClock(s.start, sep)} --> ${formatClock(s.end, sep)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function writeVtt(t: Transcript, segments: readonly TimedSegment[]): string {
  const header = t.language ? `WEBVTT\nLanguage: ${t.language}\n` : 'WEBVTT\n';
  const cues: string[] = [];
  for (const s of segments) {
    const lines = cueLines(s.text);
    if (lines.length === 0) continue;
    const karaoke = lines.length === 1 ? karaokeLine(s, lines[0] ?? '') : undefined;
    cues.push(`${timing(s, '.')}\n${karaoke ?? lines.map(escapeVtt).join('\n')}\n`);
  }
  return [header, ...cues].join('\n');
}

/**
 * The cue line with inline timestamps before each word, when the words spell the line exactly
 * and lie inside the cue in order; otherwise undefined and the words are not written. The first
 * word gets no timestamp when it starts with the cue (WebVTT wants them after the cue start), so
 * a lone word spanning the whole cue reads back as the cue itself.
 */
function karaokeLine(s: TimedSegment, line: string): string | undefined {
  const words = s.words;
  if (!words || words.length === 0) return undefined;
  const texts = words.map((w) => stripControls(w.text));
  if (cleanText(texts.join('')) !== line) return undefined;
  const start = roundMs(s.start);
  const end = roundMs(s.end);
  let previous = start;
  for (const w of words) {
    const ws = roundMs(w.start);
    if (ws < previous || ws > end) return undefined;
    previous = ws;
  }
  return words
    .map((w, k) => {
      const text = escapeVtt(texts[k] ?? '');
      return k === 0 && roundMs(w.start) === start ? text : `<${formatClock(w.start, '.')}>${text}`;
    })
    .join('');
}

function jsonWord(w: Word): Word {
  return { start: roundMs(w.start), end: roundMs(w.end), text: w.text };
}

function jsonSegment(s: Segment): object {
  const start = s.start === null ? null : roundMs(s.start);
  const end = s.end === null ? null : roundMs(s.end);
  return s.words && s.words.length > 0 ? { start, end, text: s.text, words: s.words.map(jsonWord) } : { start, end, text: s.text };
}

/** One segment a line: readable, diff-friendly, and far shorter than fully indented JSON. */
function writeJson(t: Transcript): string {
  t.segments.forEach(checkTimes);
  const timed = t.segments.findIndex((s) => s.start !== null);
  const untimed = t.segments.findIndex((s) => s.start === null);
  if (timed >= 0 && untimed >= 0) {
    const s = t.segments[Math.max(timed, untimed)];
    throw new TranscriptWriteError(`cannot write this transcript: ${s ? where(s, Math.max(timed, untimed)) : 'a segment'} ${timed > untimed ? 'has times' : 'has no times'} unlike the segments before it; a transcript is timed throughout or not at all`);
  }
  for (const [i, s] of t.segments.entries()) {
    if (s.start === null && s.words && s.words.length > 0) throw new TranscriptWriteError(`${where(s, i)} has word times but no start and end time`);
  }
  const head = t.language ? `  "language": ${JSON.stringify(t.language)},\n` : '';
  const segments = t.segments.map((s) => `    ${JSON.stringify(jsonSegment(s))}`).join(',\n');
  return `{\n${head}  "segments": [${segments ? `\n${segments}\n  ` : ''}]\n}\n`;
}

/** `[hh:mm:ss.mmm] text` a line (just the text when untimed); each line's end is not kept. */
function writeTxt(t: Transcript): string {
  t.segments.forEach(checkTimes);
  const lines: string[] = [];
  for (const s of t.segments) {
    const text = joinCueLines(cueLines(s.text));
    if (!text) continue;
    lines.push(s.start === null ? text : `[${formatClock(s.start, '.')}] ${text}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
