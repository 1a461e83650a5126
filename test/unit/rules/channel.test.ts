import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript, onChannel } from '../../../src/rules/check.js';
import { compileRules, type CompiledRules } from '../../../src/rules/compile.js';
import { loadRuleset } from '../../../src/rules/load.js';
import type { Segment, SegmentSource } from '../../../src/transcript/model.js';

let zh: Analyzer;
let rules: CompiledRules;

beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
  rules = compileRules([await loadRuleset('test/fixtures/rulesets/channel.yaml')], zh);
});

const seller = (source?: SegmentSource): Segment => ({ start: 1, end: 4, text: '本直播间商品由某某旗舰店销售', ...(source ? { source } : {}) });
const missing = (screenRead: boolean | undefined, ...segments: Segment[]) =>
  checkTranscript(rules, { segments, durationSec: 10 }, zh, screenRead === undefined ? {} : { screenRead }).filter((f) => f.kind === 'missing');
/** The rules missing, the picture having been read. */
const missingIds = (...segments: Segment[]) => missing(true, ...segments).map((f) => f.ruleId).sort();

describe('where a disclosure counts (rule channel: spoken | shown | either)', () => {
  it('said only: the shown rule is missing', () => {
    expect(missingIds(seller())).toEqual(['test-channel/seller-shown']);
  });
  it('a subtitle track is the words said', () => {
    expect(missingIds(seller('subtitle'))).toEqual(['test-channel/seller-shown']);
  });
  it('shown on screen only: the spoken rule is missing, the others are satisfied', () => {
    expect(missingIds(seller('screen'))).toEqual(['test-channel/seller-spoken']);
  });
  it('said and shown: every rule is satisfied', () => {
    expect(missingIds(seller('speech'), seller('screen'))).toEqual([]);
  });
  it('onChannel', () => {
    expect(onChannel(undefined)).toBe(true);
    expect(onChannel('screen', 'spoken')).toBe(false);
    expect(onChannel('speech', 'shown')).toBe(false);
    expect(onChannel('subtitle', 'spoken')).toBe(true);
  });
});

describe('a disclosure to be shown, when the picture was not read (a transcript, --screen off)', () => {
  it('what was said counts for it: "never shown" cannot be told without the picture', () => {
    expect(missing(false, seller()).map((f) => f.ruleId)).toEqual([]);
  });
  it('by default the picture counts as read only when some words came from the screen', () => {
    expect(missing(undefined, seller()).map((f) => f.ruleId)).toEqual([]);
    expect(missing(undefined, seller(), { start: 6, end: 7, text: '限时特价', source: 'screen' }).map((f) => f.ruleId)).toEqual(['test-channel/seller-shown']);
  });
  it('nothing said: still missing, and its message says "not said" (the picture was not read)', () => {
    const fs = missing(false, { start: 1, end: 2, text: '今天给大家带来这款面膜' });
    expect(fs.map((f) => f.ruleId).sort()).toEqual(['test-channel/seller-either', 'test-channel/seller-shown', 'test-channel/seller-spoken']);
    expect(fs.find((f) => f.ruleId === 'test-channel/seller-shown')?.message).toMatch(/未提及/);
  });
  it('the picture read and the disclosure never on it: the message says "not shown", not "not said"', () => {
    const shown = missing(true, seller()).find((f) => f.ruleId === 'test-channel/seller-shown');
    expect(shown?.message).toMatch(/画面中未显示/);
    expect(shown?.message).not.toMatch(/未提及/);
  });
});

describe('a prohibited expression keeps the source of its words', () => {
  it('on screen → source "screen"; said → no source (speech)', () => {
    const fs = checkTranscript(rules, { segments: [{ start: 2, end: 4, text: '全网最低价', source: 'screen' }, { start: 6, end: 8, text: '全网最低价' }] }, zh).filter((f) => f.kind === 'prohibited');
    expect(fs.map((f) => [f.start, f.source])).toEqual([[2, 'screen'], [6, undefined]]);
  });
});
