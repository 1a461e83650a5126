/**
 * Korean written without spaces (captions, hashtags, on-screen text read by OCR): the runs of a
 * text that a rule's words written with spaces (다는 광고, 라이브 끝나면) should match without them
 * (다는광고, 라이브끝나면). Pure.
 */

/**
 * Hangul syllables from which a run without spaces counts as written without spaces: a word written
 * with spaces has at most 9 (in all but one of the 50,000 words of the Korean corpus), so text
 * written with spaces never has such a run.
 */
export const SPACELESS_SYLLABLES = 10;

export interface Run {
  start: number;
  end: number;
}

function syllables(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) n++;
  }
  return n;
}

/**
 * The runs of `text` between whitespace that are written without spaces: those of at least
 * SPACELESS_SYLLABLES Hangul syllables, and hashtags (#당뇨에좋은차: a # and two syllables or more).
 */
export function spacelessRuns(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const n = syllables(m[0]);
    if (n >= SPACELESS_SYLLABLES || (n >= 2 && m[0].startsWith('#'))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
