/**
 * A question the host answers yes is a claim; one she declines or denies is not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answeredYes, asks } from '../../../src/rules/answered.js';

const yes = (text: string, words: string) => {
  const start = text.indexOf(words);
  return answeredYes(text, start, start + words.length);
};

describe('answeredYes', () => {
  const cases: [text: string, words: string, answered: boolean][] = [
    // a yes word or the asked verb again answers yes
    ['有人问这个能不能祛斑?能!百分百能!', '祛斑', true],
    ['「シミ消える?」消えます、はい。', 'シミ消える', true],
    ['「血圧下がる?」って質問来てますね、下がります!', '血圧下がる', true],
    ['"혈당 떨어져요?" 떨어집니다, 제가 직접 재 봤어요.', '혈당 떨어져요', true],
    // an answer that declines or denies is no yes
    ['"吃了能减肥吗?"不能,它就是个零食', '能减肥', false],
    ['「シミ消える?」消えるとは言えないです、化粧品なので', 'シミ消える', false],
    ['「一番人気?」ランキングとか調べてないので、一番かどうかはわからないです', '一番人気', false],
    ['"이거 먹으면 살 빠져요?" 아니요, 그런 말씀은 못 드려요', '살 빠져요', false],
    ['「ニキビに効く?」ごめんなさい、そういうのは言えないんです', 'ニキビに効く', false],
    // only the copula said again: 这是个误区 denies (it said 是, not the asked 脂肪)
    ['有人问出的汗都是脂肪吗？这是个误区，汗就是水', '都是脂肪', false],
    ['"머리 나요?" 이런 질문 많은데요, 샴푸로 머리카락이 난다고 하면 그건 허위광고예요', '머리 나요', false],
    // words that hold the question and its answer (a matcher from the disease asked about to the answer): the answer
    // after the question mark inside them is read as one after them would be (r62zhb)
    ['有人问痛风能不能喝？能喝 就是为这个做的', '痛风能不能喝？能喝 就是为这个做的', true],
    ['有人问痛风能不能喝？不能 它就是个饮料', '痛风能不能喝？不能 它就是个饮料', false],
    ['「膝の痛みに効く?」効きます、関節にいいんです', '膝の痛みに効く?」効きます、関節にいい', true],
  ];
  it.each(cases)('%s (%s): answered yes %s', (text, words, answered) => {
    expect(yes(text, words)).toBe(answered);
  });

  it('words not asked, or a question with no answer, are no yes', () => {
    expect(yes('シミが消えます。消えますか?', 'シミが消えます')).toBe(false);
    expect(yes('これでシミ消える?', 'シミ消える')).toBe(false);
  });

  it('with no question mark in the text, nothing is answered yes', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (raw, a, b) => {
        const text = raw.replace(/[?？]/g, '');
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(a, b) % (text.length + 1);
        return !answeredYes(text, Math.min(start, end), Math.max(start, end));
      }),
    );
  });
});

describe('asks', () => {
  it('question particles, A-not-A forms and verbs of asking mark asking; a denial does not', () => {
    for (const cue of ['吗', 'ですか', '요?', '有人问', '能不能', '聞かれ', '질문']) expect(asks(cue), cue).toBe(true);
    for (const cue of ['不是', 'ではありません', '아니에요', '言えない']) expect(asks(cue), cue).toBe(false);
  });
});
