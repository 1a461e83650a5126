import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { changingChars, changingCharsOf, type ConverterConfig, skipUnchanged } from '../../../src/text/simplify-chars.js';
import { loadSimplifier } from '../../../src/text/tokenizers/index.js';
import { corpusTexts } from '../../corpus/evaluate.js';

/** opencc's own conversion, every text converted (what loadSimplifier did before it skipped any). */
const tw = Converter({ from: 'tw', to: 'cn' });
const hk = Converter({ from: 'hk', to: 'cn' });
const full = (s: string) => hk(tw(s));

describe('changingChars', () => {
  it('takes the characters a key does not keep, or all of a key whose value differs in length', () => {
    const changing = changingChars([['乾隆 乾隆|乾 干 乾|著急 着急', [['發', '发']]], ['喫飯 吃饭|醃 腌制']]);
    expect([...changing].sort()).toEqual(['乾', '喫', '著', '發', '飯', '醃'].sort());
  });

  it('skips the conversion only for a text holding none of them', () => {
    let calls = 0;
    const convert = skipUnchanged((s) => (calls++, s.replace('發', '发')), new Set(['發']));
    expect(convert('发货了')).toBe('发货了');
    expect(calls).toBe(0);
    expect(convert('發貨了')).toBe('发貨了');
    expect(calls).toBe(1);
  });

  it('property: converts exactly the texts holding one of the characters, astral and lone surrogates included', () => {
    const set = new Set(['發', '𠀾', '乾']);
    const unit = fc.oneof(fc.constantFrom('發', '𠀾', '乾', '发', '𠀀', '\ud840', '\udc3e', 'a'), fc.string({ unit: 'binary', maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        let converted = false;
        skipUnchanged((x) => ((converted = true), x), set)(s);
        expect(converted).toBe([...s].some((c) => set.has(c)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the Traditional → Simplified converter', () => {
  // The same characters loadSimplifier reads (both configurations are in this opencc-js).
  const changing = changingCharsOf((Locale as unknown as { configs: Record<string, ConverterConfig> }).configs, ['tw2s', 'hk2s']) as Set<string>;

  it('reads the characters from both configurations opencc runs', () => {
    expect(changing?.size).toBeGreaterThan(1000);
  });

  it('property: a text of characters opencc cannot change comes out of its full conversion as it went in', () => {
    const unchanged = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)).filter((c) => !changing.has(c));
    fc.assert(
      fc.property(fc.array(unchanged, { maxLength: 24 }), (chars) => {
        const s = chars.join('');
        expect(full(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('gives opencc\'s full conversion on every Chinese corpus line and on mixed Traditional text', async () => {
    const toSimplified = await loadSimplifier();
    const corpus = await corpusTexts('zh');
    const skipped = corpus.filter((l) => ![...l].some((c) => changing.has(c)));
    // Most Simplified speech holds no character a Traditional dictionary changes.
    expect(skipped.length).toBeGreaterThan(corpus.length / 2);
    for (const line of [...corpus, '這款面膜是頂級的保濕效果', '乾隆皇帝喝過的茶', '著急的話先下單']) expect(toSimplified(line), line).toBe(full(line));
  });
});
