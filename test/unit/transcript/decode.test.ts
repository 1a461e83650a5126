/**
 * Encoding detection measured on real files: every stream of the corpus (ja, zh, ko) saved in
 * each encoding its language is really saved in, with and without a byte-order mark, whole and
 * cut to its first 300 bytes; and random binary, which must be refused.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, DecodeError, textScore, type TextEncodingName } from '../../../src/transcript/decode.js';

const STREAMS = path.resolve(__dirname, '../../corpus/streams');
const ENCODINGS: Record<string, TextEncodingName[]> = {
  ja: ['UTF-8', 'Shift_JIS', 'EUC-JP', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'],
  zh: ['UTF-8', 'GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'],
  ko: ['UTF-8', 'EUC-KR', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'],
};
const BOM: Partial<Record<TextEncodingName, number[]>> = {
  'UTF-8': [0xef, 0xbb, 0xbf],
  'UTF-16LE': [0xff, 0xfe],
  'UTF-16BE': [0xfe, 0xff],
  'UTF-32LE': [0xff, 0xfe, 0, 0],
  'UTF-32BE': [0, 0, 0xfe, 0xff],
};
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface Case {
  name: string;
  bytes: Uint8Array;
  encoding: TextEncodingName;
  text: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(STREAMS).filter((n) => /\.(srt|vtt|txt|json)$/.test(n))) {
    const lang = f.slice(0, 2);
    const utf8 = readFileSync(path.join(STREAMS, f), 'utf8');
    for (const encoding of ENCODINGS[lang] ?? []) {
      // Big5 is written in Traditional characters.
      const text = encoding === 'Big5' ? toTraditional(utf8) : utf8;
      const body = iconv.encode(text, encoding, { addBOM: false });
      const unit = encoding.startsWith('UTF-32') ? 4 : encoding.startsWith('UTF-16') ? 2 : 1;
      // A short head, cut at a character boundary for the fixed-width encodings.
      const head = iconv.encode(text.slice(0, 120), encoding, { addBOM: false });
      out.push({ name: `${f} ${encoding}`, bytes: body, encoding, text });
      out.push({ name: `${f} ${encoding} head`, bytes: head.subarray(0, head.length - (head.length % unit)), encoding, text: text.slice(0, 120) });
      const bom = BOM[encoding];
      if (bom) out.push({ name: `${f} ${encoding} BOM`, bytes: Buffer.concat([Buffer.from(bom), body]), encoding, text });
    }
  }
  return out;
}

describe('decodeText', () => {
  const all = cases();

  it('detects the encoding of real ja/zh/ko transcripts saved in every encoding they are saved in', () => {
    const wrong: string[] = [];
    for (const c of all) {
      try {
        const d = decodeText(c.bytes, c.name);
        if (d.encoding !== c.encoding || d.text !== c.text) wrong.push(`${c.name} → ${d.encoding}`);
      } catch (e) {
        wrong.push(`${c.name} → ${(e as Error).message}`);
      }
    }
    console.log(`encoding detection: ${all.length - wrong.length}/${all.length} files decoded exactly`);
    expect(wrong).toEqual([]);
  });

  it('refuses random binary data, whatever its name', () => {
    for (let i = 0; i < 20; i++) {
      const bytes = randomBytes(i % 2 === 0 ? 4096 : 300);
      expect(() => decodeText(bytes, 'noise.txt')).toThrow(DecodeError);
    }
    expect(() => decodeText(randomBytes(1000), 'noise.txt')).toThrow(/noise\.txt: not text in any encoding livecomply reads/);
  });

  it('says when a byte-order mark promises an encoding the rest does not hold', () => {
    expect(() => decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(999)]), 'x.srt')).toThrow(/byte-order mark/);
  });

  it('reads plain ASCII and empty files as UTF-8', () => {
    expect(decodeText(Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nhello\n'), 'a.srt').encoding).toBe('UTF-8');
    expect(decodeText(new Uint8Array(0), 'a.srt')).toEqual({ text: '', encoding: 'UTF-8', bom: false });
  });
});

describe('textScore fast path (printable ASCII and the CJK blocks scored without a Unicode-property test)', () => {
  it('scores every code point of those blocks and their edges as the property tests do', () => {
    const BAD = /[\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f\p{Co}\p{Cn}\p{Cs}]/u;
    const EXPECTED = /[\t\n\r\u0020-\u007e\u00a0-\u024f\u2010-\u206f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}]/u;
    const off: string[] = [];
    for (const [from, to] of [[0x00, 0x80], [0x2ff0, 0x3100], [0x4df0, 0xa000], [0xabf0, 0xd7b0]] as const) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        const want = BAD.test(ch) ? { bad: 1, score: -5 } : { bad: 0, score: EXPECTED.test(ch) ? 1 : 0 };
        if (JSON.stringify(textScore(ch)) !== JSON.stringify(want)) off.push(c.toString(16));
      }
    }
    expect(off).toEqual([]);
  });
});

describe('textScore read by UTF-16 unit', () => {
  // The scoring as it was written over `for…of` (a string per character): the reference.
  const BAD = /[\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f\p{Co}\p{Cn}\p{Cs}]/u;
  const EXPECTED = /[\t\n\r\u0020-\u007e\u00a0-\u024f\u2010-\u206f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}]/u;
  const byCharacter = (text: string, limit: number) => {
    let [n, bad, expected] = [0, 0, 0];
    for (const ch of text) {
      n++;
      if (BAD.test(ch)) bad++;
      else if (EXPECTED.test(ch)) expected++;
      if (n >= limit) break;
    }
    return n === 0 ? { bad: 0, score: 1 } : { bad: bad / n, score: expected / n - (5 * bad) / n };
  };
  it('scores as by character: surrogate pairs one character, lone surrogates bad, at most 200,000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('😀', '\ud800', '\udfff', '가', 'あ', '\u0007', '\ue000', 'é'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 }), (s) => {
        expect(textScore(s)).toEqual(byCharacter(s, 200_000));
      }),
    );
    const long = `${'😀'.repeat(150_000)}${'\u0007'.repeat(100_000)}`;
    expect(textScore(long)).toEqual(byCharacter(long, 200_000));
  });
});

