/**
 * One file through reading, decoding, parsing, language planning and checking (in-process, real
 * files and the built-in rulesets): invisible characters, encodings, declared languages that
 * the text contradicts, mixed files, empty files, bounded reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../../src/audit/audit-file.js';
import { freshBuiltinEngine } from '../../helpers/builtin.js';
import type { AuditInput } from '../../../src/audit/inputs.js';
import type { Language } from '../../../src/transcript/model.js';
import { audioFile, speechLike } from '../../helpers/media.js';

const engine = freshBuiltinEngine();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-auditfile-'));
});

function input(name: string, content: string | Uint8Array): AuditInput {
  const absolute = path.join(dir, name);
  writeFileSync(absolute, content);
  return { path: name, absolute, kind: 'transcript', sidecars: [] };
}

async function audit(name: string, content: string | Uint8Array, lang: Language | 'auto' = 'auto') {
  return (await auditFile(input(name, content), engine, { lang, transcript: 'auto' })).report;
}

/** One utterance in each transcript format. */
const FORMATS: Record<string, (text: string, lang: string) => string> = {
  srt: (t) => `1\n00:00:01,000 --> 00:00:04,000\n${t}\n`,
  vtt: (t) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${t}\n`,
  json: (t, lang) => JSON.stringify({ language: lang, segments: [{ start: 1, end: 4, text: t }] }),
  txt: (t) => `${t}\n`,
};

const HIDDEN: [Language, string, string][] = [
  ['zh', '这款精华是国\u200b家\u200b级配方', '国\u200b家\u200b级'],
  ['ja', 'この美容液は日本\u200d一なんです', '日本\u200d一'],
  ['ko', '이 크림은 업계 최\u200b고의 제품입니다', '최\u200b고'],
  ['ja', 'この美容液は日\u2060本\u00ad一なんです', '日\u2060本\u00ad一'],
  ['zh', '这款精华是国\u2063家\u200c级配方', '国\u2063家\u200c级'],
];

describe('auditFile', () => {
  it('invisible characters inside a term: detected/total over every format', async () => {
    const missed: string[] = [];
    let total = 0;
    for (const format of Object.keys(FORMATS)) {
      for (const [lang, text, quoted] of HIDDEN) {
        const r = await audit(`family-${lang}-${total}.${format}`, FORMATS[format]!(text, lang));
        total++;
        // Found, and quoted as written (hidden characters included).
        if (r.status !== 'ok' || !r.findings.some((f) => f.text.includes(quoted))) missed.push(`${format} ${lang} ${JSON.stringify(quoted)}`);
      }
    }
    console.log(`evasion family "invisible characters" (U+200B/C/D, U+2060, U+2063, U+00AD): ${total - missed.length}/${total} detected across srt, vtt, json, txt`);
    expect(missed).toEqual([]);
  });

  it.each([
    ['GB18030', 'zh', '这款精华是国家级配方，全网最低价。'],
    ['Big5', 'zh', '這款精華是國家級配方。'],
    ['Shift_JIS', 'ja', 'この美容液は日本一売れているんです。'],
    ['EUC-JP', 'ja', 'この美容液は日本一売れているんです。'],
    ['EUC-KR', 'ko', '이 크림은 업계 최고의 제품입니다.'],
    ['UTF-16LE', 'ja', 'この美容液は日本一売れているんです。'],
  ] as const)('a %s transcript is decoded, audited in %s, and its encoding reported', async (encoding, lang, text) => {
    const bytes = iconv.encode(FORMATS.srt!(text, lang), encoding, { addBOM: encoding === 'UTF-16LE' });
    const r = await audit(`enc-${encoding}.srt`, bytes);
    expect(r).toMatchObject({ status: 'ok', language: lang, encoding });
    expect(r.findings.filter((f) => f.kind === 'prohibited').length).toBeGreaterThan(0);
    expect(r.findings.every((f) => !f.text.includes('\ufffd'))).toBe(true);
  });

  it('random binary named .txt is an error that says it is not text, not a Chinese transcript', async () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + ((i * i) % 251)) % 256);
    const r = await audit('noise.txt', noise);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/not text in any encoding/);
  });

  it('a JSON transcript that says "ko" over Japanese text: warned, and checked with Japanese rules', async () => {
    const r = await audit('says-ko.json', JSON.stringify({ language: 'ko', segments: [{ start: 0, end: 3, text: 'この美容液は日本一売れているんです。' }] }));
    expect(r.language).toBe('ja');
    expect(r.warnings?.[0]).toMatch(/the transcript's "language" says ko \(Korean\), but 100% of the text is written in Japanese/);
    expect(r.findings.map((f) => f.text)).toContain('日本一');
  });

  it('--lang ko on Chinese text: warned, checked as Chinese', async () => {
    const r = await audit('zh-as-ko.srt', FORMATS.srt!('这款精华是国家级配方，效果最好。', 'zh'), 'ko');
    expect(r.language).toBe('zh');
    expect(r.warnings?.[0]).toMatch(/^--lang says ko/);
    expect(r.findings.map((f) => f.text)).toContain('国家级');
  });

  it('a file that mixes languages gets each line checked with its own rules', async () => {
    const srt = [
      '1\n00:00:01,000 --> 00:00:04,000\nこの美容液は日本一売れているんです。\n',
      '2\n00:00:05,000 --> 00:00:08,000\n이 크림은 업계 최고의 제품입니다.\n',
      '3\n00:00:09,000 --> 00:00:12,000\nこちらのクリームもおすすめです。\n',
    ].join('\n');
    const r = await audit('mixed.srt', srt);
    expect(r.status).toBe('ok');
    expect(r.language).toBe('ja');
    expect(r.languages).toEqual(['ja', 'ko']);
    expect(r.warnings).toBeUndefined();
    const said = r.findings.filter((f) => f.kind === 'prohibited');
    expect(said.map((f) => [f.text, f.line])).toEqual(expect.arrayContaining([['日本一', 3], [expect.stringContaining('최고'), 7]]));
    // Korean required disclosures belong to a Korean broadcast, not to one Korean line.
    expect(r.findings.filter((f) => f.kind === 'missing').every((f) => f.ruleId.startsWith('jp/'))).toBe(true);
  });

  it('an empty transcript is an error that says it has no words, with or without --lang', async () => {
    for (const lang of ['auto', 'ja'] as const) {
      const r = await audit(`empty-${lang}.srt`, '', lang);
      expect(r).toMatchObject({ status: 'error', findings: [] });
      expect(r.error).toMatch(/the transcript has no words/);
    }
  });

  it('word timestamps outside their segment are used, with a warning', async () => {
    const r = await audit(
      'words.json',
      JSON.stringify({ language: 'ja', segments: [{ start: 10, end: 12, text: '日本一です', words: [{ start: 10, end: 11, text: '日本一' }, { start: 40, end: 41, text: 'です' }] }] }),
    );
    expect(r.warnings?.some((w) => /1 word timestamp\(s\) lie outside their segment/.test(w))).toBe(true);
  });

  it('a named pipe called x.srt is refused at once, not waited on', async () => {
    const fifo = path.join(dir, 'x.srt');
    execFileSync('mkfifo', [fifo]);
    const r = (await auditFile({ path: 'x.srt', absolute: fifo, kind: 'transcript', sidecars: [] }, engine, { lang: 'auto', transcript: 'auto' })).report;
    expect(r.status).toBe('error');
    expect(r.error).toBe('x.srt: is a named pipe, not a regular file; livecomply reads only regular files');
  });

  it('one 200,000-character line is audited, and a term at its very end is found and quoted', async () => {
    const line = '这款精华的配方很好，'.repeat(20_000) + '这是国家级配方';
    const r = await audit('long.txt', `${line}\n`);
    expect(r.status).toBe('ok');
    expect(r.findings.map((f) => [f.text, f.line])).toContainEqual(['国家级', 1]);
  }, 120_000);

  it('a sidecar that runs past the end of its recording is used, with a warning', async () => {
    const media = audioFile(path.join(dir, 'short.wav'), [speechLike(2)]);
    const sidecar = path.join(dir, 'short.srt');
    writeFileSync(sidecar, '1\n00:00:01,000 --> 00:00:02,000\n日本一\n\n2\n00:09:00,000 --> 00:09:05,000\nありがとう\n');
    const r = (await auditFile({ path: 'short.wav', absolute: media, kind: 'media', sidecars: [sidecar] }, engine, { lang: 'auto', transcript: 'auto' })).report;
    expect(r.status).toBe('ok');
    expect(r.warnings?.[0]).toMatch(/^the transcript beside it \(short\.srt\) runs to 00:09:05\.000, past the end of the recording \(00:00:02\.\d+\): is it this recording's transcript\?$/);
  });

  it('--transcript asr with a transcript beside the recording: the error says it was passed over, not to add one', async () => {
    const media = audioFile(path.join(dir, 'asr.wav'), [speechLike(1)]);
    const sidecar = path.join(dir, 'asr.srt');
    writeFileSync(sidecar, '1\n00:00:00,000 --> 00:00:01,000\n日本一\n');
    const r = (await auditFile({ path: 'asr.wav', absolute: media, kind: 'media', sidecars: [sidecar] }, engine, { lang: 'auto', transcript: 'asr', modelDir: path.join(dir, 'no-models') })).report;
    expect(r.status).toBe('error');
    expect(r.error).not.toMatch(/put a transcript beside/i);
    expect(r.error).toMatch(/The transcript beside it \(asr\.srt\) was not used because of --transcript asr; use --transcript auto to audit it instead\.$/);
  });
});
