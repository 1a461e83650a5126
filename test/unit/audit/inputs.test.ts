import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../../src/audit/inputs.js';
import { sniff } from '../../../src/audit/sniff.js';

const SRT = '1\n00:00:01,000 --> 00:00:03,000\n国家级配方\n';

/** A real (tiny) WAV file: RIFF header and 0.1 s of 16 kHz silence. */
function wav(): Buffer {
  const samples = 1600;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(16000, 24);
  b.writeUInt32LE(32000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-inputs-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const list = async (args: string[], cwd: string, opts: { include?: string[]; exclude?: string[] } = {}) => {
  const r = await collectInputs(args, { ...opts, cwd });
  return { inputs: r.inputs.map((i) => [i.path, i.kind, i.sidecars.map((s) => path.basename(s))]), problems: r.problems };
};

describe('collectInputs', () => {
  it('walks folders recursively, skips hidden entries, pairs sidecars with their media', async () => {
    const dir = tree({
      'a/stream.mp4': wav(),
      'a/stream.srt': SRT,
      'a/stream.vtt': 'WEBVTT\n\n00:01.000 --> 00:02.000\nx\n',
      'a/other.srt': SRT,
      'b/deep/c.txt': 'hello',
      '.hidden/x.srt': SRT,
      'a/.secret.srt': SRT,
      'a/cover.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    });
    expect(await list(['.'], dir)).toEqual({
      inputs: [
        ['a/other.srt', 'transcript', []],
        ['a/stream.mp4', 'media', ['stream.srt', 'stream.vtt']],
        ['b/deep/c.txt', 'transcript', []],
      ],
      problems: [],
    });
  });

  it('a recording named on its own picks up the transcripts beside it on disk', async () => {
    const dir = tree({ 'rec/live.mp4': wav(), 'rec/live.vtt': 'WEBVTT\n', 'rec/live.srt': SRT, 'rec/other.srt': SRT });
    expect((await list(['rec/live.mp4'], dir)).inputs).toEqual([['rec/live.mp4', 'media', ['live.srt', 'live.vtt']]]);
  });

  it('survives a symlink loop', async () => {
    const dir = tree({ 'x/a.srt': SRT });
    symlinkSync('..', path.join(dir, 'x', 'up'));
    expect((await list(['.'], dir)).inputs).toEqual([['x/a.srt', 'transcript', []]]);
  });

  it('applies include and exclude globs relative to the folder given', async () => {
    const dir = tree({ 'in/2026/a.srt': SRT, 'in/2026/b.vtt': 'WEBVTT\n', 'in/old/c.srt': SRT });
    expect((await list(['in'], dir, { include: ['**/*.srt'], exclude: ['old/**'] })).inputs).toEqual([['in/2026/a.srt', 'transcript', []]]);
  });

  it('reports a missing path as a problem and keeps the rest', async () => {
    const dir = tree({ 'a.srt': SRT });
    expect(await list(['a.srt', 'nope.mp4'], dir)).toEqual({ inputs: [['a.srt', 'transcript', []]], problems: [{ path: 'nope.mp4', error: 'no such file or folder' }] });
  });

  it('recognises recordings and transcripts by content when the name does not say', async () => {
    const dir = tree({
      'recording': wav(),
      'capture.bin': wav(),
      'subtitles': SRT,
      'notes': 'just some notes, not a transcript',
      'README': '# readme',
    });
    expect((await list(['.'], dir)).inputs).toEqual([
      ['capture.bin', 'media', []],
      ['recording', 'media', []],
      ['subtitles', 'transcript', []],
    ]);
  });

  it("does not re-audit livecomply's own JSON reports and baselines found in a folder", async () => {
    const dir = tree({
      'out/livecomply-report.json': JSON.stringify({ schemaVersion: 1, tool: { name: 'livecomply', version: '1' }, files: [] }),
      'out/accepted.json': JSON.stringify({ schemaVersion: 1, kind: 'livecomply-baseline', findings: [] }),
      'in/t.json': JSON.stringify({ language: 'zh', segments: [{ start: 0, end: 1, text: '国家级' }] }),
    });
    expect((await list(['.'], dir)).inputs).toEqual([['in/t.json', 'transcript', []]]);
    // Named explicitly, a file is always an input (its error, if any, is reported).
    expect((await list(['out/livecomply-report.json'], dir)).inputs).toEqual([['out/livecomply-report.json', 'transcript', []]]);
  });
});

describe('sniff', () => {
  const bytes = (...b: (number | string)[]) => new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...Buffer.from(x, 'latin1')] : [x])));
  it.each([
    ['mp4', bytes(0, 0, 0, 0x20, 'ftypisom')],
    ['webm/mkv', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x01)],
    ['wav', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt ')],
    ['mp3 (ID3)', bytes('ID3', 4, 0)],
    ['mp3 frame', bytes(0xff, 0xfb, 0x90, 0x00)],
    ['aac adts', bytes(0xff, 0xf1, 0x50, 0x80)],
    ['ogg', bytes('OggS', 0)],
    ['flac', bytes('fLaC', 0)],
    ['flv', bytes('FLV', 1)],
  ])('%s is media', (_n, b) => expect(sniff(b)).toBe('media'));

  it('text: WebVTT, SRT and transcript JSON are transcripts; other text and binary are not', () => {
    const t = (s: string) => sniff(new TextEncoder().encode(s));
    expect(t('\ufeffWEBVTT\n\n')).toBe('transcript');
    expect(t(SRT)).toBe('transcript');
    expect(t('{"segments": []}')).toBe('transcript');
    expect(t('{"name": "package"}')).toBeUndefined();
    expect(t('hello')).toBeUndefined();
    expect(sniff(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBeUndefined();
  });

  it('a UTF-8 character cut at the end of the sample does not make text look binary', () => {
    const s = new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\n' + '国'.repeat(2000));
    expect(sniff(s.subarray(0, 4096))).toBe('transcript');
  });
});
