import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, type SubtitleStreamInfo } from '../../../src/media/probe.js';
import { cleanCue, extractSubtitles, pickSubtitleTrack } from '../../../src/media/subtitles.js';
import { ffmpeg, tempDir } from '../../helpers/media.js';

const tmp = tempDir('livecomply-subs-');
const f = (n: string) => path.join(tmp.dir, n);

beforeAll(() => {
  writeFileSync(f('ja.srt'), '1\n00:00:01,000 --> 00:00:02,500\n日本一の美容液です\n\n2\n00:00:03,000 --> 00:00:04,000\n販売元は株式会社テストです\n');
  writeFileSync(f('ko.srt'), '1\n00:00:01,500 --> 00:00:03,000\n업계 최고의 품질\n');
  writeFileSync(
    f('zh.ass'),
    '[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:02.00,0:00:03.50,Default,,0,0,0,,{\\an8}全网最低价\n',
  );
  // An MP4 with two mov_text tracks (ja, ko); an MKV with an ASS track (zh).
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=160x120:r=5:d=5', '-i', f('ja.srt'), '-i', f('ko.srt'), '-map', '0:v', '-map', '1:s', '-map', '2:s', '-c:v', 'mpeg4', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=jpn', '-metadata:s:s:1', 'language=kor', f('two.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=160x120:r=5:d=5', '-i', f('zh.ass'), '-map', '0:v', '-map', '1:s', '-c:v', 'mpeg4', '-c:s', 'ass', '-metadata:s:s:0', 'language=chi', f('zh.mkv')]);
});
afterAll(() => tmp.cleanup());

const track = (index: number, language: string | null, extra: Partial<SubtitleStreamInfo> = {}): SubtitleStreamInfo => ({ index, codec: 'subrip', language, title: null, text: true, default: false, ...extra });

describe('picking a subtitle track', () => {
  it('by the language asked for; none when no track is in it', () => {
    const ts = [track(2, 'jpn'), track(3, 'kor'), track(4, 'chi')];
    expect(pickSubtitleTrack(ts, 'ko')?.index).toBe(3);
    expect(pickSubtitleTrack(ts, 'zh')?.index).toBe(4);
    expect(pickSubtitleTrack([track(2, 'eng')], 'ja')).toBeUndefined();
  });
  it('with --lang auto: the default track, else the first in a language we audit, else the first', () => {
    expect(pickSubtitleTrack([track(2, 'eng'), track(3, 'kor', { default: true })], 'auto')?.index).toBe(3);
    expect(pickSubtitleTrack([track(2, 'eng'), track(3, 'jpn')], 'auto')?.index).toBe(3);
    expect(pickSubtitleTrack([track(2, null)], 'auto')?.index).toBe(2);
  });
  it('image tracks (PGS, DVB) are never picked as words', () => {
    expect(pickSubtitleTrack([track(2, 'jpn', { codec: 'hdmv_pgs_subtitle', text: false })], 'ja')).toBeUndefined();
  });
  it('drops ASS override tags and font tags', () => {
    expect(cleanCue('{\\an8}<font face="x">全网最低价</font>')).toBe('全网最低价');
  });
});

describe('reading subtitle tracks with ffprobe and ffmpeg', () => {
  it('lists the tracks with codec and language, and extracts the one asked for (mov_text)', async () => {
    const info = await probeMedia(f('two.mp4'));
    expect(info.subtitles.map((s) => [s.codec, s.language, s.text])).toEqual([
      ['mov_text', 'jpn', true],
      ['mov_text', 'kor', true],
    ]);
    const ko = await extractSubtitles(f('two.mp4'), pickSubtitleTrack(info.subtitles, 'ko')!);
    expect(ko.language).toBe('ko');
    expect(ko.segments).toEqual([{ start: 1.5, end: 3, text: '업계 최고의 품질', source: 'subtitle' }]);
    const ja = await extractSubtitles(f('two.mp4'), pickSubtitleTrack(info.subtitles, 'ja')!);
    expect(ja.segments.map((s) => [s.start, s.text])).toEqual([[1, '日本一の美容液です'], [3, '販売元は株式会社テストです']]);
  });

  it('extracts an ASS track as plain text', async () => {
    const info = await probeMedia(f('zh.mkv'));
    const zh = await extractSubtitles(f('zh.mkv'), pickSubtitleTrack(info.subtitles, 'auto')!);
    expect(zh.segments).toEqual([{ start: 2, end: 3.5, text: '全网最低价', source: 'subtitle' }]);
  });
});
