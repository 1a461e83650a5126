/**
 * 식품 등의 표시·광고에 관한 법률 제8조 제1항 lists what a food's advertising may not do, item by item: 제5호 deceives the
 * consumer (testimonials, experts' and others' endorsements, 시행령 별표 1), 제6호 runs down another firm or its goods.
 * Fifteen Korean rules about testimonials and endorsements cited 제6호 until round 42. A rule citing 제6호 must be one
 * about another firm's goods.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET } from '../../../src/rules/load.js';
import { builtinRuleset } from '../../helpers/builtin.js';

describe('kr: the item of 식품표시광고법 제8조 제1항 a rule cites', () => {
  it('cites 제6호 (running down another firm) only for claims about other firms or their goods', async () => {
    const rs = await builtinRuleset(DEFAULT_RULESET.ko);
    const sixth = rs.rules.filter((r) => /식품 등의 표시·광고에 관한 법률 제8조 제1항[^;]*제6호/u.test(r.reference ?? ''));
    const aboutOthers = (en: string) => /\b(other|another|rival|competitor)/iu.test(en);
    expect(sixth.filter((r) => r.category === 'endorsement' || !aboutOthers(r.message.en ?? '')).map((r) => r.id)).toEqual([]);
  });
});
