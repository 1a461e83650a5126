// Origins read from a label or a caption put a colon between the cue and the place (原産国：中国,
// 奶源：新西兰, 원산지 : 중국); the ingredient's source (奶源, 源自) is an origin statement too. Each must be
// read as an origin so that a manifest declaring another origin reports false-origin.
import { describe, expect, it } from 'vitest';
import { originsSaid as said } from '../../helpers/origin-said.js';

describe('origin statements in label form', () => {
  it('reads a cue, a colon and a place as a statement in each language', () => {
    expect(said('原産国：中国', 'ja')).toEqual([['原産国:中国', 'CN']]);
    expect(said('产地：云南', 'zh')).toEqual([['产地:云南', '云南']]);
    expect(said('원산지 : 중국', 'ko')).toEqual([['원산지:중국', 'CN']]);
  });
  it('reads where the milk or the ingredient comes from as an origin (zh)', () => {
    expect(said('奶源：新西兰', 'zh')).toEqual([['奶源:新西兰', 'NZ']]);
    expect(said('我们的奶源是新西兰的牧场', 'zh')).toEqual([['奶源是新西兰', 'NZ']]);
    expect(said('这款茶源自云南', 'zh')).toEqual([['源自云南', '云南']]);
  });
  it('needs the cue: a colon before a place is not enough', () => {
    expect(said('发货：上海仓', 'zh').filter(([w]) => String(w).includes(':'))).toEqual([]);
    expect(said('奶源不是新西兰的', 'zh')).toEqual([]);
  });
});

describe('origin statements: imported as packed, grown, raised (zh, ko)', () => {
  it('reads 原装 and growing or farming in a place (zh)', () => {
    expect(said('澳洲原装进口', 'zh')).toEqual([['澳洲原装', 'AU']]);
    expect(said('这个是日本原装的', 'zh')).toEqual([['日本原装', 'JP']]);
    expect(said('山东养殖的海参', 'zh')).toEqual([['山东养殖', '山东']]);
    expect(said('中国养殖业发展很快', 'zh')).toEqual([]);
  });
  it('reads grown, caught or made in a domestic factory (ko), not a person raised somewhere', () => {
    expect(said('제주도에서 자란 한라봉', 'ko')).toEqual([['제주도에서자란', '제주']]);
    expect(said('국내 공장에서 만든 제품', 'ko')).toEqual([['국내공장에서', 'KR']]);
    expect(said('우리 땅에서 키운 콩', 'ko')).toEqual([['우리땅에서키운', 'KR']]);
    expect(said('저는 제주에서 자란 사람이라', 'ko')).toEqual([]);
  });

  it('reads 한우 and 한돈 as Korea, but not inside a longer word or in a comparison', () => {
    expect(said('투뿔 한우 등심이에요', 'ko')).toEqual([['한우', 'KR']]);
    expect(said('한돈 삼겹살 특가', 'ko')).toEqual([['한돈', 'KR']]);
    expect(said('한우물만 파는 장인이에요', 'ko')).toEqual([]);
    expect(said('한우랑 똑같은 맛이 나요', 'ko')).toEqual([]);
    expect(said('한우 못지않은 마블링', 'ko')).toEqual([]);
    expect(said('국산보다 저렴해요', 'ko')).toEqual([]);
  });

  it('leaves a Chinese comparison with an origin alone, and still reads the origin claimed', () => {
    expect(said('比国产的好用多了', 'zh')).toEqual([]);
    expect(said('品质不输日本进口的', 'zh')).toEqual([]);
    expect(said('跟日本产的一样好', 'zh')).toEqual([]);
    expect(said('这是日本原装进口的', 'zh')).toEqual([['日本原装', 'JP']]);
  });
});

