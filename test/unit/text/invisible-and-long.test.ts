/** Invisible characters dropped in normalisation; long text normalised in bounded windows and cut into pieces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactWithMap } from '../../../src/manifest/text.js';
import { GRAPHEME_WINDOW, graphemesOf, normalize, originalSpan } from '../../../src/text/normalize.js';
import { MAX_PIECE, pieces, splitLongSegments } from '../../../src/transcript/split.js';

describe('normalize drops invisible characters', () => {
  it.each([
    ['zh', '国\u200b家\u200b级', '国家级'],
    ['ja', '日本\u200d一', '日本一'],
    ['ko', '최\u200b고', '최고'],
    ['ja', '日\u2060本\u00ad一\ufeff', '日本一'],
    ['ko', '최\u3164고', '최고'],
    ['zh', '国\u202e家级', '国家级'],
  ] as const)('%s %j → %s, the quote spanning the hidden characters', (lang, input, want) => {
    const n = normalize(input, lang);
    expect(n.text).toBe(want);
    const span = originalSpan(n, 0, n.text.length);
    expect(input.slice(span.start, span.end).replace(/[\u200b\u200d\u2060\u00ad\ufeff\u3164\u202e]+$/u, '')).toBe(input.replace(/[\ufeff]$/, ''));
  });

  it('keeps an emoji ZWJ sequence across a window boundary whole', () => {
    const family = '👨\u200d👩\u200d👧';
    const text = 'a'.repeat(GRAPHEME_WINDOW - 2) + family + '日本一';
    const n = normalize(text, 'ja');
    expect(n.text.endsWith('日本一')).toBe(true);
    const i = n.text.indexOf('日本一');
    expect(text.slice(originalSpan(n, i, i + 3).start)).toBe('日本一');
  });

  it('property: windowed normalisation of a long text equals normalising its sentences one by one', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 300 }), (lines) => {
        // A sentence end on a line of its own is a safe cut. A bare line break is not: subtitles
        // break lines inside a phrase, so 日本\nー is read as 日本一 (the CI counterexample
        // ["⺀","ー",""] came from comparing against bare line breaks).
        const whole = normalize(lines.join('\n。\n'), 'ja').text;
        const bySentence = lines.map((l) => normalize(l, 'ja').text);
        expect(whole.replace(/ /g, '')).toBe(bySentence.join('。').replace(/ /g, ''));
      }),
      { numRuns: 30 },
    );
  });

  it('reads a long-vowel mark after a kanji as 一 across a subtitle line break, as within a line', () => {
    expect(normalize('⺀\nー\n', 'ja').text).toBe('⺀一');
    expect(normalize('日本\nー', 'ja').text).toBe('日本一');
  });
});

describe('splitLongSegments', () => {
  it('cuts at sentence ends, keeps every character, and times pieces by position', () => {
    const text = '这款精华的配方很好。'.repeat(500);
    const t = splitLongSegments({ segments: [{ start: 0, end: 500, text, line: 7 }] });
    expect(t.segments.length).toBeGreaterThan(1);
    expect(t.segments.map((s) => s.text).join('')).toBe(text);
    for (const s of t.segments) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_PIECE);
      expect(s.text.endsWith('。')).toBe(true);
      expect(s.line).toBe(7);
    }
    expect(t.segments[0]!.start).toBe(0);
    expect(t.segments.at(-1)!.end).toBe(500);
  });

  it('leaves short segments (the same object) alone and never splits a surrogate pair', () => {
    const t = { segments: [{ start: 0, end: 1, text: 'short' }] };
    expect(splitLongSegments(t)).toBe(t);
    const emoji = '😀'.repeat(3000);
    for (const [a, b] of pieces(emoji)) {
      expect(a % 2).toBe(0);
      expect(b % 2).toBe(0);
    }
  });

  it('gives each piece the word timestamps that fall in it', () => {
    const text = 'あ。'.repeat(600);
    const words = [{ start: 1, end: 2, text: 'あ' }];
    const t = splitLongSegments({ segments: [{ start: 0, end: 600, text, words }] });
    expect(t.segments[0]!.words).toEqual(words);
    expect(t.segments[1]!.words).toEqual([]);
  });
});

describe('graphemesOf: graphemes of any length of text, in windows', () => {
  const whole = (s: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(s)].map((g) => [g.index, g.segment]);

  it('property: the same graphemes as segmenting the whole text at once', () => {
    const unit = fc.constantFrom('a', '日', 'ー', '최', '\r', '\n', '\u200d', '👨', '👩', 'e\u0301', '\u1100\u1161', '🇯🇵', ' ', '。');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: GRAPHEME_WINDOW * 2 + 50 }), (parts) => {
        const s = parts.join('');
        expect([...graphemesOf(s)].map((g) => [g.index, g.segment])).toEqual(whole(s));
      }),
      { numRuns: 40 },
    );
  });

  it("keeps the manifest's compact map linear on one very long line (it segmented the whole line: minutes at 65,000 characters)", () => {
    const line = '北海道産の大豆を使っています、'.repeat(5000);
    const c = compactWithMap(line);
    expect(c.text.length).toBe(line.length);
    expect(line.slice(c.from[c.text.length - 1], c.to[c.text.length - 1])).toBe('、');
  });
});
