/**
 * Evasion and transcription variants of the words the built-in rulesets look for (issue 13): each
 * family is a table of lines that must still be found, run through the whole checker with the
 * built-in ruleset of the line's language. Prints detected/total per family.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTranscript } from '../../../src/rules/check.js';
import type { CompiledRules } from '../../../src/rules/compile.js';
import { DEFAULT_RULESET } from '../../../src/rules/load.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import type { Language, Segment } from '../../../src/transcript/model.js';
import { builtinCompiled } from '../../helpers/builtin.js';

const engines = new Map<Language, { c: CompiledRules; an: Analyzer }>();
beforeAll(async () => {
  for (const l of ['ja', 'zh', 'ko'] as const) {
    const { analyzer: an, compiled: c } = await builtinCompiled(DEFAULT_RULESET[l]);
    engines.set(l, { an, c });
  }
});

/** A case: the language, the cues (one string = one cue), and the words the finding must quote. */
type Case = [Language, string[], string];

const FAMILIES: Record<string, { covered: boolean; cases: Case[] }> = {
  'invisible characters inside a word': {
    covered: true,
    cases: [
      ['zh', ['这款精华是国\u200b家\u200b级配方'], '国\u200b家\u200b级'],
      ['ja', ['この美容液は日本\u200d一です'], '日本\u200d一'],
      ['ko', ['이 크림이 최\u200b고예요'], '최\u200b고'],
      ['ja', ['世界\u2060一の品質'], '世界\u2060一'],
      ['zh', ['全网最\u00ad低价'], '全网最\u00ad低价'],
    ],
  },
  'a word split between two cues': {
    covered: true,
    cases: [
      ['zh', ['这款精华是国家', '级配方'], '国家级'],
      ['ja', ['この美容液は日本', '一なんです'], '日本一'],
      ['ko', ['이 크림이 최', '고예요'], '최고'],
      ['zh', ['我们是全网最', '低价'], '全网最低价'],
    ],
  },
  'a line break inside a Korean cue': {
    covered: true,
    cases: [
      ['ko', ['이 크림이 최\n고예요'], '최고'],
      ['ko', ['업계\n최고 수준이에요'], '최고'],
    ],
  },
  'digits and marks for 一 (日本1, 日本１, 日本ー)': {
    covered: true,
    cases: [
      ['ja', ['この美容液は日本1です'], '日本1'],
      ['ja', ['この美容液は日本１です'], '日本１'],
      ['ja', ['売上世界1の美容液'], '世界1'],
      ['ja', ['この美容液は日本ーです'], '日本ー'],
    ],
  },
  'numerals written out (一〇〇%)': {
    covered: true,
    cases: [
      ['zh', ['一〇〇%有效'], '一〇〇%有效'],
      ['zh', ['百分之百有效'], '百分之百有效'],
    ],
  },
  'readings in kana (ニッポンイチ)': {
    covered: true,
    cases: [
      ['ja', ['これはニッポンイチのお茶'], 'ニッポンイチ'],
      ['ja', ['にっぽんいちの味です'], 'にっぽんいち'],
    ],
  },
  'speech-recognition homophones (国家极, 国家集)': {
    covered: true,
    cases: [
      ['zh', ['这款精华是国家极配方'], '国家极'],
      ['zh', ['这是国家集的品质'], '国家集'],
    ],
  },
  // Found by perturbing claims the rules catch (an emoji, a quotation mark, a question before them).
  'emoji, a drawn-out tilde or ㅋㅋ between the words (당뇨에😍 좋은, 약보다~~ 더)': {
    covered: true,
    cases: [
      ['ko', ['이 차는 당뇨에😍 좋은 차예요'], '당뇨에😍 좋은'],
      ['ko', ['병원 약보다~~ 더 잘 들어요'], '약보다~~ 더'],
      ['ko', ['이 차는 당뇨에 ㅋㅋ 좋은 차예요'], '당뇨에 ㅋㅋ 좋은'],
      ['ja', ['冷え性😍、むくみの方'], '冷え性😍、むくみの方'],
      ['ja', ['頭痛🌟、不眠の方'], '頭痛🌟、不眠の方'],
    ],
  },
  'a Korean claim inside quotation marks (“…되돌아가요”)': {
    covered: true,
    cases: [['ko', ['“이 크림만 바르면 스무 살 때 피부로 되돌아가요”'], '스무 살 때 피부로 되돌아가요']],
  },
  'a question or topic closed before the claim (你们知道吗，/ 这个呢，)': {
    covered: true,
    cases: [
      ['zh', ['你们知道吗，这款洗发水用了头发不再脱'], '头发不再脱'],
      ['zh', ['这个呢，戴上二十一天就能摘掉眼镜'], '二十一天就能摘掉眼镜'],
    ],
  },
  'a denial in the next sentence, after a full stop ".", does not excuse the claim': {
    covered: true,
    cases: [
      ['ko', ['혈압이 쭉 내려가요. 약은 아니에요'], '혈압이 쭉 내려가요'],
    ],
  },
  'a pause comma between the words of a claim (がん細胞が、…; 당뇨에, 좋은; 一吃，就好)': {
    covered: true,
    cases: [
      ['ko', ['이 차는 당뇨에, 좋은 차예요'], '당뇨에, 좋은'],
      ['ko', ['이거 드시면 혈압이, 조절돼요'], '혈압이, 조절돼요'],
      ['ja', ['膝の痛みが、治ります'], '膝の痛みが、治り'],
      ['ja', ['このお茶でがん細胞が、どんどん消えるんです'], 'がん細胞が、どんどん消える'],
      ['zh', ['这款贴一贴，马上止痛'], '一贴，马上止痛'],
    ],
  },
  'a ranking said to the viewers (자 여러분 만족도 1위)': {
    covered: true,
    cases: [['ko', ['자 여러분 만족도 1위 보호대 들어갑니다'], '만족도 1위']],
  },
  'Korean written with a space inside the word (최 고)': {
    // Not covered on purpose: Korean puts spaces between words, and 일 등 상품 ("first-prize goods")
    // or 최 고 as two words are ordinary speech; a line break or a cue split is covered above.
    covered: false,
    cases: [['ko', ['이 크림이 최 고예요'], '최 고']],
  },
};

const tally: string[] = [];
afterAll(() => console.log(`evasion families, detected/total:\n${tally.join('\n')}`));

function detect([lang, cues]: Case): string[] {
  const { c, an } = engines.get(lang) as { c: CompiledRules; an: Analyzer };
  const segments: Segment[] = cues.map((text, i) => ({ start: i * 2, end: i * 2 + 1.8, text }));
  return checkTranscript(c, { segments }, an)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => f.text);
}

describe('evasion families', () => {
  for (const [family, { covered, cases }] of Object.entries(FAMILIES)) {
    it(`${family}: ${covered ? 'every line is found' : 'measured'}`, () => {
      const found = cases.filter((k) => detect(k).some((t) => t.replace(/\s/g, '') === k[2].replace(/\s/g, '') || t.includes(k[2])));
      tally.push(`  ${family}: ${found.length}/${cases.length}${covered ? '' : ' (not covered: see the test)'}`);
      if (covered) expect(cases.filter((k) => !found.includes(k)).map((k) => `${k[0]} ${JSON.stringify(k[1])} → ${JSON.stringify(detect(k))}`)).toEqual([]);
    });
  }
});
