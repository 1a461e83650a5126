/**
 * Korean: a comma after a particle or a connective is a breath inside the clause, so a cue of the clause reads past it
 * (관절에, 좋다고, 광고한 적은, 없어요 is denied as 관절에 좋다고 광고한 적은 없어요 is); speech recognition writes one
 * wherever the host breathes. The claim said with the same commas is still the claim.
 */
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../../src/rules/check.js';
import { DEFAULT_RULESET } from '../../../src/rules/load.js';
import { builtinCompiled } from '../../helpers/builtin.js';

const prohibited = async (text: string): Promise<string[]> => {
  const { compiled, analyzer } = await builtinCompiled(DEFAULT_RULESET.ko);
  return checkTranscript(compiled, { segments: [{ start: 0, end: 5, text }] }, analyzer)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => f.ruleId);
};

describe('Korean: a cue reads past a breath comma', () => {
  it.each([
    ['관절에 좋다고 광고한 적은 없어요', '관절에, 좋다고, 광고한 적은, 없어요'],
    ['연골이 재생된다는 말은 근거가 없어요', '연골이, 재생된다는 말은, 근거가, 없어요'],
    ['검은 머리가 다시 돌아온다는 광고는 믿지 마세요', '검은 머리가, 다시 돌아온다는 광고는, 믿지, 마세요'],
  ])('"%s" and "%s" are no claim', async (plain, breathing) => {
    expect(await prohibited(plain)).toEqual([]);
    expect(await prohibited(breathing)).toEqual([]);
  });
  it('the claim with the same breaths is still the claim', async () => {
    expect(await prohibited('연골이, 재생돼요, 이거 드시면')).not.toEqual([]);
    expect(await prohibited('관절에, 좋아요, 이 영양제')).not.toEqual([]);
  });
});
