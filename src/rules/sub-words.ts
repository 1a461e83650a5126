/**
 * Chinese: a rule word jieba keeps inside a longer word of its own dictionary (看 in 看电视, 说 in 说好, 药 in 降压药),
 * found where that word splits into two dictionary words the way Chinese builds such compounds. Pure: the
 * dictionary's tags are handed in.
 */
import type { Token } from '../text/tokenizer.js';

/** The part of speech of a dictionary word (jieba's tag), or undefined for a string that is none. */
export type WordTag = (word: string) => string | undefined;

/** Result complements a one-character verb takes inside one jieba word (说好, 喝完, 吃饱): the verb is still said. */
const RESULT_COMPLEMENTS: ReadonlySet<string> = new Set(['好', '完', '掉', '光', '饱', '够', '透', '坏']);
/** Noun suffixes that make a word rather than name a thing (孩子, 枕头, 小孩儿). */
const NOUN_SUFFIXES: ReadonlySet<string> = new Set(['子', '头', '儿', '们']);
const NOUN = /^n[gz]?$/u;
/** Verbs of being, having and denying, which make set phrases rather than acts (没关系, 有点儿, 是非). */
const NOT_ACTS: ReadonlySet<string> = new Set(['没', '不', '有', '是', '无', '别']);
/** Verbs, idioms and set phrases: the tags a verb-object or verb-complement word carries (看电视 v, 洗头发 i). */
const VERB_PHRASE = /^(?:v[a-z]?|i|l)$/u;

/**
 * Whether the character [start, end) of the normalised `text`, at the beginning or the end of token `t` (never all of
 * it, never its middle), is a word of the compound. At its beginning: a verb, in a verb phrase, before a noun of two
 * characters or more or a result complement (看|电视, 洗|头发, 说|好, 喝|完: the act and what it acts on or achieves).
 * At its end: a head noun after a dictionary word of two characters or more (降压|药, 糖尿|病, 减肥|茶). Not 一 in
 * 一般, 白 in 明白, 药 in 药材 or 中药, 说 in 说明, 放 in 放心, 子 in 孩子, nor a longer word (论文 in 毕业论文, 细胞 in
 * 神经细胞, 血压 in 高血压: rules name such compounds whole).
 */
export function isSubWord(text: string, t: Token, start: number, end: number, tagOf: WordTag): boolean {
  const atStart = start === t.start;
  if (start < t.start || end > t.end || atStart === (end === t.end) || end - start !== 1) return false;
  const word = text.slice(start, end);
  const rest = atStart ? text.slice(end, t.end) : text.slice(t.start, start);
  return atStart ? actFirst(word, rest, t.pos, tagOf) : headNoun(word, rest, t.pos, tagOf);
}

/** 看|电视, 说|好: a verb (not one of being, having or denying) in a verb phrase, before a noun or a result complement. */
function actFirst(verb: string, rest: string, pos: string, tagOf: WordTag): boolean {
  if (!VERB_PHRASE.test(pos) || NOT_ACTS.has(verb) || !tagOf(verb)?.startsWith('v')) return false;
  return RESULT_COMPLEMENTS.has(rest) || (rest.length >= 2 && NOUN.test(tagOf(rest) ?? ''));
}

/** 降压|药: the head noun of a noun, after a dictionary word of two characters or more. */
function headNoun(noun: string, rest: string, pos: string, tagOf: WordTag): boolean {
  return NOUN.test(pos) && !NOUN_SUFFIXES.has(noun) && rest.length >= 2 && NOUN.test(tagOf(noun) ?? '') && tagOf(rest) !== undefined;
}

/**
 * Whether jieba cut a run of nouns the other way round at the start of `t`: the word before it (`prev`, right before
 * `t`) and the first character of `t` make a dictionary noun, and the rest of `t` (two characters or more) is one too.
 * 人|体细胞 is 人体|细胞 (体细胞 is rare, but 人 is so frequent that its path wins), so a rule word 细胞 (or 人体,
 * 作用于人体) is found across that cut, standing for the whole of `t`. Nouns only: 贴|有没有 is no 贴有|没有 (an
 * A-not-A question), nor 吃|出毛病 a rule's 吃出.
 */
export function isCrossedCut(text: string, prev: Token | undefined, t: Token, tagOf: WordTag): boolean {
  if (!prev || prev.end !== t.start || t.end - t.start < 3 || !ANY_NOUN.test(t.pos)) return false;
  return ANY_NOUN.test(tagOf(text.slice(prev.start, t.start + 1)) ?? '') && ANY_NOUN.test(tagOf(text.slice(t.start + 1, t.end)) ?? '');
}
const ANY_NOUN = /^n/u;
