import { describe, expect, it } from 'vitest';
import { parseTranscript, sniffTranscriptFormat, transcriptFormatOf } from '../../../src/transcript/parse.js';
import { fixture, parseError } from './fixture.js';

describe('transcriptFormatOf', () => {
  it.each([
    ['live/2026-11-01.srt', 'srt'],
    ['C:\\streams\\A.SRT', 'srt'],
    ['a.b.Vtt', 'vtt'],
    ['a.webvtt', 'vtt'],
    ['x.JSON', 'json'],
    ['notes.txt', 'txt'],
    ['video.mp4', undefined],
    ['srt', undefined],
    ['dir.srt/file', undefined],
    ['.srt', 'srt'],
  ])('%s → %s', (path, format) => {
    expect(transcriptFormatOf(path)).toBe(format);
  });
});

describe('sniffTranscriptFormat', () => {
  it.each([
    ['\ufeffWEBVTT\r\n\r\n', 'vtt'],
    ['WEBVTT', 'vtt'],
    ['  \n{"segments": []}', 'json'],
    ['1\r\n00:00:01,000 --> 00:00:02,000\r\nx', 'srt'],
    ['00:01.5 --> 00:02.0\nx', 'srt'],
    ['[00:01] こんにちは', 'txt'],
    ['WEBVTTX', 'txt'],
    ['', 'txt'],
  ])('%j → %s', (content, format) => {
    expect(sniffTranscriptFormat(content)).toBe(format);
  });
});

describe('parseTranscript', () => {
  it('dispatches by extension', () => {
    expect(parseTranscript(fixture('zh.srt'), 'zh.srt').segments).toHaveLength(3);
    expect(parseTranscript(fixture('ko.vtt'), 'ko.VTT').language).toBe('ko');
    expect(parseTranscript(fixture('ja.json'), 'ja.json').segments[0]?.words).toHaveLength(3);
    expect(parseTranscript(fixture('zh-untimed-bom-crlf.txt'), 'zh.txt').untimed).toBe(true);
  });

  it('lets an explicit format win over the extension', () => {
    expect(parseTranscript('[00:01] 一', 'notes.srt', 'txt').segments).toEqual([{ start: 1, end: 2, text: '一', line: 1 }]);
  });

  it('sniffs the content when the extension is unknown', () => {
    expect(parseTranscript(fixture('ja-karaoke.vtt'), 'captions').language).toBe('ja');
    expect(parseTranscript(fixture('ko-cr.srt'), 'captions.sub').segments).toHaveLength(2);
    expect(parseTranscript(fixture('ko-untimed.json'), '-').untimed).toBe(true);
    expect(parseTranscript('一\n二\n', 'stdin').segments).toHaveLength(2);
  });

  it('reads a .srt that is really WebVTT as WebVTT', () => {
    expect(parseTranscript(fixture('zh-bom-crlf.vtt'), 'zh.srt').segments).toHaveLength(3);
  });

  it('names the file it was given in errors', () => {
    expect(parseError(() => parseTranscript(fixture('malformed/bad-type.json'), 'streams/a.json')).message).toMatch(/^streams\/a\.json:4:15: /);
  });
});
