/**
 * Line and text helpers shared by the transcript parsers and writers. Pure.
 *
 * Positions reported to users are 1-based lines (split on CRLF, CR or LF, the way editors count)
 * and 1-based columns in UTF-16 code units, after a leading byte-order mark is removed.
 */

/** The content without a leading byte-order mark (editors do not show it, so columns ignore it). */
export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** Lines of the content (BOM removed); index i is line i + 1. */
export function splitLines(content: string): string[] {
  return stripBom(content).split(/\r\n|\r|\n/);
}

/** Offsets where each line starts, for turning a character offset into line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const re = /\r\n|\r|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** True for lines with nothing to read: whitespace, control characters (NUL padding, ^Z) or a stray BOM. */
export function isBlankLine(line: string): boolean {
  // A line that starts with printable ASCII (a timestamp's bracket, a digit, a letter) has something
  // to read: no need for the Unicode-property scan of the whole line.
  const c = line.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return /^[\s\p{Cc}\ufeff]*$/u.test(line);
}

/** Tabs, control characters (U+0000–U+001F, U+007F–U+009F) and byte-order marks: what stripControls removes or replaces. */
const CONTROL_OR_TAB = /[\u0000-\u001f\u007f-\u009f\ufeff]/;

/** Control characters removed (tabs become spaces). */
export function stripControls(text: string): string {
  if (!CONTROL_OR_TAB.test(text)) return text;
  return text.replace(/\t/g, ' ').replace(/[\p{Cc}\ufeff]/gu, '');
}

/** Control characters removed (tabs become spaces) and the ends trimmed. */
export function cleanText(text: string): string {
  return stripControls(text).trim();
}

/**
 * Scripts written without spaces between words (Han, kana, CJK punctuation, full-width forms).
 * Hangul is not among them: Korean separates words with spaces, so its lines join with one.
 */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u30fc]/u;

/** What goes between two lines of one cue: nothing when either side is CJK text, else a space. */
export function joinerBetween(before: string, after: string): string {
  const last = Array.from(before.slice(-2)).at(-1) ?? '';
  const first = after.codePointAt(0);
  const firstChar = first === undefined ? '' : String.fromCodePoint(first);
  return NO_SPACE_SCRIPT.test(last) || NO_SPACE_SCRIPT.test(firstChar) ? '' : ' ';
}

/** Lines of one cue as a single utterance, joined the way the script is written. */
export function joinCueLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!line) continue;
    out = out ? out + joinerBetween(out, line) + line : line;
  }
  return out;
}

/** Seconds rounded to the millisecond (every format keeps millisecond precision). */
export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
