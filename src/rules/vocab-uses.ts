/**
 * Which rules use which vocab list: read from the rules as their files wrote them (`{name}` not yet
 * expanded), for `livecomply rules vocab` — a reviewer adding a word to a shared list sees every rule
 * it reaches. Pure.
 */
import { matchEntries } from './compile.js';
import type { MatchEntry, Matcher, Rule } from './model.js';
import { vocabName, vocabRefs, type Vocab } from './vocab.js';

export interface VocabUse {
  name: string;
  words: number;
  /** Ids of the rules whose matchers name the list, in ruleset order. */
  rules: string[];
}

/** A rule's matchers: its own, and a required disclosure's `timing.after` and `when`. */
export function matchersOf(rule: Rule): Matcher[] {
  const all: Matcher[] = [rule];
  if (rule.kind === 'require') {
    if (rule.timing?.after) all.push(rule.timing.after);
    if (rule.when) all.push(rule.when);
  }
  return all;
}

function namesInEntry(e: MatchEntry): string[] {
  if (e.regex !== undefined) return vocabRefs(e.regex);
  const words: string[] = [...(e.words ?? [])];
  for (const el of e.seq ?? []) {
    if (typeof el === 'string') words.push(el);
    else if (Array.isArray(el)) words.push(...el);
    else {
      for (const v of [el.words, el.not, el.notAfter, Array.isArray(el.number) ? el.number : undefined]) {
        if (typeof v === 'string') words.push(v);
        else if (v) words.push(...v);
      }
    }
  }
  return words.flatMap((w) => vocabName(w) ?? []);
}

/** Every list of `vocab` with the rules (as written) that name it; lists no rule names have `rules: []`. */
export function vocabUses(vocab: Vocab, rulesAsWritten: readonly Rule[]): VocabUse[] {
  const users = new Map<string, Set<string>>(Object.keys(vocab).map((n) => [n, new Set<string>()]));
  for (const rule of rulesAsWritten) {
    for (const m of matchersOf(rule)) for (const e of matchEntries(m)) for (const n of namesInEntry(e)) users.get(n)?.add(rule.id);
  }
  return [...users].map(([name, ids]) => ({ name, words: vocab[name]?.length ?? 0, rules: [...ids] }));
}
