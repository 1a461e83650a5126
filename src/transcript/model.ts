/**
 * The transcript model every input format is parsed into and the speech layer produces.
 * Times are seconds into the recording; `null` when the source carries no timing (plain .txt).
 */
import type { Language } from '../core/language.js';

export { isLanguage, LANGUAGES, type Language } from '../core/language.js';

export interface Word {
  start: number;
  end: number;
  text: string;
}

export interface Segment {
  /** Seconds into the recording, or null when the source has no timestamps. */
  start: number | null;
  end: number | null;
  text: string;
  /** Word-level timing when the source (or recogniser) gives it. */
  words?: Word[];
  /** 1-based line in the source file where this segment starts (for error messages and untimed reports). */
  line?: number;
  /** Where the words came from: said (absent or `speech`), a subtitle track, or text on screen. */
  source?: SegmentSource;
}

export type SegmentSource = 'speech' | 'subtitle' | 'screen';

export interface Transcript {
  language?: Language | undefined;
  segments: Segment[];
  /** True when no segment carries timestamps (plain .txt without [hh:mm:ss]). */
  untimed?: boolean;
  /** Length of the recording in seconds when known (media probe or last cue end). */
  durationSec?: number | null;
}

/** A parse error that names the file, line and column. */
export class TranscriptParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'TranscriptParseError';
  }
}

/** Duration implied by the transcript: the latest end time, or null when untimed. */
export function transcriptDuration(t: Transcript): number | null {
  if (t.durationSec != null) return t.durationSec;
  let max: number | null = null;
  for (const s of t.segments) {
    const e = s.end ?? s.start;
    if (e != null && (max === null || e > max)) max = e;
  }
  return max;
}

const LANGUAGE_NAMES: Readonly<Record<string, Language>> = {
  ja: 'ja', jpn: 'ja', japanese: 'ja',
  zh: 'zh', zho: 'zh', chi: 'zh', cmn: 'zh', chinese: 'zh', mandarin: 'zh',
  ko: 'ko', kor: 'ko', korean: 'ko',
};

/**
 * The language a tag names, when it is one we audit: `ja`, `ja-JP`, `zh_TW`, `zh-Hans`, `kor`,
 * `Japanese`… (case-insensitive; region and script subtags are ignored). Undefined otherwise.
 */
export function languageFromTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(LANGUAGE_NAMES, primary) ? LANGUAGE_NAMES[primary] : undefined;
}
