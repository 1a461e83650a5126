import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compileLinear } from '../../../src/rules/regex.js';

/** Every non-empty match by RE2's matcher alone (what spans() did before its yes/no pre-check). */
function matcherSpans(source: string, text: string): { start: number; end: number }[] {
  const m = RE2JS.compile(source).matcher(text);
  const out: { start: number; end: number }[] = [];
  while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
  return out;
}

describe('compileLinear', () => {
  it('property: spans() are the matcher\'s spans, whether or not the text holds a match (empty matches included)', () => {
    const sources = ['최고|최고급', '(염|증)[^.?!]{0,4}(나아|낫)', 'a*', '(?:b|)c?', '[가-힣]{1,3} ?효과', '^최|다$'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.string({ unit: fc.constantFrom('최', '고', '급', '염', '증', '나', '아', '낫', '효', '과', ' ', 'a', 'b', 'c', '.', '다'), maxLength: 30 }), (source, text) => {
        expect(compileLinear(source).spans(text)).toEqual(matcherSpans(source, text));
      }),
      { numRuns: 1000 },
    );
  });
});
