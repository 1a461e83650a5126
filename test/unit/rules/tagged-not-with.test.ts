/**
 * Round 40: Korean everyday advice (키 크는 비결은 잠이랑 운동이에요) is excused in YAML, by a kr.yaml negation group
 * (`after: "{advice_tip}"`, `notWith: "{goods_pointed}"`, `notWithScope: sentence`), no longer by engine code
 * (round 39's ko-advice.ts). Its goods words are written with a part of speech (이@MM, @NP): the determiner 이 of
 * 이 젤리 points at goods, the particle of 잠이 and the copula of 운동이에요 do not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import { splitTagged } from '../../../src/rules/tagged-words.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

function compile(unless: string): CompiledRules {
  const src = `id: t\nlanguage: ko\nrules:\n  - id: t/tall\n    kind: prohibit\n    category: efficacy\n    severity: error\n    message: { en: m, ko: m }\n    reference: test\n    match:\n      - id: tall\n        words: [키 크는, 살 빠지]\n    unless:\n${unless}\n    examples: { bad: [x], good: [y] }\n`;
  return compileSource(src, ko);
}

const found = (c: CompiledRules, text: string) => prohibitedTexts(c, text, ko);

describe('splitTagged', () => {
  it('reads word@TAG and @TAG, and leaves other words (and a word ending in @) plain', () => {
    expect(splitTagged(['이@MM', '@NP', '제품', 'a@'], (w) => w)).toEqual({ plain: ['제품', 'a@'], tagged: [{ word: '이', tag: 'MM' }, { tag: 'NP' }] });
  });
});

describe('notWith words with a part of speech, and notWithScope', () => {
  const group = '      - after: [비결은, 방법은, 비결이]\n        window: 2\n        notWith: ["@NP", "이@MM", 제품]\n        notWithScope: sentence';
  it.each(['키 크는 비결은 잠이랑 운동이에요', '살 빠지는 방법은 꾸준한 운동이에요', '살 빠지는 방법은 잠이 최고예요', '이 제품 좋아요. 키 크는 비결은 잠이에요'])(
    '"%s" is advice (이 as a particle or copula, or goods in another sentence)',
    (text) => {
      expect(found(compile(group), text)).toEqual([]);
    },
  );
  it.each(['키 크는 비결은 바로 이 젤리예요', '이거 먹으면 키 크는 비결이 따로 없어요', '키 크는 비결은 저희 제품이에요'])('"%s" points at the goods', (text) => {
    expect(found(compile(group), text)).not.toEqual([]);
  });
  it('without notWithScope, notWith looks only as far as the group reaches (window 2)', () => {
    expect(found(compile('      - after: [비결은]\n        window: 2\n        notWith: ["이@MM"]'), '키 크는 비결은 바로 이 젤리예요')).toEqual([]);
  });
});

describe('the built-in Korean rules', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ko')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it.each(['키 크는 비결은 잠이랑 운동이에요', '살 빠지는 방법은 꾸준한 운동이에요', '아이들 키 크는 비결은 충분한 잠이랑 줄넘기예요'])('leave everyday advice clean: %s', async (text) => {
    expect(await said(text)).toEqual([]);
  });
  it.each(['키 크는 비결은 바로 이 영양제예요', '살 빠지는 방법은 이 차 한 잔이에요', '이거 먹으면 키 크는 비결이 따로 없어요', '다른 시술보다 부작용이 가장 낮은 방법이에요'])('still report the goods named as the tip: %s', async (text) => {
    expect(await said(text)).not.toEqual([]);
  });
});
