import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Automaton, codeUnits } from '../../../src/rules/automaton.js';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${at}:${at + p.length}:${i}`);
  });
  return out.sort();
}

describe('Automaton (Aho–Corasick)', () => {
  it('finds overlapping and nested patterns', () => {
    const a = new Automaton(['he', 'she', 'his', 'hers'].map((p, i) => ({ key: p.split(''), value: i })));
    const hits = a.search('ushers'.split('')).map((h) => `${h.start}:${h.end}:${h.value}`).sort();
    expect(hits).toEqual(['1:4:1', '2:4:0', '2:6:3']);
  });

  it('works over token sequences too', () => {
    const a = new Automaton<string>([{ key: ['治る'], value: 7 }, { key: ['肌', 'が', '白く'], value: 8 }]);
    expect(a.search(['シミ', 'が', '治る', 'し', '肌', 'が', '白く']).map((h) => h.value)).toEqual([7, 8]);
  });

  it('property: the same hits as a naive search, whatever the patterns', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '最', '近'), maxLength: 4 }), { maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', '最', '近'), maxLength: 40 }), (patterns, text) => {
        const a = new Automaton(patterns.map((p, i) => ({ key: p.split(''), value: i })));
        const got = a.search(text.split('')).map((h) => `${h.start}:${h.end}:${h.value}`).sort();
        expect(got).toEqual(naive(patterns, text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: saved as data (through JSON) and read back, the same hits', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '最', '近'), maxLength: 4 }), { maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', '最', '近'), maxLength: 40 }), (patterns, text) => {
        const a = new Automaton(patterns.map((p, i) => ({ key: p.split(''), value: i })));
        const b = Automaton.fromData<string>(JSON.parse(JSON.stringify(a.toData())));
        expect(b.toData()).toEqual(a.toData());
        expect(b.search(text.split(''))).toEqual(a.search(text.split('')));
      }),
      { numRuns: 300 },
    );
  });

  it('property: over code units (searchCodes), the same hits as the naive search, surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '最', '近', '𠮷'), maxLength: 4 }), { maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', '最', '近', '𠮷'), maxLength: 40 }), (patterns, text) => {
        const a = new Automaton<number>(patterns.map((p, i) => ({ key: codeUnits(p), value: i })));
        expect(a.searchCodes(text).map((h) => `${h.start}:${h.end}:${h.value}`).sort()).toEqual(naive(patterns, text));
        const b = Automaton.fromData<number>(JSON.parse(JSON.stringify(a.toData())));
        expect(b.searchCodes(text)).toEqual(a.searchCodes(text));
        expect(b.maxLength).toBe(Math.max(0, ...patterns.map((p) => p.length)));
        expect(b.containsCodes(text)).toBe(patterns.some((p) => p.length > 0 && text.includes(p)));
      }),
      { numRuns: 300 },
    );
  });
});
