import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyManifest, originStatements, parseAmount, sellerMatches, withRuleMetadata } from '../../../src/manifest/apply.js';
import { loadGazetteer, loadStatements } from '../../../src/manifest/load.js';
import { compact, placesAgree } from '../../../src/manifest/model.js';
import { ManifestError, parseManifest } from '../../../src/manifest/parse.js';
import { claimForm, claimSimilarity, containment, dice, PARAPHRASE_THRESHOLD } from '../../../src/manifest/text.js';
import type { Finding } from '../../../src/report/model.js';
import { PRODUCT_CATEGORIES, type Rule } from '../../../src/rules/model.js';
import type { Transcript } from '../../../src/transcript/model.js';

const g = loadGazetteer();
const statements = loadStatements();

describe('parseManifest', () => {
  it('reads the contract example, resolving origins to ISO codes or gazetteer regions', () => {
    const m = parseManifest(
      [
        'seller: { name: 株式会社サンプル, aliases: [サンプル公式ショップ] }',
        'sponsored: true',
        'products:',
        '  - name: 保湿クリーム',
        '    aliases: [このクリーム]',
        '    category: cosmetic',
        '    origin: cn',
        '    price: 3980',
        '    referencePrice: { amount: 5980, basis: "sold at this price 2026-10-01..2026-10-28" }',
        '    registration: { id: H123, claims: ["血圧が高めの方に適した機能があります"] }',
        '  - { name: 但馬牛, category: food, origin: 但马 }',
      ].join('\n'),
      'm.yaml',
      g,
    );
    expect(m.seller).toEqual({ name: '株式会社サンプル', aliases: ['サンプル公式ショップ'] });
    expect(m.sponsored).toBe(true);
    expect(m.products[0]).toMatchObject({ origin: 'CN', price: 3980, referencePrice: { amount: 5980 }, registration: { id: 'H123' } });
    // A region name in another script resolves to the region's id.
    expect(m.products[1]!.origin).toBe('但馬');
  });

  it('names every problem at file:line:col', () => {
    const text = 'products:\n  - name: a\n    category: skincare\n    price: -1\n  - name: a\n    origin: Atlantis\n';
    let err: unknown;
    try {
      parseManifest(text, 'x.manifest.yaml', g);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    const msg = (err as Error).message;
    expect(msg).toContain('x.manifest.yaml:3:5: products[0].category must be one of');
    expect(msg).toContain('x.manifest.yaml:4:5: products[0].price must be greater than 0');
    expect(() => parseManifest('products:\n  - name: a\n  - name: b\n    origin: Atlantis\n  - name: A\n', 'y.yaml', g)).toThrow(
      /y\.yaml:4:5: products\[1\]\.origin "Atlantis" is neither.*\n.*y\.yaml:5:5: products\[2\]\.name "A" is already the name of products\[0\]/,
    );
    expect(() => parseManifest('', 'e.yaml', g)).toThrow('e.yaml:1:1: the manifest is empty');
    expect(() => parseManifest('sponsored: [', 'b.yaml', g)).toThrow(/^b\.yaml:1:\d+: YAML:/);
  });

  it('property: any text gives a manifest or a ManifestError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseManifest(text, 'p.yaml', g);
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: a valid manifest written as YAML reads back as the same declaration', () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
    const product = fc.record(
      {
        name,
        aliases: fc.array(name, { maxLength: 3 }),
        category: fc.constantFrom(...PRODUCT_CATEGORIES),
        origin: fc.constantFrom('JP', 'CN', 'KR', '但馬', '新疆', '제주'),
        price: fc.integer({ min: 1, max: 10_000_000 }),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(product, { selector: (p) => p.name.normalize('NFKC').toLowerCase(), maxLength: 4 }), fc.boolean(), (products, sponsored) => {
        const m = parseManifest(stringify({ sponsored, products }), 'r.yaml', g);
        expect(m.sponsored).toBe(sponsored);
        expect(m.products.map((p) => [p.name, p.category, p.origin, p.price])).toEqual(products.map((p) => [p.name, p.category, p.origin, p.price]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the origin gazetteer', () => {
  it('has every region inside a known country and place, and the statement data for every language', () => {
    for (const p of g.places.values()) {
      expect(g.places.has(p.country), p.id).toBe(true);
      if (p.within) expect(g.places.has(p.within), p.id).toBe(true);
    }
    for (const lang of ['ja', 'zh', 'ko'] as const) {
      for (const c of ['false-origin', 'seller-disclosure', 'misleading-price'] as const) {
        expect(statements[lang].findings[c].reference, `${lang} ${c}`).toBeTruthy();
        expect(statements[lang].findings[c].message).toContain('{said}');
      }
    }
  });

  it('places agree when one lies within the other', () => {
    expect(placesAgree(g, 'JP', '但馬')).toBe(true);
    expect(placesAgree(g, '但馬', 'JP')).toBe(true);
    expect(placesAgree(g, '兵庫', '但馬')).toBe(true);
    expect(placesAgree(g, '松阪', '但馬')).toBe(false);
    expect(placesAgree(g, 'JP', 'CN')).toBe(false);
    expect(placesAgree(g, '新疆', 'CN')).toBe(true);
    expect(placesAgree(g, '제주', 'KR')).toBe(true);
  });

  it('finds origin statements in all three languages, and not denials, questions or other words', () => {
    const said = (text: string, lang: 'ja' | 'zh' | 'ko') => originStatements(compact(text), lang, g, statements[lang].origin).map((s) => [compact(text).slice(s.start, s.end), s.place]);
    expect(said('このクリームは日本製です', 'ja')).toEqual([['日本製', 'JP']]);
    expect(said('国内産の大豆と但馬牛を使っています', 'ja')).toEqual([['国内産', 'JP'], ['但馬牛', '但馬']]);
    expect(said('原産国は中国です', 'ja')).toEqual([['原産国は中国', 'CN']]);
    expect(said('中国産じゃないです', 'ja')).toEqual([]);
    expect(said('日本産業の未来', 'ja')).toEqual([]);
    expect(said('東京からお届けします', 'ja')).toEqual([]);
    expect(said('这是国产的面霜', 'zh')).toEqual([['国产', 'CN']]);
    expect(said('产地是新疆，新疆长绒棉', 'zh')).toEqual([['产地是新疆', '新疆'], ['新疆长绒棉', '新疆']]);
    expect(said('不是日本进口的', 'zh')).toEqual([]);
    expect(said('日本的朋友们好', 'zh')).toEqual([]);
    expect(said('이 귤은 제주산이에요', 'ko')).toEqual([['제주산', '제주']]);
    expect(said('중국산 아니고 국내산입니다', 'ko')).toEqual([['국내산', 'KR']]);
    expect(said('원산지는 베트남입니다', 'ko')).toEqual([['원산지는베트남', 'VN']]);
    expect(said('made in korea', 'ko')).toEqual([['madeinkorea', 'KR']]);
  });
});

describe('statements of seller and price', () => {
  it('a seller said matches the declared name or an alias, with or without the company form, and close spellings', () => {
    expect(sellerMatches('サンプル', ['株式会社サンプル'])).toBe(true);
    expect(sellerMatches('(株)サンプル', ['株式会社サンプル'])).toBe(true);
    expect(sellerMatches('示例官方旗舰店', ['示例旗舰店'])).toBe(true);
    expect(sellerMatches('某某旗舰店', ['示例旗舰店'])).toBe(false);
    expect(sellerMatches('한빛상사', ['주식회사 샘플코리아', '샘플몰'])).toBe(false);
  });

  it('reads spoken amounts in digits and in CJK numerals', () => {
    expect(parseAmount('3,980')).toBe(3980);
    expect(parseAmount('三千九百八十')).toBe(3980);
    expect(parseAmount('1万2千')).toBe(12000);
    expect(parseAmount('2만9천')).toBe(29000);
    expect(parseAmount('만')).toBe(10000);
    expect(parseAmount('39.8')).toBe(39.8);
    expect(parseAmount('九')).toBe(9);
    expect(parseAmount('abc')).toBeUndefined();
  });
});

describe('close paraphrase of a registered claim', () => {
  const claim = claimForm('血圧が高めの方に適した機能があります');
  const score = (said: string, words: string) => {
    const s = claimForm(said);
    return claimSimilarity(s, s.indexOf(claimForm(words)), claimForm(words).length, claim);
  };
  it(`allows the claim as worded and as a paraphrase scoring at least ${PARAPHRASE_THRESHOLD}; a claim beyond it scores below`, () => {
    expect(score('血圧が高めの方に適した機能があります。', '血圧')).toBe(1);
    expect(score('こちら、血圧が高めの方に適した機能があるんです', '血圧')).toBeGreaterThanOrEqual(PARAPHRASE_THRESHOLD);
    expect(score('飲むだけで血圧が下がるんです', '血圧')).toBeLessThan(PARAPHRASE_THRESHOLD);
    // Said right after the registered claim, the window around 血圧の薬 still reads like the claim;
    // but 血圧の薬 is not words of the claim (1 of its 3 bigrams is), so it is not allowed.
    expect(score('血圧が高めの方に適した機能があって、血圧の薬がいらなくなります', '血圧の薬')).toBeGreaterThanOrEqual(PARAPHRASE_THRESHOLD);
    expect(containment(claimForm('血圧の薬'), claim)).toBeCloseTo(1 / 3);
    expect(containment(claimForm('血圧'), claim)).toBe(1);
    expect(dice('abc', 'abc')).toBe(1);
    expect(dice('ab', 'cd')).toBe(0);
  });
});

describe('applyManifest (in process)', () => {
  const rule = (id: string, category: string, products?: Rule['products']): Rule =>
    ({ id, kind: 'prohibit', category, severity: 'error', message: { en: id }, reference: id, examples: { bad: ['x'], good: ['y'] }, basis: 'statute', ...(products ? { products } : {}) }) as Rule;
  const rules = new Map<string, Rule>([
    ['c', rule('c', 'medical-claim', ['cosmetic'])],
    ['f', rule('f', 'medical-claim', ['food'])],
    ['g', rule('g', 'medical-claim')],
    ['s', rule('s', 'superlative')],
  ]);
  const finding = (ruleId: string, text: string, start: number, category = 'medical-claim'): Finding => ({
    ruleId,
    category,
    kind: 'prohibited',
    severity: 'error',
    start,
    end: start + 1,
    text,
    context: text,
    message: ruleId,
    reference: ruleId,
  });
  const transcript: Transcript = {
    segments: [
      { start: 0, end: 5, text: 'このクリームはアトピーに効きます' },
      { start: 5, end: 10, text: 'サプリもアトピーに効く' },
      { start: 10, end: 15, text: 'とにかく日本一のアトピー対策' },
    ],
  };
  const manifest = {
    file: 'm.yaml',
    products: [
      { name: 'クリーム', aliases: [], category: 'cosmetic' as const },
      { name: 'サプリ', aliases: [], category: 'food' as const },
    ],
  };
  const run = (findings: Finding[]) =>
    applyManifest(findings, { manifest, transcript, rules, gazetteer: g, statements }, { language: 'ja', rulesetId: 'jp' }).map((f) => [f.ruleId, f.start, f.product]);

  it('keeps each product its own law, and one finding per span and category', () => {
    const found = [finding('c', 'アトピー', 1), finding('f', 'アトピー', 1), finding('g', 'アトピー', 1), finding('c', 'アトピー', 6), finding('f', 'アトピー', 6)];
    // The cream: cosmetics law (the food rule does not apply; the general rule duplicates the span).
    // The supplement: food law.
    expect(run(found)).toEqual([
      ['c', 1, 'クリーム'],
      ['f', 6, 'サプリ'],
    ]);
  });

  it('a finding in the segments after a product was named is about that product; the only product otherwise', () => {
    expect(run([finding('c', 'アトピー', 11), finding('f', 'アトピー', 11), finding('s', '日本一', 10.5, 'superlative')])).toEqual([
      ['f', 11, 'サプリ'],
      ['s', 10.5, 'サプリ'],
    ]);
    const one = { ...manifest, products: [manifest.products[0]!] };
    const t = { segments: [{ start: 0, end: 5, text: '今日はアトピーの話' }] };
    expect(applyManifest([finding('f', 'アトピー', 1)], { manifest: one, transcript: t, rules, gazetteer: g, statements }, { language: 'ja', rulesetId: 'jp' })).toEqual([]);
  });

  it('without a manifest, findings get their rule basis', () => {
    expect(withRuleMetadata([finding('g', 'x', 0)], rules)[0]!.basis).toBe('statute');
  });

  it('a reference price is compared with referencePrice; the seller said by name satisfies a missing seller disclosure; 由于 is not a seller', () => {
    const m = {
      file: 'm.yaml',
      seller: { name: '株式会社サンプル', aliases: ['サンプル公式ショップ'] },
      products: [{ name: 'クリーム', aliases: [], category: 'cosmetic' as const, price: 3980, referencePrice: { amount: 5980 } }],
    };
    const t: Transcript = {
      segments: [
        { start: 0, end: 5, text: 'クリームの定価は6980円、お値段は3980円です。' },
        { start: 5, end: 10, text: 'サンプル公式ショップからお届けします' },
      ],
    };
    const missingSeller: Finding = { ...finding('seller', '', 0, 'seller-disclosure'), kind: 'missing', end: 10 };
    const out = applyManifest([missingSeller], { manifest: m, transcript: t, rules, gazetteer: g, statements }, { language: 'ja', rulesetId: 'jp', messageLanguage: 'en' });
    expect(out.map((f) => [f.category, f.text, f.declared, f.product])).toEqual([['misleading-price', '6980円', { referencePrice: 5980 }, 'クリーム']]);
    expect(out[0]!.message).toBe('The host says "6980円" but the manifest declares the reference price as 5,980円');
    const zh: Transcript = { segments: [{ start: 0, end: 5, text: '由于库存有限，本店由示例旗舰店发货' }] };
    const mz = { file: 'z.yaml', seller: { name: '示例旗舰店', aliases: [] }, products: [] };
    expect(applyManifest([], { manifest: mz, transcript: zh, rules, gazetteer: g, statements }, { language: 'zh', rulesetId: 'cn' })).toEqual([]);
  });
});

describe('rule addresses in reports', () => {
  it('a Korean law.go.kr address becomes a percent-encoded URI (SARIF helpUri); an encoded one is left alone', async () => {
    const { asUri } = await import('../../../src/report/formats/shared.js');
    expect(asUri('https://www.law.go.kr/법령/화장품법/제13조')).toBe('https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%ED%99%94%EC%9E%A5%ED%92%88%EB%B2%95/%EC%A0%9C13%EC%A1%B0');
    expect(asUri('https://www.law.go.kr/%EB%B2%95%EB%A0%B9')).toBe('https://www.law.go.kr/%EB%B2%95%EB%A0%B9');
    expect(asUri('https://laws.e-gov.go.jp/law/337AC0000000134#Mp-At_5')).toBe('https://laws.e-gov.go.jp/law/337AC0000000134#Mp-At_5');
  });
});
