/**
 * A word list written as one bare vocab reference — `words: "{disease}"`, `unless: { before: "{neg}" }` (a rule's or a
 * matcher's, as its `onlyWith`), a number step's units `{number: "{units}"}` —
 * is the one-item list `["{disease}"]`: writers wrote it so and met a lint error. Any other bare string stays
 * an error (a word where a list is wanted is ambiguous: `before: 不是 不会` is one word or two?). Pure.
 */
import { CUE_WORD_KEYS, type CueGroups, type Matcher, type RulesetContext, type RulesetProblem, type Rule } from './model.js';
import { vocabName } from './vocab.js';

type At = (path: readonly (string | number)[], reason: string) => RulesetProblem;
type Path = (string | number)[];

/**
 * `owner[key]` as a list when it is a bare "{name}"; a problem when it is another bare string (`schemaSays`: leave that
 * to the schema, whose message says what else the key takes — a number step's `true`).
 */
function listed(owner: object, key: string, path: Path, at: At, schemaSays = false): RulesetProblem[] {
  const o = owner as Record<string, unknown>;
  const v = o[key];
  if (typeof v !== 'string') return [];
  if (vocabName(v) !== undefined) {
    o[key] = [v];
    return [];
  }
  if (schemaSays) return [];
  return [at([...path, key], `"${key}" is a list of words: write [${v}] (a bare string is taken as a list only when it is a vocab list, "{name}")`)];
}

export function cueListsOf(groups: CueGroups | undefined, path: Path, at: At): RulesetProblem[] {
  if (groups === undefined || groups === null || typeof groups !== 'object') return [];
  const placed = Array.isArray(groups) ? groups.map((g, j) => ({ g, p: [...path, j] })) : [{ g: groups, p: path }];
  return placed.flatMap(({ g, p }) => (g !== null && typeof g === 'object' ? CUE_WORD_KEYS.flatMap((key) => listed(g, key, p, at)) : []));
}

function matcherLists(m: Matcher | undefined, path: Path, at: At): RulesetProblem[] {
  if (!m || !Array.isArray(m.match)) return [];
  return m.match.flatMap((entry, j) => {
    if (entry === null || typeof entry !== 'object') return [];
    const here = [...path, 'match', j];
    // A seq element's words, and a number step's units (`{number: "{units}"}` is `{number: ["{units}"]}`).
    // An object among alternatives too (`[九十岁, {number: "{age_units}"}]`).
    const inObject = (el: unknown, p: Path): RulesetProblem[] => (el !== null && typeof el === 'object' && !Array.isArray(el) ? [...listed(el, 'words', p, at), ...listed(el, 'number', p, at, true)] : []);
    const inSeq = Array.isArray(entry.seq)
      ? entry.seq.flatMap((el, k) => (Array.isArray(el) ? el.flatMap((x, j) => inObject(x, [...here, 'seq', k, j])) : inObject(el, [...here, 'seq', k])))
      : [];
    // A matcher's own cue groups, as a rule's unless.
    // A words matcher's own `not` and `notAfter` take one word as a seq element's do.
    for (const key of ['not', 'notAfter'] as const) if (typeof entry[key] === 'string') (entry as unknown as Record<string, unknown>)[key] = [entry[key]];
    return [...listed(entry, 'words', here, at), ...inSeq, ...cueListsOf(entry.unless, [...here, 'unless'], at), ...cueListsOf(entry.onlyWith, [...here, 'onlyWith'], at)];
  });
}

/**
 * Rewrite, in place, every word list of the rules and context written as a bare `"{name}"` into a one-item
 * list; the problems of other bare strings where a list is wanted, at their line and column.
 */
export function bareVocabLists(rules: Rule[], context: RulesetContext | undefined, at: At): RulesetProblem[] {
  const problems = [...cueListsOf(context?.negation, ['context', 'negation'], at), ...cueListsOf(context?.quotation, ['context', 'quotation'], at)];
  rules.forEach((rule, i) => {
    const here = ['rules', i];
    problems.push(...matcherLists(rule, here, at));
    if (rule.kind === 'require') {
      problems.push(...matcherLists(rule.timing?.after, [...here, 'timing', 'after'], at), ...matcherLists(rule.when, [...here, 'when'], at));
    } else problems.push(...cueListsOf(rule.unless, [...here, 'unless'], at));
  });
  return problems;
}
