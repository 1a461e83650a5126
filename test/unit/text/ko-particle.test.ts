import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/audit/engine.js';
import { loadTokenizer } from '../../../src/text/tokenizers/index.js';
import { particleCandidates } from '../../../src/text/tokenizers/ko-particle.js';
import type { Tokenizer } from '../../../src/text/tokenizer.js';

// lindera's embedded ko-dic has no one-syllable entry 이: without the repair 관절이 → 관|절이.
let ko: Tokenizer;
beforeAll(async () => {
  ko = await loadTokenizer('ko');
});
const tags = (text: string) => ko.tokenize(text).map((t) => `${t.surface}/${t.pos}`);

describe('Korean subject particle 이 (missing from the embedded ko-dic)', () => {
  it('splits a noun ending in a consonant from its particle 이', () => {
    expect(tags('관절이 아파요').slice(0, 2)).toEqual(['관절/NNG', '이/JKS']);
    expect(tags('주름이 싹 펴져요').slice(0, 2)).toEqual(['주름/NNG', '이/JKS']);
    expect(tags('빈혈이 있으신 분').slice(0, 2)).toEqual(['빈혈/NNG', '이/JKS']);
    expect(tags('음식이 맛있어요. 관절이 좋아요')).toEqual(expect.arrayContaining(['음식/NNG', '관절/NNG', '이/JKS']));
  });
  it('leaves words that end in 이 whole: 많이, 같이, 깨끗이, 높이, 길이', () => {
    for (const w of ['많이', '같이', '깨끗이', '높이']) expect(tags(`${w} 드세요`)[0]).toMatch(new RegExp(`^${w}/`));
    expect(tags('길이가 길어요')[0]).toBe('길이/NNG');
  });
  it('names only eojeol-final 이 after a final consonant as a candidate', () => {
    expect(particleCandidates('관절이 아파요, 아이가 오이를')).toEqual([2]);
    expect(particleCandidates('관절이랑 주름이나')).toEqual([]);
    expect(particleCandidates('약이, 물이')).toEqual([1, 5]);
  });
  it('keeps every token on the text it came from (any Korean text)', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const piece = fc.oneof(syllable, fc.constantFrom('이', ' ', '이 ', ',', '. ', '관절이 ', '많이 '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        let end = 0;
        for (const t of ko.tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          end = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('lets a rule that names the noun match it with its particle (숙변 + 이)', async () => {
    const engine = new Engine({});
    const findings = await engine.check({ segments: [{ start: 0, end: 4, text: '장이 깨끗해져요 숙변이 쫙 빠져요' }] }, 'ko');
    expect(findings.map((f) => f.ruleId)).toContain('kr/food-labeling/disease-claim');
  });
});
