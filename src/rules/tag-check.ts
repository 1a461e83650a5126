/**
 * Warnings for parts of speech no analyser of the ruleset's language gives: a `{pos: …}` element of a sequence and a
 * sequence's or a `notWith` cue's word written `word@TAG` (or `@TAG`) with a misspelt tag, or another language's, match nothing and
 * nothing else would say so. Each warning is at the tag as written (in a vocab list of this file when it is there)
 * and lists the language's tags. Pure.
 */
import type { Language } from '../transcript/model.js';
import { cueGroups, type CueGroups, type Matcher, type RulesetProblem } from './model.js';
import type { RulesetFile } from './parse.js';
import { analyserTags, isAnalyserTag, looksLikeTag } from './pos-tags.js';
import { splitTagged } from './tagged-words.js';
import { vocabName } from './vocab.js';

type Path = (string | number)[];

/** A word list as written (one word or a list), each word with its place. */
function placed(words: unknown, path: Path): { w: string; p: Path }[] {
  if (typeof words === 'string') return [{ w: words, p: path }];
  return Array.isArray(words) ? words.flatMap((w: unknown, k) => (typeof w === 'string' ? [{ w, p: [...path, k] }] : [])) : [];
}

const unknownReason = (what: string, tag: string, language: Language): string =>
  `${what} has the part of speech "${tag}", which no ${language} analyser token carries, so it matches nothing (tags match by their beginning; ${language} tags: ${analyserTags(language).join(', ')})`;

/** Where a seq element's words are written: the element itself, its string alternatives, a words object's list. */
function seqWordPlaces(el: unknown, here: Path): { w: string; p: Path }[] {
  if (typeof el === 'string') return [{ w: el, p: here }];
  if (Array.isArray(el)) return el.flatMap((x: unknown, i) => seqWordPlaces(x, [...here, i]));
  const o = el as { words?: unknown } | null;
  return o !== null && typeof o === 'object' && Array.isArray(o.words) ? placed(o.words, [...here, 'words']) : [];
}

/** The unknown tags of `{pos: …}` elements in a matcher's sequences, and of its words written `word@TAG`. */
function seqTagWarnings(m: Matcher | undefined, path: Path, file: RulesetFile, vocab: Record<string, string[]>, at: (p: Path, reason: string) => RulesetProblem): RulesetProblem[] {
  const out: RulesetProblem[] = [];
  const language = file.language;
  m?.match?.forEach((entry, j) =>
    entry.seq?.forEach((el, k) => {
      const here = [...path, 'match', j, 'seq', k];
      // A pos element, or one among alternatives.
      const objects = Array.isArray(el) ? el.map((x, i) => ({ o: x, p: [...here, i] })) : [{ o: el, p: here }];
      for (const { o, p: place } of objects) {
        if (o === null || typeof o !== 'object' || o.pos === undefined) continue;
        for (const { w, p } of placed(o.pos, [...place, 'pos'])) if (!isAnalyserTag(w, language)) out.push(at(p, unknownReason('a pos element', w, language)));
      }
      out.push(...taggedWordWarnings(seqWordPlaces(el, here), 'seq', file, vocab, at));
    }),
  );
  return out;
}

/**
 * The unknown tags of words written `word@TAG` (or `@TAG`) among `words` (a `{name}` read in `vocab`, reported at the
 * list's entry when this file defines the list, else at the word naming it). `vocab` holds the lists expanded.
 */
function taggedWordWarnings(words: { w: string; p: Path }[], where: string, file: RulesetFile, vocab: Record<string, string[]>, at: (p: Path, reason: string) => RulesetProblem): RulesetProblem[] {
  const out: RulesetProblem[] = [];
  for (const { w, p } of words) {
    const name = vocabName(w);
    for (const t of splitTagged(name === undefined ? [w] : (vocab[name] ?? []), (x) => x).tagged) {
      // In a sequence a word@TAG with no tag-like TAG is a word as written (@cosme).
      if (isAnalyserTag(t.tag, file.language) || (where === 'seq' && !looksLikeTag(t.tag, file.language))) continue;
      const written = `${t.word ?? ''}@${t.tag}`;
      const index = name === undefined ? -1 : (file.vocab[name] ?? []).indexOf(written);
      out.push(at(index >= 0 ? ['vocab', name as string, index] : p, unknownReason(`the ${where} word "${written}"${name && index < 0 ? ` (in {${name}})` : ''}`, t.tag, file.language)));
    }
  }
  return out;
}

/** The unknown tags of `notWith` words, written in the group or in a vocab list it names (taggedWordWarnings). */
function cueTagWarnings(groups: CueGroups | undefined, path: Path, file: RulesetFile, vocab: Record<string, string[]>, at: (p: Path, reason: string) => RulesetProblem): RulesetProblem[] {
  const one = Array.isArray(groups) ? null : groups;
  return cueGroups(groups).flatMap((g, j) => taggedWordWarnings(placed(g.notWith, [...(one ? path : [...path, j]), 'notWith']), 'notWith', file, vocab, at));
}

/** Every unknown part-of-speech tag of one ruleset file, each place once. */
export function unknownTagWarnings(file: RulesetFile, vocab: Record<string, string[]>): RulesetProblem[] {
  const at = (p: Path, reason: string): RulesetProblem => ({ file: file.file, ...file.positionOf(p), reason });
  const out: RulesetProblem[] = [];
  file.rules.forEach((rule, i) => {
    const here = ['rules', i];
    out.push(...seqTagWarnings(rule, here, file, vocab, at));
    if (rule.kind === 'require') {
      out.push(...seqTagWarnings(rule.timing?.after, [...here, 'timing', 'after'], file, vocab, at));
      out.push(...seqTagWarnings(rule.when, [...here, 'when'], file, vocab, at));
    }
    if ('unless' in rule) out.push(...cueTagWarnings(rule.unless, [...here, 'unless'], file, vocab, at));
  });
  for (const key of ['negation', 'quotation'] as const) out.push(...cueTagWarnings(file.context[key], ['context', key], file, vocab, at));
  const seen = new Set<string>();
  return out.filter((w) => {
    const key = `${w.line}:${w.column}:${w.reason}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}
