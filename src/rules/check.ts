/**
 * Check a transcript against compiled rules: prohibited expressions where they are said, and
 * required disclosures that are missing (with the window they were due in). Pure.
 */
import type { Analyzer } from '../text/analyze.js';
import { originalSpan, type NormalizedText } from '../text/normalize.js';
import type { Language, Segment, SegmentSource, Transcript } from '../transcript/model.js';
import type { Finding } from '../core/finding.js';
import type { CompiledCues, CompiledRules } from './compile.js';
import { locator, type Locator } from './locate.js';
import { scanMemo, type ScanMemo } from './scan-memo.js';
import { saidIn, segmentsNear } from './nearby.js';
import type { Rule } from './model.js';
import { messageFor, type CheckOptions } from './check-options.js';
import { missingFindings, type Occurrence, type Occurrences } from './missing.js';

export { messageFor, type CheckOptions } from './check-options.js';
export { onChannel, wasScreenRead } from './missing.js';

const CONTEXT_MAX = 80;
/** How many characters either side of a join between two cues are matched across it. */
const JOIN_REACH = 24;
/** Two cues closer than this (seconds) may split one phrase between them. */
const JOIN_GAP = 1.5;

/** A stretch of one segment's text between line breaks (trimmed), and where it starts in the segment. */
interface Piece {
  segment: number;
  text: string;
  at: number;
}

/**
 * The lines of a segment. Only Korean keeps a line break inside a cue as a space between words;
 * Japanese and Chinese drop it in normalisation, so their cues are one piece.
 */
function linesOf(seg: Segment, si: number, language: Language): Piece[] {
  const out: Piece[] = [];
  const parts = language === 'ko' && seg.text.includes('\n') ? seg.text.split(/(\r?\n)/) : [seg.text];
  let at = 0;
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text && !/^\r?\n$/.test(part)) out.push({ segment: si, text, at: at + lead });
    at += part.length;
  }
  return out;
}

/** Whether two consecutive segments are one stretch of speech or subtitles that may split a phrase. */
function adjacent(a: Segment, b: Segment): boolean {
  if (!a.text.trim() || !b.text.trim()) return false;
  if (a.end === null || b.start === null) return true;
  return b.start - a.end <= JOIN_GAP;
}

function clipContext(text: string, start: number, end: number): string {
  const t = text.trim();
  if (t.length <= CONTEXT_MAX) return t;
  const pad = Math.max(0, Math.floor((CONTEXT_MAX - (end - start)) / 2));
  const from = Math.max(0, start - pad);
  const to = Math.min(text.length, end + pad);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

export function checkTranscript(
  compiled: CompiledRules,
  transcript: Transcript,
  analyzer: Analyzer,
  opts: CheckOptions = {},
): Finding[] {
  const memo = scanMemo(compiled, analyzer);
  const c = collector(compiled, memo, opts, saidAround(transcript, analyzer));
  scanSegments(transcript, c.handle);
  scanJoins(compiled, transcript, memo, c.handle);
  return [...c.findings, ...missingFindings(compiled, transcript, c.occurrences, opts)];
}

/** Where a hit's normalised span lies in the transcript: one segment, or the end of one and the start of the next. */
type Place = { text: string; context: string; start: number | null; end: number | null; segment: number; line: number | undefined; source: SegmentSource | undefined };
type Handle = (text: string, place: (norm: NormalizedText, start: number, end: number) => Place | undefined) => void;

/** Whether one of the cues of `groups` (nearby groups) is said in the segments around segment `segment`. */
type Around = (groups: readonly CompiledCues[], segment: number) => boolean;

/**
 * Around, for a transcript (rules/nearby.ts): each segment's text is normalised once, when first looked at.
 */
function saidAround(transcript: Transcript, analyzer: Analyzer): Around {
  const normalised = new Map<number, string>();
  const textOf = (i: number): string => {
    let t = normalised.get(i);
    if (t === undefined) normalised.set(i, (t = analyzer.normalizeTerm(transcript.segments[i]?.text ?? '')));
    return t;
  };
  return (groups, segment) =>
    groups.some((g) =>
      segmentsNear(transcript.segments, segment, g.nearby as number, g.nearbySide).some((i) => saidIn(textOf(i), g)),
    );
}

/** What the matchers found: prohibited findings, and per matcher where it fired (for disclosures, triggers, conditions). */
function collector(
  compiled: CompiledRules,
  memo: ScanMemo,
  opts: CheckOptions,
  around: Around,
): { handle: Handle; findings: Finding[]; occurrences: Occurrences } {
  const language = compiled.language;
  const findings: Finding[] = [];
  // Sparse: a ruleset has thousands of matchers and a check of one line fires a handful (allocating a list per
  // matcher on every call was a fifth of checking a corpus line).
  const occurrences: Occurrences = new Map();
  const handle: Handle = (text, place) => {
    const { norm, hits } = memo.scan(text);
    for (const hit of hits) {
      const m = compiled.matchers[hit.matcher];
      if (!m) continue;
      const rule = compiled.rules[m.rule] as Rule;
      const p = place(norm, hit.start, hit.end);
      if (!p) continue;
      // A claim whose onlyWith wants talk around it (a nearby group) counts only when that talk is there; one whose
      // matcher's unless has nearby groups, only when their talk is not.
      if (hit.nearby && !around(m.onlyWithNearby ?? [], p.segment)) continue;
      if (hit.nearbyUnless && around(m.unlessNearby ?? [], p.segment)) continue;
      if (rule.kind === 'prohibit' && m.role === 'match') {
        if (rule.onlyWhen === 'sponsored' && !opts.sponsored) continue;
        if (rule.onlyWhen === 'declared' && !rule.products?.some((c) => opts.declared?.includes(c))) continue;
        const f: Finding = {
          ruleId: rule.id,
          category: m.category ?? rule.category,
          kind: 'prohibited',
          severity: rule.severity,
          start: p.start,
          end: p.end,
          text: p.text,
          context: p.context,
          message: messageFor(rule.message, language, opts),
          reference: rule.reference,
          matcher: m.id,
        };
        if (p.line !== undefined) f.line = p.line;
        if (p.source) f.source = p.source;
        findings.push(f);
      } else {
        const o: Occurrence = { segment: p.segment, source: p.source, start: p.start, end: p.end, line: p.line };
        const list = occurrences.get(hit.matcher);
        if (list) list.push(o);
        else occurrences.set(hit.matcher, [o]);
      }
    }
  };
  return { handle, findings, occurrences };
}

/** Every segment on its own. */
function scanSegments(transcript: Transcript, handle: Handle): void {
  transcript.segments.forEach((seg, si) => {
    if (!seg.text.trim()) return;
    // Made on a segment's first hit only: most segments have none.
    let loc: Locator | undefined;
    handle(seg.text, (norm, start, end) => {
      loc ??= locator(seg);
      const span = originalSpan(norm, start, end);
      return {
        text: seg.text.slice(span.start, span.end),
        context: clipContext(seg.text, span.start, span.end),
        start: loc.startAt(span.start),
        end: loc.endAt(span.end),
        segment: si,
        line: seg.line,
        source: seg.source,
      };
    });
  });
}

/**
 * Subtitles break lines anywhere: words split between one cue and the next (国家 | 级, 최 | 고),
 * or between two lines of one cue, are matched on the join of the two pieces, reported over both.
 */
function scanJoins(compiled: CompiledRules, transcript: Transcript, memo: ScanMemo, handle: Handle): void {
  // Pair by pair, in order: the lines within a segment, then its last line with the next segment's
  // first (pieces are made once per segment and no list of all pairs is kept).
  const segs = transcript.segments;
  let ps = segs.length ? linesOf(segs[0] as Segment, 0, compiled.language) : [];
  for (let si = 0; si < segs.length; si++) {
    const seg = segs[si] as Segment;
    const nextSeg = segs[si + 1];
    const next = nextSeg ? linesOf(nextSeg, si + 1, compiled.language) : undefined;
    for (let k = 0; k + 1 < ps.length; k++) joinPair(transcript, memo, handle, ps[k] as Piece, ps[k + 1] as Piece);
    if (next?.length && ps.length && nextSeg && nextSeg.source === seg.source && adjacent(seg, nextSeg)) joinPair(transcript, memo, handle, ps[ps.length - 1] as Piece, next[0] as Piece);
    ps = next ?? [];
  }
}

/** The words split between two pieces, matched on their join and reported over both. */
function joinPair(transcript: Transcript, memo: ScanMemo, handle: Handle, p1: Piece, p2: Piece): void {
  const s1 = transcript.segments[p1.segment] as Segment;
  const s2 = transcript.segments[p2.segment] as Segment;
  const tail = p1.text.slice(Math.max(0, p1.text.length - JOIN_REACH));
  const head = p2.text.slice(0, JOIN_REACH);
  const tailAt = p1.at + p1.text.length - tail.length;
  if (!memo.crossesJoin(tail, head)) return;
  const loc1 = locator(s1);
  const loc2 = locator(s2);
  handle(tail + head, (norm, start, end) => {
    const span = originalSpan(norm, start, end);
    // Only what crosses the join: the rest was found in each piece on its own.
    if (!(span.start < tail.length && span.end > tail.length)) return undefined;
    const headEnd = p2.at + span.end - tail.length;
    const context = s1 === s2 ? s1.text.trim() : `${s1.text.trim()} / ${s2.text.trim()}`;
    const joinAt = s1 === s2 ? p2.at : s1.text.trim().length;
    return {
      text: `${s1.text.slice(tailAt + span.start, p1.at + p1.text.length)}${s2.text.slice(p2.at, headEnd)}`,
      context: clipContext(context, joinAt, joinAt + 1),
      start: loc1.startAt(tailAt + span.start),
      end: loc2.endAt(headEnd),
      segment: p1.segment,
      line: s1.line,
      source: s1.source,
    };
  });
}
