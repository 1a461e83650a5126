/**
 * Guard: Whisper's known failure modes on silence and music — looping n-grams, channel outros
 * ("ご視聴ありがとうございました", "字幕by…", "请不吝点赞 订阅 转发 打赏…") and text where the VAD
 * heard nothing — are removed, each with a reason. Pure.
 */
import { deflateRawSync } from 'node:zlib';
import type { Segment } from '../transcript/model.js';
import type { Span } from './chunks.js';

export type DropReason = 'outro' | 'no-speech' | 'repetition' | 'empty';

export interface GuardResult {
  kept: Segment[];
  dropped: { segment: Segment; reason: DropReason }[];
}

export interface GuardOptions {
  /** Drop a segment when less than this share of it lies in speech regions. */
  minSpeechShare: number;
  /** Runs of the same 1–15 character unit repeated at least this many times collapse to one. */
  maxRepeats: number;
  /** Text whose deflate compression ratio is above this (at `minBytesForRatio` or more) is a loop. */
  maxCompressionRatio: number;
  minBytesForRatio: number;
}

export const DEFAULT_GUARD: GuardOptions = { minSpeechShare: 0.1, maxRepeats: 5, maxCompressionRatio: 2.4, minBytesForRatio: 60 };

/**
 * Phrases Whisper writes over silence and music because its training subtitles end with them.
 * Dropped only when they are the whole segment (a host saying one of them adds no finding).
 */
const OUTROS: readonly RegExp[] = [
  // ja
  /^(ご視聴|ご清聴)(いただき|頂き)?(本当に|誠に)?ありがとうございました$/,
  /^(チャンネル登録|高評価)(と(チャンネル登録|高評価))?(を)?(よろしく)?お願い(いた)?します$/,
  /^(字幕|翻訳)(by|製作|制作|作成)/i,
  /^(最後まで)?ご覧(いただき|頂き)ありがとうございました$/,
  // zh
  /^(请不吝|請不吝)点?(赞|讚|點讚)/,
  /^(点赞|點讚|订阅|訂閱|转发|轉發|打赏|打賞)(、|和|与|與)?(点赞|點讚|订阅|訂閱|转发|轉發|打赏|打賞|支持)/,
  /^(字幕|中文字幕|字幕组|字幕組)(by|由|制作|製作|提供|志愿者|志願者|：|:)/i,
  /^(谢谢|謝謝|感谢|感謝)(大家|您)?(的)?(观看|觀看|收看|收听|收聽)$/,
  /^明镜与点点栏目$|^明鏡與點點欄目$/,
  /^(优优独播剧场|優優獨播劇場)/,
  // ko
  /^(시청|청취)(해|하여)?\s?주셔서\s?감사(합니다|드립니다)$/,
  /^(구독|좋아요)(과|와|하고|,)?\s?(구독|좋아요|알림)/,
  /^(자막|번역)\s?(제공|제작|by)/i,
  /^MBC\s?뉴스/,
  // en (Whisper drifts into English on music)
  /^thank(s| you) (so much )?for watching$/i,
  /^(subtitles|captions) (by|provided by)/i,
  /amara\.org/i,
];

/** Text with spaces and punctuation removed, for matching the outro phrases. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function isOutro(text: string): boolean {
  const b = bare(text);
  const spaced = text.trim().replace(/[\p{P}]+$/u, '');
  return b !== '' && OUTROS.some((re) => re.test(b) || re.test(spaced));
}

/** Collapse a unit (1–15 characters) repeated `maxRepeats` or more times in a row to one occurrence. */
export function collapseRepeats(text: string, maxRepeats = DEFAULT_GUARD.maxRepeats): string {
  const re = new RegExp(`(.{1,15}?)\\1{${Math.max(1, maxRepeats - 1)},}`, 'gsu');
  return text.replace(re, '$1');
}

/** Like Whisper's gzip compression-ratio check: high when the text is one pattern over and over. */
export function compressionRatio(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return 0;
  return bytes.length / deflateRawSync(bytes, { level: 9 }).length;
}

function speechShare(s: Segment, regions: readonly Span[]): number {
  const a = s.start ?? 0;
  const b = s.end ?? a;
  if (b <= a) return regions.some((r) => a >= r.start && a <= r.end) ? 1 : 0;
  let covered = 0;
  for (const r of regions) covered += Math.max(0, Math.min(b, r.end) - Math.max(a, r.start));
  return covered / (b - a);
}

/**
 * Remove what Whisper likely invented. `regions` are where the VAD heard speech (pass the padded
 * spans the recogniser was given, or null to skip the no-speech check).
 */
export function guardSegments(segments: readonly Segment[], regions: readonly Span[] | null, opts: Partial<GuardOptions> = {}): GuardResult {
  const o = { ...DEFAULT_GUARD, ...opts };
  const kept: Segment[] = [];
  const dropped: GuardResult['dropped'] = [];
  for (const seg of segments) {
    const raw = seg.text.trim();
    if (bare(raw) === '') {
      dropped.push({ segment: seg, reason: 'empty' });
      continue;
    }
    if (regions && speechShare(seg, regions) < o.minSpeechShare) {
      dropped.push({ segment: seg, reason: 'no-speech' });
      continue;
    }
    if (isOutro(raw)) {
      dropped.push({ segment: seg, reason: 'outro' });
      continue;
    }
    const collapsed = collapseRepeats(raw, o.maxRepeats);
    const bytes = Buffer.byteLength(collapsed, 'utf8');
    // Mostly one loop (谢谢谢谢…), or still one pattern over and over after collapsing.
    if (collapsed.length <= raw.length * 0.25 || (bytes >= o.minBytesForRatio && compressionRatio(collapsed) > o.maxCompressionRatio)) {
      dropped.push({ segment: seg, reason: 'repetition' });
      continue;
    }
    if (collapsed === raw) {
      kept.push(seg);
    } else {
      // The words no longer match the text once a loop is collapsed: keep timing, drop word detail.
      const { words: _words, ...rest } = seg;
      kept.push({ ...rest, text: collapsed });
    }
  }
  return { kept, dropped };
}
