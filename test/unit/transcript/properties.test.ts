/**
 * Property tests: what the writers produce reads back to the same transcript, and no input,
 * however broken, makes a parser throw anything but a TranscriptParseError that points inside
 * the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TranscriptParseError, type Segment, type Transcript, type Word } from '../../../src/transcript/model.js';
import { parseTranscriptJson } from '../../../src/transcript/json.js';
import { parseTranscript } from '../../../src/transcript/parse.js';
import { parseSrt } from '../../../src/transcript/srt.js';
import { parseTxt } from '../../../src/transcript/txt.js';
import { parseVtt } from '../../../src/transcript/vtt.js';
import { serializeTranscript } from '../../../src/transcript/write.js';
import { linesOf } from './fixture.js';

const RUNS = { numRuns: 300 };

const cjkChar = fc
  .oneof(
    fc.integer({ min: 0x4e00, max: 0x9fff }), // Han
    fc.integer({ min: 0x3041, max: 0x3096 }), // Hiragana
    fc.integer({ min: 0x30a1, max: 0x30fa }), // Katakana
    fc.integer({ min: 0xac00, max: 0xd7a3 }), // Hangul
    fc.integer({ min: 0x20000, max: 0x2a6df }), // Han beyond the BMP (surrogate pairs)
  )
  .map((cp) => String.fromCodePoint(cp));

/** Text any format can carry: CJK, punctuation, digits, Latin, inner spaces; no control characters. */
const plainChar = fc.oneof({ weight: 4, arbitrary: cjkChar }, { weight: 1, arbitrary: fc.constantFrom('、', '。', '！', '%', '1', '0', 'A', 'z', ' ', '「', '」', '・', 'ー') });
/** Plus characters WebVTT must escape and SRT would take for tags or timing. */
const richChar = fc.oneof(plainChar, fc.constantFrom('<', '>', '&', '-->', '&amp;', '<i>'));

const textOf = (ch: fc.Arbitrary<string>) =>
  fc
    .array(ch, { minLength: 1, maxLength: 30 })
    .map((a) => a.join('').trim())
    .filter((s) => s !== '');

/** A run of CJK characters with no whitespace: one "word" of word timing. */
const chunk = fc.array(cjkChar, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

/** A timed segment, in milliseconds so every time is exact to the millisecond. */
const segmentOf = (text: fc.Arbitrary<string>, withWords: boolean) =>
  fc
    .record({
      startMs: fc.integer({ min: 0, max: 40 * 3_600_000 }),
      lengthMs: fc.integer({ min: 0, max: 120_000 }),
      text,
      // Two words at least: one word spanning the whole cue is the cue itself, and WebVTT writes it so.
      chunks: fc.array(fc.tuple(chunk, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 6 }),
      words: fc.boolean(),
    })
    .map(({ startMs, lengthMs, text: t, chunks, words }): Segment => {
      const start = startMs / 1000;
      const end = (startMs + lengthMs) / 1000;
      if (!withWords || !words) return { start, end, text: t };
      // Words spell the text; word k runs from its start to the next word's start (the cue end for the last).
      const starts = chunks.map(([, f]) => startMs + Math.floor(f * lengthMs)).sort((a, b) => a - b);
      const ws: Word[] = chunks.map(([c], k) => ({ start: (starts[k] ?? 0) / 1000, end: (starts[k + 1] ?? startMs + lengthMs) / 1000, text: c }));
      return { start, end, text: chunks.map(([c]) => c).join(''), words: ws };
    });

const transcriptOf = (segment: fc.Arbitrary<Segment>) =>
  fc.record({ language: fc.constantFrom(undefined, 'ja' as const, 'zh' as const, 'ko' as const), segments: fc.array(segment, { maxLength: 15 }) }).map(({ language, segments }): Transcript => {
    const sorted = [...segments].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    return language ? { language, segments: sorted } : { segments: sorted };
  });

const withoutLines = (segments: readonly Segment[]) => segments.map(({ line: _line, ...rest }) => rest);

/** Each parsed segment's line is where its text is written (single-line text). */
function expectLinesPointAtText(content: string, segments: readonly Segment[]): void {
  const lines = linesOf(content);
  for (const s of segments) {
    expect(s.line).toBeDefined();
    expect(lines[(s.line ?? 0) - 1]).toContain(s.text.slice(0, 1));
  }
}

describe('serialize → parse round trip', () => {
  it('SRT keeps times to the millisecond and the text', () => {
    fc.assert(
      fc.property(transcriptOf(segmentOf(textOf(plainChar), false)), (t) => {
        const srt = serializeTranscript(t, 'srt');
        const back = parseTranscript(srt, 'x.srt');
        expect(withoutLines(back.segments)).toEqual(t.segments);
        expectLinesPointAtText(srt, back.segments);
      }),
      RUNS,
    );
  });

  it('WebVTT keeps times, text with characters to escape, the language and word timing', () => {
    fc.assert(
      fc.property(transcriptOf(fc.oneof(segmentOf(textOf(richChar), false), segmentOf(textOf(plainChar), true))), (t) => {
        const vtt = serializeTranscript(t, 'vtt');
        const back = parseTranscript(vtt, 'x.vtt');
        expect(back.language).toBe(t.language);
        expect(withoutLines(back.segments)).toEqual(t.segments);
      }),
      RUNS,
    );
  });

  it('JSON keeps everything, timed or untimed', () => {
    const untimed = fc.array(textOf(richChar), { maxLength: 10 }).map((texts): Transcript => ({ untimed: true, segments: texts.map((text) => ({ start: null, end: null, text })) }));
    fc.assert(
      fc.property(fc.oneof(transcriptOf(segmentOf(textOf(richChar), true)), untimed), (t) => {
        const json = serializeTranscript(t, 'json');
        const back = parseTranscriptJson(json, 'x.json');
        const { segments, ...rest } = back;
        const expected = t.segments.length === 0 ? (({ untimed: _u, ...r }) => r)(t) : t;
        expect({ ...rest, segments: withoutLines(segments) }).toEqual({ ...expected, segments: expected.segments });
        expectLinesPointAtText(json, segments.filter((s) => s.text !== ''));
      }),
      RUNS,
    );
  });

  it('plain text keeps the start times and the text; each line ends where the next starts', () => {
    fc.assert(
      fc.property(transcriptOf(segmentOf(textOf(plainChar), false)), (t) => {
        const back = parseTxt(serializeTranscript(t, 'txt'), 'x.txt');
        expect(back.segments.map((s) => [s.start, s.text])).toEqual(t.segments.map((s) => [s.start, s.text]));
        back.segments.forEach((s, k) => {
          const next = back.segments[k + 1];
          if (next) expect(s.end).toBe(next.start);
          else expect(s.end).toBeGreaterThanOrEqual((s.start ?? 0) + 1);
        });
      }),
      RUNS,
    );
  });
});

type Parser = (content: string, file: string) => Transcript;
const PARSERS: [string, Parser][] = [
  ['srt', parseSrt],
  ['vtt', parseVtt],
  ['json', parseTranscriptJson],
  ['txt', parseTxt],
  ['sniffed', (c, f) => parseTranscript(c, f)],
];

/** Fragments of every format, so random strings reach deep into the parsers. */
const junk = fc.string({
  unit: fc.constantFrom(
    '0', '1', '9', ':', ',', '.', ' ', '\t', '-->', '->', '<', '>', '/', '\n', '\r\n', '\r', '\n\n', '\ufeff', '\u0000', '\u001a',
    'WEBVTT', 'WEBVTT\n\n', 'NOTE', 'STYLE', 'Language: ja', '00:00:01,000', '00:01.500', '99:99:99', '00:00:01.000 --> 00:00:02.000',
    '[', ']', '[00:01]', '{', '}', '"', '\\', 'segments', '"start":', '"end":', '"text":', 'null', '-1',
    '<v A>', '</v>', '<00:00:01.000>', '<rt>', '</rt>', '&amp;', '&#x41;', '日本一', '최고', '全网',
  ),
  maxLength: 60,
});

const arbitraryInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  junk,
  // a valid file with a piece cut out or something pasted in
  fc
    .tuple(
      transcriptOf(segmentOf(textOf(richChar), true)),
      fc.constantFrom('srt' as const, 'vtt' as const, 'json' as const, 'txt' as const),
      fc.nat(),
      fc.nat({ max: 10 }),
      junk,
    )
    .map(([t, format, at, cut, paste]) => {
      const s = serializeTranscript(t, format);
      const i = s.length === 0 ? 0 : at % s.length;
      return s.slice(0, i) + paste + s.slice(i + cut);
    }),
);

describe('parsers on arbitrary input', () => {
  it.each(PARSERS)('%s throws only TranscriptParseError, pointing inside the file', (_name, parse) => {
    fc.assert(
      fc.property(arbitraryInput, (content) => {
        const lines = linesOf(content);
        let t: Transcript;
        try {
          t = parse(content, 'in.file');
        } catch (e) {
          expect(e).toBeInstanceOf(TranscriptParseError);
          const err = e as TranscriptParseError;
          expect(err.file).toBe('in.file');
          expect(err.line).toBeGreaterThanOrEqual(1);
          expect(err.line).toBeLessThanOrEqual(lines.length);
          expect(err.column).toBeGreaterThanOrEqual(1);
          expect(err.column).toBeLessThanOrEqual((lines[err.line - 1] ?? '').length + 1);
          expect(err.reason).toMatch(/^expected /);
          return;
        }
        for (const s of t.segments) {
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lines.length);
          if (s.start !== null && s.end !== null) {
            expect(Number.isFinite(s.start) && Number.isFinite(s.end)).toBe(true);
            expect(s.end).toBeGreaterThanOrEqual(s.start);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
