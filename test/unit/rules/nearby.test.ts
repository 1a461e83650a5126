/**
 * A matcher's onlyWith group with `nearby: N`: the claim counts when one of its cues is said in its own segment or in
 * a segment within N seconds of it (untimed: N / 5 lines either side) — captions cut a stream into short cues, and the
 * topic that makes a bare phrase a claim is seldom in the same one (rules/nearby.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import type { CompiledRules } from '../../../src/rules/compile.js';
import { runExamples } from '../../../src/rules/examples.js';
import { formatProblem } from '../../../src/rules/model.js';
import { segmentsNear } from '../../../src/rules/nearby.js';
import { parseRulesetSource } from '../../../src/rules/parse.js';
import type { Segment } from '../../../src/transcript/model.js';
import { compileSource } from '../../helpers/rule-source.js';

const source = (onlyWith: string) => `id: near
language: ja
rules:
  - id: near/recoup
    kind: prohibit
    category: guarantee
    severity: error
    message: { ja: 元が取れると断定しない, en: no sure payback }
    reference: 消費者契約法 第4条第1項第2号
    match:
      - id: recoup
        words: [元が取れる]
        onlyWith: ${onlyWith}
    examples:
      bad: [{ text: 副業ならすぐ元が取れる, match: 元が取れる }]
      good: [この掃除機は長く使えば元が取れる]
`;

const NEARBY = '{anywhere: [副業, 在宅ワーク], nearby: 30}';

let ja: Analyzer;
let compiled: CompiledRules;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
  compiled = compileSource(source(NEARBY), ja);
});

const seg = (start: number | null, text: string): Segment => ({ start, end: start === null ? null : start + 4, text });
/** What a ruleset reports as prohibited in a transcript of these segments. */
const reportedBy =
  (rules: CompiledRules) =>
  (segments: Segment[]): string[] =>
    checkTranscript(rules, { segments }, ja)
      .filter((f) => f.kind === 'prohibited')
      .map((f) => f.text);
const reported = (segments: Segment[]): string[] => reportedBy(compiled)(segments);

describe('onlyWith nearby: the talk around the claim', () => {
  it('counts the claim when the topic is said in a segment within N seconds, before or after it', () => {
    expect(reported([seg(0, '今日は在宅ワークの話です'), seg(12, 'じきに元が取れるんです')])).toEqual(['元が取れる']);
    expect(reported([seg(0, 'じきに元が取れるんです'), seg(20, 'この副業はね')])).toEqual(['元が取れる']);
    // In its own segment, as any onlyWith.
    expect(reported([seg(0, '副業ならすぐ元が取れる')])).toEqual(['元が取れる']);
  });

  it('does not count it when the topic is farther away, or never said', () => {
    expect(reported([seg(0, '今日は在宅ワークの話です'), seg(100, 'じきに元が取れるんです')])).toEqual([]);
    expect(reported([seg(0, '掃除機のご紹介です'), seg(6, '長く使えば元が取れる')])).toEqual([]);
  });

  it('without times, reads N seconds as N / 5 lines either side', () => {
    const filler = (n: number) => Array.from({ length: n }, () => seg(null, 'ご覧ください'));
    // nearby 30: six lines.
    expect(reported([seg(null, '副業の話です'), ...filler(5), seg(null, 'じきに元が取れる')])).toEqual(['元が取れる']);
    expect(reported([seg(null, '副業の話です'), ...filler(9), seg(null, 'じきに元が取れる')])).toEqual([]);
  });

  it("a rule's examples are one text each: the cue must be in the text, and `rules test` passes", () => {
    expect(runExamples(compiled, ja).filter((r) => !r.passed)).toEqual([]);
  });
});

describe('onlyWith nearby with a side: the talk only before (or after) the claim', () => {
  it('counts the claim only when the topic came first, with side: before; its own segment either way', () => {
    const before = compileSource(source('{anywhere: [副業, 在宅ワーク], nearby: 30, side: before}'), ja);
    const only = reportedBy(before);
    expect(only([seg(0, '在宅ワークを始めた方へ'), seg(10, 'そのうち元が取れるんです')])).toEqual(['元が取れる']);
    expect(only([seg(0, 'そのうち元が取れるんです'), seg(10, '在宅ワークを始めた方へ')])).toEqual([]);
    expect(only([seg(0, '副業ならすぐ元が取れる')])).toEqual(['元が取れる']);
    // Both sides without it, as before.
    expect(reported([seg(0, 'そのうち元が取れるんです'), seg(10, '在宅ワークを始めた方へ')])).toEqual(['元が取れる']);
  });

  it('segmentsNear reads one side only when told', () => {
    const segs: Segment[] = [seg(0, 'a'), seg(10, 'b'), seg(20, 'c')];
    expect(segmentsNear(segs, 1, 30, 'before')).toEqual([0]);
    expect(segmentsNear(segs, 1, 30, 'after')).toEqual([2]);
    expect(segmentsNear(segs, 1, 30).sort()).toEqual([0, 2]);
  });
});

describe('onlyWith nearby with except: a cue inside a longer phrase does not count', () => {
  it('reads 副業 as the topic, but not inside 副業禁止', () => {
    const c = compileSource(source('{anywhere: [副業], nearby: 30, except: [副業禁止]}'), ja);
    const said = reportedBy(c);
    expect(said([seg(0, 'うちの会社は副業禁止です'), seg(10, 'でもそのうち元が取れるんです')])).toEqual([]);
    expect(said([seg(0, '副業禁止の会社でもできる副業です'), seg(10, 'そのうち元が取れるんです')])).toEqual(['元が取れる']);
    expect(said([seg(0, '副業禁止なんです そのうち元が取れる')])).toEqual([]);
  });

  // Since session 49 any group takes `except` (cue-except.test.ts); without nearby the cue is read in the claim's sentence.
  it('without nearby, reads the cue in the sentence, not inside an except phrase', () => {
    const c = compileSource(source('{anywhere: [副業], except: [副業禁止]}'), ja);
    const said = reportedBy(c);
    expect(said([seg(0, '副業ならすぐ元が取れる')])).toEqual(['元が取れる']);
    expect(said([seg(0, '副業禁止ですがそのうち元が取れる')])).toEqual([]);
  });
});

describe("a matcher's unless with nearby: talk around the claim that excuses it", () => {
  // 先生のおすすめ is an endorsement unless the 先生 was introduced as a calligraphy or cooking teacher nearby.
  const yaml = `id: near
language: ja
rules:
  - id: near/teacher
    kind: prohibit
    category: endorsement
    severity: warning
    message: { ja: 専門家の推薦を示さない, en: no expert endorsement }
    reference: 医薬品等適正広告基準 第4の10
    match:
      - id: teacher-recommends
        words: [先生のおすすめ]
        unless: {anywhere: [書道, 料理教室], nearby: 20}
    examples:
      bad: [{ text: 先生のおすすめです, match: 先生のおすすめ }]
      good: ["書道教室の先生です\\n先生のおすすめです", 書道の先生のおすすめです]
`;
  it('clears the claim when a cue is said in its segment or one within N seconds, and not farther', () => {
    const c = compileSource(yaml, ja);
    const said = reportedBy(c);
    expect(said([seg(0, '書道教室の先生をお呼びしました'), seg(10, '先生のおすすめです')])).toEqual([]);
    expect(said([seg(0, '先生のおすすめです'), seg(10, 'この後は料理教室のコーナーです')])).toEqual([]);
    expect(said([seg(0, '書道教室の先生をお呼びしました'), seg(60, '先生のおすすめです')])).toEqual(['先生のおすすめ']);
    expect(said([seg(0, '先生のおすすめです')])).toEqual(['先生のおすすめ']);
    expect(runExamples(c, ja).filter((r) => !r.passed)).toEqual([]);
  });

  it("stays an error in a rule's unless, which reads the claim's sentence", () => {
    const problems = parseRulesetSource(yaml.replace('    examples:', '    unless: {anywhere: [書道], nearby: 20}\n    examples:'), 'near.yaml').problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(/"nearby" belongs to a matcher's onlyWith or unless/);
  });
});

describe('rule examples of several lines: one cue each, five seconds apart', () => {
  it('lets a bad example put the topic in the cue before the claim, and fails one whose topic is out of reach', () => {
    const yaml = (bad: string, nearby: number) =>
      source(`{anywhere: [副業, 在宅ワーク], nearby: ${nearby}}`).replace('bad: [{ text: 副業ならすぐ元が取れる, match: 元が取れる }]', `bad: [{ text: "${bad}", match: 元が取れる }]`);
    const passed = (bad: string, nearby: number) => runExamples(compileSource(yaml(bad, nearby), ja), ja).map((r) => `${r.kind} ${r.passed}`);
    expect(passed('在宅ワークのお話です\\nそのうち元が取れるんです', 10)).toEqual(['bad true', 'good true']);
    // Three cues apart (15 s) is beyond 5 s: the claim is not reported.
    expect(passed('在宅ワークのお話です\\n今日は晴れ\\n明日は雨\\nそのうち元が取れるんです', 5)).toEqual(['bad false', 'good true']);
  });
});

describe('segmentsNear', () => {
  it('takes a long caption still on screen, several segments back', () => {
    const segs: Segment[] = [{ start: 0, end: 120, text: '字幕' }, seg(10, 'a'), seg(20, 'b'), seg(90, 'c'), seg(110, 'd')];
    // d (110–114) with 15 s: the caption (to 120) and c (90–94, 16 s before) — no, c ends 16 s before d starts.
    expect(segmentsNear(segs, 4, 15).sort()).toEqual([0]);
    expect(segmentsNear(segs, 4, 20).sort()).toEqual([0, 3]);
  });
});

describe('where nearby may stand', () => {
  const problems = (onlyWith: string, unless = '') => {
    const yaml = source(onlyWith).replace('    examples:', `${unless}    examples:`);
    return parseRulesetSource(yaml, 'near.yaml').problems.map(formatProblem);
  };

  it("only in a matcher's onlyWith, with its cues under anywhere", () => {
    expect(problems(NEARBY)).toEqual([]);
    expect(problems(NEARBY, '    unless: {anywhere: [冗談], nearby: 30}\n').join('\n')).toMatch(/near\.yaml:\d+:\d+: .*"nearby" belongs to a matcher's onlyWith or unless/);
    expect(problems('{anywhere: [副業], nearby: 30, window: 5}').join('\n')).toMatch(/"window" does not apply to a "nearby" group/);
    expect(problems('{around: [副業], nearby: 30}').join('\n')).toMatch(/"around" does not apply.*\n?.*"nearby" needs its cues under "anywhere"/s);
    expect(problems('{anywhere: [副業], side: before}').join('\n')).toMatch(/near\.yaml:\d+:\d+: .*"side" .*needs "nearby" in the same group/);
    expect(problems('{anywhere: [副業], nearby: 30, side: first}').join('\n')).toMatch(/side/);
  });
});
