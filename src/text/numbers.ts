/**
 * Numbers in normalised text: where they are written (findNumbers) and what values they can mean (numberBounds,
 * parseCjkNumeral). Spoken numbers rewritten as digits are spoken-numbers.ts; Korean number patterns are
 * ko-number-patterns.ts. Works on text that has already been NFKC-normalised and lower-cased. Pure.
 */
import type { Language } from '../transcript/model.js';

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  영: 0, 공: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9,
};
/** The value of one numeral digit character (一 1, 오 5), or undefined. */
export function digitValue(c: string): number | undefined {
  return DIGITS[c];
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 십: 10, 백: 100, 천: 1000 };
const MYRIAD: Record<string, number> = { 万: 10_000, 萬: 10_000, 만: 10_000 };


const BIG: Record<string, number> = { ...MYRIAD, 亿: 1e8, 億: 1e8 };
/** Chinese and Japanese units (not Korean 십/백/천/만: Korean says 삼만 구천, never 삼만 구). */
const HAN_UNITS: ReadonlySet<string> = new Set('十百千万萬亿億');

/**
 * Value of a CJK (Chinese/Japanese kanji or Korean Sino-Korean) numeral, of digits, or of digits
 * with CJK units (3万, 2.5万, 4만9천), or undefined.
 */
export function parseCjkNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let sawAny = false;
  // The Chinese unit just before the current part, and the one a lone last digit follows.
  let prevUnit: number | undefined;
  let tailUnit: number | undefined;
  for (const part of s.match(/[0-9]+(?:\.[0-9]+)?|./gsu) ?? []) {
    sawAny = true;
    const ascii = /^[0-9]/.test(part);
    const d = ascii ? Number(part) : DIGITS[part];
    if (d !== undefined) {
      tailUnit = digit === undefined && part.length === 1 ? prevUnit : undefined;
      prevUnit = undefined;
      // Positional reading of numerals: 二〇二四 / 一〇〇.
      digit = digit === undefined || ascii ? d : digit * 10 + d;
      continue;
    }
    const u = UNITS[part] ?? BIG[part];
    if (u === undefined) return undefined;
    prevUnit = HAN_UNITS.has(part) ? u : undefined;
    tailUnit = undefined;
    if (u < 10_000) {
      section += (digit ?? 1) * u;
    } else {
      total += (section + (digit ?? (section === 0 ? 1 : 0))) * u;
      section = 0;
    }
    digit = undefined;
  }
  if (!sawAny) return undefined;
  // Chinese drops the last unit when it is the next one down: 一万二 is 12,000, 三千九 3,900, 两百五 250
  // (十 has none below it; 一万零二, with 零, is 10,002).
  if (digit !== undefined && tailUnit !== undefined && tailUnit >= 100) digit *= tailUnit / 10;
  return total + section + (digit ?? 0);
}

const CJK_NUMBER = '[〇零一二两兩三四五六七八九十百千万萬亿億]+';
// Digits with units, and digits again after a unit inside one amount (3万9800, 1万2千).
// A comma groups thousands (2,300; 12,800): three digits after it, or it separates two numbers (2,3キロ: two or three).
const DIGIT_RUN = '[0-9]+(?:\\.[0-9]+|,[0-9]{3}(?![0-9]))*';
const DIGITS_RE = `${DIGIT_RUN}(?:[十百千万萬亿億]+(?:${DIGIT_RUN})?)*`;
// Digits take only a unit after them (3만, 4천; in a run, 3만9천9백): 3일만에 is three days (일 the counter, 만 "only"), not
// 3 × 일만; and a Sino-Korean numeral does not start right after a digit.
// A 만 alone is 10,000 where a word does not end on it: 만 원, 만원, 단돈만원 (after 돈 and 딱 too); after another word
// it is the particle "only" (하나만, 오늘만 원 플러스 원, 이것만 원래). 몇 before a unit is "some" (몇만 원: 20,000 to 90,000).
const KO_MAN_ALONE = '(?:(?<![0-9가-힣])|(?<=[돈딱]))만';
const KO_SINO_ONE = `(?:[0-9]+[십백천만]|(?<![0-9])[일이삼사오육칠팔구]?[십백천]|(?<![0-9])[일이삼사오육칠팔구]만|${KO_MAN_ALONE}|(?<![가-힣])몇(?=[십백천만]))(?:[0-9]+[십백천]|[일이삼사오육칠팔구십백천만])*`;
const KO_MAN_ALONE_AT_END = new RegExp(`${KO_MAN_ALONE}$`, 'u');
/**
 * Whether a 만 written right after `word` (no space between) is the particle "only" (하나만, 오늘만 원 플러스 원), as the
 * pattern above reads it: after a word ending in Hangul, except the words a 만 alone still counts after (단돈만원).
 * The token reader (ko-numerals.ts) asks this, so both readers tell "only" from 10,000 alike.
 */
export function koManAfterWordIsOnly(word: string): boolean {
  return /[가-힣]$/u.test(word) && !KO_MAN_ALONE_AT_END.test(`${word}만`);
}
// An amount is said in groups apart (사만 구천 원, 4만 9천 원, 십이만 오천): after a 만 group, the smaller
// groups that follow a space belong to the same number.
// A price is also written as 만 then the rest in plain digits (2만9900원, 1만 5000원: 29,900 and 15,000), three or four
// digits after it (not 5만 2번째).
const KO_MAN_DIGITS = '[0-9]+만 ?(?:[0-9],?[0-9]{3}|[0-9]{3})(?![0-9십백천만])';
const KO_SINO = `(?:${KO_MAN_DIGITS}|(?:[0-9]+|(?<![0-9])[일이삼사오육칠팔구십백천]+|(?<![0-9가-힣]))만 (?:[0-9]+|[일이삼사오육칠팔구])?[천백십](?:[0-9]+[천백십]|[일이삼사오육칠팔구십백천])*|${KO_SINO_ONE})`;
// Native Korean numerals are written apart from their counter (두 달, 세 번): only before a space.
// Tens with or without a unit after them: 서른 배, 마흔두 개, 스물다섯 살.
/** A native Korean numeral as said before a counter (한, 두, 세, 스무, 서른다섯), as a regular-expression source. */
export const KO_NATIVE_NUMERAL = '(?:(?:열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?|한|두|세|네|다섯|여섯|일곱|여덟|아홉|스무)';
const KO_NATIVE = `${KO_NATIVE_NUMERAL}(?= )`;
// A Sino-Korean digit said alone and written against 킬로 / 키로 (오키로, 삼키로: speech recognition joins them; ko-dic
// then cuts 오키 + 로). Spaced, 이 키로 is "with this height": only 킬로 there.
const KO_SINO_KILO = '(?<![가-힣])[일이삼사오육칠팔구]+(?=키로|킬로| 킬로)';
// 몇 before a weight (몇 kg씩, 몇 킬로, 몇근) is "some", as 几 (2 to 9): 살을 몇 kg씩 빼준다. Not before other counters, where
// it mostly asks (몇 번 드세요?, 몇 개 남았어요?).
const KO_FEW_WEIGHT = '(?<![가-힣])몇(?= ?(?:kg|㎏|킬로|키로|근))';
const RANGE = '(?: ?(?:~|〜|-|–|到|至|から|에서) ?)';
// Chinese approximate numbers: 十几天, 二十几岁, 几十块, 好几斤 (a bare 几 is left out: 几天能好？ asks).
const ZH_APPROX = '(?:好几[十百千万]?|几[十百千万]+|[〇零一二两兩三四五六七八九十百千万萬]+几[十百千万]?)';
// Spoken Chinese counts: 仨 (three of), 俩 (two of), 十来 / 二十来 ("ten or so": 十来天, 二十来斤), and 半 (half: 半个月,
// 半年; not the 半 of 一半, a share, nor of 三个半月, which reads as 三).
const ZH_SPOKEN = '(?:[仨俩]|[〇零一二两兩三四五六七八九]?[十百]来|(?<![〇零一二两兩三四五六七八九十百千万萬几个0-9])半)';
// Japanese counts said in words: ひと月, ふた月 (one, two months); 数 before a unit (数キロ, 数日, 十数キロ, 数十キロ:
// several, as Chinese 几). Not 半年 (half a year): read as a number it turned the corpus' 半年で復活 lines into
// efficacy-proof findings they are not labelled with; rules list 半年 as a word.
const JA_UNIT_AHEAD = '(?=キロ|kg|日|週|ヶ月|か月|カ月|ヵ月|箇月|年|回|倍|歳|%|パーセント|センチ|cm|人|個|本|袋)';
const JA_SPOKEN = `(?:(?:ひと|ふた)(?=月)|(?<!\\p{Script=Han})[十百千]?数[十百千万]*${JA_UNIT_AHEAD})`;
// "N-odd": 三十多种, 十多斤, 一百多块, 两千多人, 30多种, 100多斤 (jieba keeps 三十多种 one word): a round number and a 多
// after it, 30 to 39 for 三十多. Only after 十, 百 or 千 (or digits ending in 0): 3万多 keeps its 万 as a unit it carries,
// and 多少 asks how many.
const ZH_MORE = '(?:[0-9]*[1-9]0+|[〇零一二两兩三四五六七八九十百千万萬]*[十百千])多(?!少)';
const NUMBER_RE: Record<Language, RegExp> = {
  ja: new RegExp(`(?:${DIGITS_RE}|${JA_SPOKEN}|${CJK_NUMBER})(?:${RANGE}(?:${DIGITS_RE}|${CJK_NUMBER}))?`, 'gu'),
  zh: new RegExp(`(?:${ZH_MORE}|${DIGITS_RE}|${ZH_APPROX}|${ZH_SPOKEN}|${CJK_NUMBER})(?:${RANGE}(?:${DIGITS_RE}|${CJK_NUMBER}))?`, 'gu'),
  ko: new RegExp(`(?:${KO_SINO}|${DIGITS_RE}|${KO_NATIVE}|${KO_SINO_KILO}|${KO_FEW_WEIGHT})(?:${RANGE}(?:${KO_SINO}|${DIGITS_RE}|${KO_NATIVE}|${KO_SINO_KILO}))?`, 'gu'),
};

/**
 * Whether a unit starting at `unitStart`, inside the number [start, end), is carried by the number: it begins on
 * the number's last multipliers (万 of 五六万, 3万, 十万; 만 of 3만; 千 of the N-odd 两千多) and a number comes before it.
 */
export function carriedUnitAt(text: string, start: number, unitStart: number, end: number): boolean {
  return start < unitStart && unitStart < end && /^[十百千万萬亿億십백천만]+多?$/u.test(text.slice(unitStart, end)) && numberBounds(text.slice(start, unitStart)) !== undefined;
}

/** Signs written before an amount (after NFKC: ￥ is ¥, ＄ is $, ￦ is ₩). */
const CURRENCY_SIGNS: ReadonlySet<string> = new Set(['¥', '$', '₩', '€', '£']);
/** Words that name an amount's currency after it: a sign before the number says the same. */
export const MONEY_UNITS: ReadonlySet<string> = new Set(['円', '万円', '元', '块', '块钱', '元钱', '圆', '塊', '원', '만원', '천원', '만 원', '천 원']);

/** Where a currency sign written right before the number at `start` begins (¥9,800, ₩ 59,000), if one is. */
export function currencySignBefore(text: string, start: number): number | undefined {
  const at = text[start - 1] === ' ' ? start - 1 : start;
  return at > 0 && CURRENCY_SIGNS.has(text[at - 1] as string) ? at - 1 : undefined;
}

/** The number without a currency sign written before it (for its value). */
export function withoutCurrencySign(raw: string): string {
  if (!CURRENCY_SIGNS.has(raw[0] ?? '')) return raw;
  return raw[1] === ' ' ? raw.slice(2) : raw.slice(1);
}

/**
 * Where numbers are written in normalised text: digits (3, 2.5, 1,000), CJK numerals (二十, 三),
 * Chinese approximate and spoken numbers (十几, 几十, 好几, 十来, 三十多, 仨, 俩),
 * Sino-Korean numerals with a unit (이십) and native Korean ones (두, 세), and ranges (3〜5, 三到五).
 * A number rule element then asks for a unit after it. Pure; linear in the text.
 */
export function findNumbers(text: string, language: Language): { start: number; end: number }[] {
  const re = NUMBER_RE[language];
  re.lastIndex = 0;
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (language === 'zh' && isVeryShifen(text, m.index, m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return language === 'ko' ? out : joinCommaPairs(text, out);
}

/**
 * Whether the number `found` at `start` is the 十 of 十分 said alone, "very" (十分好, 十分满意), not ten marks: no numeral
 * before it (五十分 is fifty marks) and no 钟, 之 or 贝 after 分 (十分钟 ten minutes, 十分之一 a tenth). Ten marks said
 * so (满分十分) is read as "very" too: rarer by far.
 */
function isVeryShifen(text: string, start: number, found: string): boolean {
  return found === '十' && text[start + 1] === '分' && !/[钟鐘之贝]/u.test(text[start + 2] ?? '');
}

/**
 * Japanese and Chinese say a range of two small numbers with a comma between them: 2、3キロ, 2,3キロ, 二、三キロ (two or
 * three kilos). One or two digits, or a numeral of one or two characters, on each side, the second the larger.
 */
const COMMA_PAIR = /^([0-9]{1,2}|[一二两三四五六七八九十]{1,2})[、,]([0-9]{1,2}|[一二两三四五六七八九十]{1,2})$/u;

/** The two ends of a range said with a comma (2、3 as 2 and 3), or undefined. */
function commaPair(text: string): readonly [number, number] | undefined {
  const m = COMMA_PAIR.exec(text);
  if (!m) return undefined;
  const lo = parseCjkNumeral(m[1] as string);
  const hi = parseCjkNumeral(m[2] as string);
  return lo === undefined || hi === undefined || lo >= hi ? undefined : [lo, hi];
}

/**
 * Numbers found, with each pair said as a range with a comma (2、3) made one number; not a list of three or more
 * (1、2、3: a number joined by a comma before the pair or after it), which stays numbers apart.
 */
function joinCommaPairs(text: string, found: { start: number; end: number }[]): { start: number; end: number }[] {
  const joined = (i: number): boolean => {
    const a = found[i];
    const b = found[i + 1];
    return a !== undefined && b !== undefined && b.start === a.end + 1 && /[、,]/u.test(text[a.end] as string);
  };
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as { start: number; end: number };
    const b = found[i + 1];
    if (b && joined(i) && !joined(i - 1) && !joined(i + 1) && commaPair(text.slice(a.start, b.end))) {
      out.push({ start: a.start, end: b.end });
      i++;
    } else out.push(a);
  }
  return out;
}

const KO_NATIVE_VALUES: Record<string, number> = {
  한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9,
  열: 10, 스무: 20, 스물: 20, 서른: 30, 마흔: 40, 쉰: 50, 예순: 60, 일흔: 70, 여든: 80, 아흔: 90,
};
/** Native Korean approximate counts: 한두 (one or two), 두세, 서너, 네댓, 대여섯, 예닐곱, 일여덟. */
const KO_NATIVE_APPROX: Record<string, readonly [number, number]> = {
  한두: [1, 2], 두세: [2, 3], 두서너: [2, 4], 서너: [3, 4], 네댓: [4, 5], 너댓: [4, 5], 너덧: [4, 5], 대여섯: [5, 6], 예닐곱: [6, 7], 일여덟: [7, 8], 일고여덟: [7, 8],
};

/** Digits said in pairs for "about": neighbours (五六, 二三, 七八, 이삼), and 三五 ("three or five", a few). */
function saidAsPair(a: string | undefined, b: string | undefined): boolean {
  const x = a === undefined ? undefined : DIGITS[a];
  const y = b === undefined ? undefined : DIGITS[b];
  return x !== undefined && y !== undefined && x > 0 && (y === x + 1 || (x === 3 && y === 5));
}
const isDigitWord = (c: string | undefined): boolean => c !== undefined && (DIGITS[c] !== undefined || /[0-9]/.test(c));

/**
 * An approximate number said with two digits in a row (五六斤 five or six jin, 二三十 twenty or thirty,
 * 十七八 seventeen or eighteen, 五六万, 一两个月, 三五斤, 百分之八九十, 이삼십): its lower and its upper
 * reading (二十 and 三十), or undefined. Three digits or more in a row are read one by one (二〇二四).
 */
export function approximatePair(s: string): [string, string] | undefined {
  const c = [...s];
  for (let i = 0; i + 1 < c.length; i++) {
    if (!saidAsPair(c[i], c[i + 1])) continue;
    if (isDigitWord(c[i - 1]) || isDigitWord(c[i + 2])) return undefined;
    return [c.filter((_, k) => k !== i + 1).join(''), c.filter((_, k) => k !== i).join('')];
  }
  return undefined;
}

const KO_NATIVE_PART = /^(열|스무|스물|서른|마흔|쉰|예순|일흔|여든|아흔)?(한|두|세|네|다섯|여섯|일곱|여덟|아홉)?$/u;
/** Value of one number as findNumbers finds it (no range): digits with separators and CJK units (4만 9천, 2.5万), a numeral, a native Korean one. */
function oneValue(raw: string): number | undefined {
  const s = raw.replace(/[, ]/g, '');
  const native = KO_NATIVE_PART.exec(s);
  if (native && s) return (KO_NATIVE_VALUES[native[1] ?? ''] ?? 0) + (KO_NATIVE_VALUES[native[2] ?? ''] ?? 0);
  return parseCjkNumeral(s);
}

/** One end of a number with its spoken words as numerals: 好几 as 几, 仨 as 三, 俩 as 两, Japanese ひと and ふた, 数 (several) and Korean 몇 as 几. */
function plainPart(part: string): string {
  return part.replace(/^好/u, '').replace(/^몇/u, '几').replace(/^仨$/u, '三').replace(/^俩$/u, '两').replace(/^ひと$/u, '一').replace(/^ふた$/u, '二').replace(/数/u, '几');
}

/** The two readings of a number said as a pair (五六, 二三十, 두세, 두 세), or undefined. */
function pairBounds(part: string): readonly [number, number] | undefined {
  const native = KO_NATIVE_APPROX[part.replace(/ /g, '')];
  if (native) return native;
  const pair = approximatePair(part.replace(/ /g, ''));
  const lo = pair && oneValue(pair[0]);
  const hi = pair && oneValue(pair[1]);
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

/**
 * The ends of a round number with 多 after it ("N-odd"): from the number to just below the next step of its last
 * place (三十多 30 to 39, 一百多 100 to 199, 一百二十多 120 to 129, 30多 30 to 39), or undefined.
 */
export function oddBounds(part: string): readonly [number, number] | undefined {
  if (!part.endsWith('多')) return undefined;
  const round = part.slice(0, -1);
  const value = oneValue(round);
  if (value === undefined || value <= 0) return undefined;
  const digits = /^[0-9]+$/u.exec(round);
  const zeros = digits ? /0*$/u.exec(round)?.[0].length ?? 0 : undefined;
  const step = zeros !== undefined ? 10 ** zeros : UNITS[round.slice(-1)];
  return step === undefined || step < 10 ? undefined : [value, value + step - 1];
}

/**
 * The smallest and largest value a number found by findNumbers can mean: one value for 30, 二十,
 * 4만 9천, 두; the ends of a range (3〜5, 三到五); 十几 as 11 to 19, 十来 as 10 to 19, 三十多 as 30 to 39, 好几 as 2 to 9,
 * 仨 and 俩 as 3 and 2, 半 as 0.5. Undefined when
 * the text is not a number this module reads.
 */
export function numberBounds(text: string): { lo: number; hi: number } | undefined {
  const pair = commaPair(text);
  if (pair) return { lo: pair[0], hi: pair[1] };
  const ends = text.split(new RegExp(RANGE, 'u')).map(plainPart);
  const values: number[] = [];
  for (const part of ends) {
    if (part === '半') {
      values.push(0.5, 0.5);
      continue;
    }
    const pair = oddBounds(part) ?? pairBounds(part);
    if (pair) {
      values.push(...pair);
      continue;
    }
    // 十来 is ten or a little more: 10 to 19, as 十几.
    const lo = oneValue(part.replace(/来$/u, '').replace(/几/gu, part.startsWith('几') ? '二' : '一'));
    const hi = oneValue(part.replace(/来$/u, '九').replace(/几/gu, '九'));
    if (lo === undefined || hi === undefined) return undefined;
    values.push(lo, hi);
  }
  return values.length ? { lo: Math.min(...values), hi: Math.max(...values) } : undefined;
}
