/**
 * Warnings for parts of speech no analyser of the ruleset's language gives: a `{pos: …}` element of a sequence and a
 * `notWith` cue word written `word@TAG` (or `@TAG`) with a misspelt tag, or another language's, match nothing and
 * nothing else would say so. Each warning is at the tag as written (in a vocab list of this file when it is there)
 * and lists the language's tags. Pure.
 */
import type { Language } from '../transcript/model.js';
import { cueGroups, type CueGroups, type Matcher, type RulesetProblem } from './model.js';
import type { RulesetFile } from './parse.js';
import { analyserTags, isAnalyserTag } from './pos-tags.js';
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

/** The unknown tags of `{pos: …}` elements in a matcher's sequences. */
function seqTagWarnings(m: Matcher | undefined, path: Path, language: Language, at: (p: Path, reason: string) => RulesetProblem): RulesetProblem[] {
  const out: RulesetProblem[] = [];
  m?.match?.forEach((entry, j) =>
    entry.seq?.forEach((el, k) => {
      // A pos element, or one among alternatives.
      const objects = Array.isArray(el) ? el.map((x, i) => ({ o: x, p: [...path, 'match', j, 'seq', k, i] })) : [{ o: el, p: [...path, 'match', j, 'seq', k] }];
      for (const { o, p: here } of objects) {
        if (o === null || typeof o !== 'object' || o.pos === undefined) continue;
        for (const { w, p } of placed(o.pos, [...here, 'pos'])) if (!isAnalyserTag(w, language)) out.push(at(p, unknownReason('a pos element', w, language)));
      }
    }),
  );
  return out;
}

/**
 * The unknown tags of `notWith` words, written in the group or in a vocab list it names (reported at the list's entry
 * when this file defines the list, else at the `notWith` entry naming it). `vocab` holds the lists expanded.
 */
function cueTagWarnings(groups: CueGroups | undefined, path: Path, file: RulesetFile, vocab: Record<string, string[]>, at: (p: Path, reason: string) => RulesetProblem): RulesetProblem[] {
  const out: RulesetProblem[] = [];
  const one = Array.isArray(groups) ? null : groups;
  cueGroups(groups).forEach((g, j) => {
    for (const { w, p } of placed(g.notWith, [...(one ? path : [...path, j]), 'notWith'])) {
      const name = vocabName(w);
      const words = name === undefined ? [w] : (vocab[name] ?? []);
      for (const t of splitTagged(words, (x) => x).tagged) {
        if (isAnalyserTag(t.tag, file.language)) continue;
        const written = `${t.word ?? ''}@${t.tag}`;
        const index = name === undefined ? -1 : (file.vocab[name] ?? []).indexOf(written);
        out.push(at(index >= 0 ? ['vocab', name as string, index] : p, unknownReason(`the notWith word "${written}"${name && index < 0 ? ` (in {${name}})` : ''}`, t.tag, file.language)));
      }
    }
  });
  return out;
}

/** Every unknown part-of-speech tag of one ruleset file, each place once. */
export function unknownTagWarnings(file: RulesetFile, vocab: Record<string, string[]>): RulesetProblem[] {
  const at = (p: Path, reason: string): RulesetProblem => ({ file: file.file, ...file.positionOf(p), reason });
  const out: RulesetProblem[] = [];
  file.rules.forEach((rule, i) => {
    const here = ['rules', i];
    out.push(...seqTagWarnings(rule, here, file.language, at));
    if (rule.kind === 'require') {
      out.push(...seqTagWarnings(rule.timing?.after, [...here, 'timing', 'after'], file.language, at));
      out.push(...seqTagWarnings(rule.when, [...here, 'when'], file.language, at));
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
