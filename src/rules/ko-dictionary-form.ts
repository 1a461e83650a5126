/** Korean rule words written in their dictionary form (빠지다): the key their spoken forms share. Pure. */
import type { Token } from '../text/tokenizer.js';

/**
 * A Korean word written in its dictionary form (빠지다, 좋아지다) is analysed as a stem and the
 * ending 다 (빠지/VV 다/EC); the stem's token already carries the dictionary form as its base
 * (빠지다), as every spoken form does (빠져요, 빠졌, 빠지고), so the ending is dropped from the key.
 */
export function dictionaryForm<T extends readonly Token[]>(tokens: T): T | Token[] {
  const last = tokens[tokens.length - 1];
  const stem = tokens[tokens.length - 2];
  if (!last || !stem || last.surface !== '다' || !last.pos.startsWith('E')) return tokens;
  // 환해지다, 풍성해지다: ko-dic fuses the spoken forms' 지 into the stem's token (환해졌 = 환하/VA+아/EC+지/VX+었/EP,
  // base 환하다), so the key ends at that stem (and also finds 환해요: the state, not only the change).
  const before = tokens[tokens.length - 3];
  if (stem.surface === '지' && stem.pos === 'VX' && before && /\+EC$/u.test(before.pos)) return tokens.slice(0, -2);
  if (stem.base === `${stem.surface}다`) return tokens.slice(0, -1);
  return tokens;
}
