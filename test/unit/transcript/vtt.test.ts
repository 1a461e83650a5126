import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../src/transcript/vtt.js';
import { fixture, parseError } from './fixture.js';

describe('parseVtt', () => {
  it('reads header text, the Language header, cue settings, voice spans, ruby and inline timestamps as word timing', () => {
    const t = parseVtt(fixture('ja-karaoke.vtt'), 'ja-karaoke.vtt');
    expect(t).toEqual({
      language: 'ja',
      segments: [
        {
          start: 1,
          end: 4,
          text: 'この美容液は日本一です',
          line: 6,
          words: [
            { start: 1, end: 1.6, text: 'この' },
            { start: 1.6, end: 2.5, text: '美容液は' },
            { start: 2.5, end: 4, text: '日本一です' },
          ],
        },
        {
          start: 4,
          end: 6,
          text: '今だけ半額特価です',
          line: 9,
          words: [
            { start: 4, end: 5, text: '今だけ' },
            { start: 5, end: 6, text: '半額特価です' },
          ],
        },
      ],
    });
  });

  it('reads BOM + CRLF, skips NOTE/STYLE/REGION blocks and empty cues, takes identifiers, mm:ss.mmm and entities', () => {
    const t = parseVtt(fixture('zh-bom-crlf.vtt'), 'zh.vtt');
    expect(t).toEqual({
      segments: [
        { start: 1, end: 3.5, text: '全网最低价错过今天再等一年', line: 14 },
        { start: 62.25, end: 65, text: '三天见效 & 无效退款', line: 19 },
        { start: 68, end: 69, text: '国家级', line: 24 },
      ],
    });
  });

  it('maps a regional language tag and joins Korean lines with a space', () => {
    expect(parseVtt(fixture('ko.vtt'), 'ko.vtt')).toEqual({ language: 'ko', segments: [{ start: 0, end: 2, text: '업계 최고의 제품입니다', line: 5 }] });
  });

  it('ignores a Language header it does not audit', () => {
    expect(parseVtt('WEBVTT\nLanguage: en\n', 'x.vtt')).toEqual({ segments: [] });
  });

  it('accepts a header alone, a tab after the signature, and a first cue with no blank line after the header', () => {
    expect(parseVtt('WEBVTT', 'x.vtt')).toEqual({ segments: [] });
    expect(parseVtt('WEBVTT\tKind: captions\n00:00.000 --> 00:01.000\n一\n', 'x.vtt').segments).toEqual([{ start: 0, end: 1, text: '一', line: 3 }]);
  });

  it('starts a new cue at a timing line even without a blank line before it', () => {
    const t = parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n一\n00:01.000 --> 00:02.000\n二\n', 'x.vtt');
    expect(t.segments.map((s) => [s.start, s.text, s.line])).toEqual([
      [0, '一', 4],
      [1, '二', 6],
    ]);
  });

  it('clamps inline timestamps outside the cue or going backwards, and drops unclosed tags', () => {
    const t = parseVtt('WEBVTT\n\n00:01.000 --> 00:03.000\n<00:00:00.500>早<00:00:09.000>い<00:00:02.000>よ<i', 'x.vtt');
    expect(t.segments[0]?.words).toEqual([
      { start: 1, end: 3, text: '早' },
      { start: 3, end: 3, text: 'い' },
      { start: 3, end: 3, text: 'よ' },
    ]);
    expect(t.segments[0]?.text).toBe('早いよ');
  });

  it('decodes numeric entities and leaves unknown ones as written', () => {
    expect(parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n&#x65E5;&#26412;&lrm;一 &bogus; &#xFFFFFF;\n', 'x.vtt').segments[0]?.text).toBe('日本一 &bogus; &#xFFFFFF;');
  });

  describe('errors', () => {
    it('a missing WEBVTT signature', () => {
      expect(parseError(() => parseVtt(fixture('malformed/no-header.vtt'), 'x.vtt'))).toMatchObject({
        line: 1,
        column: 1,
        reason: 'expected the WebVTT signature "WEBVTT" on the first line, found "00:00:01.000 --> 00:00:02.000"',
      });
      expect(parseError(() => parseVtt('WEBVTTX\n', 'x.vtt'))).toMatchObject({ line: 1, column: 1 });
    });

    it('seconds out of range in a timing line', () => {
      const e = parseError(() => parseVtt(fixture('malformed/bad-timing.vtt'), 'bad.vtt'));
      expect(e.message).toBe('bad.vtt:6:24: expected seconds 00–59, found "61"');
    });

    it('a cue identifier without a timing line', () => {
      expect(parseError(() => parseVtt(fixture('malformed/missing-timing.vtt'), 'x.vtt'))).toMatchObject({
        line: 4,
        column: 1,
        reason: 'expected a timing line like "00:00:01.000 --> 00:00:04.000" after the cue identifier "cue-1", found "没有时间行"',
      });
    });

    it('a lone identifier at the end of the file points just after it', () => {
      expect(parseError(() => parseVtt('WEBVTT\n\nabc', 'x.vtt'))).toMatchObject({ line: 3, column: 4 });
      expect(parseError(() => parseVtt('WEBVTT\n\nabc\n', 'x.vtt'))).toMatchObject({ line: 4, column: 1 });
    });

    it('a cue that ends before it starts', () => {
      expect(parseError(() => parseVtt('WEBVTT\n\n00:05.000 --> 00:04.000\nx\n', 'x.vtt'))).toMatchObject({ line: 3, column: 15 });
    });
  });
});
