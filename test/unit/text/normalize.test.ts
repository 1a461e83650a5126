import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nfkcPass, normalize, originalSpan } from '../../../src/text/normalize.js';
import { approximatePair, carriedUnitAt, findNumbers, numberBounds, parseCjkNumeral } from '../../../src/text/numbers.js';
import { rewriteSpokenNumbers } from '../../../src/text/spoken-numbers.js';
import { loadSimplifier } from '../../../src/text/tokenizers/index.js';

describe('normalize', () => {
  it('folds full-width forms and Latin case (NFKC)', () => {
    const n = normalize('ＮＯ．１の美容液、１００％', 'ja');
    expect(n.text).toBe('no.1の美容液、100%');
  });

  it('maps every normalised character back to the words as said', () => {
    const original = '全網 最低價！百分之百有效';
    const n = normalize(original, 'zh');
    const i = n.text.indexOf('100%');
    expect(i).toBeGreaterThan(0);
    const span = originalSpan(n, i, i + 4);
    expect(original.slice(span.start, span.end)).toBe('百分之百');
  });

  it('reads the Korean list dot ㆍ (U+318D) as ·, so the words it separates stay words', () => {
    const original = '고혈압ㆍ변비ㆍ비염에 좋아요';
    const n = normalize(original, 'ko');
    expect(n.text).toBe('고혈압·변비·비염에 좋아요');
    const i = n.text.indexOf('변비');
    const span = originalSpan(n, i, i + 2);
    expect(original.slice(span.start, span.end)).toBe('변비');
  });

  it('reads the hyphenation point ‧, the bullet • and the bullet operator ∙ as the list dot · (비염‧축농증)', () => {
    for (const dot of ['\u2027', '\u2022', '\u2219']) {
      const original = `비염${dot}축농증 케어`;
      const n = normalize(original, 'ko');
      expect(n.text).toBe('비염·축농증 케어');
      const i = n.text.indexOf('축농증');
      const span = originalSpan(n, i, i + 3);
      expect(original.slice(span.start, span.end)).toBe('축농증');
    }
  });

  it('removes spaces between CJK characters but keeps Korean word spacing', () => {
    expect(normalize('全网 最低 价', 'zh').text).toBe('全网最低价');
    expect(normalize('日本 一', 'ja').text).toBe('日本一');
    expect(normalize('업계  최고의   제품', 'ko').text).toBe('업계 최고의 제품');
  });

  it('converts Traditional to Simplified Chinese for matching', async () => {
    const toSimplified = await loadSimplifier();
    const n = normalize('國家級產品', 'zh', { toSimplified });
    expect(n.text).toBe('国家级产品');
    expect(originalSpan(n, 0, 3)).toEqual({ start: 0, end: 3 });
  });

  it.each([
    ['ja', '百パーセント治ります', '100%治ります'],
    ['ja', '９９パーセント', '99%'],
    ['zh', '百分之百有效', '100%有效'],
    ['zh', '百分之九十九的人', '99%的人'],
    ['zh', '百分百满意', '100%满意'],
    ['ko', '백 퍼센트 효과', '100% 효과'],
    ['ko', '백프로 만족', '100% 만족'],
    ['ko', '구십구 퍼센트', '99%'],
    ['ja', 'ナンバーワンの人気', 'no.1の人気'],
    ['ko', '넘버원 크림', 'no.1 크림'],
  ] as const)('spoken numbers: %s %s', (lang, input, expected) => {
    expect(normalize(input, lang).text).toBe(expected);
  });

  it('leaves everyday Korean words that look like numerals alone', () => {
    expect(normalize('이 프로그램은 최근 이 프로모션', 'ko').text).toBe('이 프로그램은 최근 이 프로모션');
  });

  it('reads emoji, decorative symbols and a drawn-out tilde as a space; a tilde before a digit (a range) stays', () => {
    expect(normalize('당뇨에😍 좋은 차', 'ko').text).toBe('당뇨에 좋은 차');
    expect(normalize('❤️최고❤️', 'ko').text).toBe('최고');
    expect(normalize('약보다~~ 더', 'ko').text).toBe('약보다 더');
    expect(normalize('면역력 ㅋㅋ 개선 ㅠㅠ', 'ko').text).toBe('면역력 개선');
    expect(normalize('冷え性😍、むくみ', 'ja').text).toBe('冷え性、むくみ');
    expect(normalize('全网★最低价', 'zh').text).toBe('全网最低价');
    expect(normalize('止咳糖浆是药品😍，我们不卖', 'zh').text).toBe('止咳糖浆是药品,我们不卖');
    expect(normalize('좋아요 ! 진짜 , 최고', 'ko').text).toBe('좋아요! 진짜, 최고');
    expect(normalize('2~3주', 'ko').text).toBe('2~3주');
    expect(normalize('30〜60代', 'ja').text).toBe('30〜60代');
    const n = normalize('당뇨에😍 좋은', 'ko');
    expect(n.original.slice(originalSpan(n, 0, n.text.length).start, originalSpan(n, 0, n.text.length).end)).toBe('당뇨에😍 좋은');
  });

  it('property: every normalised index maps inside the original, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('ja', 'zh', 'ko' as const), (s, lang) => {
        const n = normalize(s, lang);
        expect(n.origStart.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const a = n.origStart[i] ?? -1;
          const b = n.origEnd[i] ?? -1;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(s.length);
          expect(a).toBeLessThanOrEqual(b);
          if (i > 0) expect(a).toBeGreaterThanOrEqual(n.origStart[i - 1] ?? 0);
        }
      }),
    );
  });

  it('property: normalising twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('ja', 'zh', 'ko' as const), (s, lang) => {
        const once = normalize(s, lang).text;
        expect(normalize(once, lang).text).toBe(once);
      }),
    );
  });
});

describe('parseCjkNumeral', () => {
  it.each([
    ['百', 100],
    ['九十九', 99],
    ['一百二十', 120],
    ['二十四', 24],
    ['十', 10],
    ['一万', 10000],
    ['三千五百', 3500],
    ['两百', 200],
    ['구십구', 99],
    ['백', 100],
    ['42', 42],
  ])('%s = %d', (s, v) => {
    expect(parseCjkNumeral(s)).toBe(v);
  });
  it('reads a lone last digit after a Chinese unit as the next unit down, as a speaker means it', () => {
    // 一万二 is 12,000 and 三千九 3,900 (they were read as 10,002 and 3,009); 零 keeps its gap.
    const d = '一二三四五六七八九';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom(['百', 100], ['千', 1000], ['万', 10_000]), (a, b, [unit, value]) => {
        expect(parseCjkNumeral(`${d[a - 1]}${unit}${d[b - 1]}`)).toBe(a * value + (b * value) / 10);
        expect(parseCjkNumeral(`${d[a - 1]}${unit}零${d[b - 1]}`)).toBe(a * value + b);
      }),
    );
    expect(parseCjkNumeral('3万9')).toBe(39_000);
    expect(parseCjkNumeral('3万9800')).toBe(39_800);
    expect(parseCjkNumeral('一万二千三')).toBe(12_300);
    expect(parseCjkNumeral('二十五')).toBe(25);
    expect(parseCjkNumeral('사만구')).toBe(40_009);
  });
  it('rejects non-numerals', () => {
    expect(parseCjkNumeral('日本')).toBeUndefined();
    expect(parseCjkNumeral('')).toBeUndefined();
  });
});

describe('numberBounds', () => {
  /** n in Chinese numerals, the way a speaker says it (一万二千零五, 三十). */
  const zh = (n: number): string => {
    const d = '零一二三四五六七八九';
    const part = (x: number): string => {
      let out = '';
      let zero = false;
      for (const [u, ch] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
        const q = Math.floor(x / u) % 10;
        if (q === 0) {
          if (out) zero = true;
          continue;
        }
        out += (zero ? '零' : '') + d[q] + ch;
        zero = false;
      }
      return out;
    };
    if (n === 0) return '零';
    const hi = Math.floor(n / 10000);
    const lo = n % 10000;
    return (hi ? part(hi) + '万' + (lo && lo < 1000 ? '零' : '') : '') + (lo ? part(lo) : '');
  };

  it('reads back any whole number written in digits, with thousands separators, or in Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(numberBounds(String(n))).toEqual({ lo: n, hi: n });
        expect(numberBounds(n.toLocaleString('en'))).toEqual({ lo: n, hi: n });
        expect(numberBounds(zh(n))).toEqual({ lo: n, hi: n });
      }),
    );
  });

  it('a range is its two ends in either order; every number findNumbers finds in Korean and Chinese text has bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom('~', '〜', '-', '到', ' ~ '), (a, b, sep) => {
        expect(numberBounds(`${a}${sep}${b}`)).toEqual({ lo: Math.min(a, b), hi: Math.max(a, b) });
      }),
    );
    const text = '정가 사만 구천 원에서 두 달 만에 스물다섯 개, 十几天瘦了二十斤 原价1.2万 3〜5キロ';
    for (const lang of ['ko', 'zh', 'ja'] as const) {
      for (const n of findNumbers(text, lang)) expect(numberBounds(text.slice(n.start, n.end)), text.slice(n.start, n.end)).toBeDefined();
    }
    expect(numberBounds('사만 구천')).toEqual({ lo: 49000, hi: 49000 });
    expect(numberBounds('스물다섯')).toEqual({ lo: 25, hi: 25 });
    expect(numberBounds('好几十')).toEqual({ lo: 20, hi: 90 });
    // 半 is half (半个月, 半年, 半天见效 were no number), but not the share in 一半 nor the 半 of 三个半月.
    expect(numberBounds('半')).toEqual({ lo: 0.5, hi: 0.5 });
    const halves = (s: string) => findNumbers(s, 'zh').map((n) => s.slice(n.start, n.end));
    expect(halves('半个月见效')).toEqual(['半']);
    expect(halves('一半的人')).toEqual(['一']);
    expect(halves('三个半月')).toEqual(['三']);
    expect(numberBounds('日本')).toBeUndefined();
  });
});

describe('numbers said as a pair of digits (五六, 二三十, 이삼십)', () => {
  const zh = '一二三四五六七八九';
  it('two neighbouring digits, with or without a unit after them, read as their two ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(['', 1], ['十', 10], ['百', 100], ['千', 1000], ['万', 10_000]), (a, [unit, value]) => {
        const said = `${zh[a - 1]}${zh[a]}${unit}`;
        expect(numberBounds(said), said).toEqual({ lo: a * (value as number), hi: (a + 1) * (value as number) });
        // The same in digits, said as a range, reads the same.
        expect(numberBounds(`${a * (value as number)}~${(a + 1) * (value as number)}`)).toEqual(numberBounds(said));
      }),
    );
    expect(numberBounds('十七八')).toEqual({ lo: 17, hi: 18 });
    expect(numberBounds('一两')).toEqual({ lo: 1, hi: 2 });
    expect(numberBounds('三五')).toEqual({ lo: 3, hi: 5 });
    expect(numberBounds('이삼십')).toEqual({ lo: 20, hi: 30 });
    expect(numberBounds('두세')).toEqual({ lo: 2, hi: 3 });
    expect(numberBounds('서너')).toEqual({ lo: 3, hi: 4 });
  });
  it('three digits in a row, a zero, and digits that are no neighbours are read one by one (二〇二三, 九五)', () => {
    expect(approximatePair('二〇二三')).toBeUndefined();
    expect(approximatePair('一二三')).toBeUndefined();
    expect(approximatePair('九五')).toBeUndefined();
    expect(numberBounds('二〇二三')).toEqual({ lo: 2023, hi: 2023 });
  });
  it('百分之八九十 is written 80~90%', () => {
    expect(rewriteSpokenNumbers('百分之八九十', 'zh').map((e) => e.to)).toEqual(['80~90%']);
    expect(rewriteSpokenNumbers('百分之九十', 'zh').map((e) => e.to)).toEqual(['90%']);
  });
  it('a unit is carried by a number when it starts on the number\'s last multipliers', () => {
    expect(carriedUnitAt('五六万', 0, 2, 3)).toBe(true);
    expect(carriedUnitAt('3万', 0, 1, 2)).toBe(true);
    expect(carriedUnitAt('十二万八', 0, 2, 4)).toBe(false);
    expect(carriedUnitAt('万', 0, 0, 1)).toBe(false);
  });
  it('Japanese ひと月, 数キロ, 十数キロ are numbers', () => {
    const nums = (s: string) => findNumbers(s, 'ja').map((n) => s.slice(n.start, n.end));
    expect(nums('ひと月で数キロ、ふた月で十数キロ')).toEqual(['ひと', '数', 'ふた', '十数']);
    expect(numberBounds('ひと')).toEqual({ lo: 1, hi: 1 });
    expect(numberBounds('十数')).toEqual({ lo: 11, hi: 19 });
    expect(nums('前半年は数が多い')).toEqual([]);
  });
});

describe('the fast path for text NFKC leaves alone', () => {
  // A leading ᵃ (U+1D43, NFKC a; full-width Ａ has a fast path of its own now) sends the whole line
  // through grapheme-by-grapheme NFKC; a leading `a` lets a line of plain CJK, kana, Hangul and
  // ASCII (and full-width ASCII) take a fast path. Both must agree.
  const alphabet = fc.constantFrom(...'日本一国家级최고예요ひらがなカタカナー、。「」abc123 !?%.,~ｶＡ①㈱é\u0301\u200b');
  it('gives the same text and offsets as full normalisation', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        for (const lang of ['ja', 'zh', 'ko'] as const) {
          const slow = normalize(`\u1d43${s}`, lang);
          const fast = normalize(`a${s}`, lang);
          expect(fast.text).toBe(slow.text);
          expect(fast.origStart).toEqual(slow.origStart);
          expect(fast.origEnd).toEqual(slow.origEnd);
        }
      }),
    );
  });
});

describe('NFKC pass fast paths', () => {
  const FORMAT = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
  const seg = new Intl.Segmenter('und', { granularity: 'grapheme' });
  /** The pass grapheme by grapheme, as it is done for text outside the fast paths. */
  const reference = (s: string) => {
    let text = '';
    const origStart: number[] = [];
    const origEnd: number[] = [];
    for (const g of seg.segment(s)) {
      const n = g.segment.replace(FORMAT, '').normalize('NFKC').toLowerCase().replace(FORMAT, '').replace(/\s+/gu, ' ');
      for (let k = 0; k < n.length; k++) {
        origStart.push(g.index);
        origEnd.push(g.index + g.segment.length);
      }
      text += n;
    }
    return { original: s, text, origStart, origEnd };
  };
  const ranges: [number, number][] = [[0x4e00, 0x9fff], [0xac00, 0xd7a3], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x30fc, 0x30fc], [0x3001, 0x3002], [0x300c, 0x300f], [0x20, 0x7e], [0xff01, 0xff5e]];
  const simpleChar = fc.constantFrom(...ranges).chain(([a, b]) => fc.integer({ min: a, max: b }).map((c) => String.fromCharCode(c)));

  it('full-width and upper-case ASCII among CJK text (the mapped fast path) normalise as grapheme by grapheme', () => {
    expect(nfkcPass('全网最低价！ＡＢｃ１２３，OK？')).toEqual(reference('全网最低价！ＡＢｃ１２３，OK？'));
    fc.assert(
      fc.property(fc.array(simpleChar, { maxLength: 80 }), (chars) => {
        const s = chars.join('');
        const got = nfkcPass(s);
        const want = reference(s);
        expect({ ...got, origStart: [...got.origStart], origEnd: [...got.origEnd] }).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
