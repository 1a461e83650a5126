/**
 * Round 49: a filler said inside a claim (不眠が、あのー、治ります; 营养师都，呃，推荐; 전문가들이 어 검증한) hid it from
 * the rules. Measured on the tuning corpus with a filler put after the first particle of each violating line, the rules
 * caught ja 75 %, zh 78 %, ko 79 % of them. Fillers are now left out of the tokens that matching reads; the text (and so
 * what a finding quotes) is untouched.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../src/text/analyze.js';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import { leaveOutFillers } from '../../../src/text/fillers.js';
import type { Token } from '../../../src/text/tokenizer.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

const an: Partial<Record<'ja' | 'zh' | 'ko', Analyzer>> = {};
beforeAll(async () => {
  for (const l of ['ja', 'zh', 'ko'] as const) an[l] = await createAnalyzerFor(l);
});
const A = (l: 'ja' | 'zh' | 'ko') => an[l] as Analyzer;
const found = (l: 'ja' | 'zh' | 'ko', seqs: string[], text: string): string[] => prohibitedTexts(compileSource(seqRulesSource(l, seqs), A(l)), text, A(l));
const surfaces = (l: 'ja' | 'zh' | 'ko', text: string) => A(l).analyze(text).tokens.map((t) => t.surface);

describe('a claim said around a filler is the claim', () => {
  it('Japanese: えー, あのー, えっと, まあ、 and a ね that holds the listener after a particle', () => {
    const seqs = ['[[不眠, 便秘, 腰痛], {gap: 3}, 治る]'];
    expect(found('ja', seqs, 'これは、えー、不眠が、あのー、治ります')).toEqual(['不眠が、あのー、治り']);
    expect(found('ja', seqs, '便秘がね、すっきり治るんです')).toHaveLength(1);
    expect(found('ja', seqs, '腰痛が、えっと、まあ、治りました')).toHaveLength(1);
    // The adjacent words of a sequence are next to each other across a filler too.
    expect(found('ja', ['[不眠, が, 治る]'], '不眠が、えー、治ります')).toEqual(['不眠が、えー、治り']);
  });

  it('Chinese: 呃, 嗯 between commas, ，那个，, and 啊 after an adverb that still needs its verb', () => {
    const seqs = ['[营养师, {gap: 1}, 推荐]', '[医生, {gap: 2}, 在用]'];
    expect(found('zh', seqs, '营养师都，呃，推荐孕妇喝这个')).toEqual(['营养师都，呃，推荐']);
    expect(found('zh', seqs, '很多医生自己都啊，在用')).toHaveLength(1);
    expect(found('zh', ['[能, 治好, 失眠]'], '这个能，那个，治好失眠')).toHaveLength(1);
    // A denial before the filler still denies what follows (the comma went with the filler: 不能说最便宜).
    expect(surfaces('zh', '我们不能，呃，说最便宜')).not.toContain(',');
  });

  it('Korean: 어, 음, and 그 뭐지 said on their own', () => {
    const seqs = ['[전문가, {gap: 2}, 검증]', '[비염, 에, 직빵]', '[모든 분, {gap: 2}, 효과]'];
    expect(found('ko', seqs, '전문가들이 어 검증한 제품이에요')).toHaveLength(1);
    expect(found('ko', seqs, '비염에 음, 직빵이에요')).toHaveLength(1);
    expect(found('ko', seqs, '써 보신 모든 분들이 그 뭐지 효과 보셨어요')).toHaveLength(1);
  });

  it('Korean: a 어 said apart that ko-dic reads as an ending of the word before (이/VCP 어/EC) is the filler, and its neighbours are read as without it', () => {
    const seqs = ['[뱃살, 이, 빠지다]', '[{pos: NNG}, {pos: JKS}, 빠지다]'];
    // Without the filler and with it: the same two matches (이 is the subject particle again, not 이/VCP).
    expect(found('ko', seqs, '뱃살이 빠져요')).toHaveLength(2);
    expect(found('ko', seqs, '뱃살이 어 빠져요')).toHaveLength(2);
    // Written together it is the copula and its ending, and stays: 사람이어 is "being a person".
    expect(found('ko', ['[사람, {pos: JKS}]'], '공부하는 사람이어 보였다')).toHaveLength(0);
    // Any 어 said apart that ko-dic reads as an ending of the word before (주근깨 어 as 주근|깨|어) is the filler.
    expect(found('ko', ['[주근깨, 특효]'], '주근깨 어 특효 크림이에요')).toHaveLength(1);
    // …and the words on both sides are read as they are without it (약 is not the adjective 약다, 드시는 not 들다).
    const pos = (text: string) => A('ko').analyze(text).tokens.map((t) => `${t.surface}/${t.pos}`);
    expect(pos('혈압약 어 드시는 분은 상담하세요')).toEqual(pos('혈압약 드시는 분은 상담하세요'));
    expect(A('ko').analyze('혈압약 어 드시는 분은').quiet).toEqual([[4, 6]]);
    // So are 아 (read as 이/VCP 아/EC), 에 (read as 이/NP 에/JKB) and 어어 (read as two interjections) said apart.
    for (const f of ['아', '에', '어어']) expect(pos(`뱃살이 ${f} 빠져요`)).toEqual(pos('뱃살이 빠져요'));
    // Not 저 ("I") or a filler said last.
    expect(pos('뱃살이 저 빠져요')).toContain('저/NP');
    // A filler left out before one blanked: each its own range, in order (the first was once stretched over the second).
    expect(A('ko').analyze('음 뱃살이 어 빠져요').quiet).toEqual([[0, 2], [6, 8]]);
  });
});

describe('what is not a filler stays', () => {
  it('answers, negations and a sentence-final ね after て are words', () => {
    expect(surfaces('ja', 'うん、治ります')).toContain('うん');
    expect(surfaces('ja', '届いたら星5つけてね、よろしく')).toContain('ね');
    expect(surfaces('ja', 'あの商品です')).toContain('あの');
    expect(surfaces('ko', '아니 그건 안 돼요')).toContain('아니');
    expect(surfaces('ko', '그 제품 좋아요')).toContain('그');
    expect(surfaces('ko', '이게 뭐지?')).toContain('뭐');
    // ko-dic reads 하루 전이에요 as 전이|에|요: the polite 요 is never taken for a filler.
    expect(surfaces('ko', '세일 마감 하루 전이에요 서두르세요')).toContain('요');
    expect(surfaces('zh', '好用哦，买它')).toContain('哦');
    expect(surfaces('zh', '金额不对')).toContain('金额');
    // Cantonese 唔 is "not" (唔系药 is 不是药).
    expect(surfaces('zh', '呢个唔系药')).toContain('唔');
  });

  it('a filler is left out, the words around it are all kept, in order (any tokens)', () => {
    const tok = fc.record({ surface: fc.constantFrom('えー', 'ね', 'が', '、', '治る', 'あの', 'えっ', 'と', '呃', '，', '어', '음', '뭐지'), pos: fc.constantFrom('フィラー', '感動詞', '助詞-終助詞', '助詞-格助詞', '記号-読点', 'IC', 'NNG', 'x', 'd') });
    fc.assert(
      fc.property(fc.constantFrom('ja' as const, 'zh' as const, 'ko' as const), fc.array(tok, { maxLength: 12 }), (lang, raw) => {
        let at = 0;
        const tokens: Token[] = raw.map((r) => {
          const t = { ...r, base: r.surface, start: at, end: at + r.surface.length };
          at = t.end;
          return t;
        });
        const text = tokens.map((t) => t.surface).join('');
        const out = leaveOutFillers(lang, text, tokens).tokens;
        // A subsequence of the input, in order…
        let i = 0;
        for (const t of out) {
          while (i < tokens.length && tokens[i] !== t) i++;
          expect(i).toBeLessThan(tokens.length);
          i++;
        }
        // …that leaves out only fillers (by their word, or IPADIC's フィラー tag) and commas.
        const fillerLike = new Set(['えー', 'ね', 'あの', 'えっ', 'と', '呃', '어', '음', '뭐지', '、', '，', ',']);
        for (const t of tokens) if (!out.includes(t)) expect(fillerLike.has(t.surface) || t.pos === 'フィラー').toBe(true);
      }),
    );
  });
});

describe('a `not` reads past a breath, as the words of a sequence do (round 49: a filler left the comma before it)', () => {
  it('Japanese and Korean: the word after a comma that follows a particle is what follows', () => {
    const ja = ['[効果, を, {not: [うたう, 謳う]}]'];
    expect(found('ja', ja, '医薬品と同じ効果を、えー、うたうのは違反です')).toEqual([]);
    expect(found('ja', ja, '医薬品と同じ効果を、うたうのは違反です')).toEqual([]);
    expect(found('ja', ja, 'この効果を、ぜひ実感してください')).toEqual(['効果を']);
    const ko = ['[효과, 가, {not: [없]}]'];
    expect(found('ko', ko, '이 제품은 효과가, 없어요')).toEqual([]);
    expect(found('ko', ko, '이 제품은 효과가, 좋아요')).toEqual(['효과가']);
  });

  it('a `notAfter` reads back past one too; Chinese commas still start a clause', () => {
    expect(found('ja', ['[{notAfter: [食欲が]}, 戻る]'], '食欲が、戻りました')).toEqual([]);
    expect(found('ja', ['[{notAfter: [食欲が]}, 戻る]'], '元気が、戻りました')).toEqual(['戻り']);
    expect(found('zh', ['[效果, {not: [不好]}]'], '这个效果，不好说')).toEqual(['效果']);
  });
});

describe('a cue\u2019s window does not count the fillers left out', () => {
  const source = (lang: 'zh' | 'ja' | 'ko', seq: string, unless: string) =>
    `id: t\nlanguage: ${lang}\nrules:\n  - id: t/u\n    kind: prohibit\n    category: misleading-price\n    severity: warning\n    message: { en: m, ${lang}: m }\n    reference: test\n    match:\n      - id: m\n        seq: ${seq}\n    unless: ${unless}\n    examples: { bad: [x], good: [y] }\n`;
  const hits = (lang: 'zh' | 'ja' | 'ko', seq: string, unless: string, text: string) => prohibitedTexts(compileSource(source(lang, seq, unless), A(lang)), text, A(lang));

  it('Chinese: a denial right before the claim, with 嗯 or ，呃， between, still denies it', () => {
    const seq = '[下播, 就, 涨价]';
    const unless = '{before: [不会], window: 0}';
    expect(hits('zh', seq, unless, '不会 嗯 下播就涨价的 放心')).toEqual([]);
    expect(hits('zh', seq, unless, '不会，呃，下播就涨价的，放心')).toEqual([]);
    expect(hits('zh', seq, unless, '家人们 下播就涨价')).toEqual(['下播就涨价']);
  });

  it('Japanese: a window of a few characters reaches over えー', () => {
    const seq = '[在庫, が, 残りわずか]';
    const unless = '{after: [ではありません], window: 2}';
    expect(hits('ja', seq, unless, '在庫が残りわずか、えー、ではありません')).toEqual([]);
    expect(hits('ja', seq, unless, '在庫が残りわずかです')).toEqual(['在庫が残りわずか']);
  });

  // Round 50: the cues were found in the text as said, filler and all, so a cue written as one phrase (わけでは、ありません)
  // was not found around えー; nor a word of a rule said across one.
  it('a cue or a rule word said across a filler is found, at its place in the text as said', () => {
    const seq = '[アトピー, が, 治る]';
    const unless = '{after: [わけでは、ありません], window: 0}';
    expect(hits('ja', seq, unless, 'アトピーが治るわけでは、えー、ありません')).toEqual([]);
    expect(hits('ja', seq, unless, 'アトピーが治るわけでは、ありません')).toEqual([]);
    expect(hits('ja', seq, unless, 'アトピーが治ります')).toEqual(['アトピーが治り']);
    expect(hits('zh', '[治好, 湿疹]', '{before: [不能说], window: 0}', '不能，呃，说治好湿疹')).toEqual([]);
    expect(found('zh', ['[明星都在用]'], '这款明星都，呃，在用')).toEqual(['明星都，呃，在用']);
  });

  it('Japanese and Korean: the comma kept before a filler after a particle ends no clause (the filler\'s pause)', () => {
    const seq = '[{number: [キロ]}, 痩せる]';
    const unless = '{after: [いません], scope: clause}';
    expect(hits('ja', seq, unless, '3キロ痩せると約束できる人は、あのー、いません')).toEqual([]);
    // A comma after a predicate, or one said without a filler, still ends the clause.
    expect(hits('ja', seq, unless, '3キロ痩せます、えー、いませんか')).toEqual(['3キロ痩せ']);
    expect(hits('ja', seq, unless, '3キロ痩せると約束できる人は、いません')).toEqual(['3キロ痩せる']);
    // Korean writes a space after the comma, before the filler.
    const ko = '[{number: [킬로]}, 감량]';
    expect(hits('ko', ko, '{after: [아닙니다], scope: clause}', '5킬로 감량은, 음, 아닙니다')).toEqual([]);
    // In Korean a breath comma ends no clause a cue reads, with a filler or without (rules/stops.ts, forty-first session).
    expect(hits('ko', ko, '{after: [아닙니다], scope: clause}', '5킬로 감량은, 아닙니다')).toEqual([]);
    expect(hits('ko', ko, '{after: [아닙니다], scope: clause}', '5킬로 감량이에요. 아닙니다')).toEqual(['5킬로 감량']);
  });
});
