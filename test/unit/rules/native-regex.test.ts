import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinRuleset } from '../../helpers/builtin.js';
import { re2Spans } from '../../helpers/re2-spans.js';
import { compileLinear, jsSyntax, nativeRegex, requiredWords, toRe2Syntax } from '../../../src/rules/regex.js';
import { MAX_PATHS, parseAlternatives, pathsOf } from '../../../src/rules/regex-syntax.js';

const paths = (source: string) => pathsOf(parseAlternatives(source, 0, false)?.alts ?? []);

/** Every `regex:` of a built-in ruleset, vocab expanded, wherever it sits in the ruleset. */
function regexesOf(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) regexesOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'regex' && typeof v === 'string') out.add(v);
      else if (k !== 'examples') regexesOf(v, out);
    }
  return out;
}

describe('which engine runs a pattern', () => {
  it('counts the ways a backtracking engine could try from one position, and refuses unbounded repetition', () => {
    expect(paths('최고')).toBe(1);
    expect(paths('[가-힣]{0,4}(염|증)')).toBe(5);
    expect(paths('(효과|변화) ?(없|못 ?보|못 ?하)')).toBe(2 * 4);
    expect(paths('(a|b)?c')).toBe(2);
    expect(paths('(a|ab|abc|b)c')).toBe(3);
    expect(paths('(a.|b)c')).toBe(1);
    expect(paths('(a.|a|.b)c')).toBe(3);
    expect(paths('([가-힣]{1,6} ?){0,3}')).toBe(1 + 12 + 144 + 1728);
    expect(paths('(a|a)*$')).toBe(Infinity);
    expect(paths('(.*?,){15}X')).toBe(Infinity);
    expect(paths('[0-9]+분')).toBe(Infinity);
    expect(paths('((a{0,9}){0,9}){0,9}')).toBe(MAX_PATHS + 1);
  });

  it('reads a pattern in JavaScript syntax only where both engines mean the same by it', () => {
    expect(jsSyntax('a.b[.]\\.')).toBe('a[^\\n]b[.]\\.');
    expect(jsSyntax('\\p{Script=Han}{2}[0-9\\-]')).toBe('\\p{Script=Han}{2}[0-9\\-]');
    for (const differs of ['a\\sb', '\\bword', '\\w+', '[]a]', '[[:alpha:]]', '\\p{Han'])
      expect(jsSyntax(differs), differs).toBeUndefined();
  });

  it('leaves to RE2 what could backtrack without bound, or what JavaScript reads otherwise', () => {
    expect(nativeRegex('(염|증)[^.?!]{0,24}(나아|낫)')?.re).toBeInstanceOf(RegExp);
    // The more ways to try from a position, the shorter the texts JavaScript is given.
    expect(nativeRegex('효과')?.maxText).toBe(20_000_000);
    expect(nativeRegex('[가-힣]{0,99}[가-힣]{0,99}효과')?.maxText).toBe(2_000);
    for (const re2Only of ['(a|a)*$', '(.*?,){15}X', '((a{0,9}){0,9}){0,9}', '효과\\s?있', '\\p{Han}{2}', '(?i)abc'])
      expect(nativeRegex(re2Only), re2Only).toBeUndefined();
  });
});

describe('JavaScript and RE2 find the same matches', () => {
  const alphabet = ['최', '고', '급', '염', '증', '나', '아', '낫', '효', '과', ' ', '\u3000', '\n', '\r', '\u2028', 'a', 'b', '.', '다', '𠮷', '-'];
  it('property: on random text, for patterns of every shape the native path takes', () => {
    const sources = ['(염|증)[^.?!]{0,4}(나아|낫)', '[가-힣]{0,4}(염|증)(을|를)? ?(싹 ?|다 ?)나아', '((?:최고|효과)|고 ?급|고)[^.]{0,3}다', 'a.b', '^최|다$', '(고급){2}', '[^가-힣]효과', '효.{0,2}과', '[a-b\\-]{1,3}', '\\p{Script=Han}'];
    for (const s of sources) expect(nativeRegex(s)?.re, s).toBeInstanceOf(RegExp);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 }), (source, text) => {
        expect(compileLinear(source).spans(text)).toEqual(re2Spans(source, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a text longer than the pattern\'s budget to RE2, with the same matches', () => {
    const source = '[가-힣]{0,99}[가-힣]{0,99}효과';
    const long = `${'가나다 '.repeat(800)}최고효과 좋아요`;
    expect(long.length).toBeGreaterThan(nativeRegex(source)?.maxText ?? 0);
    expect(compileLinear(source).spans(long)).toEqual(re2Spans(source, long));
    expect(compileLinear(source).spans(long)).toHaveLength(1);
  });

  it.each([
    ['jp', 'ja'],
    ['cn', 'zh'],
    ['kr', 'ko'],
  ])('the regexes of the built-in %s ruleset run at least half natively, with RE2\'s matches on every corpus line', async (ref, lang) => {
    const sources = [...regexesOf(await builtinRuleset(ref), new Set())];
    expect(sources.length).toBeGreaterThan(0);
    const corpus = (parse(readFileSync(path.join(import.meta.dirname, '../../corpus', `${lang}.yaml`), 'utf8')) as { lines: { text: string }[] }).lines.map((l) => l.text);
    expect(sources.filter((s) => nativeRegex(s)).length).toBeGreaterThanOrEqual(sources.length / 2);
    // Only the patterns JavaScript runs need to agree with RE2 (the rest are RE2's own).
    for (const source of sources.filter((s) => nativeRegex(s))) {
      const native = compileLinear(source);
      const re2 = RE2JS.compile(toRe2Syntax(source));
      // Lines holding none of the words every match holds have no match in either engine.
      const words = requiredWords(source);
      for (const text of corpus.filter((t) => !words || words.some((w) => t.includes(w)))) {
        if (!re2.test(text)) expect(native.spans(text), text).toEqual([]);
        else expect(native.spans(text), text).toEqual(re2Spans(source, text));
      }
    }
  });
});
