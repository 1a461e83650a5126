/**
 * Chinese words jieba keeps inside a compound of its dictionary (看电视, 说好, 喝完, 降压药): a rule word that is the
 * verb at its start or the head noun at its end is found there, standing for the whole compound; other parts of
 * words (一 in 一般, 白 in 明白, 药 in 药材) are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import { isCrossedCut, isSubWord } from '../../../src/rules/sub-words.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, seqRulesSource } from '../../helpers/rule-source.js';

let zh: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
});

/** Whether `word` is a sub-word of the one token `compound` is (jieba keeps it whole: checked). */
function subWord(compound: string, word: string, atEnd = false): boolean {
  const a = zh.analyze(compound);
  expect(a.tokens.map((t) => t.surface), compound).toEqual([compound]);
  const start = atEnd ? compound.length - word.length : 0;
  return isSubWord(a.norm.text, a.tokens[0]!, start, start + word.length, a.wordTag!);
}

describe('a word inside a compound jieba keeps whole', () => {
  it('is the one-character verb before a noun or a result complement (看电视, 洗头发, 说好, 喝完), and the one-character head noun after a longer word (降压药, 糖尿病)', () => {
    expect(subWord('看电视', '看')).toBe(true);
    expect(subWord('洗头发', '洗')).toBe(true);
    expect(subWord('说好', '说')).toBe(true);
    expect(subWord('喝完', '喝')).toBe(true);
    expect(subWord('降压药', '药', true)).toBe(true);
    expect(subWord('糖尿病', '病', true)).toBe(true);
  });

  it('is not a part of another kind of word: 一 in 一般, 白 in 明白, 药 in 药材 or 中药, 药 in 药店, 说 in 说明, 放 in 放心, 没 in 没关系, 子 in 孩子, 论文 in 毕业论文', () => {
    expect(subWord('一般', '一')).toBe(false);
    expect(subWord('明白', '白', true)).toBe(false);
    expect(subWord('药材', '药')).toBe(false);
    expect(subWord('中药', '药', true)).toBe(false);
    expect(subWord('药店', '药')).toBe(false);
    expect(subWord('说明', '说')).toBe(false);
    expect(subWord('放心', '放')).toBe(false);
    expect(subWord('没关系', '没')).toBe(false);
    expect(subWord('孩子', '子', true)).toBe(false);
    expect(subWord('毕业论文', '论文', true)).toBe(false);
  });
});

/** One rule per sequence, so every matcher that fits reports. */
function compile(seqs: string[]): CompiledRules {
  return compileSource(seqRulesSource('zh', seqs), zh);
}

function found(c: CompiledRules, text: string): string[] {
  return checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, zh)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => `${f.text}@${f.matcher}`);
}

describe('rules keyed on the verb or the head noun', () => {
  it('find 看 in 看电视, 说 in 都说好, 喝 in 喝完 and 药 in 降压药, the match running over the whole compound', () => {
    const c = compile(['[看, {gap: 3}, 清楚]', '[都, 说]', '[喝, {gap: 4}, 血糖]', '[药, {gap: 2}, 停了]']);
    expect(found(c, '老人看电视都清楚多了')).toEqual(['看电视都清楚@m0']);
    expect(found(c, '喝过的老人都说好')).toEqual(['都说好@m1']);
    expect(found(c, '喝完这一盒血糖就降了')).toEqual(['喝完这一盒血糖@m2']);
    expect(found(c, '家里老人的降压药都停了')).toEqual(['降压药都停了@m3']);
  });

  it('do not find them in 说明, 一般, 药材 or 明白', () => {
    const c = compile(['[都, 说]', '[一, 人]', '[药, 很好]', '[白, 了]']);
    expect(found(c, '大家都说明了')).toEqual([]);
    expect(found(c, '一般人')).toEqual([]);
    expect(found(c, '这个药材很好')).toEqual([]);
    expect(found(c, '我明白了')).toEqual([]);
  });
});

describe('a cut jieba made the other way round (人|体细胞 for 人体|细胞)', () => {
  it('is found where the word before and the first character make a dictionary word, and the rest is one too', () => {
    const a = zh.analyze('激活人体细胞');
    expect(a.tokens.map((t) => t.surface)).toEqual(['激活', '人', '体细胞']);
    expect(isCrossedCut(a.norm.text, a.tokens[1], a.tokens[2]!, a.wordTag!)).toBe(true);
    const b = zh.analyze('好几天');
    expect(isCrossedCut(b.norm.text, b.tokens[0], b.tokens[1] ?? b.tokens[0]!, b.wordTag!)).toBe(false);
  });

  it('lets a rule word end (细胞) or start (作用于人体) at that cut, standing for the whole token', () => {
    const c = compile(['[激活, 细胞]', '[作用于人体]', '[细胞, 再生]']);
    expect(found(c, '这个仪器能激活人体细胞')).toEqual([]);
    expect(found(c, '激活细胞')).toEqual(['激活细胞@m0']);
    expect(found(c, '远红外可以作用于人体细胞')).toEqual(['作用于人体细胞@m1']);
    expect(found(c, '促进人体细胞再生')).toEqual(['体细胞再生@m2']);
  });
});
