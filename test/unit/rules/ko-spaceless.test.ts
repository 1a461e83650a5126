/**
 * Korean written without spaces (captions, hashtags, on-screen text): a rule's words written with
 * spaces (라이브 끝나면, 다는 광고) are found in a run written without them (라이브끝나면, 다는광고), words
 * and cues alike; and in a word written without its space in a line otherwise spaced (라이브끝나면 이 텀블러).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../../src/rules/compile.js';
import { formatProblem, type Ruleset } from '../../../src/rules/model.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { throughCache } from '../../helpers/rule-source.js';

let analyzer: Analyzer;
let compiled: CompiledRules;
let ruleset: Ruleset;

const YAML = `id: t
language: ko
rules:
  - id: t/urgency
    kind: prohibit
    category: misleading-price
    severity: error
    message: { en: m, ko: m }
    reference: r
    match:
      - id: gone
        seq: [[라이브 끝나면], {gap: 3}, [빠집니다, 없어요]]
    examples: { bad: [라이브 끝나면 사은품 빠집니다], good: [보습] }
  - id: t/never-ill
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, ko: m }
    reference: r
    match:
      - id: never
        seq: [감기, [걸릴 일 없]]
    unless:
      - after: [다는 광고, 믿지 마]
        window: 10
    examples: { bad: [감기 걸릴 일 없어요], good: [보습] }
  - id: t/multiple
    kind: prohibit
    category: efficacy
    severity: error
    message: { en: m, ko: m }
    reference: r
    match:
      - id: times
        seq: [[다른 제품보다, 일반 녹차보다], {gap: 2}, {number: [배]}]
    unless:
      - after: [건 아니]
        window: 12
    examples: { bad: [다른 제품보다 세 배], good: [보습] }
`;

beforeAll(async () => {
  analyzer = await createAnalyzerFor('ko');
  const parsed = parseRulesetSource(YAML, 't.yaml');
  if (!parsed.ruleset) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  ruleset = { id: parsed.ruleset.id, language: 'ko', sources: [], context: {}, rules: parsed.ruleset.rules };
  compiled = compileRules([ruleset], analyzer);
});

const found = (text: string, c: CompiledRules = compiled) => checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, analyzer).map((f) => `${f.ruleId}:${f.text}`);

describe('Korean written without spaces', () => {
  it('finds a rule\'s words written with spaces in a line written without them', () => {
    expect(found('라이브 끝나면 이 텀블러 바로 빠집니다')).toEqual(['t/urgency:라이브 끝나면 이 텀블러 바로 빠집니다']);
    expect(found('라이브끝나면이텀블러바로빠집니다')).toEqual(['t/urgency:라이브끝나면이텀블러바로빠집니다']);
    expect(found('오늘도감기걸릴일없어요이거드시면')).toEqual(['t/never-ill:감기걸릴일없']);
  });
  it('reads a cue written with spaces there too: a claim named to be disbelieved is no claim', () => {
    expect(found('감기 걸릴 일 없다는 광고는 믿지 마세요')).toEqual([]);
    expect(found('감기걸릴일없다는광고는믿지마세요')).toEqual([]);
  });
  it('reads a native numeral glued to its counter as a number (세배, 열배 as 세 배, 열 배)', () => {
    expect(found('다른 제품보다 순도가 세 배 높아요')).toEqual(['t/multiple:다른 제품보다 순도가 세 배']);
    expect(found('다른제품보다순도가세배높아요')).toEqual(['t/multiple:다른제품보다순도가세배']);
    expect(found('항산화력이일반녹차보다열배예요')).toEqual(['t/multiple:일반녹차보다열배']);
  });
  it('counts the spaces left out in a cue\'s window: a denial as far off as written with spaces is as far off', () => {
    expect(found('다른 제품보다 순도가 세 배 높아요 이 가격 그대로인 건 아니고요')).toEqual(['t/multiple:다른 제품보다 순도가 세 배']);
    expect(found('다른제품보다순도가세배높아요이가격그대로인건아니고요')).toEqual(['t/multiple:다른제품보다순도가세배']);
    expect(found('다른제품보다순도가세배인건아니고요')).toEqual([]);
  });
  it('in a hashtag too', () => {
    expect(found('#라이브끝나면빠집니다')).toEqual(['t/urgency:라이브끝나면빠집니다']);
  });
  it('in one word written without its space in a line written with spaces (one space left out, as writers often do)', () => {
    expect(found('라이브끝나면 이 텀블러 바로 빠집니다')).toEqual(['t/urgency:라이브끝나면 이 텀블러 바로 빠집니다']);
    expect(found('감기걸릴 일 없어요')).toEqual(['t/never-ill:감기걸릴 일 없']);
    // Only inside a word: the spaced words are read as written (the rule word is not the words around a space).
    expect(found('라이브 끝 나면 이 텀블러 바로 빠집니다')).toEqual([]);
  });
  it('keeps the words without spaces in the compiled form cached on disk', () => {
    const back = throughCache(compiled, [ruleset]);
    expect(found('라이브끝나면이텀블러바로빠집니다', back)).toEqual(['t/urgency:라이브끝나면이텀블러바로빠집니다']);
  });
});
