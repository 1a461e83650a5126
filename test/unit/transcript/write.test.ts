import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/transcript/model.js';
import { parseTranscript } from '../../../src/transcript/parse.js';
import { serializeTranscript, TranscriptWriteError } from '../../../src/transcript/write.js';

const timed: Transcript = {
  language: 'ja',
  segments: [
    {
      start: 0,
      end: 4.2,
      text: 'この美容液は日本一です',
      line: 3,
      words: [
        { start: 0, end: 1, text: 'この' },
        { start: 1.0004, end: 2, text: '美容液は' },
        { start: 2.5, end: 4.2, text: '日本一です' },
      ],
    },
    { start: 3725.5, end: 3726.25, text: 'A < B & C\n\n今だけ' },
    { start: 3727, end: 3728, text: '  \n ' },
  ],
};

const untimed: Transcript = {
  untimed: true,
  segments: [
    { start: null, end: null, text: '全网最低价', line: 1 },
    { start: null, end: null, text: '三天见效', line: 3 },
  ],
};

describe('serializeTranscript', () => {
  it('writes SRT: numbered cues, comma milliseconds, no blank lines inside a cue, empty segments left out', () => {
    expect(serializeTranscript(timed, 'srt')).toBe(
      '1\n00:00:00,000 --> 00:00:04,200\nこの美容液は日本一です\n\n2\n01:02:05,500 --> 01:02:06,250\nA < B & C\n今だけ\n',
    );
  });

  it('writes WebVTT with the language, escapes, and words as inline timestamps', () => {
    expect(serializeTranscript(timed, 'vtt')).toBe(
      'WEBVTT\nLanguage: ja\n\n00:00:00.000 --> 00:00:04.200\nこの<00:00:01.000>美容液は<00:00:02.500>日本一です\n\n01:02:05.500 --> 01:02:06.250\nA &lt; B &amp; C\n今だけ\n',
    );
  });

  it('writes contract JSON one segment a line, times to the millisecond', () => {
    expect(serializeTranscript(timed, 'json')).toBe(
      [
        '{',
        '  "language": "ja",',
        '  "segments": [',
        '    {"start":0,"end":4.2,"text":"この美容液は日本一です","words":[{"start":0,"end":1,"text":"この"},{"start":1,"end":2,"text":"美容液は"},{"start":2.5,"end":4.2,"text":"日本一です"}]},',
        '    {"start":3725.5,"end":3726.25,"text":"A < B & C\\n\\n今だけ"},',
        '    {"start":3727,"end":3728,"text":"  \\n "}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(serializeTranscript({ segments: [] }, 'json')).toBe('{\n  "segments": []\n}\n');
  });

  it('writes plain text with start stamps, or bare lines when untimed', () => {
    expect(serializeTranscript(timed, 'txt')).toBe('[00:00:00.000] この美容液は日本一です\n[01:02:05.500] A < B & C今だけ\n');
    expect(serializeTranscript(untimed, 'txt')).toBe('全网最低价\n三天见效\n');
  });

  it('refuses to write an untimed transcript as SRT or WebVTT, saying what to do instead', () => {
    expect(() => serializeTranscript(untimed, 'srt')).toThrow(TranscriptWriteError);
    expect(() => serializeTranscript(untimed, 'vtt')).toThrow(
      'cannot write this transcript as WebVTT: segment 1 (line 1) has no start and end time (WebVTT cues must be timed); write it as json or txt instead',
    );
  });

  it('writes an untimed transcript as JSON with null times, which reads back untimed', () => {
    const json = serializeTranscript(untimed, 'json');
    expect(json).toContain('{"start":null,"end":null,"text":"全网最低价"}');
    expect(parseTranscript(json, 'x.json')).toEqual({ untimed: true, segments: [
      { start: null, end: null, text: '全网最低价', line: 3 },
      { start: null, end: null, text: '三天见效', line: 4 },
    ] });
  });

  it('refuses a transcript timed in part, or with impossible times', () => {
    const mixed: Transcript = { segments: [{ start: 0, end: 1, text: 'a' }, { start: null, end: null, text: 'b' }] };
    expect(() => serializeTranscript(mixed, 'json')).toThrow(/segment 2 has no times unlike the segments before it/);
    expect(() => serializeTranscript({ segments: [{ start: 2, end: 1, text: 'a' }] }, 'srt')).toThrow(/ends \(1 s\) before it starts \(2 s\)/);
    expect(() => serializeTranscript({ segments: [{ start: Number.NaN, end: 1, text: 'a' }] }, 'json')).toThrow(TranscriptWriteError);
    expect(() => serializeTranscript({ segments: [{ start: 0, end: null, text: 'a' }] }, 'txt')).toThrow(/start or an end time but not both/);
  });

  it('keeps an arrow in SRT text from reading as a timing line', () => {
    const srt = serializeTranscript({ segments: [{ start: 0, end: 1, text: '前 --> 後' }] }, 'srt');
    expect(parseTranscript(srt, 'x.srt').segments[0]?.text).toBe('前 -> 後');
  });

  it('leaves out words in WebVTT when they do not spell the cue', () => {
    const t: Transcript = { segments: [{ start: 0, end: 2, text: '日本一', words: [{ start: 0, end: 1, text: '日本' }] }] };
    expect(serializeTranscript(t, 'vtt')).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n日本一\n');
  });

  it('reads back what it wrote', () => {
    const t = parseTranscript(serializeTranscript(timed, 'vtt'), 'x.vtt');
    expect(t.segments[0]?.words?.map((w) => [w.start, w.text])).toEqual([
      [0, 'この'],
      [1, '美容液は'],
      [2.5, '日本一です'],
    ]);
    expect(parseTranscript(serializeTranscript(timed, 'srt'), 'x.srt').segments.map((s) => s.text)).toEqual(['この美容液は日本一です', 'A < B & C今だけ']);
  });
});
