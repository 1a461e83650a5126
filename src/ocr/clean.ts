/**
 * Tidy what OCR read before it is matched: tesseract puts a space between CJK characters
 * ("日 本 一 の 美 容 液") and confuses look-alike characters across scripts (the long-vowel
 * mark ー for the kanji 一, katakana ロ for the kanji 口, カ for 力…). Pure.
 */
import type { Language } from '../transcript/model.js';

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KATAKANA = /\p{Script=Katakana}/u;
/** Scripts written without spaces (Hangul is written with them). */
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff01-\uff60]/u;

/** Look-alikes: [katakana, kanji]. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['ー', '一'],
  ['ロ', '口'],
  ['カ', '力'],
  ['エ', '工'],
  ['ニ', '二'],
  ['ハ', '八'],
  ['タ', '夕'],
  ['ト', '卜'],
  ['ホ', '本'],
];
const TO_KANJI = new Map(PAIRS.map(([k, h]) => [k, h]));
const TO_KATAKANA = new Map(PAIRS.map(([k, h]) => [h, k]));

/**
 * Pick the script a look-alike belongs to from its neighbours: katakana among katakana, kanji
 * among kanji (Chinese has no kana, so there every look-alike is the kanji).
 */
export function fixConfusions(text: string, language: Language): string {
  const cs = [...text];
  const out: string[] = [];
  cs.forEach((c, i) => {
    out.push(pick(c, out[i - 1], cs[i + 1]));
  });
  return out.join('');

  /** `prev` is already decided (plain script test); `next` may still be a look-alike. */
  function pick(c: string, prev: string | undefined, next: string | undefined): string {
    const kataBefore = prev !== undefined && KATAKANA.test(prev) && prev !== 'ー';
    const hanBefore = prev !== undefined && HAN.test(prev);
    const kataAfter = next !== undefined && KATAKANA.test(next) && !TO_KANJI.has(next);
    const hanAfter = next !== undefined && HAN.test(next) && !TO_KATAKANA.has(next);
    if (language === 'zh') return TO_KANJI.get(c) ?? c;
    if (language !== 'ja') return c;
    if (TO_KANJI.has(c) && !kataBefore && !kataAfter && (hanBefore || hanAfter)) {
      // ー after kana (ありがとー) is the long vowel, whatever follows.
      if (c === 'ー' && prev !== undefined && KANA.test(prev)) return c;
      return TO_KANJI.get(c)!;
    }
    if (TO_KATAKANA.has(c) && (kataBefore || kataAfter)) return TO_KATAKANA.get(c)!;
    return c;
  }
}

/** Collapse spaces; drop those between two characters of scripts written without spaces. */
export function dropCjkSpaces(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === ' ') {
      const prev = out[out.length - 1];
      const next = t[i + 1];
      if (prev !== undefined && next !== undefined && (NO_SPACE.test(prev) || NO_SPACE.test(next)) && !/[A-Za-z0-9]/.test(prev + next)) continue;
    }
    out += c;
  }
  return out;
}

/** What OCR read, ready for matching; empty when it is only punctuation or stray marks. */
export function cleanOcrText(text: string, language: Language): string {
  // Box edges and underlines come back as | [ ] _ at the ends of a line.
  const t = fixConfusions(dropCjkSpaces(text.normalize('NFKC')), language).replace(/^[\s|_\[\]‖¦]+|[\s|_\[\]‖¦]+$/gu, '');
  return ocrKey(t).length >= 2 ? t : '';
}

/** Letters and digits only: the same line read twice compares equal despite stray marks. */
export function ocrKey(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}
