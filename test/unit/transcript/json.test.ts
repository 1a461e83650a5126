import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocatedJson, type JsonNode } from '../../../src/transcript/json-located.js';
import { parseTranscriptJson } from '../../../src/transcript/json.js';
import { TranscriptParseError } from '../../../src/transcript/model.js';
import { fixture, linesOf, parseError } from './fixture.js';

const parse = (s: string) => parseTranscriptJson(s, 't.json');

describe('parseTranscriptJson', () => {
  it('reads the contract JSON with words, Whisper\'s "word" key and unknown members; lines point at each text', () => {
    expect(parseTranscriptJson(fixture('ja.json'), 'ja.json')).toEqual({
      language: 'ja',
      segments: [
        {
          start: 0,
          end: 4.2,
          text: 'この美容液は日本一売れているんです。',
          line: 4,
          words: [
            { start: 0, end: 0.9, text: 'この' },
            { start: 0.9, end: 2, text: '美容液は' },
            { start: 2, end: 4.2, text: '日本一売れているんです。' },
          ],
        },
        { start: 4.2, end: 6, text: '今だけ半額！', line: 6 },
      ],
    });
  });

  it('reads BOM + CRLF and a regional language tag', () => {
    expect(parseTranscriptJson(fixture('zh-bom-crlf.json'), 'zh.json')).toEqual({
      language: 'zh',
      segments: [
        { start: 1, end: 2.5, text: '全网最低价', line: 2 },
        { start: 2.5, end: 4, text: '三天见效', line: 3 },
      ],
    });
  });

  it('reads an untimed transcript (null or absent times on every segment)', () => {
    expect(parseTranscriptJson(fixture('ko-untimed.json'), 'ko.json')).toEqual({
      language: 'ko',
      untimed: true,
      segments: [
        { start: null, end: null, text: '업계 최고의 제품입니다', line: 4 },
        { start: null, end: null, text: '지금 바로 구매하세요', line: 5 },
      ],
    });
  });

  it('treats a null language as absent and accepts no segments', () => {
    expect(parse('{"language": null, "segments": []}')).toEqual({ segments: [] });
  });

  describe('errors point at the offending value', () => {
    it('a syntax error: a string not closed before the line break', () => {
      const e = parseError(() => parseTranscriptJson(fixture('malformed/syntax.json'), 'syntax.json'));
      expect([e.file, e.line, e.column]).toEqual(['syntax.json', 4, 44]);
      expect(e.reason).toMatch(/^expected a double quote to close the string/);
    });

    it('a wrong type', () => {
      expect(parseError(() => parseTranscriptJson(fixture('malformed/bad-type.json'), 'x.json'))).toMatchObject({
        line: 4,
        column: 15,
        reason: 'expected segments[1].start to be a number of seconds, found the string "00:00:01"',
      });
    });

    it('an end before the start', () => {
      expect(parseError(() => parseTranscriptJson(fixture('malformed/end-before-start.json'), 'x.json'))).toMatchObject({
        line: 2,
        column: 23,
        reason: 'expected segments[0].end (1) to be at or after its start (3)',
      });
    });

    // ¦ marks where the error must point; it is removed before parsing.
    it.each([
      ['¦[]', /^expected a JSON object like/],
      ['¦{}', /"segments" array/],
      ['{"segments": ¦{}}', /^expected "segments" to be an array, found an object$/],
      ['{"language": ¦"en", "segments": []}', /"ja", "zh" or "ko".*found the string "en"$/],
      ['{"language": ¦1, "segments": []}', /found 1$/],
      ['{"segments": [¦1]}', /^expected segments\[0\] to be an object/],
      ['{"segments": [¦{"start": 0, "end": 1}]}', /^expected segments\[0\] to have a "text" string$/],
      ['{"segments": [¦{"start": 0, "text": "a"}]}', /"end" time in seconds, since it has a "start"$/],
      ['{"segments": [¦{"end": 0, "text": "a"}]}', /"start" time in seconds, since it has an "end"$/],
      ['{"segments": [{"start": ¦-1, "end": 0, "text": "a"}]}', /0 or more, found -1$/],
      ['{"segments": [{"start": 0, "end": 1, "text": ¦5}]}', /^expected segments\[0\]\.text to be a string, found 5$/],
      ['{"segments": [{"start": 0, "end": 1, "text": "a"},\n ¦{"text": "b"}]}', /timed throughout or not at all$/],
      ['{"segments": [{"text": "a"},\n {"start": ¦1, "end": 2, "text": "b"}]}', /to have no "start" and "end"/],
      ['{"segments": [{"text": "a", "words": ¦[]}]}', /^expected no "words"/],
      ['{"segments": [{"start": 0, "end": 1, "text": "a", "words": ¦{}}]}', /words to be an array, found an object$/],
      ['{"segments": [{"start": 0, "end": 1, "text": "a", "words": [¦{"start": 0, "end": 1}]}]}', /words\[0\] to have a "text" string$/],
      ['{"segments": [{"start": 0, "end": 1, "text": "a", "words": [{"start": 1, "end": ¦0.5, "text": "a"}]}]}', /words\[0\]\.end \(0\.5\) to be at or after its start \(1\)$/],
      ['¦', /^expected a JSON value .* found the end of the file$/],
      ['{"segments": []} ¦x', /^expected the end of the file after the JSON value, found "x"$/],
      ['{"segments": [1,¦]}', /JSON allows no comma before "\]"/],
      ['{"segments": [],¦}', /JSON allows no comma before "}"/],
      ['{"segments" ¦[]}', /^expected ":" after the member name "segments", found "\["$/],
      ['{¦segments: []}', /^expected a member name in double quotes, found "s"$/],
      ['{"segments": [0¦1]}', /^expected "," or "\]" after an array element, found "1"$/],
      ['{"a": "¦\\x"}', /^expected an escape such as/],
      ['{"a": "¦\\u12"}', /four hexadecimal digits/],
      ['{"a": ¦"abc', /closing double quote .* end of the file$/],
      ['{"a": ¦tru}', /^expected a JSON value/],
      ['{\n  "segments": [\n    {"start": 0, "end": 1, "text": "a"\n  ¦]\n}', /^expected "," or "}" after an object member, found "\]"$/],
    ])('%j', (marked, reason) => {
      const at = marked.indexOf('¦');
      const content = marked.replace('¦', '');
      const before = linesOf(content.slice(0, at));
      const e = parseError(() => parse(content));
      expect({ line: e.line, column: e.column }).toEqual({ line: before.length, column: (before.at(-1) ?? '').length + 1 });
      expect(e.reason).toMatch(reason);
    });

    it('refuses hostile nesting with a parse error, not a stack overflow', () => {
      const e = parseError(() => parse('['.repeat(100_000)));
      expect(e.reason).toMatch(/levels of nested arrays and objects/);
    });
  });
});

function plain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries([...node.members].map(([k, v]) => [k, plain(v)]));
    case 'array':
      return node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

function viaJsonParse(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) as unknown };
  } catch {
    return { ok: false };
  }
}

function viaLocated(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: plain(LocatedJson.parse(s, 'x.json').root) };
  } catch (e) {
    expect(e).toBeInstanceOf(TranscriptParseError);
    return { ok: false };
  }
}

describe('LocatedJson agrees with JSON.parse', () => {
  const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '.', 'e', '+', ' ', '\n', 'true', 'null', 'fals', 'a', '日', '\u0001', '\\u00e9', '\\ud83d\\ude00') });
  const jsonText = fc.oneof(fc.json(), fc.json().map((s) => s.replace(/,/, '')), jsonish);

  it('on which texts are JSON and on their values', () => {
    fc.assert(
      fc.property(jsonText, (s) => {
        expect(viaLocated(s)).toEqual(viaJsonParse(s));
      }),
      { numRuns: 500 },
    );
  });

  it('on unicode escapes, including surrogate pairs and lone surrogates', () => {
    const s = '["\\u65e5\\ud83d\\ude00\\udc00\\/\\b\\f\\n\\r\\t"]';
    expect(viaLocated(s)).toEqual(viaJsonParse(s));
  });
});
