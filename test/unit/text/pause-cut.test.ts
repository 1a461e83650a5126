/**
 * A space between Chinese (or Japanese) characters is dropped by normalisation (口服水光 喝 → 口服水光喝), but it was a pause: jieba
 * must not glue a word across it (水|光喝 hid 水光 from a rule). droppedSpaces (text/normalize.ts) finds those places,
 * and the Chinese tokenizer cuts each stretch between them on its own; a rule word that runs across the pause (国家 级)
 * is still found.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { droppedSpaces, normalize } from '../../../src/text/normalize.js';
import { compileSource, prohibitedTexts, seqRulesSource } from '../../helpers/rule-source.js';

let zh: Analyzer;
let ja: Analyzer;
beforeAll(async () => {
  zh = await createAnalyzerFor('zh');
  ja = await createAnalyzerFor('ja');
});

const tokens = (text: string): string[] => zh.analyze(text).tokens.map((t) => t.surface);
const found = (seqs: string[], text: string): string[] => prohibitedTexts(compileSource(seqRulesSource('zh', seqs), zh), text, zh);

describe('a pause (a dropped space) ends a Chinese word', () => {
  it('口服水光 喝 no longer reads 水|光喝, nor 几率越大 家人们 越|大家|人们', () => {
    expect(tokens('口服水光 喝了')).not.toContain('光喝');
    expect(tokens('口服水光 喝了')).toContain('喝');
    expect(tokens('中奖几率越大 家人们冲')).not.toContain('大家');
    // Unpunctuated and unspaced, jieba's cut is as before.
    expect(tokens('中奖几率越大家人们冲')).toContain('大家');
  });

  it('a rule word before the pause is found; one across it still is', () => {
    expect(found(['[水光, 喝]'], '口服水光 喝一个月')).toEqual(['水光 喝']);
    expect(found(['[几率越大]'], '下单越多中奖几率越大 家人们冲')).toEqual(['几率越大']);
    expect(found(['[国家级]'], '这是国家 级的产品')).toEqual(['国家 级']);
  });
});

describe('a pause ends a Japanese word too (captions read off the screen space their phrases)', () => {
  it('最高 級の美容液 reads 最高|級, not 最|高級; the rule word 最高級 across the pause is still found', () => {
    const surfaces = ja.analyze('最高 級の美容液').tokens.map((t) => t.surface);
    expect(surfaces.slice(0, 2)).toEqual(['最高', '級']);
    expect(prohibitedTexts(compileSource(seqRulesSource('ja', ['[最高級]']), ja), '最高 級の美容液', ja)).toEqual(['最高 級']);
  });
});

describe('droppedSpaces', () => {
  it('names where a space between two characters of a spaceless script was dropped, and nowhere else', () => {
    const n = normalize('口服水光 喝了　皮肤好 iPhone 15', 'zh');
    expect(n.text).toBe('口服水光喝了皮肤好 iphone 15');
    expect(droppedSpaces(n)).toEqual([4, 6]);
  });

  it('property: each offset is inside the text, ascending, with no space on either side of it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('药', '喝', ' ', '　', 'a', '1', '，', '\n'), { maxLength: 40 }), (chars) => {
        const n = normalize(chars.join(''), 'zh');
        const at = droppedSpaces(n);
        at.forEach((i, k) => {
          expect(i).toBeGreaterThan(0);
          expect(i).toBeLessThan(n.text.length);
          if (k > 0) expect(i).toBeGreaterThan(at[k - 1] as number);
          expect(n.text[i]).not.toBe(' ');
          expect(n.text[i - 1]).not.toBe(' ');
        });
      }),
    );
  });
});

describe('N分の that is no fraction', () => {
  it('1日20分の作業 reads 20|分|の, so a rule\'s minutes are seen; 3分の1 and 十分の stay as IPADIC reads them', () => {
    const surfaces = (t: string) => ja.analyze(t).tokens.map((x) => x.surface);
    expect(surfaces('1日20分の作業で')).toEqual(['1', '日', '20', '分', 'の', '作業', 'で']);
    expect(surfaces('3分の1の価格')).toContain('分の');
    expect(surfaces('十分の説明')).toContain('十分');
    expect(prohibitedTexts(compileSource(seqRulesSource('ja', ['[{number: [分]}, の, 作業]']), ja), '1日20分の作業で3万円', ja)).toEqual(['20分の作業']);
  });
});

describe('cutAtPauses', () => {
  it('re-tags only the pieces that run across a pause, in their parts', async () => {
    const { cutAtPauses } = await import('../../../src/text/tokenizers/zh.js');
    const tagged: string[] = [];
    const tag = (part: string) => {
      tagged.push(part);
      return [...part].map((c) => ({ surface: c, pos: 'x' }));
    };
    const pieces = ['口服', '水', '光喝', '了'].map((surface) => ({ surface, pos: 'n' }));
    expect(cutAtPauses(pieces, [4], tag).map((p) => p.surface)).toEqual(['口服', '水', '光', '喝', '了']);
    expect(tagged).toEqual(['光', '喝']);
    // A pause on a piece's edge cuts nothing.
    expect(cutAtPauses(pieces, [3], tag).map((p) => p.surface)).toEqual(['口服', '水', '光喝', '了']);
  });
});
