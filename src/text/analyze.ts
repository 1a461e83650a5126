/**
 * One segment's text, ready for matching: normalised, tokenized, with its token boundaries.
 * Pure: the tokenizer and converter are handed in.
 */
import type { Language } from '../transcript/model.js';
import { applyEdits, droppedSpaces, normalize, type NormalizedText } from './normalize.js';
import { blankMisreadFillers, leaveOutFillers } from './fillers.js';
import type { Token, Tokenizer } from './tokenizer.js';

export interface Analyzer {
  readonly language: Language;
  /** Whether the tokenizer gives base forms (see Tokenizer.baseForms). */
  readonly baseForms: boolean;
  analyze(text: string): AnalyzedText;
  /** Normalise a rule term or cue exactly as transcript text is normalised. */
  normalizeTerm(term: string): string;
}

export interface AnalyzedText {
  norm: NormalizedText;
  tokens: Token[];
  /** Offsets (in the normalised text) where a token starts or ends. */
  boundaries: Set<number>;
  /** Where fillers were left out of `tokens` (text/fillers.ts), as [start, end) ranges in order: a cue's window does not count them. */
  quiet?: readonly (readonly [number, number])[];
  /** Chinese: the tokenizer's dictionary tags (Tokenizer.wordTag), to find a word inside a compound jieba keeps whole. */
  wordTag?: (word: string) => string | undefined;
}

export function createAnalyzer(tokenizer: Tokenizer, toSimplified?: (s: string) => string): Analyzer {
  const language = tokenizer.language;
  const opts = toSimplified ? { toSimplified } : {};
  const wordTag = tokenizer.wordTag ? (word: string) => tokenizer.wordTag?.(word) : undefined;
  return {
    language,
    baseForms: tokenizer.baseForms === true,
    analyze(text) {
      const plain = normalize(text, language, opts);
      const norm = tokenizer.respell ? applyEdits(plain, tokenizer.respell(plain.text)) : plain;
      // Fillers (えー, 呃, 어) are not words of what is claimed: matching reads the tokens without them. A Korean 어
      // misread as an ending spoils its neighbours' reading too: the text is tokenized again with it blanked.
      const breaks = tokenizer.keepsBreaks ? droppedSpaces(norm) : undefined;
      let raw = tokenizer.tokenize(norm.text, breaks);
      const blanked = blankMisreadFillers(language, norm.text, raw);
      if (blanked) raw = tokenizer.tokenize(blanked.text, breaks);
      const { tokens, quiet } = leaveOutFillers(language, norm.text, raw, blanked?.ranges);
      const boundaries = new Set<number>([0, norm.text.length]);
      for (const t of tokens) {
        boundaries.add(t.start);
        boundaries.add(t.end);
      }
      const out: AnalyzedText = wordTag ? { norm, tokens, boundaries, wordTag } : { norm, tokens, boundaries };
      if (quiet.length > 0) out.quiet = quiet;
      return out;
    },
    normalizeTerm(term) {
      return normalize(term, language, opts).text.trim();
    },
  };
}
