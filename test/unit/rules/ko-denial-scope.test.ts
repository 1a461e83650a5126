/**
 * Round 39: a Korean copula denial after a claim denies the noun of its own clause (…나아요, 연고가 아니라 크림이에요:
 * not an ointment), not the claim; a denial the claim's words lead into (낫는 건 아니고요) still denies it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import { deniesModifiedNoun, deniesOtherNoun } from '../../../src/rules/ko-denial-scope.js';
import type { Ruleset } from '../../../src/rules/model.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

/** deniesOtherNoun for the claim `claim` and the cue `cue` written after it in `text`. */
const other = (text: string, claim: string, cue: string) => {
  const end = text.indexOf(claim) + claim.length;
  const at = text.indexOf(cue, end);
  return deniesOtherNoun(text, ko.analyze(text).tokens, end, at, at + cue.length);
};

describe('deniesOtherNoun', () => {
  it.each([
    ['바르면 아토피가 나아요, 연고가 아니라 크림이에요', '아토피가 나아요', '가 아니'],
    ['아토피가 싹 낫는데 약 아니고 크림이에요', '아토피가 싹 낫는데', '아니고'],
    ['피부염이 싹 나아요 스테로이드 아니고 천연이에요', '피부염이 싹 나아요', '아니고'],
  ])('"%s": the denial is of another noun', (text, claim, cue) => {
    expect(other(text, claim, cue)).toBe(true);
  });
  it.each([
    ['아토피가 낫는 건 아니고요', '아토피가 낫는', '건 아니'],
    ['아토피가 낫는 크림은 아니에요', '아토피가 낫는', '은 아니'],
    ['아토피가 싹 낫고 그런 건 아니에요', '아토피가 싹 낫고', '건 아니'],
    ['아토피가 나아요 이런 크림은 아니고요', '아토피가 나아요', '은 아니'],
    ['아토피가 나아요, 연고가 없어요', '아토피가 나아요', '없어요'],
    // Round 56 (r56kof): a cue that itself begins by pointing back refuses a whole list of claims, nouns and all
    ['간이 좋아진다 피로가 풀린다 이런 건 아니에요', '간이 좋아진다', '이런 건 아니에요'],
  ])('"%s": the denial is of the claim (or no copula denial)', (text, claim, cue) => {
    expect(other(text, claim, cue)).toBe(false);
  });
});

describe('a copula denial in a ruleset', () => {
  const rs: Ruleset = {
    id: 'kd',
    language: 'ko',
    sources: [],
    context: { negation: [{ after: ['가 아니', '아니고', '건 아니', '은 아니'], window: 10 }] },
    rules: [{ id: 'kd/r', kind: 'prohibit', category: 'medical-claim', severity: 'error', message: { en: 'r' }, reference: 'test', match: [{ id: 'm', seq: ['아토피', { gap: 2 }, '낫다'] as never }], examples: { bad: [], good: [] } }],
  };
  const found = (line: string) => checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: line }] }, ko).length;
  it('does not excuse a claim for another noun denied after it', () => {
    expect(found('바르면 아토피가 나아요, 연고가 아니라 크림이에요')).toBe(1);
    expect(found('이거 바르면 아토피가 싹 낫는데 약 아니고 크림이에요')).toBe(1);
  });
  it('still excuses the claim the denial is about', () => {
    expect(found('아토피가 낫는 건 아니고요')).toBe(0);
    expect(found('아토피가 낫는 크림은 아니고요')).toBe(0);
  });
});

describe('the built-in Korean rules', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ko')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it.each(['바르면 아토피가 나아요, 연고가 아니라 크림이에요', '이거 바르면 아토피가 싹 낫는데 약 아니고 크림이에요', '연고 아니고 크림인데 바르면 아토피가 싹 나아요'])('"%s" is a claim', async (text) => {
    expect(await said(text)).not.toEqual([]);
  });
  it.each(['아토피가 낫는 건 아니고요', '아토피가 낫는 크림은 아니고요', '치료 효과는 없고 보습만 돼요', '아토피 치료 효과는 없고 보습만 돼요'])('"%s" is clean', async (text) => {
    expect(await said(text)).toEqual([]);
  });
});

describe('a claim joined to a predicate that modifies the denied noun (round 41)', () => {
  it.each([
    ['모든 병을 예방하거나 고치는 의약품이 아닙니다', '병을 예방', '아닙니다'],
    ['질병을 예방하고 치료하는 약이 아닙니다', '질병을 예방', '아닙니다'],
    ['질병을 예방하며 고치는 의약품이 아닙니다', '질병을 예방', '아닙니다'],
    ['질병을 예방, 완화하는 의약품이 아닙니다', '질병을 예방', '아닙니다'],
  ])('"%s": the denial is of the claim', (text, claim, cue) => {
    expect(other(text, claim, cue)).toBe(false);
  });
  it.each([
    ['아토피가 싹 낫는데 비싼 약 아니고 크림이에요', '아토피가 싹 낫', '아니고'],
    ['아토피가 나아요, 비싼 연고가 아니라 크림이에요', '아토피가 나아요', '가 아니'],
  ])('"%s": a modifier after a clause that ended is still another noun\'s', (text, claim, cue) => {
    expect(other(text, claim, cue)).toBe(true);
  });

  it('leaves the built-in rules quiet on the lawful drug disclaimer', async () => {
    const found = (await builtinEngine().check({ segments: [{ start: 0, end: 3, text: '이 젤리는 장염을 예방하거나 고치는 의약품이 아닙니다' }] }, 'ko')).filter((f) => f.kind === 'prohibited');
    expect(found.map((f) => `${f.ruleId}/${f.matcher}`)).toEqual([]);
  });
});

describe('deniesModifiedNoun: a sentence-final denial of the noun a claim modifies, however long its clause', () => {
  const modified = (text: string, claim: string) => {
    const end = text.indexOf(claim) + claim.length;
    const at = text.search(/아니에요|아닙니다/u);
    return deniesModifiedNoun(text, ko.analyze(text).tokens, end, at);
  };
  it.each([
    ['이 제품은 통증 완화 효과가 있는 의료기기가 아니에요', '통증 완화'],
    ['혈압을 낮추는 효과가 입증된 건강기능식품은 아니에요', '혈압을 낮추'],
    ['식약처 허가받은 가정용 의료기기는 아니에요', '식약처 허가받'],
  ])('"%s": not a thing that does it', (text, claim) => {
    expect(modified(text, claim)).toBe(true);
  });
  it.each([
    // The tea lowers it, and is no drug: another noun (and its particle) stands between.
    ['혈압을 낮추는 차는 약이 아니에요', '혈압을 낮추'],
    ['혈압을 낮추는 이 차는 약이 아니에요', '혈압을 낮추'],
    ['혈압이 내려가요 이건 약이 아니에요', '혈압이 내려가'],
  ])('"%s": the denial is of something else', (text, claim) => {
    expect(modified(text, claim)).toBe(false);
  });

  it('in the built-in Korean rules, the long modified noun denied clears the claim; the claim said outright stays', async () => {
    const count = async (text: string) => (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ko')).filter((f) => f.kind === 'prohibited').length;
    expect(await count('이 제품은 통증 완화 효과가 있는 의료기기가 아니에요')).toBe(0);
    expect(await count('이 패치는 통증 완화 효과가 있어요')).toBeGreaterThan(0);
  });
});
