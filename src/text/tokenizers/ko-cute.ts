/**
 * Korean cute and dialect sentence endings respelled as the standard ones before matching: 좋아용, 빠져용,
 * 돼용, 좋아유, 했어유, 좋아여 → …요; 맛있당 → 맛있다. Captions and chat write them; ko-dic reads the 용 as a
 * noun or a suffix (빠져/VV 용/NNG, 아파/NNG 용/XSN), so rules written with 요 (좋아요, 빠져요) missed them.
 * Pure: the tokenizer is handed in.
 */
import type { Edit } from '../spoken-numbers.js';
import type { Token } from '../tokenizer.js';

/** A word-final cute syllable and the standard one it stands for. */
const CUTE = /(?<![가-힣])[가-힣]+?([용유여당])(?=$|[^가-힣])/gu;
const STANDARD: Record<string, string> = { 용: '요', 유: '요', 여: '요', 당: '다' };

const firstTag = (pos: string) => pos.split('+')[0] as string;
/** A tag that ends a predicate or is one: an ending, or a verb, adjective or verb suffix (not the copula 이). */
const predicateLike = (pos: string) => /^(?:E|VV|VA|VX|XSV|XSA)/u.test(firstTag(pos)) || pos.includes('+E');

/** The token that holds offset `at`, and the one before it. */
function around(tokens: readonly Token[], at: number): { t?: Token; prev?: Token } {
  const i = tokens.findIndex((t) => t.start <= at && at < t.end);
  return i < 0 ? {} : { t: tokens[i] as Token, ...(i > 0 ? { prev: tokens[i - 1] as Token } : {}) };
}

/**
 * Whether the respelled word reads its last syllable as a sentence ending after a predicate: 좋아요 (좋/VA 아요/EC),
 * 아파요 (아파요/VA+EF), 빠져요 (빠져/VV+EC 요/JX); not after a noun (유아요 = 유아/NNG 요/VCP+EC: 유아용 is "for
 * infants", 여성용, 남녀용).
 */
function readsAsEnding(tokens: readonly Token[], at: number): boolean {
  const { t, prev } = around(tokens, at);
  if (!t || firstTag(t.pos) === 'VCP') return false;
  if (t.end - t.start > 1) return predicateLike(t.pos);
  return prev !== undefined && prev.end === t.start && predicateLike(prev.pos) && firstTag(prev.pos) !== 'VCP';
}

/**
 * The edits that respell the cute endings of `text`. A word's last 용/유/여 becomes 요 when the word read with
 * 요 ends in a sentence ending after a predicate and the syllable was not inside a longer noun (사용, 비용, 이유,
 * 여유, 우유, 남녀); 당 becomes 다 only where ko-dic already reads it as an ending (맛있당 = 맛있/VA 당/EF: not
 * 개당, 식당). Words without such a syllable cost nothing.
 */
export function cuteEndingEdits(text: string, tokenize: (text: string) => readonly Token[]): Edit[] {
  // Same-length edits (one syllable for one), so offsets keep.
  const edits: Edit[] = [];
  for (const m of text.matchAll(CUTE)) {
    const word = m[0];
    const cute = m[1] as string;
    const last = word.length - 1;
    // 여 for 요 only after 아/어 (좋아여, 했어여): after anything else it is the 어-form itself (높여, 줄여, 보여).
    if (cute === '여' && !/[아어]$/u.test(word.slice(0, last))) continue;
    const { t } = around(tokenize(word), last);
    if (!t) continue;
    if (cute === '당' ? !/^E/u.test(firstTag(t.pos)) : firstTag(t.pos).startsWith('N') && t.end - t.start > 1) continue;
    if (cute !== '당' && !readsAsEnding(tokenize(word.slice(0, last) + STANDARD[cute]), last)) continue;
    edits.push({ start: m.index + last, end: m.index + word.length, to: STANDARD[cute] as string });
  }
  return edits;
}
