// The gazetteer covers every prefecture, provincial-level division and Korean 시·도, the producing
// areas hosts name, "made in" said in katakana or Hangul, and a place said with its administrative
// word (静岡県産). Before this, 「静岡県産」, 「三河産」, 「燕三条の工場で」, 「メイドインジャパン」, 「四川省产」 and
// 「대구광역시에서 생산」 were not read as origin statements, so a manifest declaring another origin
// reported nothing.
import { describe, expect, it } from 'vitest';
import { applyManifest } from '../../../src/manifest/apply.js';
import { originsSaid } from '../../helpers/origin-said.js';
import { buildGazetteer, loadGazetteer, loadStatements } from '../../../src/manifest/load.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import type { Transcript } from '../../../src/transcript/model.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const g = loadGazetteer();
const statements = loadStatements();
type Lang = 'ja' | 'zh' | 'ko';
const said = (text: string, lang: Lang) => originsSaid(text, lang);

describe('origin gazetteer coverage', () => {
  it('knows all 47 prefectures, the 31 mainland provincial-level divisions and the 17 Korean 시·도', () => {
    // Prefectures of 九州, 四国 and 東北 lie within their area, which lies within Japan.
    const areas = new Set(['九州', '四国', '東北']);
    const top = (p: { country: string; within?: string }, country: string) => p.within === country || (p.within !== undefined && areas.has(p.within));
    const regions = (country: string) => [...g.places.entries()].filter(([id, p]) => p.country === country && !areas.has(id) && top(p, country)).length;
    expect(regions('JP')).toBeGreaterThanOrEqual(47 - 1); // 丹波 spans two prefectures and sits under JP itself
    expect(regions('CN')).toBeGreaterThanOrEqual(31);
    expect(regions('KR')).toBeGreaterThanOrEqual(17);
  });

  it('gives no spoken name to two places (the loader would silently keep the first)', () => {
    const raw = parse(readFileSync(new URL('../../../src/manifest/data/origins.yaml', import.meta.url), 'utf8')) as Parameters<typeof buildGazetteer>[0];
    const owner = new Map<string, string>();
    const clash: string[] = [];
    const claim = (name: string, place: string) => {
      const k = name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
      const o = owner.get(k);
      if (o !== undefined && o !== place) clash.push(`${name}: ${o} / ${place}`);
      owner.set(k, place);
    };
    for (const [code, byLang] of Object.entries(raw.countries)) for (const list of Object.values(byLang)) for (const n of list ?? []) claim(n, code);
    for (const r of raw.regions) for (const n of [...(r.names ?? [r.id]), ...(r.specialties ?? [])]) claim(n, r.id);
    expect(clash).toEqual([]);
  });

  it('reads a place said with its administrative word', () => {
    expect(said('静岡県産のお茶です', 'ja')).toEqual([['静岡県産', '静岡']]);
    expect(said('京都府の工場で作ってます', 'ja')).toEqual([['京都府の工場で', '京都']]);
    expect(said('四川省产的花椒', 'zh')).toEqual([['四川省产', '四川']]);
    expect(said('广西壮族自治区产的沃柑', 'zh')).toEqual([['广西壮族自治区产', '广西']]);
    expect(said('대구광역시에서 생산한 사과', 'ko')).toEqual([['대구광역시에서생산', '대구']]);
  });

  it('reads producing areas and "made in" in katakana and Hangul', () => {
    expect(said('三河産のみりんです', 'ja')).toEqual([['三河産', '三河']]);
    expect(said('燕三条の工場で作りました', 'ja')).toEqual([['燕三条の工場で', '燕三条']]);
    expect(said('メイドインジャパンです', 'ja')).toEqual([['メイドインジャパン', 'JP']]);
    expect(said('메이드인코리아 제품이에요', 'ko')).toEqual([['메이드인코리아제품', 'KR']]);
    expect(said('영덕산 대게예요', 'ko')).toEqual([['영덕산', '영덕']]);
    expect(said('这是盱眙龙虾', 'zh')).toEqual([['盱眙龙虾', '盱眙']]);
  });

  it('does not read everyday words that share a place name', () => {
    expect(said('大分変わりましたね', 'ja')).toEqual([]);
    expect(said('石川さんの工場で作ったそうです', 'ja')).toEqual([]);
    expect(said('강화 효과가 있어요', 'ko')).toEqual([]);
    expect(said('부산도 산이 많아요', 'ko')).toEqual([]);
    expect(said('대구 한 마리 주세요', 'ko')).toEqual([]);
    expect(said('中国市场卖得很好', 'zh')).toEqual([]);
  });

  it('lets a manifest write an id that speech never uses on its own', () => {
    const m = parseManifest('products:\n  - { name: 関さば, origin: 大分 }\n  - { name: 인삼, origin: 강화 }', 'm.yaml', g);
    expect(m.products.map((p) => p.origin)).toEqual(['大分', '강화']);
  });

  it('reports a producing area that contradicts the declared origin', () => {
    const manifest = parseManifest('products:\n  - { name: みりん, origin: CN }', 'm.yaml', g);
    const transcript: Transcript = { segments: [{ start: 12, end: 15, text: 'このみりんは三河産です' }], durationSec: 15 };
    const out = applyManifest([], { manifest, transcript, rules: new Map(), gazetteer: g, statements }, { language: 'ja', rulesetId: 'jp' });
    expect(out.map((f) => [f.ruleId, f.text, f.declared])).toEqual([['jp/manifest/false-origin', '三河産', { origin: 'CN' }]]);
  });
});
