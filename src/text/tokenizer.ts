/** The tokenizer boundary: every language's analyser produces these. Pure types. */
import type { Language } from '../transcript/model.js';

export interface Token {
  surface: string;
  /** Dictionary (base) form; the surface when the analyser has none. */
  base: string;
  /** Part of speech as the analyser names it (IPADIC, jieba or ko-dic tags). */
  pos: string;
  /** UTF-16 offsets into the text that was tokenized. */
  start: number;
  end: number;
}

export interface Tokenizer {
  readonly language: Language;
  tokenize(text: string): Token[];
}
