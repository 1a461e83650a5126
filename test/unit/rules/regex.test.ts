import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinear, requiredWords } from '../../../src/rules/regex.js';
import { re2Spans } from '../../helpers/re2-spans.js';

describe('compileLinear', () => {
  it('property: spans() are the matcher\'s spans, whether or not the text holds a match (empty matches included)', () => {
    const sources = ['최고|최고급', '(염|증)[^.?!]{0,4}(나아|낫)', 'a*', '(?:b|)c?', '[가-힣]{1,3} ?효과', '^최|다$', '(최고|효과)+다', '(최고|고급)?효과', '(최|고)a|b', '(?:나아|낫)[가-힣|]', '(a|b)[|]c',
      '[가-힣]{0,4}(염|증)(을|를)? ?(싹 ?|다 ?)나아', '((?:최고|효과)|고 ?급|고)[^.]{0,3}다', 'ab?c', '효?과+다', '(고급){2}', '(a.|b)c', '\\.효과', '(a|b)(c|)효',
      // More than eight required words: the pre-check runs as one automaton pass.
      '(최고|고급|염증|나아|낫|효과|a|b|c|다)[^.]{0,3}과'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.string({ unit: fc.constantFrom('최', '고', '급', '염', '증', '나', '아', '낫', '효', '과', ' ', 'a', 'b', 'c', '.', '다'), maxLength: 30 }), (source, text) => {
        expect(compileLinear(source).spans(text)).toEqual(re2Spans(source, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('compiles a pattern once, however many matchers hold it, and answers each text afresh', () => {
    const source = '(염|증)[^.?!]{0,4}(나아|낫)';
    expect(compileLinear(source)).toBe(compileLinear(source));
    const texts = ['위염이 싹 나아요', '그냥 좋아요', '위염이 싹 나아요', '비염 낫고 위염 나아'];
    for (const t of [...texts, ...texts.reverse()]) expect(compileLinear(source).spans(t)).toEqual(re2Spans(source, t));
  });
});

describe('requiredWords (the pre-check that lets most texts skip RE2)', () => {
  it('takes the words of a leading group of plain alternatives that must match', () => {
    expect(requiredWords('(あと|残り)[0-9]+(秒|分)')).toEqual(['あと', '残り']);
    expect(requiredWords('(?:せかい|にほん)(いち|はつ)')).toEqual(['せかいいち', 'せかいはつ', 'にほんいち', 'にほんはつ']);
    expect(requiredWords('(최고|효과)+다')).toEqual(['최고', '효과']);
    expect(requiredWords('(a|b)[|]c')).toEqual(['a', 'b']);
  });
  it('finds the words further on when the pattern opens with something optional or not plain', () => {
    // What the Korean rulesets write: an open-ended disease name, then its suffix.
    expect(requiredWords('[가-힣]{0,4}(염|증|질환)[^.]{0,9}(나|낫)')).toEqual(['염', '증', '질환']);
    expect(requiredWords('[가-힣]{0,4}(염|증|질환)(이|가)? ?(있으신|앓는)')).toEqual(['있으신', '앓는']);
    expect(requiredWords('(최고|고급)?효과')).toEqual(['효과']);
    expect(requiredWords('(최고|고급)*효과')).toEqual(['효과']);
    expect(requiredWords('(a||b)cd')).toEqual(['cd']);
  });
  it('keeps the literal start of an alternative that goes on with something else', () => {
    expect(requiredWords('((?:정가|원가)|원래 ?가격은|원래)[^.?!]{0,6}만')).toEqual(['정가', '원가', '원래']);
    expect(requiredWords('(a.|b)c')).toEqual(['a', 'b']);
    expect(requiredWords('최고|최고급')).toEqual(['최고', '최고급']);
  });
  it('gives none where nothing must match, or the syntax is not followed', () => {
    expect(requiredWords('(최고|고급){0,1}[가-힣]')).toBeUndefined();
    expect(requiredWords('(최|고)a|.b')).toBeUndefined();
    expect(requiredWords('(?i)(abc)')).toBeUndefined();
    expect(requiredWords('a{x')).toBeUndefined();
    expect(requiredWords('.*')).toBeUndefined();
  });
});
