/**
 * A cue group's `notWith` words keep it from excusing anything when one stands in its reach: everyday advice with a
 * habit as its subject (跑步可以分解脂肪) is excused, the same words with the goods in the clause (这款茶配合跑步…,
 * 喝了它…) or "even without the habit" (不用运动也能…) are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

function compile(unless: string): CompiledRules {
  const src = `id: t\nlanguage: zh\nrules:\n  - id: t/fat\n    kind: prohibit\n    category: efficacy\n    severity: error\n    message: { en: m, zh: m }\n    reference: test\n    match:\n      - id: fat\n        words: [分解脂肪, 燃烧脂肪]\n    unless:\n${unless}\n    examples: { bad: [x], good: [y] }\n`;
  return compileSource(src, zh);
}

const found = (c: CompiledRules, text: string) => prohibitedTexts(c, text, zh);

describe('notWith', () => {
  const withGoods = () => compile('      - before: [跑步, 运动]\n        scope: clause\n        notWith: [这款, 它, 喝了, 配合, 也能]');
  const without = () => compile('      - before: [跑步, 运动]\n        scope: clause');

  it('leaves the group excusing advice with no goods word in reach', () => {
    expect(found(withGoods(), '跑步可以分解脂肪')).toEqual([]);
    expect(found(withGoods(), '这款茶很好喝。跑步可以分解脂肪')).toEqual([]);
  });

  it('keeps the claim where a goods word stands in reach, before the cue, between, or after the match', () => {
    for (const text of ['这款茶配合跑步可以分解脂肪', '跑步前喝了它能燃烧脂肪', '不用运动也能燃烧脂肪', '跑步可以分解脂肪它最厉害']) {
      expect(found(without(), text), text).toEqual([]);
      expect(found(withGoods(), text), text).not.toEqual([]);
    }
  });
});

describe('notWith with wholeWords', () => {
  let ja: Analyzer;
  beforeAll(async () => {
    ja = await createAnalyzerFor('ja');
  });
  const compileJa = (group: string) =>
    compileSource(
      `id: t\nlanguage: ja\nrules:\n  - id: t/best\n    kind: prohibit\n    category: superlative\n    severity: error\n    message: { en: m, ja: m }\n    reference: test\n    match:\n      - id: best\n        words: [最高]\n    unless:\n${group}\n    examples: { bad: [x], good: [y] }\n`,
      ja,
    );

  // A writer's report (round 53): a notWith word was found inside a longer word though the group said wholeWords: true,
  // which its cues already obeyed (a notWith 飲み inside 飲み物 took the excuse away).
  it('counts a notWith word only on word boundaries when the group says wholeWords', () => {
    const c = compileJa('      - after: [個人の感想]\n        notWith: [飲み]\n        wholeWords: true');
    expect(prohibitedTexts(c, '飲み物で最高、個人の感想です', ja)).toEqual([]);
    expect(prohibitedTexts(c, '飲みやすくて最高、個人の感想です', ja)).not.toEqual([]);
  });
});
