/** The tokenizer boundary: every language's analyser produces these. Pure types, and one predicate on a token. */
import type { Language } from '../transcript/model.js';
import type { Edit } from './spoken-numbers.js';

export interface Token {
  surface: string;
  /** Dictionary (base) form; the surface when the analyser has none. */
  base: string;
  /** Part of speech as the analyser names it (IPADIC, jieba or ko-dic tags). */
  pos: string;
  /** UTF-16 offsets into the text that was tokenized. */
  start: number;
  end: number;
  /** Japanese: the word's reading in katakana, where the dictionary has one (消え → キエ). */
  reading?: string;
}

export interface Tokenizer {
  readonly language: Language;
  /**
   * Whether tokens carry base forms other than their surface (Japanese: 治り → 治る; Korean
   * predicates: 빠져요 → 빠지다). jieba gives none, so a word's base-form key is only its surface again.
   */
  readonly baseForms?: boolean;
  /**
   * `breaks` (given when `keepsBreaks`): offsets of `text` where the speaker or caption left a space that normalisation
   * dropped (text/normalize.ts droppedSpaces); no token runs across one.
   */
  tokenize(text: string, breaks?: readonly number[]): Token[];
  /** Whether `tokenize` wants the dropped spaces (Chinese: jieba otherwise glues a word across a pause, 水|光喝). */
  readonly keepsBreaks?: boolean;
  /** Chinese: the part of speech jieba's dictionary gives `word` (n, v, a…), or undefined when it is no word of it. */
  wordTag?(word: string): string | undefined;
  /**
   * Spellings to mend before tokenizing, as same-length edits of the normalised text (Korean cute endings:
   * 좋아용 → 좋아요, text/tokenizers/ko-cute.ts). Findings still quote the words as said.
   */
  respell?(text: string): Edit[];
}

/** Whether a token is a pause comma (, 、 and ，, which NFKC makes ,). */
export function isPauseComma(t: { surface: string } | undefined): boolean {
  return t !== undefined && (t.surface === ',' || t.surface === '、');
}
