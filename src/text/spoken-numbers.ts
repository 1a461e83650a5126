/**
 * Spoken numbers rewritten as digits in the normalised text, so a rule written "100%" catches 百パーセント, 百分之百
 * and 백 퍼센트, and 1.5キロ catches 一・五キロ. Works on text already NFKC-normalised and lower-cased. Pure.
 */
import type { Language } from '../transcript/model.js';
import { approximatePair, digitValue, parseCjkNumeral } from './numbers.js';

const NUMERAL_CHARS = '〇零一二两兩三四五六七八九十百千万萬영공일이삼사오육칠팔구십백천만';
const NUM = `[0-9]+(?:\\.[0-9]+)?|[${NUMERAL_CHARS}]+`;

export interface Edit {
  start: number;
  end: number;
  to: string;
}

interface Rewrite {
  re: RegExp;
  to: (m: RegExpExecArray) => string | undefined;
}

function percent(numGroup: number): (m: RegExpExecArray) => string | undefined {
  return (m) => {
    const pair = approximatePair(m[numGroup] ?? '');
    const [lo, hi] = pair ? pair.map(parseCjkNumeral) : [undefined, undefined];
    if (lo !== undefined && hi !== undefined) return `${lo}~${hi}%`;
    const v = parseCjkNumeral(m[numGroup] ?? '');
    return v === undefined ? undefined : `${v}%`;
  };
}

/**
 * A decimal point written as a middle dot (一・五キロ, 1・5キロ, 三十六・五度: Japanese writes it so in vertical text and
 * captions copy it) or said as 点 (一点五斤, 三点五公斤), before a unit of measure: 1.5キロ, 1.5斤. Only before such a
 * unit, and not inside a list of three (1・2・3): a middle dot between numbers otherwise lists them (一・二年生, the
 * first and second years), and 点 tells the time (三点五十分) or says "a little" (一点点).
 */
const MEASURE_AHEAD: Record<'ja' | 'zh', string> = {
  ja: '(?=キロ|kg|グラム|g(?![a-z])|センチ|cm|ミリ|mm|メートル|リットル|倍|%|度|万|億)',
  zh: '(?=斤|公斤|千克|克|kg|g(?![a-z])|厘米|cm|米|毫升|升|倍|%|度|万|亿)',
};
const DOT_WHOLE = '[0-9]+|[〇零一二两三四五六七八九十百]+';
const DOT_FRACTION = '[0-9]+|[〇零一二三四五六七八九]+';
const NOT_LISTED = '[0-9〇零一二两三四五六七八九十百]';

/** 1.5 for the whole part 一 (or 1) and the fraction's digits 五 (or 5), or undefined. */
function decimalOf(whole: string, fraction: string): string | undefined {
  const w = parseCjkNumeral(whole);
  const f = [...fraction].map((c) => (/[0-9]/u.test(c) ? c : String(digitValue(c) ?? ''))).join('');
  return w === undefined || f.length !== fraction.length ? undefined : `${w}.${f}`;
}

/** 1.5% for the whole part 一 and the fraction 五 of a percentage said with a decimal (百分之一点五), or undefined. */
function decimalPercent(whole: string, fraction: string): string | undefined {
  const value = decimalOf(whole, fraction);
  return value === undefined ? undefined : `${value}%`;
}

function decimalDot(language: 'ja' | 'zh'): Rewrite {
  const point = language === 'ja' ? '[・·]' : '[・·点]';
  const percentWord = language === 'ja' ? '( ?(?:パーセント|ぱーせんと))|' : '';
  return {
    re: new RegExp(`(?<!${NOT_LISTED}[・·])(${DOT_WHOLE})${point}(${DOT_FRACTION})(?![・·]${NOT_LISTED})(?:${percentWord}${MEASURE_AHEAD[language]})`, 'gu'),
    to: (m) => (m[3] ? decimalPercent(m[1] ?? '', m[2] ?? '') : decimalOf(m[1] ?? '', m[2] ?? '')),
  };
}

const NUMBER_ONE: Rewrite = { re: /n[o0]\.? ?1(?![0-9])|ナンバーワン|ナンバー1(?![0-9])|넘버원|number ?one/gu, to: () => 'no.1' };

const REWRITES: Record<Language, Rewrite[]> = {
  ja: [
    decimalDot('ja'),
    { re: new RegExp(`(${NUM}) ?(?:パーセント|ぱーせんと|%)`, 'gu'), to: percent(1) },
    // A long-vowel mark after a kanji is a misread 一 (日本ー, 世界ー): it never lengthens a kanji.
    { re: /(?<=\p{Script=Han})ー(?!\p{Script=Katakana})/gu, to: () => '一' },
    NUMBER_ONE,
  ],
  zh: [
    decimalDot('zh'),
    { re: /百分百/gu, to: () => '100%' },
    { re: new RegExp(`百分之(${DOT_WHOLE})点(${DOT_FRACTION})`, 'gu'), to: (m) => decimalPercent(m[1] ?? '', m[2] ?? '') },
    { re: new RegExp(`百分之(${NUM})`, 'gu'), to: percent(1) },
    // 100% and 一〇〇% alike (a subtitle writes the numeral, a speaker says it).
    { re: new RegExp(`(${NUM}) ?%`, 'gu'), to: percent(1) },
    NUMBER_ONE,
  ],
  ko: [
    // Single-syllable Sino-Korean digits (이, 사, 오…) are also everyday words: only count a
    // numeral that has a unit in it (백, 구십, 오십…) or digits, and not 프로그램 / 프로모션.
    {
      re: /([0-9]+(?:\.[0-9]+)?|[일이삼사오육칠팔구]?[십백천][일이삼사오육칠팔구십백천]*) ?(?:퍼센트|%|프로(?!그램|모션|필|젝트|틴|바이오|세스|듀))/gu,
      to: percent(1),
    },
    NUMBER_ONE,
  ],
};

/** Non-overlapping edits, in order, turning spoken numbers into digits. */
export function rewriteSpokenNumbers(text: string, language: Language): Edit[] {
  const edits: Edit[] = [];
  for (const rw of REWRITES[language]) {
    rw.re.lastIndex = 0;
    for (let m = rw.re.exec(text); m !== null; m = rw.re.exec(text)) {
      const to = rw.to(m);
      const start = m.index;
      const end = start + m[0].length;
      if (to !== undefined && to !== m[0] && !edits.some((e) => e.start < end && start < e.end)) {
        edits.push({ start, end, to });
      }
      if (m[0].length === 0) rw.re.lastIndex++;
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}
