/**
 * jp/kenko/health-claim and everyday comfort (round 40): a chair, cushion or handrail said to make
 * kneeling, stairs or standing up easier (正座が楽になる座椅子です) is furniture, not a food's health
 * claim; the same words said of a supplement stay a finding.
 */
import { describe, expect, it } from 'vitest';
import { ruleTexts } from '../../helpers/builtin.js';

const healthClaims = (text: string): Promise<string[]> => ruleTexts('jp/kenko/health-claim', text, 'ja');

describe('jp/kenko/health-claim leaves furniture and everyday aids alone', () => {
  it.each([
    '正座が楽になる座椅子です',
    'この座椅子なら法事の正座も楽になりますよ',
    '立ち上がりが楽になるクッションです',
    '階段の上り下りが楽になる手すりを付けました',
  ])('%s: no health claim', async (text) => {
    expect(await healthClaims(text)).toEqual([]);
  });

  it.each([
    ['このサプリを飲み始めてから正座が楽になるんです', '正座が楽になる'],
    ['膝が楽になるって評判のグルコサミンです', '膝が楽になる'],
  ])('%s: still reported', async (text, words) => {
    expect(await healthClaims(text)).toEqual([words]);
  });
});
