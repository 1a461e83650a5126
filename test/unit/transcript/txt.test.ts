import { describe, expect, it } from 'vitest';
import { parseTxt } from '../../../src/transcript/txt.js';
import { fixture, parseError } from './fixture.js';

describe('parseTxt', () => {
  it('times every line from its stamp: a line ends where the next starts, the last gets an estimate', () => {
    expect(parseTxt(fixture('ja-timed.txt'), 'ja.txt')).toEqual({
      segments: [
        { start: 1, end: 4.5, text: 'この美容液は日本一売れているんです。', line: 1 },
        { start: 4.5, end: 62, text: '今だけ半額！', line: 2 },
        { start: 62, end: 3600.25, text: '効果は100%保証します。', line: 4 },
        // five characters at 0.25 s each
        { start: 3600.25, end: 3601.5, text: '最後の一言', line: 5 },
      ],
    });
  });

  it('reads a file without stamps as untimed (BOM and CRLF too); bracketed words are text', () => {
    expect(parseTxt(fixture('zh-untimed-bom-crlf.txt'), 'zh.txt')).toEqual({
      untimed: true,
      segments: [
        { start: null, end: null, text: '全网最低价', line: 1 },
        { start: null, end: null, text: '错过今天再等一年', line: 3 },
        { start: null, end: null, text: '[笑] 三天见效', line: 4 },
      ],
    });
  });

  it('interpolates untimed lines between stamps by length, and a stamp alone on a line times the next line', () => {
    expect(parseTxt(fixture('ko-mixed.txt'), 'ko.txt').segments).toEqual([
      { start: 0, end: 10, text: '인사말', line: 1 },
      // 12, 5 and 5 characters share 10 s to 30 s
      { start: 10, end: 20.909, text: '업계 최고의 제품입니다', line: 2 },
      { start: 20.909, end: 25.455, text: '지금 바로', line: 3 },
      { start: 25.455, end: 30, text: '구매하세요', line: 4 },
      { start: 30, end: 32, text: '한정 수량입니다', line: 6 },
      { start: 32, end: 33.5, text: '마지막 멘트', line: 7 },
    ]);
  });

  it('gives a short last line at least one second', () => {
    expect(parseTxt('[00:10] 네', 'x.txt').segments).toEqual([{ start: 10, end: 11, text: '네', line: 1 }]);
  });

  it('reads [mm:ss], [h:mm:ss.mmm], spaces inside the brackets, and minutes past 59 without hours', () => {
    const t = parseTxt('[ 01:02.5 ] 一\n[1:00:00.250] 二\n[75:00] 三', 'x.txt');
    expect(t.segments.map((s) => s.start)).toEqual([62.5, 3600.25, 4500]);
  });

  it('keeps a trailing stamp as the end of the line before it', () => {
    expect(parseTxt('[00:00] 一二三四\n[00:08]\n', 'x.txt').segments).toEqual([{ start: 0, end: 8, text: '一二三四', line: 1 }]);
  });

  it('leaves brackets that are not times as text', () => {
    const t = parseTxt('[12:30から販売] 開始\n[音楽]\n', 'x.txt');
    expect(t.untimed).toBe(true);
    expect(t.segments.map((s) => s.text)).toEqual(['[12:30から販売] 開始', '[音楽]']);
  });

  it('returns an untimed empty transcript for an empty file', () => {
    expect(parseTxt('', 'x.txt')).toEqual({ segments: [], untimed: true });
  });

  describe('errors', () => {
    it('a bracket of digits and colons that is not a time', () => {
      expect(parseError(() => parseTxt(fixture('malformed/bad-stamp.txt'), 'bad.txt'))).toMatchObject({
        file: 'bad.txt',
        line: 3,
        column: 2,
        reason: 'expected a time like 00:01:02.345 ([hh:mm:ss] or [mm:ss], optionally .mmm), found "00:00:1.2.3"',
      });
    });

    it('seconds out of range, at the seconds', () => {
      expect(parseError(() => parseTxt('  [00:00:75] x', 'x.txt'))).toMatchObject({ line: 1, column: 10, reason: 'expected seconds 00–59, found "75"' });
    });

    it('stamps going backwards', () => {
      expect(parseError(() => parseTxt(fixture('malformed/backwards.txt'), 'x.txt'))).toMatchObject({
        line: 2,
        column: 2,
        reason: 'expected timestamps in order, but 00:00:05.000 comes after 00:00:10.000 on line 1',
      });
    });

    it('a lone stamp going backwards is reported on its own line', () => {
      expect(parseError(() => parseTxt('[00:10] a\n\n[00:05]\nb\n', 'x.txt'))).toMatchObject({ line: 3, column: 2 });
    });
  });
});
