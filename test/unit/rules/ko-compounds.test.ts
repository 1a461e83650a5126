/**
 * Korean product compounds ko-dic cuts one syllable short (유산|균약, 항산|화차, 붓|기차): a rule word that ends inside
 * the head token is found there, standing for the whole compound; nowhere else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copulaCutToken, headCutToken } from '../../../src/rules/ko-compounds.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Token } from '../../../src/text/tokenizer.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

const rules = `
id: t
language: ko
rules:
  - id: t/r
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, ko: m }
    reference: test
    match:
      - id: m
        seq: [{start: true}, [유산균, 항산화, 붓기, 비염, 녹용], {end: true}]
    examples: { bad: [x], good: [y] }
`;

describe('Korean product compounds cut one syllable short', () => {
  it('finds the rule word inside the head token, as the whole compound', () => {
    const c = compileSource(rules, ko, { noContext: true });
    for (const [line, want] of [['#유산균약', '유산균약'], ['항산화차', '항산화차'], ['붓기차', '붓기차'], ['비염약', '비염약'], ['녹용액', '녹용액']]) {
      expect(prohibitedTexts(c, line as string, ko), line).toEqual([want]);
    }
    // Apart, the word is found as always; a head the list does not hold leaves the cut alone.
    expect(prohibitedTexts(c, '#항산화 #차', ko)).toEqual(['항산화']);
  });

  it('not a word that ends in a verb form: 처방|한약 is 처방한 약, and the 약 must stay for the cues after it', () => {
    const c = compileSource(rules.replace('seq: [{start: true}, [유산균, 항산화, 붓기, 비염, 녹용], {end: true}]', 'seq: [[의사가 처방한, 처방한], {not: [약]}]'), ko, { noContext: true });
    expect(prohibitedTexts(c, '의사가처방한약은따로사가세요', ko)).toEqual([]);
    expect(prohibitedTexts(c, '의사가 처방한 제품이에요', ko)).toEqual(['의사가 처방한']);
  });

  it('only a two-syllable noun ending in a product head, glued to the word, one syllable past its end', () => {
    const tok = (surface: string, start: number, pos = 'NNG'): Token => ({ surface, base: surface, pos, start, end: start + surface.length });
    const text = '유산균약';
    expect(headCutToken(text, [tok('유산', 0), tok('균약', 2)], 0, 0, 3)).toBe(1);
    expect(headCutToken('유산균주', [tok('유산', 0), tok('균주', 2)], 0, 0, 3)).toBeUndefined();
    expect(headCutToken(text, [tok('유산', 0), tok('균약', 2, 'NNP')], 0, 0, 3)).toBeUndefined();
    expect(headCutToken('유산 균약', [tok('유산', 0), tok('균약', 3)], 0, 0, 4)).toBeUndefined();
    expect(headCutToken('유산균약품', [tok('유산', 0), tok('균약품', 2)], 0, 0, 3)).toBeUndefined();
    // 피로|회|복제: the 제 of a drug's name (피로회복제), not a product head a rule's 회복 runs into.
    expect(headCutToken('피로회복제', [tok('피로', 0), tok('회', 2), tok('복제', 3)], 1, 2, 4)).toBeUndefined();
  });
});

describe('a name ko-dic does not know, its last syllable glued to the copula after it', () => {
  const names = rules.replace('seq: [{start: true}, [유산균, 항산화, 붓기, 비염, 녹용], {end: true}]', 'seq: [먹는, [위고비, 삭센다]]');

  it('is found there, as before a particle (위고|비예|요, 삭|센|다예|요)', () => {
    const c = compileSource(names, ko, { noContext: true });
    expect(prohibitedTexts(c, '이거 먹는 위고비예요', ko)).toEqual(['먹는 위고비예']);
    expect(prohibitedTexts(c, '이건 먹는 삭센다예요', ko)).toEqual(['먹는 삭센다예']);
    expect(prohibitedTexts(c, '먹는 위고비랑 같아요', ko)).toEqual(['먹는 위고비']);
  });

  it('only a word ko-dic cuts, ending in a token whose rest is the copula', () => {
    const tok = (surface: string, start: number, pos = 'NNG'): Token => ({ surface, base: surface, pos, start, end: start + surface.length });
    expect(copulaCutToken('위고비예요', [tok('위고', 0), tok('비예', 2), tok('요', 4, 'VCP+EC')], 0, 0, 3)).toBe(1);
    // The rest of the token is no copula (비예 of 위고비예방, a name said before 예방), or it runs on past the copula.
    expect(copulaCutToken('위고비예방', [tok('위고', 0), tok('비예방', 2)], 0, 0, 3)).toBeUndefined();
    expect(copulaCutToken('위고비야채', [tok('위고', 0), tok('비야채', 2)], 0, 0, 3)).toBeUndefined();
    // Not across a space.
    expect(copulaCutToken('위고 비예요', [tok('위고', 0), tok('비예', 3), tok('요', 5)], 0, 0, 4)).toBeUndefined();
  });
});
