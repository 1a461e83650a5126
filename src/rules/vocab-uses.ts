/**
 * Which rules use which vocab list: read from the rules as their files wrote them (`{name}` not yet
 * expanded), for `livecomply rules vocab` — a reviewer adding a word to a shared list sees every rule
 * it reaches. Pure.
 */
import { CUE_WORD_KEYS, cueGroups, matchEntries } from './model.js';
import type { ContextCues, MatchEntry, Matcher, Rule } from './model.js';
import { canonicalElement, entryElements } from './seq-syntax.js';
import { vocabRefs, wordRefs, type Vocab } from './vocab.js';

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
  const words: string[] = [];
  for (const el of entryElements(e)) {
    const c = canonicalElement(el);
    for (const o of c.kind === 'any' ? c.options.flat() : [c]) {
      if (o.kind === 'words' || o.kind === 'not' || o.kind === 'notAfter') words.push(...o.words);
      else if (o.kind === 'number') words.push(...(o.units ?? []));
    }
  }
  return words.flatMap(wordRefs);
}

/** A prohibit rule's cue groups and its matchers' own (unless, onlyWith), as the rule holds them. */
function ruleCueGroups(rule: Rule): ContextCues[] {
  if (rule.kind !== 'prohibit') return [];
  return [...cueGroups(rule.unless), ...matchEntries(rule).flatMap((e) => [...cueGroups(e.unless), ...cueGroups(e.onlyWith)])];
}

/** Named cue groups by name, as written (`{name}` not yet expanded). */
export type NamedCueGroups = Record<string, ContextCues[]>;

/**
 * The lists a rule's `unless` cues, and its matchers' own, name under any cue key (the cues, and the notPast, notWith and
 * except words that limit them); a group written `{use: name}` names the lists of the named group.
 */
function namesInUnless(rule: Rule, named: NamedCueGroups): string[] {
  return ruleCueGroups(rule).flatMap((g) => (g.use === undefined ? [g] : (named[g.use] ?? []))).flatMap(cueListNames);
}

/** Every list a cue group names, under any of its keys. */
export function cueListNames(g: ContextCues): string[] {
  return CUE_WORD_KEYS.flatMap((k) => (g[k] ?? []).flatMap(wordRefs));
}

/** The named cue groups a rule as written uses (`{use: name}` in its or its matchers' cue groups). */
export function cueGroupsUsedBy(rule: Rule): string[] {
  return ruleCueGroups(rule).flatMap((g) => (g.use === undefined ? [] : [g.use]));
}

/** The lists a rule as written names: in its matchers (words, seq, regex) and its and its matchers' cues. */
export function listsNamedBy(rule: Rule): Set<string> {
  return new Set([...matchersOf(rule).flatMap((m) => matchEntries(m).flatMap(namesInEntry)), ...namesInUnless(rule, {})]);
}

/** Every list of `vocab` with the rules (as written) that name it, in a matcher or an `unless` cue; lists no rule names have `rules: []`. */
export function vocabUses(vocab: Vocab, rulesAsWritten: readonly Rule[], named: NamedCueGroups = {}): VocabUse[] {
  const users = new Map<string, Set<string>>(Object.keys(vocab).map((n) => [n, new Set<string>()]));
  for (const rule of rulesAsWritten) {
    for (const m of matchersOf(rule)) for (const e of matchEntries(m)) for (const n of namesInEntry(e)) users.get(n)?.add(rule.id);
    for (const n of namesInUnless(rule, named)) users.get(n)?.add(rule.id);
  }
  return [...users].map(([name, ids]) => ({ name, words: vocab[name]?.length ?? 0, rules: [...ids] }));
}

/** An inline word list of a matcher that is mostly a vocab list's words: write `"{name}"` instead. */
export interface ListLikeVocab {
  rule: string;
  matcher: string;
  name: string;
  /** Words of the inline list that the vocab list has. */
  shared: number;
  size: number;
}

/** The positive inline word lists of an entry (its words, and a seq's word elements). */
function inlineLists(e: MatchEntry): string[][] {
  const lists: string[][] = [];
  for (const el of entryElements(e)) {
    const c = canonicalElement(el);
    for (const o of c.kind === 'any' ? c.options.flat() : [c]) if (o.kind === 'words') lists.push(o.words);
  }
  return lists;
}

/**
 * Inline lists (≥ `minShared` words) of which at least `minShare` of the words belong to one vocab
 * list the list does not name: the same role spelled out again, which misses every word added to
 * the shared list later (rounds 14–15 counted a fifth of the misses of unseen real claims as such gaps).
 */
export function listsLikeVocab(vocab: Vocab, rulesAsWritten: readonly Rule[], minShared = 3, minShare = 0.6): ListLikeVocab[] {
  const sets = Object.entries(vocab).map(([name, words]) => ({ name, words: new Set(words) }));
  const out: ListLikeVocab[] = [];
  for (const rule of rulesAsWritten) {
    for (const m of matchersOf(rule)) {
      for (const e of matchEntries(m)) {
        for (const list of inlineLists(e)) {
          const named = new Set(list.flatMap(wordRefs));
          const plain = list.filter((w) => wordRefs(w).length === 0);
          if (plain.length < minShared) continue;
          let best: ListLikeVocab | undefined;
          for (const { name, words } of sets) {
            if (named.has(name) || words.size < minShared) continue;
            const shared = plain.filter((w) => words.has(w)).length;
            if (shared >= minShared && shared >= minShare * plain.length && (!best || shared > best.shared)) best = { rule: rule.id, matcher: e.id, name, shared, size: plain.length };
          }
          if (best) out.push(best);
        }
      }
    }
  }
  return out;
}
