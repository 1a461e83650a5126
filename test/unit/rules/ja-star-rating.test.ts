/**
 * A paid five-star review written with star symbols (round 40): ★5つけてくれた方にクーポン and
 * ★5レビューで500円オフ are jp/keihyo/review-incentive findings that quote the stars as said;
 * a thank-you for ★★★★★ reviews and a ★ bullet before a month are not.
 */
import { describe, expect, it } from 'vitest';
import { ruleTexts } from '../../helpers/builtin.js';

const incentives = (text: string): Promise<string[]> => ruleTexts('jp/keihyo/review-incentive', text, 'ja');

describe('jp/keihyo/review-incentive and star symbols', () => {
  it.each([
    ['★5つけてくれた方にクーポンをプレゼント', '★5つけてくれた方にクーポンをプレゼント'],
    ['⭐️5をつけてくれたら送料無料にします', '⭐️5をつけてくれたら送料無料'],
    ['★5レビューで500円オフにします', '★5レビューで500円オフ'],
    ['★★★★★の口コミで次回送料無料です', '★★★★★の口コミで次回送料無料'],
  ])('%s: reported, quoting the stars', async (text, words) => {
    expect(await incentives(text)).toEqual([words]);
  });

  it.each(['★★★★★のレビュー、本当に励みになってます', '★5月限定★ 新色のリップが入荷しました', '★5レビューで話題のクッションです'])(
    '%s: not reported',
    async (text) => {
      expect(await incentives(text)).toEqual([]);
    },
  );
});
