import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Text } from '../../../src/text/tokenizers/utf8.js';
import { createKoreanMecab } from '../../../src/text/tokenizers/ko.js';

describe('Utf8Text (the MeCab reader\'s reused UTF-8 buffer)', () => {
  const u = new Utf8Text();
  it('encodes as TextEncoder does, and maps each character start back to its offset in the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        u.encode(s);
        const want = new TextEncoder().encode(s);
        expect(u.bytes.subarray(0, u.length)).toEqual(want);
        // Every character's bytes decode to the text's slice between the offsets (unless a lone surrogate made it lossy).
        if (!u.lossy) {
          let p = 0;
          for (const ch of s) {
            const n = new TextEncoder().encode(ch).length;
            expect(s.slice(u.charAt[p], u.charAt[p + n])).toBe(ch);
            p += n;
          }
        }
      }),
    );
    u.encode('a\ud800b');
    expect(u.lossy).toBe(true);
    u.encode('피부😀');
    expect([u.length, u.lossy, u.charAt[6], u.charAt[10]]).toEqual([10, false, 2, 4]);
  });
  it('gives the MeCab reader the surfaces a decoder gave, emoji and lone surrogates included', () => {
    const mecab = createKoreanMecab();
    const dec = new TextDecoder();
    for (const text of ['피부가 좋아져요😀 진짜', '가\ud800나 다', '𠀀한자 섞인 글']) {
      const bytes = new TextEncoder().encode(text);
      const surfaces = mecab.tokenize(text).map((m) => m.surface);
      // The surfaces, joined, are the text's bytes without its spaces.
      expect(surfaces.join('')).toBe(dec.decode(bytes).replace(/ /g, ''));
    }
  });
});
