/**
 * A matcher's `onlyWith` group with `nearby: N` (seconds) is met by talk around the claim, not its sentence: one of its
 * cues said anywhere in the claim's own segment or in a segment that starts or ends within N seconds of it. Captions
 * and recognised speech cut a stream into short cues, and the topic that makes a bare phrase a claim (副業 for 元が取れる,
 * 收藏 for 稳赚) is seldom in the same one. In a matcher's `unless`, the same talk excuses the claim. Pure.
 */
import type { CompiledCues } from './compile.js';
import type { NearbySide } from './model.js';

/** How long one spoken cue runs, about: a transcript without times reads `nearby` seconds as this many seconds a line. */
export const SECONDS_PER_LINE = 5;

/** Whether one of a nearby group's cues is in `text` (normalised), anywhere but inside one of its `except` phrases. */
export function saidIn(text: string, group: CompiledCues): boolean {
  const except = group.nearbyExcept;
  return group.nearbyWords?.some((w) => (except ? saidOutside(text, w, except) : text.includes(w))) ?? false;
}

/** Whether one of the cues of any of `groups` (nearby groups) is in `text` (normalised). */
export function anySaidIn(text: string, groups: readonly CompiledCues[] | undefined): boolean {
  return groups?.some((g) => saidIn(text, g)) ?? false;
}

/** Whether `word` occurs in `text` at least once outside every occurrence of the `except` phrases. */
function saidOutside(text: string, word: string, except: readonly string[]): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const covered = except.some((e) => {
      // An occurrence of `e` that starts at most e.length - word.length before `at` and holds the word.
      for (let p = text.indexOf(e, Math.max(0, at + word.length - e.length)); p >= 0 && p <= at; p = text.indexOf(e, p + 1)) {
        if (p + e.length >= at + word.length) return true;
      }
      return false;
    });
    if (!covered) return true;
  }
  return false;
}

/**
 * The groups of an `onlyWith` or `unless` that read the claim's sentence, and those that look around it (compile.ts);
 * a side with no group is left out.
 */
export function splitNearby(groups: readonly CompiledCues[] | undefined): { local?: CompiledCues[]; nearby?: CompiledCues[] } {
  const local = groups?.filter((g) => g.nearby === undefined) ?? [];
  const nearby = groups?.filter((g) => g.nearby !== undefined) ?? [];
  return { ...(local.length && { local }), ...(nearby.length && { nearby }) };
}

interface Timed {
  start: number | null;
  end: number | null;
}

/** How many segments on a side past the last one in reach are still looked at (a long caption on screen may overlap them). */
const LOOK_PAST = 50;

/**
 * The segments (indexes, `at` itself left out) within `seconds` of segment `at`: those that start or end within that
 * time of its start or end. Without times (either segment untimed), the `seconds / 5` lines either side (at least one).
 * Each side (only the one `side` names, when given) is read outwards until LOOK_PAST segments in a row are out of reach.
 */
export function segmentsNear(segments: readonly Timed[], at: number, seconds: number, side?: NearbySide): number[] {
  const here = segments[at];
  if (!here) return [];
  const lines = Math.max(1, Math.round(seconds / SECONDS_PER_LINE));
  const out: number[] = [];
  for (const step of side === 'before' ? [-1] : side === 'after' ? [1] : [-1, 1]) {
    let missed = 0;
    for (let i = at + step, d = 1; i >= 0 && i < segments.length && missed < LOOK_PAST; i += step, d++) {
      const near = within(here, segments[i] as Timed, seconds, step < 0) ?? d <= lines;
      if (near) {
        out.push(i);
        missed = 0;
      } else missed++;
    }
  }
  return out;
}

/** Whether `other` (before `here` when `before`) lies within `seconds` of `here`; undefined when either is untimed. */
function within(here: Timed, other: Timed, seconds: number, before: boolean): boolean | undefined {
  if (before) {
    const end = other.end ?? other.start;
    const start = here.start ?? here.end;
    return end === null || start === null ? undefined : start - end <= seconds;
  }
  const end = here.end ?? here.start;
  const start = other.start ?? other.end;
  return end === null || start === null ? undefined : start - end <= seconds;
}
