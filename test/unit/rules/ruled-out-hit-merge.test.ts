/**
 * Two matchers of one rule finding overlapping words make one finding, the longer. A longer hit whose matcher does not
 * apply there (its `onlyWith` unmet) used to win that merge and then be dropped, taking the other matcher's shorter hit
 * with it: 全网竞拍多卖三成 reported nothing (round 57, r57zhe). onlyWith is now asked before the merge; cues that excuse
 * words (the matcher's own unless, the rule's, negation, quotation) still after it, clearing the shorter hit too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { compileSource, prohibitedFindings } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

const source = (longConditions: string) => `id: t
language: zh
rules:
  - id: t/sell-more
    kind: prohibit
    category: guarantee
    severity: warning
    message: { en: m, zh: m }
    reference: test
    match:
      - id: long
        seq: [全网, {gap: 3}, 多卖, {number: [成]}]
        ${longConditions}
      - id: short
        seq: [多卖, {number: [成]}]
    examples: { bad: [x], good: [y] }
`;

const found = (yaml: string, text: string) =>
  prohibitedFindings(compileSource(yaml, zh), text, zh).map((f) => `${f.matcher}:${f.text}`);

describe('a hit whose matcher does not apply does not hide another matcher of its rule', () => {
  it('onlyWith unmet: the shorter hit is reported', () => {
    const yaml = source('onlyWith: {around: [拍卖行], scope: sentence}');
    expect(found(yaml, '全网竞拍多卖三成')).toEqual(['short:多卖三成']);
    // Met, the longer still wins the merge.
    expect(found(yaml, '拍卖行说全网竞拍多卖三成')).toEqual(['long:全网竞拍多卖三成']);
  });

  it("the matcher's own unless excuses the words: the shorter hit goes with the longer", () => {
    expect(found(source('unless: {before: [据说]}'), '据说全网竞拍多卖三成')).toEqual([]);
  });

  it("the rule's cues still clear the merged hit as before", () => {
    const yaml = source('onlyWith: {around: [拍卖行], scope: sentence}').replace('    examples:', '    unless: {before: [据说]}\n    examples:');
    expect(found(yaml, '据说拍卖行全网竞拍多卖三成')).toEqual([]);
  });
});
