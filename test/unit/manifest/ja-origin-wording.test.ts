// Round 5 (ja): the origin wording 消費者庁 産地偽装 orders and press reports quote (国内製造, 国産原料100%,
// a prefecture's produce) is judged only against a product manifest. These lines are our own paraphrases;
// each must be read as an origin statement so that a manifest declaring another origin reports false-origin.
import { describe, expect, it } from 'vitest';
import { originsSaid } from '../../helpers/origin-said.js';
import { loadGazetteer } from '../../../src/manifest/load.js';
import { placesAgree } from '../../../src/manifest/model.js';

const g = loadGazetteer();
const said = (text: string) => originsSaid(text, 'ja');

describe('ja origin wording read against a manifest', () => {
  it('reads domestic-production and domestic-ingredient claims as Japan', () => {
    expect(said('このクリームは国内製造なので安心です')).toEqual([['国内製造', 'JP']]);
    expect(said('こちら国産原料百パーセントのサプリです')).toEqual([['国産', 'JP']]);
    expect(said('このお茶は純国産です')).toEqual([['純国産', 'JP']]);
    expect(said('日本生まれの美容液なんです')).toEqual([['日本生まれ', 'JP']]);
  });
  it('reads a prefecture or producing area as that region, which disagrees with a foreign declared origin', () => {
    const hokkaido = said('北海道産の大豆を使ってます');
    expect(hokkaido).toEqual([['北海道産', '北海道']]);
    expect(placesAgree(g, 'CN', '北海道')).toBe(false);
    expect(placesAgree(g, 'JP', '北海道')).toBe(true);
  });
  it('reads a factory in a place and "from ingredients to manufacture, all in Japan" as statements', () => {
    expect(said('国内の工場で作ってます')).toEqual([['国内の工場で', 'JP']]);
    expect(said('原料から製造まで全部日本国内です')).toEqual([['製造まで全部日本国内', 'JP']]);
  });

  it('reads produce caught, harvested or raised in a place, a larger area, a label and made-in with dots', () => {
    expect(said('国内で獲れたあさりです')).toEqual([['国内で獲れ', 'JP']]);
    expect(said('熊本で育ったあさり')).toEqual([['熊本で育っ', '熊本']]);
    expect(said('愛媛県で収穫したみかん')).toEqual([['愛媛県で収穫', '愛媛']]);
    expect(said('北海道の牧場で育てた牛のお肉です')).toEqual([['北海道の牧場で', '北海道']]);
    expect(said('九州産の黒豚')).toEqual([['九州産', '九州']]);
    expect(said('産地：静岡県')).toEqual([['産地:静岡県', '静岡']]);
    expect(said('メイド・イン・ジャパンの包丁')).toEqual([['メイド・イン・ジャパン', 'JP']]);
    expect(said('国内工場製造です')).toEqual([['国内工場製造', 'JP']]);
    // 九州 agrees with a prefecture in it, not with one outside it.
    expect(placesAgree(g, '九州', '鹿児島')).toBe(true);
    expect(placesAgree(g, '九州', '北海道')).toBe(false);
  });

  it("leaves a person's own upbringing alone", () => {
    expect(said('私は北海道で育ったので寒さに強いです')).toEqual([]);
    expect(said('僕も九州で生まれたんですよ')).toEqual([]);
  });

  it('leaves denials of an origin alone', () => {
    expect(said('中国製じゃないです')).toEqual([]);
  });

  it('reads branded beef and eels as their region, 和牛 as Japan, a sub-area before its cue, and leaves 一色 the colour alone', () => {
    expect(said('佐賀牛の焼肉弁当です')).toEqual([['佐賀牛', '佐賀']]);
    expect(said('とろける黒毛和牛')).toEqual([['黒毛和牛', 'JP']]);
    expect(said('和牛のハンバーグ')).toEqual([['和牛', 'JP']]);
    expect(said('常陸牛の切り落とし')).toEqual([['常陸牛', '茨城']]);
    expect(said('三河一色産のうなぎ')).toEqual([['一色産', '一色']]);
    expect(placesAgree(g, '三河', '一色')).toBe(true);
    expect(placesAgree(g, '鹿児島', '一色')).toBe(false);
    expect(placesAgree(g, 'AU', 'JP')).toBe(false);
    expect(said('壁は白一色で塗ります')).toEqual([]);
  });

  it('leaves a comparison with an origin alone (和牛に負けない, 国産並み, 国産よりも安い)', () => {
    expect(said('和牛に負けない柔らかさ')).toEqual([]);
    expect(said('国産並みの品質です')).toEqual([]);
    expect(said('和牛のような食感')).toEqual([]);
    expect(said('国産よりも安いです')).toEqual([]);
  });
});

