import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../../src/rules/compile.js';
import { runExamples } from '../../../src/rules/examples.js';
import { loadRuleset } from '../../../src/rules/load.js';
import type { Segment, Transcript } from '../../../src/transcript/model.js';

let zh: Analyzer;
let basic: CompiledRules;
let timing: CompiledRules;

beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
  basic = compileRules([await loadRuleset('test/fixtures/rulesets/zh-basic.yaml')], zh);
  timing = compileRules([await loadRuleset('test/fixtures/rulesets/timing.yaml')], zh);
});

const seg = (start: number, end: number, text: string, extra: Partial<Segment> = {}): Segment => ({ start, end, text, ...extra });
const t = (...segments: Segment[]): Transcript => ({ segments });
const prohibited = (c: CompiledRules, tr: Transcript) => checkTranscript(c, tr, zh).filter((f) => f.kind === 'prohibited');
const missing = (c: CompiledRules, tr: Transcript, ruleId: string) => checkTranscript(c, tr, zh).filter((f) => f.kind === 'missing' && f.ruleId === ruleId);

describe('prohibited expressions', () => {
  it('finds 国家级 and 全网最低价 with the right categories at the right seconds', () => {
    const fs = prohibited(basic, t(seg(10, 20, '这是国家级产品'), seg(20, 30, '全网最低价！')));
    expect(fs.map((f) => [f.category, f.text, f.start, f.end])).toEqual([
      ['superlative', '国家级', 12.857, 17.143],
      ['misleading-price', '全网最低价', 20, 28.333],
    ]);
  });

  it.each(['我们最近上新了', '第一次来直播间吗', '首先给大家介绍', '最后一件了', '最好不要错过'])('leaves the trap "%s" clean', (line) => {
    expect(prohibited(basic, t(seg(0, 5, line)))).toEqual([]);
  });

  it('a negated claim is not a claim (不是最…)', () => {
    expect(prohibited(basic, t(seg(0, 5, '这款不是最便宜的')))).toEqual([]);
  });

  it('a host reading out the regulation is not making the claim', () => {
    expect(prohibited(basic, t(seg(0, 5, '广告法规定不能说国家级')))).toEqual([]);
    expect(prohibited(basic, t(seg(0, 5, '国家级是违禁词哦')))).toEqual([]);
  });

  it('reports the words as said even when matched in Simplified and half width', () => {
    const [f] = prohibited(basic, t(seg(0, 4, '這是國家級產品')));
    expect(f?.text).toBe('國家級');
    expect(f?.context).toBe('這是國家級產品');
  });

  it('uses word timestamps when the transcript has them', () => {
    const words = [
      { start: 1.0, end: 1.2, text: '这是' },
      { start: 3.5, end: 4.4, text: '国家级' },
      { start: 4.4, end: 5.0, text: '产品' },
    ];
    const [f] = prohibited(basic, t(seg(1, 5, '这是国家级产品', { words })));
    expect([f?.start, f?.end]).toEqual([3.5, 4.4]);
  });

  it('an untimed transcript gives null times and the line', () => {
    const [f] = prohibited(basic, { untimed: true, segments: [{ start: null, end: null, text: '国家级', line: 7 }] });
    expect(f).toMatchObject({ start: null, end: null, line: 7 });
  });

  it('several occurrences in one segment are separate findings', () => {
    expect(prohibited(basic, t(seg(0, 10, '国家级的原料，国家级的工艺'))).length).toBe(2);
  });
});

describe('required disclosures', () => {
  it('a transcript that never says who sells gets a missing seller-disclosure over the whole recording', () => {
    const fs = missing(timing, t(seg(0, 100, '大家好'), seg(100, 200, '这款很好用')), 'timing/once');
    expect(fs).toMatchObject([{ category: 'seller-disclosure', kind: 'missing', start: 0, end: 200, text: '' }]);
  });

  it('said once anywhere satisfies a plain requirement', () => {
    expect(missing(timing, t(seg(0, 100, '大家好'), seg(150, 160, '我们是官方旗舰店')), 'timing/once')).toEqual([]);
  });

  it('within the first N seconds: late is a finding over [0, N]', () => {
    const fs = missing(timing, t(seg(0, 10, '大家好'), seg(90, 95, '本场直播为广告')), 'timing/early-and-periodic');
    expect(fs.map((f) => [f.start, f.end])).toEqual([[0, 60]]);
  });

  it('every N seconds: each gap longer than N is a finding with that gap as its window', () => {
    const fs = missing(
      timing,
      t(seg(10, 15, '广告：本场直播'), seg(200, 205, '广告：本场直播'), seg(700, 705, '继续'), seg(900, 905, '广告：本场直播'), seg(1000, 1010, '再见')),
      'timing/early-and-periodic',
    );
    expect(fs.map((f) => [f.start, f.end])).toEqual([[200, 900]]);
  });

  it('within the last N seconds: said only at the start is a finding over the end window', () => {
    const fs = missing(timing, { segments: [seg(5, 10, '本场直播为广告'), seg(900, 1000, '再见')], durationSec: 1000 }, 'timing/start-and-end');
    expect(fs.map((f) => [f.start, f.end, f.message])).toEqual([[880, 1000, '须在开头和结尾说明广告 (结束前2:00内未提及)']]);
    expect(missing(timing, { segments: [seg(5, 10, '本场直播为广告'), seg(950, 960, '再说一次，本场为广告')], durationSec: 1000 }, 'timing/start-and-end')).toEqual([]);
  });

  it('the end of the recording closes the last gap', () => {
    const fs = missing(timing, { segments: [seg(5, 10, '广告：本场直播')], durationSec: 1000 }, 'timing/early-and-periodic');
    expect(fs.map((f) => [f.start, f.end])).toEqual([[5, 1000]]);
  });

  it('within N seconds after each trigger; triggers inside an open window are one finding', () => {
    const fs = missing(
      timing,
      t(seg(0, 5, '99元一件'), seg(10, 15, '现在89元'), seg(100, 105, '59元另一款'), seg(110, 115, '产地浙江'), seg(300, 305, '29元最后一款')),
      'timing/after-price',
    );
    expect(fs.map((f) => [f.start, f.end])).toEqual([
      [0, 30],
      [300, 305],
    ]);
    expect(fs[0]?.context).toBe('99元一件');
  });

  it('a conditional requirement applies only when its cue is said', () => {
    expect(missing(timing, t(seg(0, 5, '大家好')), 'timing/when-sponsored')).toEqual([]);
    expect(missing(timing, t(seg(0, 5, '感谢品牌赞助')), 'timing/when-sponsored').length).toBe(1);
  });

  it('untimed transcripts: requirements reduce to "at least once", reported at a line', () => {
    const fs = missing(timing, { untimed: true, segments: [{ start: null, end: null, text: '大家好', line: 3 }] }, 'timing/once');
    expect(fs).toMatchObject([{ start: null, end: null, line: 3 }]);
  });

  it('messages can be in English', () => {
    const [f] = checkTranscript(timing, t(seg(0, 5, '大家好')), zh, { messageLanguage: 'en' }).filter((x) => x.ruleId === 'timing/once');
    expect(f?.message).toBe('Say who sells (never said in this recording)');
  });
});

describe('rule examples (RuleTester-style)', () => {
  it('every example of the test rulesets passes', () => {
    for (const c of [basic, timing]) {
      const failed = runExamples(c, zh).filter((r) => !r.passed);
      expect(failed).toEqual([]);
    }
  });

  it('a wrong example is reported with its reason', async () => {
    const rs = await loadRuleset('test/fixtures/rulesets/zh-basic.yaml');
    const broken = { ...rs, rules: rs.rules.map((r) => (r.id === 'test-zh/absolute' ? { ...r, examples: { bad: ['很好'], good: ['国家级'] } } : r)) };
    const results = runExamples(compileRules([broken], zh), zh, new Set(['test-zh/absolute']));
    expect(results.filter((r) => !r.passed).map((r) => r.reason)).toEqual([
      'expected this rule to report it, but it did not',
      'expected no report, but it reported "国家级" (terms)',
    ]);
  });
});
