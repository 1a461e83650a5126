/**
 * Korean case and topic particles are transparent between two words of a matcher: [뾰루지, 개선]
 * matches 뾰루지를 개선해 줘요 as it matches 뾰루지 개선, so rule writers need not list 뾰루지를, 뾰루지가,
 * 뾰루지는 … by hand (round 15 found a real claim missed for want of one such form). 만 and 까지
 * narrow a claim and are not skipped; a match never ends on a particle; lookaheads see the particle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { type CompiledRules } from '../../../src/rules/compile.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

let analyzer: Analyzer;
let compiled: CompiledRules;

const YAML = `id: t
language: ko
rules:
  - id: t/blemish
    kind: prohibit
    category: medical-claim
    severity: error
    message: { en: m, ko: m }
    reference: r
    match:
      - id: improved
        seq: [[뾰루지, 여드름], {words: [싹, 확실히], optional: true}, [개선, 완화]]
      - id: wrinkle-word
        seq: [주름, {not: [을]}, 개선]
      - id: then-optional
        seq: [기미, {words: [싹], optional: true}]
    examples: { bad: [뾰루지 개선], good: [보습] }
`;

beforeAll(async () => {
  analyzer = await createAnalyzerFor('ko');
  compiled = compileSource(YAML, analyzer, { noContext: true });
});

const found = (text: string) => checkTranscript(compiled, { segments: [{ start: 0, end: 5, text }] }, analyzer).map((f) => `${f.matcher ?? ''}:${f.text}`);

describe('Korean particles between the words of a matcher', () => {
  it.each([
    ['뾰루지를 개선해 줘요', 'improved:뾰루지를 개선'],
    ['뾰루지가 싹 개선돼요', 'improved:뾰루지가 싹 개선'],
    ['여드름은 확실히 완화돼요', 'improved:여드름은 확실히 완화'],
    ['여드름도 완화해 줘요', 'improved:여드름도 완화'],
    ['뾰루지 개선', 'improved:뾰루지 개선'],
  ])('%s is matched', (text, want) => {
    expect(found(text)).toContain(want);
  });

  it.each(['뾰루지만 개선돼요', '여드름까지 완화돼요', '뾰루지에 개선'])('%s: 만, 까지 and 에 are not skipped', (text) => {
    expect(found(text).filter((f) => f.startsWith('improved:'))).toEqual([]);
  });

  it('a lookahead right after a word still sees the particle', () => {
    expect(found('주름을 개선해 줘요').filter((f) => f.startsWith('wrinkle-word:'))).toEqual([]);
  });

  it('a match never ends on the particle', () => {
    expect(found('기미가 고민이에요')).toEqual(['then-optional:기미']);
  });
});

describe('a particle before an optional step with a not ahead', () => {
  // The particle after a word was skipped to reach the next word step, so where that step was optional and left out
  // the `not` after it read past the particle it refuses: r61kob's caption rule [의사, 처방, {optional}, {not: [이]},
  // {end: true}] reported 의사 처방이, 필요한 분들은 (a breath comma after 이 made the end of a caption).
  it('the not reads the particle, as it does with no optional step between', async () => {
    const ko = await createAnalyzerFor('ko');
    const c = compileSource(seqRulesSource('ko', ['[의사, 처방, {words: [또는, 및], optional: true}, {not: [이, 가]}, {end: true}]']), ko);
    expect(prohibitedTexts(c, '의사 처방이, 필요한 분들은 병원에 가 보세요', ko)).toEqual([]);
    expect(prohibitedTexts(c, '#의사 처방 #약사 추천', ko)).toEqual(['의사 처방']);
    // A present optional step after the particle still matches where no not follows.
    const d = compileSource(seqRulesSource('ko', ['[의사, {words: [처방], optional: true}, 추천]']), ko);
    expect(prohibitedTexts(d, '의사가 추천한 제품', ko)).toEqual(['의사가 추천']);
  });
});
