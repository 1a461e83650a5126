/**
 * Normalisation before matching, keeping a map from every normalised character back to the
 * original text so findings can quote the words as they were said. Pure.
 *
 * Steps: invisible format characters (zero-width space and joiners, word joiner, BOM, soft hyphen:
 * all of \p{Cf}) dropped, so 国\u200b家\u200b级 reads 国家级; NFKC per grapheme (full/half width,
 * compatibility forms) and Latin lower-casing; the Korean list dot ㆍ read as ·;
 * emoji and decorative symbols (😍 ♥ ★ ♪ ◆) and a drawn-out tilde (좋아요~~, すごい〜) read as a
 * space, except stars that give a rating (★5, ★★★★★ → 星5: stars.ts), so a caption's decoration cannot split a claim's words (a tilde before a digit stays: 2~3);
 * whitespace between CJK characters removed (Whisper and subtitlers insert it at random) and
 * other runs collapsed; Chinese Traditional → Simplified (through an injected converter);
 * spoken numbers rewritten as digits (百パーセント / 百分之百 / 백 퍼센트 → 100%).
 */
import type { Language } from '../transcript/model.js';
import { rewriteSpokenNumbers, type Edit } from './spoken-numbers.js';
import { isStar, starReading } from './stars.js';

export interface NormalizedText {
  original: string;
  text: string;
  /** For each UTF-16 index of `text`, the original span it came from. */
  origStart: number[];
  origEnd: number[];
}

export interface NormalizeOptions {
  /** Traditional → Simplified converter for Chinese (string in, string out). */
  toSimplified?: (s: string) => string;
}

/** Made on first use: building ICU's grapheme segmenter costs 30–50 ms, and most text takes the SIMPLE path below. */
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));

/** Han, kana, CJK punctuation and full-width forms: scripts written without spaces. */
const CJK_NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff01-\uff60]/u;

/**
 * Text built piece by piece with its offset map. Pieces are joined once at the end (`text`):
 * reading a character of a string being concatenated flattens it, which made long segments
 * quadratic; `last` keeps the last character without that.
 */
class Builder {
  private parts: string[] = [];
  last: string | undefined;
  length = 0;
  origStart: number[] = [];
  origEnd: number[] = [];
  push(s: string, start: number, end: number): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.length += s.length;
    this.last = s[s.length - 1];
    for (let i = 0; i < s.length; i++) {
      this.origStart.push(start);
      this.origEnd.push(end);
    }
  }
  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
}

/**
 * Invisible characters: format characters (\p{Cf}: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD,
 * bidi controls, tags) and the other default-ignorable code points (variation selectors, the
 * combining grapheme joiner, Hangul fillers U+115F/U+1160/U+3164/U+FFA0).
 */
const FORMAT_CHARS = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Intl.Segmenter is superlinear on long strings (a 65,000-character line took 100 s), so text is
 * segmented in windows of at most this many UTF-16 units, each cut where no grapheme can span it.
 */
export const GRAPHEME_WINDOW = 2048;

/** A character that always starts a new grapheme (nothing before it can extend into it). */
const SAFE_START = /[\s!-~\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u;

/** Where to end the window that starts at `from`: the last safe cut in it, or the window's end. */
function windowEnd(s: string, from: number): number {
  const hard = from + GRAPHEME_WINDOW;
  if (hard >= s.length) return s.length;
  for (let i = hard; i > from + GRAPHEME_WINDOW / 2; i--) {
    const prev = s.charCodeAt(i - 1);
    // Not between CR and LF, after a zero-width joiner or inside a surrogate pair.
    if (prev === 0x0d || prev === 0x200d || (prev >= 0xd800 && prev <= 0xdbff)) continue;
    if (SAFE_START.test(s[i] as string)) return i;
  }
  const prev = s.charCodeAt(hard - 1);
  return prev >= 0xd800 && prev <= 0xdbff ? hard + 1 : hard;
}

/**
 * The graphemes of a text of any length, with their UTF-16 offsets: segmented in windows cut where
 * no grapheme can span (`windowEnd`), so a long line costs linear time.
 */
export function* graphemesOf(s: string): Generator<{ index: number; segment: string }> {
  for (let from = 0; from < s.length; ) {
    const to = windowEnd(s, from);
    for (const g of graphemes().segment(s.slice(from, to))) yield { index: from + g.index, segment: g.segment };
    from = to;
  }
}

/**
 * Characters that are each their own grapheme and that NFKC and lower-casing leave as one
 * character: CJK ideographs, Hangul syllables, hiragana, katakana, CJK brackets and stops, ASCII
 * (upper case lowered) and full-width ASCII (！，？Ａ１, in most Chinese cues: made ASCII). A window
 * made of these alone (most of a transcript) is mapped character by character (`simpleOf`) without
 * segmenting it.
 */
const SIMPLE = /^[\u4e00-\u9fff\uac00-\ud7a3\u3041-\u3096\u30a1-\u30fa\u30fc\u3001\u3002\u300c-\u300f\x20-\x7e\uff01-\uff5e]*$/;

/** A character of SIMPLE as NFKC and lower-casing leave it. */
function simpleOf(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0).toLowerCase();
  return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
}

/** Exported for its test (the fast path against the grapheme-by-grapheme one). */
export function nfkcPass(original: string): NormalizedText {
  const b = new Builder();
  for (let from = 0; from < original.length; ) {
    const to = windowEnd(original, from);
    const window = original.slice(from, to);
    if (SIMPLE.test(window)) {
      for (let i = 0; i < window.length; i++) b.push(simpleOf(window[i] as string), from + i, from + i + 1);
      from = to;
      continue;
    }
    for (const g of graphemes().segment(window)) {
      const start = from + g.index;
      const end = start + g.segment.length;
      // Format characters are dropped before NFKC, so a zero-width joiner cannot hide a term.
      let n = g.segment.replace(FORMAT_CHARS, '');
      if (n === '') continue;
      // ㆍ (U+318D, a Hangul vowel letter) is how Korean print writes the list dot (비만ㆍ변비ㆍ당뇨):
      // NFKC would make it a combining vowel that glues the words into one unknown token. The hyphenation point ‧,
      // the bullet • and the bullet operator ∙ stand for it in captions too (비염‧축농증; r60kob's request): ko-dic
      // read each as an unknown word between the two.
      if (LIST_DOTS.includes(n)) n = '\u00b7';
      n = n.normalize('NFKC').toLowerCase().replace(FORMAT_CHARS, '');
      // NFKC maps the ideographic space and friends to ' '; all whitespace becomes a plain space.
      n = n.replace(/\s+/gu, ' ');
      b.push(n, start, end);
    }
    from = to;
  }
  return { original, text: b.text, origStart: b.origStart, origEnd: b.origEnd };
}

/** Characters written as the list dot · (see nfkcPass). */
const LIST_DOTS = ['\u318d', '\u2027', '\u2022', '\u2219'];

/**
 * Decoration a caption or a chat line puts between words: emoji and other pictographs, hearts, stars,
 * notes and shapes drawn as bullets, and Korean letters standing alone (ㅋㅋ, ㅎㅎ, ㅠㅠ: laughing, crying;
 * NFKC makes them conjoining jamo, U+1100–U+11FF). Not ● ○ × ※ (masks, marks and the notice sign carry meaning).
 */
const DECORATION_CHARS = '\\p{Extended_Pictographic}\\u2661\\u2605\\u2606\\u266a-\\u266c\\u25c6\\u25c7\\u25a0\\u25a1\\u25b2\\u25b3\\u25bc\\u25bd\\u3131-\\u318c\\u1100-\\u11ff';
/** Tildes: ~ (and ～ after NFKC) and the wave dash 〜. */
const TILDE_CHARS = '~\\u301c';
const DECORATION = new RegExp(`[${DECORATION_CHARS}]`, 'u');
const TILDE = new RegExp(`[${TILDE_CHARS}]`, 'u');
const HAS_DECORATION = new RegExp(`[${TILDE_CHARS}${DECORATION_CHARS}]`, 'u');

/**
 * Decoration read as a space: every pictograph or decorative symbol, and a run of tildes unless a
 * digit follows it (a range: 2~3, 30〜60代). Surrogate pairs are looked at as one code point.
 */
function decorationPass(n: NormalizedText, language: Language): NormalizedText {
  const t = n.text;
  if (!HAS_DECORATION.test(t)) return n;
  const b = new Builder();
  let i = 0;
  while (i < t.length) {
    const cp = t.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (TILDE.test(ch)) {
      let j = i;
      while (j < t.length && TILDE.test(t[j] as string)) j++;
      if (/[0-9]/.test(t[j] ?? '')) b.push(t.slice(i, j), n.origStart[i] ?? 0, n.origEnd[j - 1] ?? 0);
      else b.push(' ', n.origStart[i] ?? 0, n.origEnd[j - 1] ?? 0);
      i = j;
      continue;
    }
    if (isStar(ch)) {
      i = pushStars(n, b, i, language);
      continue;
    }
    if (DECORATION.test(ch)) b.push(' ', n.origStart[i] ?? 0, n.origEnd[i + ch.length - 1] ?? 0);
    else for (let k = 0; k < ch.length; k++) b.push(t[i + k] as string, n.origStart[i + k] ?? 0, n.origEnd[i + k] ?? 0);
    i += ch.length;
  }
  return { original: n.original, text: b.text, origStart: b.origStart, origEnd: b.origEnd };
}

/**
 * The run of star symbols at `i` pushed as a rating (★5 → 星5, ★★★★★ → 星5: `starReading`) or, when it
 * is decoration, as a space. Returns the index after the run.
 */
function pushStars(n: NormalizedText, b: Builder, i: number, language: Language): number {
  const t = n.text;
  const stars: string[] = [];
  let j = i;
  for (let cp = t.codePointAt(j); cp !== undefined && isStar(String.fromCodePoint(cp)); cp = t.codePointAt(j)) {
    stars.push(String.fromCodePoint(cp));
    j += cp > 0xffff ? 2 : 1;
  }
  const reading = starReading(stars, t.slice(Math.max(0, i - 8), i), t.slice(j, j + 8), language) ?? ' ';
  b.push(reading, n.origStart[i] ?? 0, n.origEnd[j - 1] ?? 0);
  return j;
}

/** Marks no space goes before: stops, commas, closing brackets and quotes (as NFKC leaves them). */
const CLOSING_MARK = /^[,.!?;:)\]}、。」』”’]$/u;

function isCjkNoSpace(ch: string | undefined): boolean {
  return ch !== undefined && CJK_NO_SPACE.test(ch);
}

function whitespacePass(n: NormalizedText): NormalizedText {
  const b = new Builder();
  const t = n.text;
  let i = 0;
  while (i < t.length) {
    if (t[i] === ' ') {
      let j = i;
      while (j < t.length && t[j] === ' ') j++;
      const prev = b.last;
      const next = t[j];
      // Also before a mark that closes or stops (药品😍，我们 → 药品，我们): no space belongs there.
      const dropped = b.length === 0 || j === t.length || (isCjkNoSpace(prev) && isCjkNoSpace(next)) || CLOSING_MARK.test(next ?? '');
      if (!dropped) b.push(' ', n.origStart[i] ?? 0, n.origEnd[j - 1] ?? 0);
      i = j;
      continue;
    }
    b.push(t[i] as string, n.origStart[i] ?? 0, n.origEnd[i] ?? 0);
    i++;
  }
  return { original: n.original, text: b.text, origStart: b.origStart, origEnd: b.origEnd };
}

function simplifiedPass(n: NormalizedText, conv: (s: string) => string): NormalizedText {
  const whole = conv(n.text);
  if (whole.length === n.text.length) return { ...n, text: whole };
  // Phrase conversion changed the length: fall back to character by character, which keeps the map.
  const b = new Builder();
  for (let i = 0; i < n.text.length; i++) {
    b.push(conv(n.text[i] as string), n.origStart[i] ?? 0, n.origEnd[i] ?? 0);
  }
  return { original: n.original, text: b.text, origStart: b.origStart, origEnd: b.origEnd };
}

/**
 * Replace spans of `n.text`; each replacement maps back to the union of the spans it replaced.
 * `edits` must be sorted and non-overlapping.
 */
export function applyEdits(n: NormalizedText, edits: readonly Edit[]): NormalizedText {
  if (edits.length === 0) return n;
  const b = new Builder();
  let i = 0;
  for (const e of edits) {
    for (; i < e.start; i++) b.push(n.text[i] as string, n.origStart[i] ?? 0, n.origEnd[i] ?? 0);
    b.push(e.to, n.origStart[e.start] ?? 0, n.origEnd[e.end - 1] ?? 0);
    i = e.end;
  }
  for (; i < n.text.length; i++) b.push(n.text[i] as string, n.origStart[i] ?? 0, n.origEnd[i] ?? 0);
  return { original: n.original, text: b.text, origStart: b.origStart, origEnd: b.origEnd };
}

export function normalize(original: string, language: Language, opts: NormalizeOptions = {}): NormalizedText {
  let n = whitespacePass(decorationPass(nfkcPass(original), language));
  if (language === 'zh' && opts.toSimplified) n = simplifiedPass(n, opts.toSimplified);
  n = applyEdits(n, rewriteSpokenNumbers(n.text, language));
  return n;
}

/** The original span behind normalised [start, end). */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (n.text.length === 0) return { start: 0, end: 0 };
  const s = n.origStart[Math.min(start, n.text.length - 1)] ?? 0;
  const e = n.origEnd[Math.max(Math.min(end, n.text.length) - 1, 0)] ?? n.original.length;
  return { start: s, end: Math.max(e, s) };
}

/** Normalise a rule term or cue the same way as transcript text (no offsets kept). */
export function normalizeTerm(term: string, language: Language, opts: NormalizeOptions = {}): string {
  return normalize(term, language, opts).text.trim();
}

/**
 * Where normalisation dropped a space (or line break) between two characters of a script written without spaces
 * (口服水光 喝 → 口服水光喝): offsets into `n.text`, ascending. A speaker's pause or a caption's gap there ends a
 * word, which a tokenizer should not then run across (水|光喝).
 */
export function droppedSpaces(n: NormalizedText): number[] {
  const out: number[] = [];
  // regex: any whitespace in the original (most captions have none: then nothing was dropped)
  if (!/\s/u.test(n.original)) return out;
  for (let i = 1; i < n.text.length; i++) {
    const from = n.origEnd[i - 1] ?? 0;
    const to = n.origStart[i] ?? 0;
    // regex: whitespace in the original between two kept characters
    if (to > from && /\s/u.test(n.original.slice(from, to)) && n.text[i - 1] !== ' ' && n.text[i] !== ' ') out.push(i);
  }
  return out;
}
