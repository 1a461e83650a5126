/**
 * Round 38: a Korean claim written as "cannot" (탈모를 치료할 수 없다) is denied, while a comparison closed by
 * "cannot" (이보다 더 좋을 수 없다: "it couldn't be better") is a boast and stays a claim.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import { cannotBoasts } from '../../../src/rules/cue-text.js';
import type { Ruleset } from '../../../src/rules/model.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { builtinEngine } from '../../helpers/builtin.js';

let ko: Analyzer;
beforeAll(async () => {
  ko = await createAnalyzerFor('ko');
});

const at = (text: string, cue: string) => cannotBoasts(text, text.indexOf(cue), text.indexOf(cue) + cue.length);

describe('cannotBoasts', () => {
  it.each([
    ['피부가 이보다 더 좋을 수 없다', '수 없다'],
    ['이보다 완벽할 수 없어요', '수 없어요'],
    ['이 크림보다 기미를 잘 없앨 수 없어요', '수 없어요'],
    ['그 이상 좋을 순 없습니다', '순 없습니다'],
  ])('"%s": a comparison closed by %s boasts', (text, cue) => {
    expect(at(text, cue)).toBe(true);
  });
  it.each([
    ['이 샴푸는 탈모를 치료할 수 없다', '수 없다'],
    ['더 드셔도 됩니다. 탈모를 치료할 수 없어요', '수 없어요'],
    ['이보다 좋은 건 없어요', '없어요'],
    ['더 좋아지지는 않아요', '않아요'],
    // Round 48: "cannot say" the comparison denies it.
    ['피부과 시술보다 낫다는 말은 할 수 없어요', '수 없어요'],
    ['물리치료보다 낫다고는 할 수 없어요', '수 없어요'],
    ['병원 기기보다 좋다고 말할 수 없습니다', '수 없습니다'],
  ])('"%s": %s denies (no comparison in its clause, or no "cannot")', (text, cue) => {
    expect(at(text, cue)).toBe(false);
  });
});

describe('a "cannot" cue in a ruleset', () => {
  const rs: Ruleset = {
    id: 'kc',
    language: 'ko',
    sources: [],
    context: { negation: [{ after: ['수 없어요'], window: 3 }] },
    rules: [{ id: 'kc/r', kind: 'prohibit', category: 'medical-claim', severity: 'error', message: { en: 'r' }, reference: 'test', match: [{ id: 'm', seq: ['기미를', { gap: 3 }, '없애다'] as never }], examples: { bad: [], good: [] } }],
  };
  const found = (line: string) => checkTranscript(compileRules([rs], ko), { segments: [{ start: 0, end: 5, text: line }] }, ko).length;
  it('denies the claim right before it', () => {
    expect(found('이 크림으로 기미를 없앨 수 없어요')).toBe(0);
    expect(found('이 크림으로 기미를 없앨 수 있어요')).toBe(1);
  });
  it('does not deny when it closes a comparison', () => {
    expect(found('이 크림보다 기미를 더 잘 없앨 수 없어요')).toBe(1);
  });
});

describe('the built-in Korean rules read a written "cannot" as a denial', () => {
  const said = async (text: string) =>
    (await builtinEngine().check({ segments: [{ start: 0, end: 3, text }] }, 'ko')).filter((f) => f.kind === 'prohibited').map((f) => f.ruleId);
  it.each(['이 샴푸는 탈모를 치료할 수 없다', '이 제품으로 아토피를 완치할 수 없습니다', '탈모 효과를 보장할 수 없어요', '이 차로 당뇨를 고칠 수 없습니다', '이 크림이 연고를 대신할 수는 없어요', '이 차로 혈압을 낮출 순 없습니다'])('"%s" is clean', async (text) => {
    expect(await said(text)).toEqual([]);
  });
  it.each(['이 샴푸는 탈모를 치료할 수 있다', '탈모 치료에 이보다 좋을 수 없어요', '피부가 이보다 더 좋을 수 없다', '이거 드시면 탈모가 좋아질 수밖에 없어요'])('"%s" stays a claim', async (text) => {
    expect(await said(text)).not.toEqual([]);
  });
});

// Round 40: "cannot not" (…지 않을 수 없다) affirms: its 없다 or 수 없 is no denial.
describe('a Korean "cannot not"', () => {
  it.each([
    ['혹하지 않을 수가 없죠', '없'],
    ['혹하지 않을 수가 없죠', '수가 없'],
    ['사지 않을 수 없어요', '수 없'],
    ['안 할 수가 없어요', '없'],
  ])('"%s": the cue %s affirms', (text, cue) => {
    expect(at(text, cue)).toBe(true);
  });
  it.each([
    ['효과를 보장할 수 없어요', '수 없'],
    ['근거는 없어요', '없'],
    ['않을 수가 있어요. 효과는 없어요', '없'],
  ])('"%s": the cue %s still denies', (text, cue) => {
    expect(at(text, cue)).toBe(false);
  });
  it('the built-in rules report a claim the host "cannot help" being taken by', async () => {
    const said = (await builtinEngine().check({ segments: [{ start: 0, end: 3, text: '단기간에 살을 확 몇 kg씩 빼준다고 하니까 사실 그걸 보고 혹하지 않을 수가 없죠.' }] }, 'ko')).filter((f) => f.kind === 'prohibited');
    expect(said.map((f) => f.ruleId)).toContain('kr/fair-labeling/efficacy');
  });
});
