/**
 * Required disclosures that were not made where and when their rule wants them, from the places the
 * require rules' matchers fired (collected by check.ts). Pure.
 */
import { transcriptDuration, type Language, type SegmentSource, type Transcript } from '../transcript/model.js';
import type { Finding } from '../core/finding.js';
import { renderTimingDetail, withDetail, type TimingDetailId } from '../core/messages.js';
import type { CompiledRules } from './compile.js';
import type { DisclosureChannel, RequireRule } from './model.js';
import { messageFor, type CheckOptions } from './check-options.js';

/** One place a matcher fired, in time and in the transcript. */
export interface Occurrence {
  segment: number;
  /** Where the words came from (absent = speech). */
  source: SegmentSource | undefined;
  start: number | null;
  end: number | null;
  line: number | undefined;
}

/** Where each matcher fired (by matcher index; a matcher that did not fire has no entry). */
export type Occurrences = Map<number, Occurrence[]>;

/** A require rule and its matchers (indices into `matchers`, in order) by role. */
interface RequireEntry {
  rule: RequireRule;
  match: number[];
  trigger: number[];
  when: number[];
}

/** Each compiled ruleset's require rules with their matchers, found once (not on every check of a line). */
const requireEntries = new WeakMap<CompiledRules, RequireEntry[]>();

function requireRulesOf(compiled: CompiledRules): RequireEntry[] {
  let entries = requireEntries.get(compiled);
  if (entries) return entries;
  const byRule = new Map<number, RequireEntry>();
  compiled.rules.forEach((rule, ri) => {
    if (rule.kind === 'require') byRule.set(ri, { rule, match: [], trigger: [], when: [] });
  });
  compiled.matchers.forEach((m, idx) => {
    byRule.get(m.rule)?.[m.role].push(idx);
  });
  entries = [...byRule.values()];
  requireEntries.set(compiled, entries);
  return entries;
}

/** Required disclosures that were not made where and when the rule wants them. */
export function missingFindings(compiled: CompiledRules, transcript: Transcript, occurrences: Occurrences, opts: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const entries = requireRulesOf(compiled);
  if (entries.length === 0) return findings;
  const duration = transcriptDuration(transcript);
  const untimed = transcript.untimed === true || transcript.segments.every((s) => s.start === null);
  const screenRead = wasScreenRead(transcript, opts.screenRead);
  for (const e of entries) {
    const rule = e.rule;
    const of = (role: 'match' | 'trigger' | 'when') => e[role].flatMap((idx) => occurrences.get(idx) ?? []);
    // A stream declared sponsored owes every ad disclosure whatever is said: what the rule's `when` waits for is a given.
    const owed = opts.sponsored === true && rule.category === 'ad-disclosure';
    if (rule.when && !owed && of('when').length === 0) continue;
    // "Never shown" cannot be told when the picture was not read: what was said counts instead.
    const channel = rule.channel === 'shown' && !screenRead ? 'either' : rule.channel;
    const ctx: RequireContext = { rule, language: compiled.language, opts, transcript, duration: duration ?? 0, untimed, shown: channel === 'shown' };
    findings.push(...missingDisclosures(ctx, of('match').filter((o) => onChannel(o.source, channel)), of('trigger')));
  }
  return findings;
}

/** Whether the picture was read: as told, else whether any words came from the screen. */
export function wasScreenRead(transcript: Transcript, told?: boolean): boolean {
  return told ?? transcript.segments.some((s) => s.source === 'screen');
}

/** Whether words from this source count for a disclosure required on this channel. */
export function onChannel(source: SegmentSource | undefined, channel: DisclosureChannel = 'either'): boolean {
  if (channel === 'either') return true;
  return channel === 'shown' ? source === 'screen' : source !== 'screen';
}

interface RequireContext {
  rule: RequireRule;
  language: Language;
  opts: CheckOptions;
  transcript: Transcript;
  duration: number;
  untimed: boolean;
  /** The disclosure had to be shown on screen, and the screen was read. */
  shown: boolean;
}

function missing(ctx: RequireContext, start: number | null, end: number | null, detail: string, context = '', line?: number): Finding {
  const base = messageFor(ctx.rule.message, ctx.language, ctx.opts);
  const f: Finding = {
    ruleId: ctx.rule.id,
    category: ctx.rule.category,
    kind: 'missing',
    severity: ctx.rule.severity,
    start: start === null ? null : Math.round(start * 1000) / 1000,
    end: end === null ? null : Math.round(end * 1000) / 1000,
    text: '',
    context,
    message: withDetail(base, detail),
    reference: ctx.rule.reference,
  };
  if (line !== undefined) f.line = line;
  return f;
}

/** A missing finding's timing detail, as data (its id and seconds) rendered in the message's language. */
function detail(ctx: RequireContext, id: TimingDetailId, ...seconds: number[]): string {
  return renderTimingDetail({ id, seconds, shown: ctx.shown }, ctx.opts.messageLanguage === 'en' ? 'en' : ctx.language);
}

function missingDisclosures(ctx: RequireContext, said: Occurrence[], triggers: Occurrence[]): Finding[] {
  const { rule, duration, untimed, transcript } = ctx;
  const timing = rule.timing ?? {};
  const findings: Finding[] = [];
  const segText = (o: Occurrence) => transcript.segments[o.segment]?.text.trim() ?? '';

  if (untimed) {
    // Without timestamps only order is known: "within N s" and "every N s" reduce to "at least once".
    if (timing.after) {
      for (const t of triggers) {
        if (!said.some((s) => s.segment >= t.segment)) {
          findings.push(missing(ctx, null, null, detail(ctx, 'never'), segText(t), t.line));
          break;
        }
      }
      if (timing.within === undefined && timing.every === undefined && timing.end === undefined) return findings;
    }
    if (said.length === 0) return [missing(ctx, null, null, detail(ctx, 'never'), '', transcript.segments[0]?.line ?? 1)];
    return findings;
  }

  const times = said.map((s) => s.start ?? 0).sort((x, y) => x - y);
  const basic = timing.after === undefined || timing.within !== undefined || timing.every !== undefined || timing.end !== undefined;
  if (times.length === 0 && basic) return [missing(ctx, 0, duration, detail(ctx, 'never'))];

  const first = times[0];
  if (timing.within !== undefined && (first === undefined || first > timing.within)) {
    findings.push(missing(ctx, 0, Math.min(timing.within, duration), detail(ctx, 'late', timing.within)));
  }
  if (timing.end !== undefined && times.length > 0 && duration > 0) {
    const from = Math.max(0, duration - timing.end);
    if (!times.some((t) => t >= from)) findings.push(missing(ctx, from, duration, detail(ctx, 'end', timing.end)));
  }
  if (timing.every !== undefined) {
    const points = [0, ...times, duration];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as number;
      const b = points[i] as number;
      if (b - a > timing.every) {
        findings.push(missing(ctx, a, b, detail(ctx, 'gap', b - a, timing.every)));
      }
    }
  }
  if (timing.after) {
    const within = timing.after.within;
    let coveredUntil = -Infinity;
    for (const t of [...triggers].sort((x, y) => (x.start ?? 0) - (y.start ?? 0))) {
      const at = t.start ?? 0;
      if (at < coveredUntil) continue;
      const ok = said.some((s) => s.segment === t.segment || ((s.start ?? 0) >= at && (s.start ?? 0) <= at + within));
      if (!ok) {
        const end = Math.min(at + within, Math.max(duration, at));
        findings.push(missing(ctx, at, end, detail(ctx, 'after', within), segText(t), t.line));
      }
      coveredUntil = at + within;
    }
  }
  return findings;
}
