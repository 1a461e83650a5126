/**
 * Round 41: `rules test --explain` says why a failed example failed — the cue (the rule's unless, the ruleset's
 * negation or quotation) that excused what a matcher found, the matcher that came closest when none matched, or, for
 * a good example reported, which cues of the line did not count. A writer had bisected a suppressed example by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { runExamples } from '../../../src/rules/examples.js';
import { compileSource } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

const SOURCE = `id: t
language: zh
context:
  negation: [{ before: [不能], window: 4 }]
rules:
  - id: t/sleep
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, zh: m }
    reference: test
    match:
      - id: sleep-better
        seq: [失眠, {gap: 2}, 好了]
      - id: sleep-rx
        regex: '失眠全治'
    unless: { before: [医生说], window: 6 }
    examples:
      bad: [医生说失眠就好了, 不能说失眠就好了, 失眠就要好好休息, 睡不着的毛病]
      good: [失眠就好了，医生说的]
  - id: t/hair
    kind: prohibit
    category: efficacy
    severity: error
    message: { en: m, zh: m }
    reference: test
    match:
      - id: hair-grows
        seq: [{notAfter: [不]}, 头发, {gap: 2}, 长出来, {not: [吗]}]
    examples: { bad: [头发就要长, 头发长出来吗], good: [x] }
`;

const reasons = (explain: boolean) =>
  runExamples(compileSource(SOURCE, zh), zh, undefined, { explain })
    .filter((r) => !r.passed)
    .map((r) => `${r.text}: ${r.reason ?? ''}`);

describe('rules test --explain', () => {
  it("names the rule's unless cue that excused a bad example", () => {
    expect(reasons(true).find((r) => r.startsWith('医生说失眠就好了'))).toContain(`why: matcher "sleep-better" found "失眠就好了", but the rule's unless group 1 excused it (its before cue "医生说")`);
  });
  it('names the negation cue', () => {
    expect(reasons(true).find((r) => r.startsWith('不能说失眠就好了'))).toContain(`but the ruleset's negation group 1 excused it (its before cue "不能")`);
  });
  it('names the matcher that came closest when none matched, and the regex that found nothing', () => {
    expect(reasons(true).find((r) => r.startsWith('失眠就要好好休息'))).toContain(
      `why: closest: matcher "sleep-better" matched 2 of its 3 steps ("失眠"); step 3, the words [好了], failed after it (the gap before it reaches at most 2 tokens within its clause: the words may be further on, or past a comma or stop) (its regex matchers found nothing)`,
    );
    expect(reasons(true).find((r) => r.startsWith('睡不着的毛病'))).toContain('why: no matcher of the rule found even its first step');
    // A matcher that starts with a notAfter (nothing of its own to find) is cut past it.
    expect(reasons(true).find((r) => r.startsWith('头发就要长'))).toContain('why: closest: matcher "hair-grows" matched 3 of its 5 steps ("头发"); step 4, the words [长出来], failed after it (the gap before it reaches at most 2 tokens');
  });
  it('names the not or notAfter step that alone refused the line', () => {
    expect(reasons(true).find((r) => r.startsWith('头发长出来吗'))).toContain('why: matcher "hair-grows" would report "头发长出来" but for step 5, not [吗]: it refused the words that follow');
  });
  it('for a good example reported, says which cue words of the line did not count', () => {
    expect(reasons(true).find((r) => r.startsWith('失眠就好了，医生说的'))).toContain(
      `why: matcher "sleep-better" found "失眠就好了"; no cue excused it: the rule's unless group 1 has before "医生说" in the line, but not where it looks (window 6)`,
    );
  });
  it('says nothing more without --explain', () => {
    const plain = reasons(false);
    expect(plain).toHaveLength(7);
    expect(plain.some((r) => r.includes('why:'))).toBe(false);
  });
});
