import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/audit/engine.js';
import { loadTokenizer } from '../../../src/text/tokenizers/index.js';
import { copulaCandidates, particleCandidates } from '../../../src/text/tokenizers/ko-particle.js';
import type { Tokenizer } from '../../../src/text/tokenizer.js';

// lindera's embedded ko-dic has no one-syllable entry 이: without the repair 관절이 → 관|절이.
let ko: Tokenizer;
beforeAll(async () => {
  ko = await loadTokenizer('ko');
});
const tags = (text: string) => ko.tokenize(text).map((t) => `${t.surface}/${t.pos}`);

describe('Korean 이, the particle and the copula (missing from the embedded ko-dic)', () => {
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
  it('splits a noun from the copula 이 and its ending (약이에요, 관절이에요), not a verb (녹이는, 줄이고)', () => {
    expect(tags('이건 바르는 약이에요').slice(3, 5)).toEqual(['약/NNG', '이/VCP']);
    expect(tags('관절이에요')[0]).toBe('관절/NNG');
    expect(tags('명약이죠')).toEqual(['명약/NNG', '이/VCP', '죠/EF']);
    expect(tags('지방을 녹이는')).toContain('녹이/VV');
    expect(tags('체중을 줄이고')).toContain('줄이/VV');
    expect(copulaCandidates('약이에요 줄이고 관절이랑 사람이었어요')).toEqual([1, 16]);
  });

  it('reads 품절이에요 as noun + copula with a word after it too (in context ko-dic read 품|절이/VV|에요)', () => {
    expect(tags('품절이에요 서두르세요').slice(0, 2)).toEqual(['품절/NNG', '이/VCP']);
    expect(tags('곧 품절이에요 빨리 오세요').slice(1, 3)).toEqual(['품절/NNG', '이/VCP']);
    // A verb stem in 이 at the start of its eojeol keeps its analysis.
    expect(tags('배추를 절이고 있어요')).toContain('절이/VV');
  });
  it('lets a rule that names a noun match it before the copula (특효약 + 이에요)', async () => {
    const findings = await new Engine({}).check({ segments: [{ start: 0, end: 3, text: '이건 진짜 특효약이에요' }] }, 'ko');
    expect(findings.filter((f) => f.kind === 'prohibited').map((f) => f.text)).toContain('특효약');
  });
  it('lets a rule that names the noun match it with its particle (숙변 + 이)', async () => {
    const engine = new Engine({});
    const findings = await engine.check({ segments: [{ start: 0, end: 4, text: '장이 깨끗해져요 숙변이 쫙 빠져요' }] }, 'ko');
    expect(findings.map((f) => f.ruleId)).toContain('kr/food-labeling/disease-claim');
  });
});
