import { describe, expect, it } from 'vitest';
import type { Token } from '../../../src/text/tokenizer.js';
import { gluedNativeNumbers, spacedLength, spacelessRuns } from '../../../src/text/spaceless.js';

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
  it('finds a Sino-Korean digit before 킬로 written against the word before it in those runs (무조건오킬로), beside 한달', () => {
    const text = '한달만드시면무조건오킬로빠집니다 무조건오킬로';
    expect(gluedNativeNumbers(text, spacelessRuns(text)).map((r) => text.slice(r.start, r.end))).toEqual(['한', '오']);
  });
  it('measures a stretch of a run written without spaces as written with them (a space before each word, none before a particle or an ending)', () => {
    const text = '높아요이가격그대로인건아니고요';
    const cut: [string, string][] = [['높', 'VA'], ['아요', 'EF'], ['이', 'MM'], ['가격', 'NNG'], ['그대로', 'MAG'], ['인', 'VCP+ETM'], ['건', 'NNB+JX'], ['아니', 'VCN'], ['고요', 'EC']];
    let at = 0;
    const tokens: Token[] = cut.map(([surface, pos]) => {
      const t = { surface, base: surface, pos, start: at, end: at + surface.length };
      at += surface.length;
      return t;
    });
    const runs = spacelessRuns(text);
    // 높아요 이 가격 그대로인 건 아니고요: spaces before 이, 가격, 그대로, 건, 아니
    expect(spacedLength(tokens, runs, 0, text.length)).toBe(text.length + 5);
    expect(spacedLength(tokens, runs, 0, 3)).toBe(3);
    expect(spacedLength(tokens, [], 0, text.length)).toBe(text.length);
    expect(spacedLength(tokens, runs, 5, 2)).toBe(-3);
  });
});
