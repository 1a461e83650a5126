/**
 * Star symbols that give a rating (round 40): ★5, 5★, ⭐4.5 and a row of five (★★★★★, ★★★★☆) read as
 * the language's word for a star, so rules on 星5 / 五星 / 별 5개 see the rating; stars used as bullets
 * or decoration (★5月限定, ★★★ 大セール ★★★) stay a space as before. Findings still quote the stars.
 */
import { describe, expect, it } from 'vitest';
import { normalize, originalSpan } from '../../../src/text/normalize.js';
import type { Language } from '../../../src/transcript/model.js';

const cases: [Language, string, string][] = [
  ['ja', '★5つけてくれた方に', '星5つけてくれた方に'],
  ['ja', '⭐️5をつけてくれたら', '星5をつけてくれたら'],
  ['ja', '★★★★★のレビュー', '星5のレビュー'],
  ['ja', '★★★★☆の評価', '星4の評価'],
  ['ja', '★五つで投稿', '星五つで投稿'],
  ['ja', '5★レビュー', '5星レビュー'],
  ['ja', '評価は4.5★です', '評価は4.5星です'],
  ['zh', '⭐⭐⭐⭐⭐好评', '五星好评'],
  ['ko', '★★★★★ 리뷰 주시면', '별 5개 리뷰 주시면'],
  ['ko', '별점★5개', '별점 별 5개'],
];

const decoration: [Language, string, string][] = [
  ['ja', '★5月限定★セール', '5月限定セール'],
  ['ja', '★3個セット', '3個セット'],
  ['ja', '★★★ 大セール ★★★', '大セール'],
  ['ja', 'すごい★2025年', 'すごい 2025年'],
  ['zh', '★★★限时秒杀★★★', '限时秒杀'],
  ['ko', '★오늘만★ 2시간 특가', '오늘만 2시간 특가'],
  ['ko', '★1+1★ 이벤트', '1+1 이벤트'],
  ['zh', '买一送一★1+1★', '买一送一 1+1'],
];

describe('stars that give a rating', () => {
  it.each(cases)('%s %s → %s', (language, text, expected) => {
    expect(normalize(text, language).text).toBe(expected);
  });

  it.each(decoration)('%s %s: decoration, read as a space (→ %s)', (language, text, expected) => {
    expect(normalize(text, language).text).toBe(expected);
  });

  it('maps the rating word back to the stars it stands for', () => {
    const n = normalize('今日は★★★★★のレビューで', 'ja');
    const at = n.text.indexOf('星5');
    const span = originalSpan(n, at, at + 2);
    expect(n.original.slice(span.start, span.end)).toBe('★★★★★');
  });
});
