/**
 * Fillers a host says while thinking (えー, あのー, 呃, 嗯, 어, 음), and the particles Japanese and Korean speakers put
 * after a phrase to hold the listener (不眠がね、), are left out of the tokens that matching reads: a claim
 * said around one (不眠が、あのー、治ります; 전문가들이 어 검증한) is the claim without it. The text is untouched, so a
 * finding still quotes what was said, filler and all. Where a comma stood on both sides of what is left out, the second
 * goes too (、えー、 is one pause, which a Japanese or Korean clause crosses after a particle). In Chinese, where a comma
 * otherwise starts a new clause, the first comma goes too only after an adverb that still needs its verb (都，呃，在用):
 * there it marks the hesitation, not a clause. Pure.
 */
import type { Language } from '../core/language.js';
import { isPauseComma, type Token } from './tokenizer.js';

/** Japanese interjections (IPADIC 感動詞) said as fillers; not うん, はい, いいえ (answers). */
const JA_INTERJECTIONS: ReadonlySet<string> = new Set(['えー', 'ええ', 'えーと', 'えーっと', 'ええと', 'ええっと', 'えっと', 'えと', 'うーん', 'んー', 'あー', 'あのー', 'そのー', 'まあ', 'まぁ', 'まー', 'ま']);
/** Japanese words that are fillers when a pause comma follows them (あの、 / その、 / まあ、). */
const JA_BEFORE_COMMA: ReadonlySet<string> = new Set(['あの', 'その', 'まあ', 'まぁ']);
/** Japanese sentence-final particles said after a phrase to hold the listener (がね、 / もさ、 / でね、). */
const JA_HOLDING: ReadonlySet<string> = new Set(['ね', 'ねえ', 'ねー', 'さ', 'さあ', 'さー', 'な', 'なあ', 'なー']);
/**
 * Chinese interjections said as fillers (not 啊, 呢, 吧: they end a clause; not 哦, 好: answers; not 唔, Cantonese "not").
 * 嗯 and 呃 are never anything else; 额, 哎, 唉, 诶, 欸 only with a pause on one side.
 */
const ZH_FILLERS: ReadonlySet<string> = new Set(['嗯', '呃', '额', '哎', '唉', '诶', '欸', '嗯嗯', '呃呃']);
const ZH_ALWAYS_FILLERS: ReadonlySet<string> = new Set(['嗯', '呃', '嗯嗯', '呃呃']);
/** Chinese words that are fillers only between two commas (，那个，), where they name nothing. */
const ZH_BETWEEN_COMMAS: ReadonlySet<string> = new Set(['那个', '就是', '就是说', '然后', '这个']);
/** Chinese modal particles that hold the listener after an adverb that needs its verb still (都啊，在用 / 就呀，白了). */
const ZH_HOLDING: ReadonlySet<string> = new Set(['啊', '呀', '嘛', '呢']);
/** Korean fillers (ko-dic IC, or 음 which ko-dic reads as a noun); not 아니, 네, 예 (answers). */
const KO_FILLERS: ReadonlySet<string> = new Set(['어', '음', '아', '에', '으음', '어어', '음음', '그', '저']);
/** Korean words said while searching for a word (그 뭐지, 뭐더라), as a whole word of their own. */
const KO_SEARCHING: ReadonlySet<string> = new Set(['뭐지', '뭐더라', '뭐랄까']);

const ENDS = new Set(['。', '!', '?', '！', '？', '\n']);

/**
 * The tokens without fillers, and the character ranges of what was left out (`quiet`, in order): a cue's window does
 * not count them, nor does a comma among them end a clause (不会 嗯 下播就涨价: 不会 is right before the claim).
 */
export function leaveOutFillers(
  language: Language,
  text: string,
  tokens: readonly Token[],
  blanked: readonly (readonly [number, number])[] = [],
): { tokens: Token[]; quiet: [number, number][] } {
  const drop = new Uint8Array(tokens.length);
  const filler = FILLER[language];
  for (let i = 0; i < tokens.length; i++) {
    const n = filler(text, tokens, i);
    for (let k = 0; k < n; k++) drop[i + k] = 1;
    if (n > 0) i += n - 1;
  }
  if (!drop.includes(1) && blanked.length === 0) return { tokens: tokens as Token[], quiet: [] };
  const out: Token[] = [];
  // The fillers tokenized without (blanked: see blankMisreadFillers) are quiet as those left out here are.
  const quiet: [number, number][] = blanked.map(([a, b]) => [a, b]);
  const leave = (t: Token) => quiet.push([t.start, t.end]);
  let hesitated = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (drop[i]) {
      leave(t);
      continue;
    }
    // A comma right after what was left out, with a comma (or nothing) before it: one pause, said once.
    if (isPauseComma(t) && i > 0 && drop[i - 1] && (out.length === 0 || isPauseComma(out[out.length - 1]))) {
      leave(t);
      continue;
    }
    // Chinese: a comma before a filler after a word that still needs its verb is the hesitation, not a clause
    // (都，呃，在用 / 能，那个，治好), and so is the one after it; after anything else it stays what it was (有效，呃，过敏体质先试用:
    // two clauses).
    if (language === 'zh' && isPauseComma(t)) {
      if (drop[i + 1] && needsMore(tokens[i - 1])) {
        hesitated = true;
        leave(t);
        continue;
      }
      if (drop[i - 1] && (hesitated || needsMore(out[out.length - 1]))) {
        hesitated = false;
        leave(t);
        continue;
      }
    }
    out.push(t);
  }
  // The space after what was left out goes quiet with it (A 어 B is as far from A to B as A B), and what was left out
  // together, with the spaces between, is one range (不会 嗯 下播: " 嗯 ").
  for (const r of quiet) while (r[1] < text.length && /\s/u.test(text[r[1]] as string)) r[1]++;
  return { tokens: out, quiet: mergeRanges(text, quiet) };
}

/** Ranges in order, those that overlap, touch or have only spaces between them joined into one. */
function mergeRanges(text: string, ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else if (last && /^\s*$/u.test(text.slice(last[1], r[0]))) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Korean words that are only ever a filler when said as a word of their own (not 그 or 저: a determiner, "I"). */
const KO_SAID_APART = /(?<=^|[\s,])(?:어어|아아|에에|음음|으음|어|아|에|음)(?=[\s,])/gu;

/**
 * Korean: a filler said as a word of its own that ko-dic did not read as one interjection (주근깨 어 as 주근|깨/VV|어/EC,
 * 살이 아 as the copula 이 and its ending, 살이 에 as 이/NP 에/JKB, 어어 as two words): a word of its own is never an
 * ending or a particle, and the misreading spoils the words on both sides. The text with each such filler turned into
 * spaces (the same length: the offsets hold), to be tokenized again, and the ranges blanked; undefined when there is none.
 */
export function blankMisreadFillers(language: Language, text: string, tokens: readonly Token[]): { text: string; ranges: [number, number][] } | undefined {
  if (language !== 'ko') return undefined;
  let out: string | undefined;
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(KO_SAID_APART)) {
    const start = m.index;
    const end = start + m[0].length;
    // Something is said after it; and it is misread: not one token read as an interjection (or 음, any reading).
    if (!/\S/u.test(text.slice(end).replace(/,/gu, ''))) continue;
    const inside = tokens.filter((t) => t.start < end && t.end > start);
    const one = inside.length === 1 ? inside[0] : undefined;
    if (one && one.start === start && one.end === end && (one.pos === 'IC' || one.surface === '음')) continue;
    out = (out ?? text).slice(0, start) + ' '.repeat(end - start) + (out ?? text).slice(end);
    ranges.push([start, end]);
  }
  return out === undefined ? undefined : { text: out, ranges };
}

/** Whether [from, to) of `text` is a word of its own: a space, a comma or the line's edge on both sides. */
function saidAlone(text: string, from: number, to: number): boolean {
  const before = text[from - 1];
  const after = text[to];
  return (before === undefined || /[\s,]/u.test(before)) && (after === undefined || /[\s,]/u.test(after));
}

/** How many tokens from `i` on are a filler (0: none). */
type FillerAt = (text: string, tokens: readonly Token[], i: number) => number;

const ja: FillerAt = (_text, tokens, i) => {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (t.pos.startsWith('フィラー')) return 1;
  // えっと is cut えっ|と.
  if (t.surface === 'えっ' && next?.surface === 'と') return 2;
  if (t.pos.startsWith('感動詞') && JA_INTERJECTIONS.has(t.surface)) return 1;
  if (JA_BEFORE_COMMA.has(t.surface) && isPauseComma(next)) return 1;
  const before = tokens[i - 1];
  // 不眠がね、 / 肌もさ、: after a case, binding or adverbial particle, with the sentence going on (not after て:
  // 星5つけてね、よろしく asks, and ends there).
  const held = t.pos.startsWith('助詞-終助詞') && JA_HOLDING.has(t.surface) && /^助詞-(?:格助詞|係助詞|副助詞)/u.test(before?.pos ?? '');
  return held && next !== undefined && !ENDS.has(next.surface) && tokens[i + 2] !== undefined ? 1 : 0;
};

/** Chinese words a clause cannot end on: adverbs (jieba d: 都, 就, 也, 最), the modal verbs and prepositions before a verb, and their denials (不能，呃，说 denies what follows). */
const ZH_BEFORE_VERB: ReadonlySet<string> = new Set(['能', '可以', '会', '可', '要', '想', '让', '把', '被', '给', '在', '对', '不能', '不会', '不敢', '不要', '不用', '不可以', '没', '没有', '别']);
const needsMore = (t: Token | undefined) => t !== undefined && (t.pos === 'd' || ZH_BEFORE_VERB.has(t.surface));

const zh: FillerAt = (text, tokens, i) => {
  const t = tokens[i] as Token;
  if (ZH_BETWEEN_COMMAS.has(t.surface)) return isPauseComma(tokens[i - 1]) && isPauseComma(tokens[i + 1]) && tokens[i + 2] !== undefined ? 1 : 0;
  if (ZH_HOLDING.has(t.surface)) return needsMore(tokens[i - 1]) && isPauseComma(tokens[i + 1]) && tokens[i + 2] !== undefined ? 1 : 0;
  if (!ZH_FILLERS.has(t.surface)) return 0;
  if (ZH_ALWAYS_FILLERS.has(t.surface)) return tokens[i + 1] !== undefined || i > 0 ? 1 : 0;
  // A word of its own: a comma, a space or the line's edge on one side (额 of 金额 is inside a word anyway).
  const edge = (at: number, side: -1 | 1) => {
    const ch = text[side < 0 ? at - 1 : at];
    return ch === undefined || ch === ',' || ch === '、' || /\s/u.test(ch);
  };
  return edge(t.start, -1) || edge(t.end, 1) ? 1 : 0;
};

const ko: FillerAt = (text, tokens, i) => {
  const t = tokens[i] as Token;
  // Most tokens are neither (one set lookup, no look at the text around them).
  if (!KO_FILLERS.has(t.surface) && t.surface[0] !== '뭐') return 0;
  // 어 / 음 / 그 as a word of their own (ko-dic tags 음 a noun, 저 and 그 a determiner before a noun: only as IC).
  if (KO_FILLERS.has(t.surface) && saidAlone(text, t.start, t.end) && (t.pos === 'IC' || t.surface === '음') && tokens[i + 1] !== undefined) return 1;
  // 뭐지 / 뭐더라 after a filler, a word of its own, with more said after it (not a question: 이게 뭐지?).
  const word = wordAt(text, t.start);
  if (KO_SEARCHING.has(word) && t.start > 0 && KO_FILLERS.has(tokens[i - 1]?.surface ?? '') && tokens[i - 1]?.pos === 'IC') {
    const end = t.start + word.length;
    let n = 0;
    while (tokens[i + n] !== undefined && (tokens[i + n] as Token).end <= end) n++;
    return text[end] === ' ' && tokens[i + n] !== undefined ? n : 0;
  }
  // (Not the polite 요 after a particle, 비염에요, which ko-dic also reads into a sentence's end: 하루 전이에요 is 전이|에|요.)
  return 0;
};

/** The word (between spaces) that starts at `from`. */
function wordAt(text: string, from: number): string {
  let to = from;
  while (to < text.length && !/[\s,.?!]/u.test(text[to] as string)) to++;
  return text.slice(from, to);
}

const FILLER: Record<Language, FillerAt> = { ja, zh, ko };
