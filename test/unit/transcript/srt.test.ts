import { describe, expect, it } from 'vitest';
import { TranscriptParseError } from '../../../src/transcript/model.js';
import { parseSrt } from '../../../src/transcript/srt.js';
import { fixture, parseError } from './fixture.js';

describe('parseSrt', () => {
  it('reads a Japanese file with BOM, CRLF, tags, a missing index, "." before ms, an empty cue and trailing NUL padding', () => {
    const t = parseSrt(fixture('ja-bom-crlf.srt'), 'ja-bom-crlf.srt');
    expect(t).toEqual({
      segments: [
        { start: 1, end: 4.2, text: 'この美容液は日本一売れているんです。', line: 3 },
        { start: 4.2, end: 7.5, text: '今だけ半額！', line: 7 },
        { start: 9, end: 12.345, text: '効果は100%保証します。Made in Japan', line: 15 },
      ],
    });
  });

  it('joins Chinese lines without a space, splits on <br>, and survives a missing blank line and a blank line inside a cue', () => {
    const t = parseSrt(fixture('zh.srt'), 'zh.srt');
    expect(t.segments).toEqual([
      { start: 0.5, end: 3, text: '全网最低价，错过今天再等一年', line: 3 },
      { start: 3, end: 6, text: '本产品能治疗失眠三天见效', line: 8 },
      { start: 6, end: 8, text: '国家级产品只此一家', line: 11 },
    ]);
  });

  it('joins Korean lines with a space (Korean separates words) and reads CR-only line endings', () => {
    const t = parseSrt(fixture('ko-cr.srt'), 'ko-cr.srt');
    expect(t.segments).toEqual([
      { start: 1, end: 3, text: '업계 최고의 제품입니다', line: 3 },
      { start: 3.5, end: 5, text: '지금 바로 구매하세요', line: 8 },
    ]);
  });

  it('ignores cue numbers, even out of order, and keeps numbers that are cue text', () => {
    const t = parseSrt('9\n00:00:01,000 --> 00:00:02,000\n3\n2\n1\n\n2\n00:00:03,000 --> 00:00:04,000\n開始\n', 'x.srt');
    expect(t.segments.map((s) => s.text)).toEqual(['3 2 1', '開始']);
  });

  it('accepts mm:ss,mmm, fewer millisecond digits and box coordinates after the end time', () => {
    const t = parseSrt('1\n01:02,5 --> 01:03,25 X1:40 X2:600 Y1:20 Y2:50\n한정\n', 'x.srt');
    expect(t.segments).toEqual([{ start: 62.5, end: 63.25, text: '한정', line: 3 }]);
  });

  it('strips formatting tags and ASS overrides but keeps text that only looks like a comparison', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font face="x" color="red">価格</font> < 1000円 > 定価\n', 'x.srt');
    expect(t.segments[0]?.text).toBe('価格 < 1000円 > 定価');
  });

  it('returns no segments for an empty file or one with only blank lines', () => {
    expect(parseSrt('', 'x.srt')).toEqual({ segments: [] });
    expect(parseSrt('\ufeff\r\n\r\n', 'x.srt')).toEqual({ segments: [] });
  });

  it('ignores lone numbers and ^Z at the end of the file', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\n最後\n\n2\n\n\u001a', 'x.srt');
    expect(t.segments).toHaveLength(1);
  });

  describe('errors name the file, line and column and say what was expected', () => {
    it('a malformed timestamp', () => {
      const e = parseError(() => parseSrt(fixture('malformed/bad-timestamp.srt'), 'bad.srt'));
      expect(e).toBeInstanceOf(TranscriptParseError);
      expect([e.file, e.line, e.column]).toEqual(['bad.srt', 6, 18]);
      expect(e.reason).toMatch(/^expected a time like 00:01:02,345 \(hh:mm:ss,mmm\), found "00:00:4x,000"$/);
      expect(e.message).toBe(`bad.srt:6:18: ${e.reason}`);
    });

    it('a cue that ends before it starts', () => {
      const e = parseError(() => parseSrt(fixture('malformed/end-before-start.srt'), 'x.srt'));
      expect([e.line, e.column]).toEqual([2, 18]);
      expect(e.reason).toContain('ends at 00:00:02,000, before it starts at 00:00:05,000');
    });

    it('a numbered cue with no timing line', () => {
      const e = parseError(() => parseSrt(fixture('malformed/missing-timing.srt'), 'x.srt'));
      expect([e.line, e.column]).toEqual([6, 1]);
      expect(e.reason).toMatch(/^expected the timing line of cue 2, like "00:00:01,000 --> 00:00:04,000", found "时间行不见了"$/);
    });

    it('text before any cue', () => {
      const e = parseError(() => parseSrt('\ufeff\n  こんにちは\n00:00:01,000 --> 00:00:02,000\n', 'x.srt'));
      expect([e.line, e.column]).toEqual([2, 3]);
      expect(e.reason).toMatch(/^expected a cue number or a timing line/);
    });

    it('minutes or seconds out of range, at the offending field', () => {
      expect(parseError(() => parseSrt('1\n00:60:00,000 --> 01:00:00,000\nx\n', 'x.srt'))).toMatchObject({ line: 2, column: 4, reason: 'expected minutes 00–59, found "60"' });
      expect(parseError(() => parseSrt('1\n00:00:00,000 -->   00:00:75,000\nx\n', 'x.srt'))).toMatchObject({ line: 2, column: 26 });
    });

    it('a timing line with no start or no end', () => {
      expect(parseError(() => parseSrt('1\n --> 00:00:02,000\nx\n', 'x.srt'))).toMatchObject({ line: 2, column: 2 });
      expect(parseError(() => parseSrt('1\n00:00:01,000 -->\nx\n', 'x.srt'))).toMatchObject({ line: 2, column: 17 });
    });
  });
});
