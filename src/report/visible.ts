/**
 * Text that reaches a person's terminal or a rendered document with its control characters shown
 * instead of obeyed: an escape sequence in a transcript or a file name could clear the screen,
 * set the window title or conceal a finding. Pure.
 *
 * C0 controls and DEL become their Unicode control pictures (ESC → ␛, BEL → ␇), C1 controls and
 * the bidirectional overrides and isolates (which reorder what is displayed) become `<U+202E>`.
 * Line breaks are kept by `visible` (multi-line text) and shown by `visibleLine` (one-line fields:
 * paths, quotes).
 */
const C0_NO_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const C0_ALL = /[\u0000-\u001f\u007f]/g;
const OTHER = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x7f) return '\u2421';
  if (code === 0x09) return '\u2409';
  return String.fromCharCode(0x2400 + code);
}

function codePoint(c: string): string {
  return `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Control characters shown, line breaks (and tabs) kept. */
export function visible(s: string): string {
  return s.replace(C0_NO_BREAKS, picture).replace(OTHER, codePoint);
}

/** Control characters shown, line breaks and tabs included (one-line fields). */
export function visibleLine(s: string): string {
  return s.replace(C0_ALL, picture).replace(OTHER, codePoint);
}
