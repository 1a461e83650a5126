/**
 * Numbers as hosts say them, through the real parser, tokenizers and matcher: Chinese approximate pairs (五六斤,
 * 二三十斤, 一两个月) read by both ends, units a number carries (五六万, 3万多 for 万), Korean numerals
 * ko-dic tags but the text alone does not show (오 분, 삼주, 한달, 오키로), Japanese counts in words (ひと月, 数キロ).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileRules, type CompiledRules } from '../../../src/rules/compile.js';
import { asWritten, loadRuleset } from '../../../src/rules/load.js';
import { vocabUses } from '../../../src/rules/vocab-uses.js';
import { explainExample } from '../../../src/rules/explain.js';
import { formatProblem } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import type { Language } from '../../../src/transcript/model.js';
import { compileSource, seqRulesSource } from '../../helpers/rule-source.js';

const analyzers = new Map<Language, Analyzer>();
beforeAll(async () => {
  for (const l of ['ja', 'zh', 'ko'] as const) analyzers.set(l, await createAnalyzerFor(l));
});

/** One rule per sequence, so every matcher that fits reports. */
function compile(language: Language, seqs: string[]): CompiledRules {
  return compileSource(seqRulesSource(language, seqs), analyzers.get(language) as Analyzer);
}

/** The words found (with matcher ids) in one line. */
function found(c: CompiledRules, language: Language, text: string): string[] {
  return checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, analyzers.get(language) as Analyzer)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => `${f.text}@${f.matcher}`);
}

describe('Chinese numbers said as a pair of digits', () => {
  it('五六斤, 七八斤, 三五斤 are five to six, seven to eight, three to five: not 56, 78, 35', () => {
    const c = compile('zh', ['[{number: [斤], min: 10}]', '[{number: [斤], max: 9}]']);
    for (const line of ['一个月瘦了五六斤', '一个月瘦了七八斤', '两周瘦了三五斤']) expect(found(c, 'zh', line), line).toEqual([expect.stringMatching(/@m1$/)]);
    // 二三十 is twenty to thirty (it read 230), 一两个月 one or two months (it read 12).
    expect(found(c, 'zh', '瘦了二三十斤')).toEqual(['二三十斤@m0']);
    const months = compile('zh', ['[{number: [个月], max: 2}, {gap: 1}, 瘦]']);
    expect(found(months, 'zh', '一两个月就瘦了')).toEqual(['一两个月就瘦@m0']);
    expect(found(months, 'zh', '三四个月就瘦了')).toEqual([]);
  });

  it('百分之八九十 is 80 to 90 per cent (it read 890 %)', () => {
    const c = compile('zh', ['[{number: ["%"], max: 85}]', '[{number: ["%"], min: 95}]']);
    expect(found(c, 'zh', '有效率百分之八九十')).toEqual(['百分之八九十@m0']);
  });
});

describe('Chinese N-odd numbers jieba keeps one word (三十多种, 十多斤)', () => {
  it('{number: [种]} reads 三十多种 and 一百多种 as 30–39 and 100–199; {number: [斤]} reads 十多斤', () => {
    const c = compile('zh', ['[{number: [种], min: 35}]', '[{number: [种], max: 32}]', '[{number: [斤], min: 15}]']);
    expect(found(c, 'zh', '里面有三十多种成分')).toEqual(['三十多种@m0', '三十多种@m1']);
    expect(found(c, 'zh', '一百多种')).toEqual(['一百多种@m0']);
    expect(found(c, 'zh', '一个月瘦了十多斤')).toEqual(['十多斤@m2']);
    expect(found(c, 'zh', '有多少种')).toEqual([]);
  });

  it('a unit written with the 多 ([多, 多块]) still follows 三百多 and 一百多块, now that the 多 is in the number', () => {
    const c = compile('zh', ['[外面, 卖, {number: [多, 多块], min: 100}]']);
    expect(found(c, 'zh', '外面卖三百多')).toEqual(['外面卖三百多@m0']);
    expect(found(c, 'zh', '外面卖一百多块')).toEqual(['外面卖一百多块@m0']);
  });
});

describe('a unit the number carries', () => {
  it('{number: [万]} reads 3万, 五万, 五六万 and 3万多, by the value before the 万', () => {
    const c = compile('zh', ['[月入, {number: [万, 千]}]', '[月入, {number: [万], min: 4}]']);
    expect(found(c, 'zh', '月入3万')).toEqual(['月入3万@m0']);
    expect(found(c, 'zh', '月入五六万')).toEqual(['月入五六万@m0', '月入五六万@m1']);
    expect(found(c, 'zh', '月入3万多')).toEqual(['月入3万多@m0']);
    // 万 inside 十二万八 is not its last unit: the amount has no 万 unit of its own.
    expect(found(c, 'zh', '月入十二万八')).toEqual([]);
  });

  it('{number: [千]} reads the N-odd 两千多 and 三千多 (r61zhb: only 万 was read so, 3万多 being no N-odd number), 九百多 for [百]', () => {
    const c = compile('zh', ['[专柜, {number: [千, 百]}]', '[专柜, {number: [千], min: 3}]']);
    expect(found(c, 'zh', '专柜两千多')).toEqual(['专柜两千多@m0']);
    expect(found(c, 'zh', '专柜三千多')).toEqual(['专柜三千多@m0', '专柜三千多@m1']);
    expect(found(c, 'zh', '专柜九百多')).toEqual(['专柜九百多@m0']);
    // Not a 千 the number does not end on.
    expect(found(c, 'zh', '专柜两千三百多')).toEqual(['专柜两千三百多@m0']);
  });
});

describe('Korean numerals read by their part of speech', () => {
  it('a Sino-Korean digit alone before a counter (오 분, 삼 일, 삼주) and native ones against it (한달, 세번, 다섯달)', () => {
    const c = compile('ko', ['[{number: [일, 주, 달, 개월]}, 만에]', '[{number: [분]}]', '[{number: [번], min: 2, max: 3}]', '[{number: [킬로, 키로]}]']);
    expect(found(c, 'ko', '삼 일 만에 빠졌어요')).toEqual(['삼 일 만에@m0']);
    expect(found(c, 'ko', '삼주 만에 빠졌어요')).toEqual(['삼주 만에@m0']);
    expect(found(c, 'ko', '한달 만에 빠졌어요')).toEqual(['한달 만에@m0']);
    expect(found(c, 'ko', '다섯달 만에 빠졌어요')).toEqual(['다섯달 만에@m0']);
    expect(found(c, 'ko', '오 분이면 돼요')).toEqual(['오 분@m1']);
    expect(found(c, 'ko', '두세 번 바르면 돼요')).toEqual(['두세 번@m2']);
    expect(found(c, 'ko', '세번 바르면 돼요')).toEqual(['세번@m2']);
    expect(found(c, 'ko', '오키로 빠졌어요')).toEqual(['오키로@m3']);
    // Not numbers: 이 (this), 사 (buy), 일 (work) without a counter; 이 키로 (with this height).
    for (const line of ['이 제품 좋아요', '사 주세요', '일 끝나고 봐요', '이 키로 딱 맞아요']) expect(found(c, 'ko', line), line).toEqual([]);
  });
});

describe('Japanese counts said in words', () => {
  it('ひと月, ふた月 and 数キロ are numbers; 半年 (a word to rules), 前半年 and 数が多い are not', () => {
    const c = compile('ja', ['[{number: [月, 年], max: 2}, で]', '[{number: [キロ]}]']);
    expect(found(c, 'ja', 'ひと月で3キロ落ちた')).toEqual(['ひと月で@m0', '3キロ@m1']);
    expect(found(c, 'ja', 'ふた月で')).toEqual(['ふた月で@m0']);
    expect(found(c, 'ja', '半年で')).toEqual([]);
    expect(found(c, 'ja', '数キロ痩せた')).toEqual(['数キロ@m1']);
    expect(found(c, 'ja', '前半年で')).toEqual([]);
    expect(found(c, 'ja', '数が多いキロ')).toEqual([]);
  });
});

describe('Japanese ranges said with a comma', () => {
  it('2、3キロ, 2,3キロ and 二、三キロ meet a rule asking for at most 2 kilos (only the 3 was read); 1、2、3 and 3,000 do not', () => {
    const c = compile('ja', ['[{number: [キロ], max: 2}, 痩せ]']);
    for (const line of ['2、3キロ痩せた', '2,3キロ痩せた', '二、三キロ痩せた']) expect(found(c, 'ja', line), line).toEqual([`${line.slice(0, -1)}@m0`]);
    expect(found(c, 'ja', '1、2、3キロ痩せた')).toEqual([]);
    expect(found(c, 'ja', '3,000キロ痩せた')).toEqual([]);
  });
});

// Session 40 (asked by round 51's Korean writer, who wrote 구십 and {number: [세]} as two matchers): a list of
// alternatives may hold a number, a part of speech or a words object among its words. Failed before: refused at load.
describe('a list of alternatives mixing a number, a part of speech and words', () => {
  const source = (seq: string) =>
    `id: t\nlanguage: ko\nvocab:\n  weight: [체중, 몸무게]\nrules:\n  - id: t/r\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { en: m, ko: m }\n    reference: test\n    match:\n      - id: m\n        seq: ${seq}\n    examples: { bad: [x], good: [y] }\n`;

  it('any one of them is the step: a number with its bounds, or one of the words (a list named among them too)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-mixed-'));
    writeFileSync(path.join(dir, 'r.yaml'), source('[[{number: [kg, 킬로], min: 5}, 살, "{weight}"], 빠졌어요]'));
    const rs = await loadRuleset(path.join(dir, 'r.yaml'));
    expect(vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten))).toEqual([{ name: 'weight', words: 2, rules: ['t/r'] }]);
    const c = compileRules([rs], analyzers.get('ko') as Analyzer);
    expect(found(c, 'ko', '한 달에 7kg 빠졌어요')).toEqual(['7kg 빠졌어요@m']);
    expect(found(c, 'ko', '살 빠졌어요')).toEqual(['살 빠졌어요@m']);
    expect(found(c, 'ko', '몸무게 빠졌어요')).toEqual(['몸무게 빠졌어요@m']);
    expect(found(c, 'ko', '2kg 빠졌어요')).toEqual([]);
    expect(found(c, 'ko', '머리 빠졌어요')).toEqual([]);
    const withPos = compileSource(source('[[{pos: MAG}, 살], 빠졌어요]'), analyzers.get('ko') as Analyzer);
    expect(found(withPos, 'ko', '많이 빠졌어요')).toEqual(['많이 빠졌어요@m']);
    expect(found(withPos, 'ko', '머리 빠졌어요')).toEqual([]);
  });

  it('two such lists read every pair; a words object among the words works as a word does', () => {
    const zh = analyzers.get('zh') as Analyzer;
    const c = compileSource(source('[[活到, {words: [能活到]}], [一百岁, {number: [岁], min: 90}]]').replace('language: ko', 'language: zh').replace('ko: m', 'zh: m'), zh);
    expect(checkTranscript(c, { segments: [{ start: 0, end: 5, text: '吃了能活到95岁' }] }, zh).filter((f) => f.kind === 'prohibited').map((f) => f.text)).toEqual(['能活到95岁']);
    expect(checkTranscript(c, { segments: [{ start: 0, end: 5, text: '老人活到一百岁' }] }, zh).filter((f) => f.kind === 'prohibited').map((f) => f.text)).toEqual(['活到一百岁']);
    expect(checkTranscript(c, { segments: [{ start: 0, end: 5, text: '奶奶活到80岁' }] }, zh).filter((f) => f.kind === 'prohibited')).toEqual([]);
  });

  it('a words object among them may carry its own not / notAfter, read on that path only; --explain names it', () => {
    const ja = analyzers.get('ja') as Analyzer;
    const c = compileSource(source('[肌, が, [きれい, {words: [治る], not: [ない]}]]').replace('language: ko', 'language: ja').replace('ko: m', 'ja: m'), ja);
    const said = (text: string) => checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, ja).filter((f) => f.kind === 'prohibited').map((f) => f.text);
    expect(said('肌が治る')).toEqual(['肌が治る']);
    expect(said('肌が治らない')).toEqual([]);
    expect(said('肌がきれいじゃない')).toEqual(['肌がきれい']);
    expect(explainExample(c, ja, 't/r', '肌が治らない', 'bad')).toMatch(/not \[ない\]: it refused the words that follow/);
    const problems = parseRulesetSource(source('[[{number: [kg], not: [만]}, 살], 빠졌어요]'), 'mixed.yaml').problems.map(formatProblem).join('\n');
    expect(problems).toMatch(/"not" among alternatives belongs to a words object/);
  });

  it('is refused, at the element, with what to write instead: a gap or other step that takes no word, an optional alternative, too many ways to read', () => {
    const problems = (seq: string) => parseRulesetSource(source(seq), 'mixed.yaml').problems.map(formatProblem).join('\n');
    expect(problems('[[{number: [kg]}, 살, {gap: 2}], 빠졌어요]')).toMatch(/mixed\.yaml:14:\d+: .*not \{gap\}: it takes no word of its own, so write it as an element of the sequence/);
    expect(problems('[[{number: [kg], optional: true}, 살], 빠졌어요]')).toMatch(/mixed\.yaml:14:\d+: .*an alternative cannot be optional/);
    const wide = '[{number: [kg]}, 살, {pos: NNG}]';
    expect(problems(`[${wide}, ${wide}, ${wide}, 빠졌어요]`)).toMatch(/read 27 ways \(more than 16\): split the matcher in two/);
    expect(problems('[[{number: [kg]}, 살], 빠졌어요]')).toBe('');
  });
});

describe('a number jieba joins to its classifier (already read: pinned)', () => {
  it('二十个, 一百位, 三十天 meet their unit; 三天两头 (often) is no count of days', () => {
    const c = compile('zh', ['[{number: [个]}, 家庭]', '[已有, {number: [位, 多位]}]', '[{number: [天]}, {gap: 1}, 瘦]']);
    expect(found(c, 'zh', '帮助了二十个家庭')).toEqual(['二十个家庭@m0']);
    expect(found(c, 'zh', '已有一百多位顾客')).toEqual(['已有一百多位@m1']);
    expect(found(c, 'zh', '坚持三十天就瘦了')).toEqual(['三十天就瘦@m2']);
    expect(found(c, 'zh', '三天两头瘦')).toEqual([]);
  });
});

// Round 39 (engine kom): 만 before 원 is 10,000 where no word ends on it, and the particle "only" where one does.
describe('Korean 만: ten thousand, or "only"', () => {
  it('만 원, 만원, 단돈 만 원에, 단돈만원 are 10,000 won; 몇만 원 is 20,000 to 90,000', () => {
    const c = compile('ko', ['[{number: [원], min: 10000, max: 10000}]', '[{number: [원], min: 50000}]']);
    for (const line of ['단돈 만 원에 드려요', '만원이에요', '단돈만원에 드려요', '택배비 만 원 추가돼요']) expect(found(c, 'ko', line), line).toEqual([expect.stringMatching(/@m0$/)]);
    expect(found(c, 'ko', '몇만 원이면 돼요')).toEqual(['몇만 원@m1']);
    expect(found(c, 'ko', '삼만 원이에요')).toEqual([]);
  });
  it('하나만, 오늘만, 이것만 before 원 are "only": no number', () => {
    const c = compile('ko', ['[{number: [원]}]']);
    for (const line of ['오늘만 원 플러스 원이에요', '하나만 원하시면 말씀하세요', '이것만 원래 가격이에요']) expect(found(c, 'ko', line), line).toEqual([]);
  });
});

// Round 40 (engine eng): 몇 before a weight is "some" (2 to 9), as 几; before other counters it mostly asks.
describe('Korean 몇 before a weight', () => {
  it('몇 kg씩, 몇킬로, 몇 근 are 2 to 9; 몇 번, 몇 개 are no number', () => {
    const c = compile('ko', ['[{number: [kg, 킬로, 근], min: 2, max: 9}, {gap: 2}, [빠져요, 빼준다]]', '[{number: [번, 개]}]']);
    for (const line of ['한 달에 몇 kg씩 빠져요', '살을 확 몇 kg씩 빼준다', '몇킬로 빠져요']) expect(found(c, 'ko', line), line).toEqual([expect.stringMatching(/@m0$/)]);
    for (const line of ['몇 번 드셔야 돼요', '몇 개 남았어요']) expect(found(c, 'ko', line), line).toEqual([]);
  });
});
