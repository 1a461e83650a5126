/**
 * Korean numbers the text alone cannot tell from everyday words, read with the analyser's part of speech: a
 * Sino-Korean digit said alone (오 분, 삼 일, 삼주: 오, 이, 사 are also "five", "this" and "buy"), and a native
 * numeral written against its counter (한달, 세번, 다섯달). ko-dic tags such a numeral NR (or MM for a native
 * one) before a counter (NNBC). Pure.
 */
import { koManAfterWordIsOnly } from './numbers.js';
import type { Token } from './tokenizer.js';

const SINO = /^[일이삼사오육륙칠팔구십백천만]+$/u;
const NATIVE = /^(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|스물|서른|마흔|쉰|한두|두세|서너|네댓|너댓|너덧|대여섯|예닐곱|일고여덟)$/u;
/** Counters ko-dic tags as common nouns after a native numeral (다섯 달 is 다섯/NR 달/NNG). */
const NOUN_COUNTERS: ReadonlySet<string> = new Set(['달', '주', '년', '번', '명', '살', '개']);

/** A numeral word: Sino-Korean digits tagged NR, a native numeral tagged NR or MM. */
function isNumeral(t: Token): boolean {
  if (t.pos.startsWith('NR')) return SINO.test(t.surface) || NATIVE.test(t.surface);
  return t.pos.startsWith('MM') && NATIVE.test(t.surface);
}

function isCounter(t: Token | undefined): boolean {
  return t !== undefined && (t.pos.startsWith('NNBC') || NOUN_COUNTERS.has(t.surface));
}

/**
 * Whether token `i` is a 만 written against a word before it that is no numeral, where it is the particle "only"
 * (하나만, 오늘만 원 플러스 원), which ko-dic may tag NR before 원: as the text reader tells it (koManAfterWordIsOnly).
 */
function gluedMan(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  return t.surface === '만' && prev !== undefined && prev.end === t.start && !isNumeral(prev) && koManAfterWordIsOnly(prev.surface);
}

/**
 * Where numeral words before a counter are written (offsets into the text): one span per run of numeral
 * tokens (이 삼 일 is one span, two to three), so 오 분, 삼주, 한달, 세 번 and 두 세 번 read as numbers.
 */
export function koreanNumeralSpans(tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j < tokens.length && isNumeral(tokens[j] as Token) && !gluedMan(tokens, j)) j++;
    if (j > i && isCounter(tokens[j])) out.push({ start: (tokens[i] as Token).start, end: (tokens[j - 1] as Token).end });
    i = Math.max(i, j - 1);
  }
  return out;
}

/**
 * The end of a Korean number found in the text (findNumbers) without a last 이 that ko-dic reads as the copula or the
 * subject particle after the numeral (오백이에요 is 오/백/이/에요: "it is 500", not 502; 오백이 넘어요, over 500): `end`
 * itself when the number ends otherwise. `last`: the index of the token ending at `end`, if one does.
 */
export function withoutCopulaDigit(tokens: readonly Token[], start: number, end: number, last: number | undefined): number {
  const t = last === undefined ? undefined : tokens[last];
  const prev = last === undefined ? undefined : tokens[last - 1];
  if (!t || !prev || t.surface !== '이' || t.pos.startsWith('NR') || prev.end !== t.start || prev.end <= start) return end;
  return prev.pos.startsWith('NR') && SINO.test(prev.surface) ? prev.end : end;
}
