import { describe, expect, it } from 'vitest';
import { gluedNativeNumbers, spacelessRuns } from '../../../src/text/spaceless.js';

describe('Korean written without spaces: the runs to read so', () => {
  it('finds a run of 10 syllables or more, and hashtags', () => {
    const text = '오늘 방송 감기걸릴일없다는광고는믿지마세요 #당뇨에좋은차 #면역력강화 #a';
    expect(spacelessRuns(text).map((r) => text.slice(r.start, r.end))).toEqual(['감기걸릴일없다는광고는믿지마세요', '#당뇨에좋은차', '#면역력강화']);
    expect(spacelessRuns('건강기능식품이에요 이거 드세요')).toEqual([]);
    expect(spacelessRuns('')).toEqual([]);
  });
  it('finds native numerals glued to their counter in those runs only (세배, 열배, 서른다섯개)', () => {
    const text = '다른제품보다순도가세배높고흡수력은열배예요 귤의서른다섯개 세배';
    expect(gluedNativeNumbers(text, spacelessRuns(text)).map((r) => text.slice(r.start, r.end))).toEqual(['세', '열']);
    const long = '이거한포에비타민이귤서른다섯개분량이에요';
    expect(gluedNativeNumbers(long, spacelessRuns(long)).map((r) => long.slice(r.start, r.end))).toEqual(['한', '서른다섯']);
  });
});
