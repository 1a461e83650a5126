/**
 * Written without spaces, a conditional 면 ending a word (하나면, 성능이면) is read by ko-dic with the next syllable as a
 * noun (하나면정형외과: 면정/NNG). Inside a run written without spaces the run is read as if a space followed the 면.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});
const surfaces = (text: string) => ko.analyze(text).tokens.map((t) => t.surface);

describe('a conditional 면 in Korean written without spaces', () => {
  it('ends its word: the noun after it is read on its own', () => {
    expect(surfaces('이마사지기하나면정형외과안다니셔도돼요')).toContain('정형');
    expect(surfaces('이마사지기하나면정형외과안다니셔도돼요')).not.toContain('면정');
    expect(surfaces('요거하나면숙취가1도없어요진짜로')).toContain('숙취');
  });

  it('is left as ko-dic reads it where a space follows, in a short word, and where 면 starts a noun after a noun (공항면세점)', () => {
    expect(surfaces('마사지기 하나면 정형외과')).toContain('정형');
    expect(surfaces('공항면세점에서립밤을샀어요')).toContain('면세');
  });
});
