/**
 * The timing detail of a missing finding ("never said", "not said within 5:00"…): data (an id and
 * seconds) made by the engine, rendered here in the message's language. The contract's report
 * carries the message with the detail in parentheses; `withDetail` writes that form and
 * `withoutDetail` reads it back (for reports read from JSON, which carry nothing else).
 */
import type { Language } from './language.js';
import { clock } from './time.js';

export type TimingDetailId = 'never' | 'late' | 'gap' | 'after' | 'end';

export interface TimingDetail {
  id: TimingDetailId;
  /** The windows and gaps the detail names, in seconds. */
  seconds: number[];
  /** The disclosure had to be shown on screen (`channel: shown`): "not shown", not "not said". */
  shown?: boolean;
}

const TIMING_DETAILS: Record<TimingDetailId, Record<Language | 'en', (a: string, b: string) => string>> = {
  never: {
    en: () => 'never said in this recording',
    ja: () => '配信中に一度も言及されていません',
    zh: () => '整场直播中未提及',
    ko: () => '방송 중 한 번도 언급되지 않았습니다',
  },
  late: {
    en: (a) => `not said within the first ${a}`,
    ja: (a) => `冒頭${a}以内に言及されていません`,
    zh: (a) => `开播${a}内未提及`,
    ko: (a) => `시작 ${a} 이내에 언급되지 않았습니다`,
  },
  gap: {
    en: (a, b) => `not repeated for ${a} (required every ${b})`,
    ja: (a, b) => `${a}にわたり再言及がありません（${b}ごとに必要）`,
    zh: (a, b) => `${a}内未再次提及（要求每${b}提及一次）`,
    ko: (a, b) => `${a} 동안 다시 언급되지 않았습니다(${b}마다 필요)`,
  },
  end: {
    en: (a) => `not said within the last ${a}`,
    ja: (a) => `終了前${a}以内に言及されていません`,
    zh: (a) => `结束前${a}内未提及`,
    ko: (a) => `종료 전 ${a} 이내에 언급되지 않았습니다`,
  },
  after: {
    en: (a) => `not said within ${a} after this`,
    ja: (a) => `この発言から${a}以内に言及されていません`,
    zh: (a) => `此后${a}内未提及`,
    ko: (a) => `이 발언 후 ${a} 이내에 언급되지 않았습니다`,
  },
};

const SHOWN_DETAILS: Record<TimingDetailId, Record<Language | 'en', (a: string, b: string) => string>> = {
  never: {
    en: () => 'never shown on screen in this recording',
    ja: () => '配信中に一度も画面に表示されていません',
    zh: () => '整场直播画面中未显示',
    ko: () => '방송 화면에 한 번도 표시되지 않았습니다',
  },
  late: {
    en: (a) => `not shown on screen within the first ${a}`,
    ja: (a) => `冒頭${a}以内に画面に表示されていません`,
    zh: (a) => `开播${a}内画面中未显示`,
    ko: (a) => `시작 ${a} 이내에 화면에 표시되지 않았습니다`,
  },
  gap: {
    en: (a, b) => `not shown on screen for ${a} (required every ${b})`,
    ja: (a, b) => `${a}にわたり画面に表示されていません（${b}ごとに必要）`,
    zh: (a, b) => `${a}内画面中未再次显示（要求每${b}显示一次）`,
    ko: (a, b) => `${a} 동안 화면에 다시 표시되지 않았습니다(${b}마다 필요)`,
  },
  end: {
    en: (a) => `not shown on screen within the last ${a}`,
    ja: (a) => `終了前${a}以内に画面に表示されていません`,
    zh: (a) => `结束前${a}内画面中未显示`,
    ko: (a) => `종료 전 ${a} 이내에 화면에 표시되지 않았습니다`,
  },
  after: {
    en: (a) => `not shown on screen within ${a} after this`,
    ja: (a) => `この発言から${a}以内に画面に表示されていません`,
    zh: (a) => `此后${a}内画面中未显示`,
    ko: (a) => `이 발언 후 ${a} 이내에 화면에 표시되지 않았습니다`,
  },
};

/** The detail in `language` (or English), durations as m:ss rounded to the nearest second. */
export function renderTimingDetail(detail: TimingDetail, language: Language | 'en'): string {
  const [a, b] = detail.seconds.map((s) => clock(s, { nearest: true }));
  return (detail.shown ? SHOWN_DETAILS : TIMING_DETAILS)[detail.id][language](a ?? '', b ?? '');
}

/** A rule's message with a missing finding's detail, as the report writes it. */
export function withDetail(message: string, detail: string): string {
  return `${message} (${detail})`;
}

/** A missing finding's message without its detail: the rule's message. */
export function withoutDetail(message: string): string {
  const m = /^(.*\S)\s+\([^()]*\)$/su.exec(message);
  return m?.[1] ?? message;
}
