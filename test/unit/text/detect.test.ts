import { describe, expect, it } from 'vitest';
import { lineScript, planLanguages } from '../../../src/text/detect.js';

describe('lineScript', () => {
  it.each([
    ['この美容液は日本一', 'ja'],
    ['이 크림은 최고', 'ko'],
    ['国家级配方', 'han'],
    ['No.1 cream', undefined],
  ] as const)('%s → %s', (text, want) => expect(lineScript(text)).toBe(want));
});

describe('planLanguages', () => {
  it('follows a declared language the text agrees with, lines of Chinese characters included', () => {
    const plan = planLanguages(['日本一の美容液です', '最高級'], { language: 'ja', by: '--lang' });
    expect(plan).toEqual({ primary: 'ja', perSegment: ['ja', 'ja'], languages: ['ja'] });
  });

  it('warns when the declared language has none of the text, and follows the script', () => {
    const plan = planLanguages(['这款精华是国家级配方', '效果最好'], { language: 'ko', by: 'lang: ko in livecomply.config.yaml' });
    expect(plan?.primary).toBe('zh');
    expect(plan?.perSegment).toEqual(['zh', 'zh']);
    expect(plan?.warning).toMatch(/^lang: ko in livecomply.config.yaml says ko \(Korean\), but 100% of the text is written in Chinese/);
  });

  it('Japanese declared as Chinese: kanji-only lines follow the file (Japanese), not the wrong declaration', () => {
    const plan = planLanguages(['この美容液は日本一売れているんです', '最高級'], { language: 'zh', by: '--lang' });
    expect(plan?.perSegment).toEqual(['ja', 'ja']);
    expect(plan?.warning).toBeDefined();
  });

  it('a mixed file: each line its language, the declared one first, no warning while it has its share', () => {
    const plan = planLanguages(['이 크림은 업계 최고의 제품입니다', 'この美容液は日本一', '감사합니다'], undefined);
    expect(plan).toEqual({ primary: 'ko', perSegment: ['ko', 'ja', 'ko'], languages: ['ko', 'ja'] });
  });

  it('no CJK text: the declared language, else nothing to go on', () => {
    expect(planLanguages(['hello'], undefined)).toBeUndefined();
    expect(planLanguages(['hello'], { language: 'ja', by: '--lang' })?.primary).toBe('ja');
  });
});

describe('lineScript fast paths (whole blocks counted without a Unicode-property test)', () => {
  /** The script of one character by the property tests alone. */
  const byProperty = (ch: string) => (/\p{Script=Hangul}/u.test(ch) ? 'ko' : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch) ? 'ja' : /\p{Script=Han}/u.test(ch) ? 'han' : undefined);
  it('every code point of the Hangul, kana and CJK blocks and their edges reads as its Unicode script says', () => {
    const off: string[] = [];
    for (const [from, to] of [[0x3000, 0x30ff], [0x4dc0, 0xa000], [0xabf0, 0xd7b0]] as const) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        if (lineScript(ch) !== byProperty(ch)) off.push(c.toString(16));
      }
    }
    // ・ and ー are Common, not Katakana: alone they say nothing.
    expect(lineScript('・ー')).toBeUndefined();
    expect(off).toEqual([]);
  });
});
