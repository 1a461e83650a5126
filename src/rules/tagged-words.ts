/**
 * Cue words written with a part of speech: `이@MM` is 이 where the analyser tags it a determiner (이 젤리), not the
 * particle (잠이) nor the copula (운동이에요); `@NP` is any word tagged a pronoun (이거, 얘, 저희). Tags are the
 * analyser's own (MeCab-ko's NP, MM, ETM; IPADIC's 名詞, 連体詞) and match by prefix. Pure.
 */
import type { Token } from '../text/tokenizer.js';
import type { Language } from '../transcript/model.js';
import { isAnalyserTag } from './pos-tags.js';

export interface TaggedWord {
  /** The word (normalised), matched by surface or base form; absent: any word with the tag. */
  word?: string;
  tag: string;
}

/** A cue word's tag: the text after its last `@`, when that is not the whole word (`@cosme` is a tag only alone). */
function taggedWord(w: string, normalize: (w: string) => string): TaggedWord | undefined {
  const at = w.lastIndexOf('@');
  if (at < 0 || at === w.length - 1) return undefined;
  const tag = w.slice(at + 1);
  const word = normalize(w.slice(0, at));
  return word.length > 0 ? { word, tag } : { tag };
}

/**
 * A cue list split into its plain words and its words written with a part of speech. With `language` (a sequence's
 * words), only a tag that language's analyser gives makes a tagged word: `@cosme` (a shop's name) stays a plain word.
 */
export function splitTagged(words: readonly string[], normalize: (w: string) => string, language?: Language): { plain: string[]; tagged: TaggedWord[] } {
  const plain: string[] = [];
  const tagged: TaggedWord[] = [];
  for (const w of words) {
    const t = taggedWord(w, normalize);
    if (t && (language === undefined || isAnalyserTag(t.tag, language))) tagged.push(t);
    else plain.push(w);
  }
  return { plain, tagged };
}

/** Whether token `t` is one of the tagged words. */
export function isTagged(t: Token, words: readonly TaggedWord[]): boolean {
  return words.some((w) => t.pos.startsWith(w.tag) && (w.word === undefined || t.surface === w.word || t.base === w.word));
}
