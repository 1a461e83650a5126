import { describe, expect, it } from 'vitest';
import { spacelessRuns } from '../../../src/text/spaceless.js';

describe('Korean written without spaces: the runs to read so', () => {
  it('finds a run of 10 syllables or more, and hashtags', () => {
    const text = '오늘 방송 감기걸릴일없다는광고는믿지마세요 #당뇨에좋은차 #면역력강화 #a';
    expect(spacelessRuns(text).map((r) => text.slice(r.start, r.end))).toEqual(['감기걸릴일없다는광고는믿지마세요', '#당뇨에좋은차', '#면역력강화']);
    expect(spacelessRuns('건강기능식품이에요 이거 드세요')).toEqual([]);
    expect(spacelessRuns('')).toEqual([]);
  });
});
