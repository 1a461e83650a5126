import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePcm, SAMPLE_RATE } from '../../../src/media/decode.js';
import { locate, MediaError } from '../../../src/media/ffmpeg.js';
import { probeMedia, requireAudio } from '../../../src/media/probe.js';
import { audioFile, FFMPEG, ffmpeg, silence, speechLike, tempDir } from '../../helpers/media.js';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);

beforeAll(() => {
  audioFile(f('tone.m4a'), ['sine=f=440:d=3'], ['-c:a', 'aac']);
  audioFile(f('silence.wav'), [silence(2)]);
  audioFile(f('tst.mp3'), [speechLike(2), silence(1.5), speechLike(1.5, 500)], ['-c:a', 'libmp3lame']);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=d=2:s=160x120:r=10', '-c:v', 'mpeg4', f('no-audio.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=d=4:s=160x120:r=10', '-f', 'lavfi', '-i', 'sine=d=4', '-c:v', 'mpeg4', '-c:a', 'aac', '-shortest', f('video.mp4')]);
  const whole = readFileSync(f('video.mp4'));
  writeFileSync(f('truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(f('notes.mp4'), 'these are my meeting notes, not a video\n');
  copyFileSync(f('tone.m4a'), f(`my "best" stream's tone.m4a`));
  writeFileSync(f('empty.mp4'), '');
  mkdirSync(f('folder.mp4'));
});
afterAll(() => tmp.cleanup());

async function decodeAll(file: string): Promise<number> {
  let n = 0;
  for await (const block of decodePcm(file)) n += block.length;
  return n;
}

describe('probeMedia', () => {
  it('reads duration and the audio stream of a tone', async () => {
    const info = await probeMedia(f('tone.m4a'));
    expect(info.durationSec).toBeCloseTo(3, 1);
    expect(info.audio).toHaveLength(1);
    expect(info.audio[0]!.codec).toBe('aac');
    expect(info.hasVideo).toBe(false);
  });

  it('a video with no audio track: probes, but requireAudio says there is no audio stream', async () => {
    const info = await probeMedia(f('no-audio.mp4'));
    expect(info.hasVideo).toBe(true);
    expect(() => requireAudio(f('no-audio.mp4'), info)).toThrow(/no-audio\.mp4: no audio stream \(the file has video only\)/);
  });

  it('a truncated MP4 is named as truncated, with what to do', async () => {
    await expect(probeMedia(f('truncated.mp4'))).rejects.toThrow(/truncated\.mp4: truncated or unfinished MP4\/MOV recording.*re-export/);
  });

  it('a text file renamed .mp4 is "not a media file"', async () => {
    await expect(probeMedia(f('notes.mp4'))).rejects.toThrow(/notes\.mp4: not a media file ffprobe recognises/);
  });

  it('missing, empty and folder inputs get their own messages', async () => {
    await expect(probeMedia(f('missing.mp4'))).rejects.toThrow(/missing\.mp4: no such file$/);
    await expect(probeMedia(f('empty.mp4'))).rejects.toThrow(/empty\.mp4: empty file \(0 bytes\)/);
    await expect(probeMedia(f('folder.mp4'))).rejects.toThrow(/folder\.mp4: is a folder/);
  });

  it('a file name with spaces and quotes (no shell anywhere)', async () => {
    const info = await probeMedia(f(`my "best" stream's tone.m4a`));
    expect(info.durationSec).toBeCloseTo(3, 1);
  });

  it('silence has an audio stream and a duration', async () => {
    const info = await probeMedia(f('silence.wav'));
    expect(info.durationSec).toBeCloseTo(2, 2);
    expect(info.audio[0]!.codec).toBe('pcm_s16le');
  });
});

describe('decodePcm', () => {
  it.each([
    ['tone.m4a', 3],
    ['silence.wav', 2],
    ['tst.mp3', 5],
    ['video.mp4', 4],
    [`my "best" stream's tone.m4a`, 3],
  ])('%s: sample count is the probed duration × 16000 (±1%%)', async (name, seconds) => {
    const info = await probeMedia(f(name));
    // The audio stream's own length (a video's container duration can differ by an AAC frame).
    const durationSec = info.audio[0]!.durationSec ?? info.durationSec;
    expect(durationSec).toBeCloseTo(seconds, 1);
    const n = await decodeAll(f(name));
    expect(Math.abs(n - durationSec! * SAMPLE_RATE)).toBeLessThanOrEqual(durationSec! * SAMPLE_RATE * 0.01);
  });

  it('samples are floats in [-1, 1]; silence decodes to zeros', async () => {
    let max = 0;
    for await (const b of decodePcm(f('silence.wav'))) for (const x of b) max = Math.max(max, Math.abs(x));
    expect(max).toBe(0);
    let peak = 0;
    for await (const b of decodePcm(f('tone.m4a'))) for (const x of b) peak = Math.max(peak, Math.abs(x));
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('no audio stream, not media, truncated: MediaError naming the file', async () => {
    await expect(decodeAll(f('no-audio.mp4'))).rejects.toThrow(/no-audio\.mp4: no audio stream/);
    await expect(decodeAll(f('notes.mp4'))).rejects.toThrow(/notes\.mp4: corrupt, truncated or not a media file/);
    await expect(decodeAll(f('truncated.mp4'))).rejects.toThrow(MediaError);
    await expect(decodeAll(f('missing.mp4'))).rejects.toThrow(/missing\.mp4: no such file/);
  });

  it('stopping early (break) ends the ffmpeg child; abort rejects with "interrupted"', async () => {
    for await (const _ of decodePcm(f('tone.m4a'))) break;
    const ac = new AbortController();
    const run = (async () => {
      for await (const _ of decodePcm(f('tone.m4a'), { signal: ac.signal })) ac.abort();
    })();
    await expect(run).rejects.toThrow(/interrupted/);
  });
});

describe('locate', () => {
  it('an explicit ffmpeg that does not exist or is not executable is an error, not a silent fallback', () => {
    expect(() => locate('ffmpeg', { ffmpegPath: f('nope/ffmpeg') })).toThrow(/ffmpeg .*nope\/ffmpeg \(from --ffmpeg\) does not exist/);
    const notExec = f('not-exec-ffmpeg');
    writeFileSync(notExec, '#!/bin/sh\n');
    chmodSync(notExec, 0o644);
    expect(() => locate('ffmpeg', { ffmpegPath: notExec })).toThrow(/is not executable/);
    expect(() => locate('ffmpeg', {}, { LIVECOMPLY_FFMPEG: f('nope') })).toThrow(/from LIVECOMPLY_FFMPEG\) does not exist/);
  });

  it('falls back to the npm-shipped binaries when nothing is on PATH', () => {
    expect(locate('ffmpeg', {}, { PATH: '' })).toEqual({ path: FFMPEG, from: 'npm' });
    expect(locate('ffprobe', {}, { PATH: '' }).from).toBe('npm');
  });

  it('finds ffprobe beside an explicitly given ffmpeg', () => {
    const dir = f('bin');
    mkdirSync(dir);
    for (const n of ['ffmpeg', 'ffprobe']) {
      writeFileSync(path.join(dir, n), '#!/bin/sh\n');
      chmodSync(path.join(dir, n), 0o755);
    }
    expect(locate('ffprobe', { ffmpegPath: path.join(dir, 'ffmpeg') }, { PATH: '' })).toEqual({ path: path.join(dir, 'ffprobe'), from: 'beside-ffmpeg' });
  });
});
