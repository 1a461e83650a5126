/**
 * Each distinct text is analysed and scanned once per transcript (a stream repeats its lines), and
 * what the memo hands back is exactly what analysing and scanning that text afresh gives.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import type { CompiledRules } from '../../../src/rules/compile.js';
import { DEFAULT_RULESET } from '../../../src/rules/load.js';
import { scanSegment } from '../../../src/rules/match.js';
import { wordCrossesJoin } from '../../../src/rules/scan-memo.js';
import { clearedByContext, markedForChecker, scanMemo } from '../../../src/rules/scan-memo.js';
import type { Transcript } from '../../../src/transcript/model.js';
import { corpusTexts } from '../../corpus/evaluate.js';
import { builtinCompiled } from '../../helpers/builtin.js';

let ko: Analyzer;
let rules: CompiledRules;
let lines: string[];

beforeAll(async () => {
  // The worker's compiled kr (shared with the other files that check Korean), not a compile of its own.
  ({ analyzer: ko, compiled: rules } = await builtinCompiled(DEFAULT_RULESET.ko));
  lines = await corpusTexts('ko');
});

/** The analyser, counting the texts it is asked to analyse. */
function counting(a: Analyzer): { analyzer: Analyzer; calls: string[] } {
  const calls: string[] = [];
  return { calls, analyzer: { ...a, analyze: (text) => (calls.push(text), a.analyze(text)) } };
}

describe('scan memo', () => {
  it('analyses a line said many times at most twice per transcript (seen once, then kept)', () => {
    const { analyzer, calls } = counting(ko);
    const said = ['오늘 방송에서만 최저가로 드려요', '지금 바로 구매하세요', '국내 최고의 제품입니다'];
    const tr: Transcript = { segments: Array.from({ length: 60 }, (_, i) => ({ start: i * 10, end: i * 10 + 5, text: said[i % 3] as string })) };
    const findings = checkTranscript(rules, tr, analyzer);
    for (const text of new Set(calls)) expect(calls.filter((c) => c === text).length).toBeLessThanOrEqual(2);
    expect(calls.filter((c) => said.includes(c))).toHaveLength(6);
    // Every repetition still reports its own finding at its own second.
    const best = findings.filter((f) => f.text.includes('최고'));
    expect(best).toHaveLength(20);
    expect(new Set(best.map((f) => Math.floor((f.start ?? -1) / 10))).size).toBe(20);
  });

  it('gives, for every corpus line in any order with repeats and evictions, what a fresh scan gives', () => {
    // Each line analysed and scanned afresh once, when first picked (the runs pick at most 2,400 of
    // the corpus's lines; every line was scanned up front, and the others were never compared): the
    // analyser is a pure function of the text.
    const scanned = new Map<string, { norm: ReturnType<Analyzer['analyze']>['norm'] } & ReturnType<typeof scanSegment>>();
    const fresh = {
      get: (l: string) => {
        let v = scanned.get(l);
        if (!v) {
          const a = ko.analyze(l);
          scanned.set(l, (v = { norm: a.norm, ...scanSegment(rules, a) }));
        }
        return v;
      },
    };
    fc.assert(
      fc.property(fc.array(fc.nat(lines.length - 1), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (picks, limit) => {
        const memo = scanMemo(rules, ko, limit);
        for (const i of picks) {
          const text = lines[i] as string;
          const got = memo.scan(text);
          const want = fresh.get(text);
          expect(got.norm).toEqual(want.norm);
          // Kept hits that talk around them decides (a nearby onlyWith or unless group) are marked for the checker.
          const kept = want.hits.filter((h) => !clearedByContext(rules, want.lattice, h));
          expect(got.hits).toEqual(kept.map((h) => markedForChecker(rules, want.lattice, h)));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('wordCrossesJoin', () => {
  it('answers from the characters around the join what a scan of both whole pieces answers', () => {
    const full = (l: string, r: string) => rules.lexicon.surface.searchCodes(l + r).some((h) => h.start < l.length && h.end > l.length);
    // Every corpus line cut at every place, and each cut's left part put before a later line.
    let crossing = 0;
    lines.forEach((line, n) => {
      const next = lines[(n + 1) % lines.length] as string;
      for (let i = 0; i <= line.length; i++) {
        for (const [l, r] of [[line.slice(0, i), line.slice(i)], [line.slice(0, i), next]] as const) {
          const want = full(l, r);
          if (want) crossing++;
          if (wordCrossesJoin(rules, l, r) !== want) expect({ l, r, crosses: !want }).toEqual({ l, r, crosses: want });
        }
      }
    });
    expect(crossing).toBeGreaterThan(1000);
  });
});
