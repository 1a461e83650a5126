import { describe, expect, it } from 'vitest';
import { createKoreanTokenizer } from '../../../src/text/tokenizers/ko.js';

describe('Korean words read on their own, kept', () => {
  it('gives a line the same tokens the first time and every time after (words read again, cute endings)', async () => {
    const lines = ['평균 키를 넘었어요', '우리 아이 키가 커요 좋아용', '자정 마감 할인가로 열어 뒀어요', '빠져용 진짜 빠져용'];
    const fresh = await Promise.all(lines.map(async (l) => (await createKoreanTokenizer()).tokenize(l)));
    const ko = await createKoreanTokenizer();
    for (let round = 0; round < 3; round++) {
      lines.forEach((l, i) => {
        expect(ko.tokenize(l)).toEqual(fresh[i]);
        expect(ko.respell?.(l)).toEqual(ko.respell?.(l));
      });
    }
    expect(ko.tokenize('평균 키를 넘었어요').slice(0, 3).map((t) => `${t.surface}/${t.pos}`)).toEqual(['평균/NNG', '키/NNG', '를/JKO']);
  });
});
