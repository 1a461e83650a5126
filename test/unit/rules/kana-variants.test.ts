import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { compileRules } from '../../../src/rules/compile.js';
import { KanaReadings, toHiragana } from '../../../src/rules/kana-variants.js';
import type { Ruleset } from '../../../src/rules/model.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

describe('toHiragana', () => {
  it('turns katakana into hiragana and leaves the long-vowel mark and other text', () => {
    expect(toHiragana('キエル')).toBe('きえる');
    expect(toHiragana('スーパー')).toBe('すーぱー');
    expect(toHiragana('治る')).toBe('治る');
  });

  it('keeps the length and changes nothing outside katakana', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const h = toHiragana(s);
        expect(h.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) if (!/[\u30a1-\u30f6]/u.test(s[i] as string)) expect(h[i]).toBe(s[i]);
      }),
    );
  });
});

describe('kana keys of a rule word', () => {
  const variants = (word: string) => new KanaReadings(ja).variants(ja.analyze(word).tokens);

  it('keys a verb written with kanji by its reading too', () => {
    expect(variants('消える').bases).toEqual([['きえる']]);
    expect(variants('シミが消える').bases).toEqual([['シミ', 'が', 'きえる']]);
  });

  it('keys a cue as written in kana too (kuromoji cuts とか differently in kana text)', () => {
    expect(variants('とかは言えない').surfaces).toEqual(['とかはいえない']);
  });

  it('gives no key that is another everyday word', () => {
    // 増す read ます is the polite auxiliary; 効く read きく is also 聞く; 産 read さん is 田中さん's.
    for (const w of ['増す', '効く', '産', '見る']) expect(variants(w).bases).toEqual([]);
  });
});

const ruleset: Ruleset = {
  id: 'kana',
  language: 'ja',
  sources: [],
  context: { negation: [{ after: ['とかは言えない'] }] },
  rules: [
    {
      id: 'kana/fade',
      kind: 'prohibit',
      category: 'medical-claim',
      severity: 'error',
      message: { en: 'fade claim' },
      reference: 'test',
      match: [{ id: 'fade', seq: ['シミ', 'が', '消える'] }, { id: 'eases', seq: ['腰痛', 'に', '効く'] }],
      examples: { bad: ['シミが消える'], good: ['シミ対策'] },
    },
  ],
};

describe('a rule word written with kanji finds the word written in kana', () => {
  const found = (line: string) => checkTranscript(compileRules([ruleset], ja), { segments: [{ start: 0, end: 5, text: line }] }, ja).map((f) => f.text);

  it.each([
    ['シミがきえます', 'シミがきえ'],
    ['シミがきえちゃった', 'シミがきえ'],
    ['シミが消えます', 'シミが消え'],
  ])('「%s」', (line, words) => {
    expect(found(line)).toEqual([words]);
  });

  it('and a cue written with kanji excuses the line written in kana', () => {
    expect(found('シミがきえるとかはいえないんです')).toEqual([]);
    expect(found('シミが消えるとかはいえないんです')).toEqual([]);
  });

  it('but not a homophone: お医者さんにきいて is asking, not 効く', () => {
    expect(found('腰痛にきいてみた')).toEqual([]);
  });
});
