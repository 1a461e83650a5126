/**
 * Bytes of a transcript file → text, whatever encoding the subtitler's tool saved it in: UTF-8,
 * UTF-16 and UTF-32 (with or without a byte-order mark), GB18030/GBK, Big5, Shift_JIS, EUC-JP and
 * EUC-KR. Pure.
 *
 * - A byte-order mark decides.
 * - NUL bytes mean UTF-16 or UTF-32: each byte order is decoded and the one that reads as text wins.
 * - Valid UTF-8 is UTF-8 (a legacy CJK file is practically never valid UTF-8).
 * - Otherwise chardet ranks the legacy CJK encodings by byte statistics, and the best-ranked one
 *   that decodes to text (no replacement or control characters, no private-use or unassigned
 *   code points) is taken.
 * - Nothing reads as text: DecodeError (random binary named `.txt` is not a Chinese transcript).
 */
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import { lazyRequire } from '../core/lazy-require.js';

// Loaded on first use (about 55 ms together): a UTF-8 transcript, nearly every one, needs neither.
const iconv = lazyRequire<typeof Iconv>('iconv-lite');
const chardet = lazyRequire<typeof Chardet>('chardet');

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE' | 'GB18030' | 'Big5' | 'Shift_JIS' | 'EUC-JP' | 'EUC-KR';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte-order mark. */
  bom: boolean;
}

export class DecodeError extends Error {}

const BOMS: readonly [number[], TextEncodingName][] = [
  [[0xef, 0xbb, 0xbf], 'UTF-8'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32BE'],
  [[0xff, 0xfe], 'UTF-16LE'],
  [[0xfe, 0xff], 'UTF-16BE'],
];

/** chardet's names of the legacy encodings we accept, and ours. */
const LEGACY: Readonly<Record<string, TextEncodingName>> = {
  GB18030: 'GB18030',
  Big5: 'Big5',
  Shift_JIS: 'Shift_JIS',
  'EUC-JP': 'EUC-JP',
  'EUC-KR': 'EUC-KR',
};

/** At most this share of characters may be unreadable (replacement, control, unassigned…). */
const MAX_BAD = 0.01;

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  // iconv-lite strips a BOM by default; UTF-32 is not in TextDecoder.
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

const BAD = /[\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f\p{Co}\p{Cn}\p{Cs}]/u;
/** What transcripts are written in: CJK scripts and punctuation, ASCII, Latin, general punctuation. */
const EXPECTED = /[\t\n\r\u0020-\u007e\u00a0-\u024f\u2010-\u206f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}]/u;

/** How text-like a decoding is: the share of expected characters less five times the share of unreadable ones. */
export function textScore(text: string): { bad: number; score: number } {
  let n = 0;
  let bad = 0;
  let expected = 0;
  // By UTF-16 unit, a pair read as one character (as `for…of` reads it): no string per character on the fast path.
  for (let i = 0; i < text.length && n < 200_000; i++) {
    n++;
    const c = text.charCodeAt(i);
    // Printable ASCII, line breaks and the CJK blocks (every code point in these spans assigned,
    // none a control): expected, without the two Unicode-property tests.
    if ((c >= 0x20 && c <= 0x7e) || c === 0x0a || c === 0x0d || (c >= 0x3000 && c <= 0x303f) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a0 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      expected++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (BAD.test(ch)) bad++;
    else if (EXPECTED.test(ch)) expected++;
  }
  // (at most 200,000 characters: enough to judge)
  if (n === 0) return { bad: 0, score: 1 };
  return { bad: bad / n, score: expected / n - (5 * bad) / n };
}

function wide(bytes: Uint8Array): DecodedText | undefined {
  let best: { encoding: TextEncodingName; text: string; score: number } | undefined;
  for (const encoding of ['UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'] as const) {
    const unit = encoding.startsWith('UTF-32') ? 4 : 2;
    if (bytes.length % unit !== 0) continue;
    const text = decodeAs(bytes, encoding);
    const s = textScore(text);
    if (s.bad <= MAX_BAD && (!best || s.score > best.score)) best = { encoding, text, score: s.score };
  }
  return best && best.score >= 0.9 ? { text: best.text, encoding: best.encoding, bom: false } : undefined;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function nulShare(bytes: Uint8Array): number {
  let nul = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return n === 0 ? 0 : nul / n;
}

/** The text of a transcript file's bytes; `file` names it in the DecodeError. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  for (const [sig, encoding] of BOMS) {
    if (startsWith(bytes, sig)) {
      const text = decodeAs(bytes.subarray(sig.length), encoding);
      if (textScore(text).bad > MAX_BAD) throw new DecodeError(`${file}: starts with a ${encoding} byte-order mark, but the rest is not ${encoding} text`);
      return { text, encoding, bom: true };
    }
  }
  // Plain ASCII and CJK text in UTF-16/32 has NUL bytes; UTF-8 and the legacy encodings have none.
  if (nulShare(bytes) > 0.05) {
    const w = wide(bytes);
    if (w) return w;
  }
  const u = utf8(bytes);
  if (u !== undefined && textScore(u).bad <= MAX_BAD) return { text: u, encoding: 'UTF-8', bom: false };
  const ranked = chardet().analyse(bytes).filter((m) => Object.hasOwn(LEGACY, m.name) && m.confidence >= 10);
  for (const m of ranked) {
    const encoding = LEGACY[m.name] as TextEncodingName;
    const text = decodeAs(bytes, encoding);
    if (textScore(text).bad <= MAX_BAD) return { text, encoding, bom: false };
  }
  // UTF-16 of CJK text without ASCII (no NUL bytes).
  const w = wide(bytes);
  if (w) return w;
  if (u !== undefined) return { text: u, encoding: 'UTF-8', bom: false };
  throw new DecodeError(
    `${file}: not text in any encoding livecomply reads (UTF-8, UTF-16, UTF-32, GB18030/GBK, Big5, Shift_JIS, EUC-JP, EUC-KR); is it a transcript? If it is, save it as UTF-8`,
  );
}
