/**
 * Parse and validate one ruleset file's text. Pure: the caller reads the file.
 * Every problem names the file, line and column and says what was expected.
 */
import { Ajv } from 'ajv';
import { parseValidatedYaml } from '../yaml/validated.js';
import { isLanguage, type Language } from '../transcript/model.js';
import type { BadExample, ContextCues, CueGroups, Matcher, RequireRule, Rule, RulesetContext, RulesetProblem } from './model.js';
import { bareVocabLists, cueListsOf } from './bare-lists.js';
import { elementProblem, entryProblem, seqProblems } from './seq-syntax.js';
import { linearRegexProblem } from './regex.js';
import { rulesetSchema } from './schema.js';
import { joinedParts, numberEntry, placeholderPattern, vocabName, type VocabNumber } from './vocab.js';

export type Override = 'off' | { severity?: Rule['severity']; enabled?: boolean };

/** One file as written: before `extends` is followed. */
export interface RulesetFile {
  file: string;
  id: string;
  name?: string;
  description?: string;
  language: Language;
  extends: string[];
  overrides: Record<string, Override>;
  context: RulesetContext;
  /** Word lists its patterns (and those of rulesets extending it) use as `{name}`. */
  vocab: Record<string, string[]>;
  /** Named cue groups its cue lists (and those of rulesets extending it) use as `{use: name}`. */
  cues: Record<string, CueGroups>;
  rules: Rule[];
  /** Where things are, for later problems (overrides naming unknown rules). */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(rulesetSchema);

interface RawRuleset {
  id: string;
  name?: string;
  description?: string;
  language: Language;
  extends?: string | string[];
  overrides?: Record<string, Override>;
  context?: RulesetContext;
  vocab?: Record<string, (string | VocabNumber)[]>;
  cues?: Record<string, CueGroups>;
  rules?: Rule[];
}

export function parseRulesetSource(text: string, file: string): { ruleset?: RulesetFile; problems: RulesetProblem[] } {
  const parsed = parseValidatedYaml<RawRuleset>(text, file, validate, 'the file is empty: expected a ruleset with "id", "language" and "rules"');
  const raw = parsed.data;
  if (!raw) return { problems: parsed.problems };
  const { positionOf } = parsed;
  const at = (path: readonly (string | number)[], reason: string): RulesetProblem => ({ file, ...positionOf(path), reason });
  if (!isLanguage(raw.language)) return { problems: [at(['language'], 'language must be ja, zh or ko')] };
  const rules = raw.rules ?? [];
  const named = Object.entries(raw.cues ?? {});
  const bare = [...bareVocabLists(rules, raw.context, at), ...named.flatMap(([n, g]) => cueListsOf(g, ['cues', n], at))];
  if (bare.length > 0) return { problems: bare };
  const problems = [
    ...checkRules(rules, raw.language, at),
    ...checkCues(raw.context?.negation, ['context', 'negation'], at),
    ...checkCues(raw.context?.quotation, ['context', 'quotation'], at),
    ...named.flatMap(([n, g]) => checkCues(g, ['cues', n], at, false, true)),
    ...vocabNumberProblems(raw.vocab, at),
  ];
  if (problems.length > 0) return { problems };
  const ruleset: RulesetFile = {
    file,
    id: raw.id,
    language: raw.language,
    extends: raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends],
    overrides: raw.overrides ?? {},
    context: raw.context ?? {},
    vocab: Object.fromEntries(Object.entries(raw.vocab ?? {}).map(([n, list]) => [n, list.map((w) => (typeof w === 'string' ? w : numberEntry(w)))])),
    cues: Object.fromEntries(named),
    rules,
    positionOf,
  };
  if (raw.name !== undefined) ruleset.name = raw.name;
  if (raw.description !== undefined) ruleset.description = raw.description;
  return { ruleset, problems };
}

type At = (path: readonly (string | number)[], reason: string) => RulesetProblem;

/** A number written in a list that is no valid number element (bounds that leave no number), checked as a seq's element is. */
function vocabNumberProblems(vocab: RawRuleset['vocab'], at: At): RulesetProblem[] {
  return Object.entries(vocab ?? {}).flatMap(([name, list]) =>
    list.flatMap((w, i) => {
      const p = typeof w === 'string' ? undefined : elementProblem(w);
      return p ? [at(['vocab', name, i, ...(p.key ? [p.key] : [])], p.reason)] : [];
    }),
  );
}

function checkRules(rules: Rule[], language: Language, at: At): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const ids = new Map<string, number>();
  rules.forEach((rule, i) => {
    const first = ids.get(rule.id);
    if (first !== undefined) problems.push(at(['rules', i, 'id'], `rule id "${rule.id}" is used twice (first at rules[${first}])`));
    else ids.set(rule.id, i);
    if (!rule.message[language]) {
      problems.push(at(['rules', i, 'message'], `rules[${i}].message needs a "${language}" text (the ruleset's language) as well as "en"`));
    }
    problems.push(...checkMatcher(rule, ['rules', i], `rules[${i}] needs "match" (or "terms"/"patterns"): what to look for`, at));
    if (rule.kind === 'prohibit' && rule.onlyWhen === 'declared' && !rule.products) {
      problems.push(at(['rules', i, 'onlyWhen'], `rules[${i}].onlyWhen: declared needs "products": the categories a manifest must declare for the rule to report`));
    }
    if (rule.declaredSeverity && !rule.products) {
      problems.push(at(['rules', i, 'declaredSeverity'], `rules[${i}].declaredSeverity needs "products": the categories whose declaration in a manifest makes the finding "${rule.declaredSeverity}"`));
    }
    if (rule.kind === 'require') {
      const after = rule.timing?.after;
      if (after) problems.push(...checkMatcher(after, ['rules', i, 'timing', 'after'], `rules[${i}].timing.after needs "match" (or "terms"/"patterns"): the trigger`, at));
      if (rule.when) problems.push(...checkMatcher(rule.when, ['rules', i, 'when'], `rules[${i}].when needs "match" (or "terms"/"patterns")`, at));
    }
    if (rule.kind === 'require') problems.push(...requireMatcherUnless(rule, i, at));
    problems.push(...checkExamples(rule, i, at), ...checkCues('unless' in rule ? rule.unless : undefined, ['rules', i, 'unless'], at));
  });
  return problems;
}

/**
 * A group's `then` is what must follow one of its `after` or `inside` cues, or the match after a `before` cue: without any it could never count.
 * And a cue names a vocab list as a matcher's word does, as the whole entry ("{name}").
 */
function checkCues(groups: CueGroups | undefined, path: (string | number)[], at: At, nearbyAllowed = false, named = false): RulesetProblem[] {
  const all = groups === undefined ? [] : Array.isArray(groups) ? groups.map((g, j) => ({ g, p: [...path, j] })) : [{ g: groups, p: path }];
  const uses = all.filter(({ g }) => g.use !== undefined).flatMap(({ g, p }) => useProblems(g, p, at, named));
  const placed = all.filter(({ g }) => g.use === undefined);
  const problems = [...uses, ...placed.filter(({ g }) => g.then && !g.after && !g.inside && !g.before && !g.around && !g.anywhere).map(({ p }) => at([...p, 'then'], '"then" needs "after", "inside" or "before" in the same group: the cue it must follow'))];
  for (const { g, p } of placed) for (const key of CUE_LISTS) problems.push(...braceProblems(g[key], [...p, key], at));
  for (const { g, p } of placed) if (g.nearby !== undefined) problems.push(...nearbyProblems(g, p, at, nearbyAllowed));
  for (const { g, p } of placed) {
    for (const [key, what] of NEARBY_ONLY) if (g[key] !== undefined && g.nearby === undefined) problems.push(at([...p, key], `"${key}" ${what}: it needs "nearby" in the same group`));
  }
  return problems;
}

/** A group written `{use: name}` stands for the named group alone; a named group holds cues, not another's name. */
function useProblems(g: ContextCues, p: (string | number)[], at: At, named: boolean): RulesetProblem[] {
  if (named) return [at([...p, 'use'], `a named cue group holds its own cues: "use" (of "${g.use}") belongs where cue groups are used (a rule's or a matcher's unless or onlyWith, the context)`)];
  const others = Object.keys(g).filter((k) => k !== 'use');
  return others.length === 0 ? [] : [at([...p, others[0] as string], `a group that uses the named group "${g.use}" has nothing else ("${others[0]}" here): write the cues in the named group, or as a group of their own beside it`)];
}

/** Keys that only qualify a `nearby` group, with what each says. */
const NEARBY_ONLY = [['side', `says on which side of the claim a "nearby" group's talk counts`]] as const;

/** Keys a `nearby` group cannot have: it looks in whole segments, for cues said anywhere in them. */
const NOT_NEARBY = ['before', 'after', 'around', 'inside', 'then', 'notPast', 'notWith', 'notWithScope', 'window', 'scope', 'quoted', 'wholeWords'] as const;

/** A `nearby` group belongs to a matcher's onlyWith, with its cues under `anywhere` and nothing that reads a sentence. */
function nearbyProblems(g: ContextCues, p: (string | number)[], at: At, allowed: boolean): RulesetProblem[] {
  if (!allowed) return [at([...p, 'nearby'], `"nearby" belongs to a matcher's onlyWith or unless (the talk a claim needs around it, or that excuses it); a rule's unless, negation or quotation reads the claim's own sentence`)];
  const problems = NOT_NEARBY.filter((k) => g[k] !== undefined).map((k) => at([...p, k], `"${k}" does not apply to a "nearby" group: its cues go under "anywhere" and count when said anywhere in the segments around the claim`));
  if (!g.anywhere?.length) problems.push(at([...p, 'nearby'], '"nearby" needs its cues under "anywhere" in the same group'));
  return problems;
}

const CUE_LISTS = ['before', 'after', 'around', 'inside', 'anywhere', 'then'] as const;

/**
 * Words of a list that hold a brace but no whole `"{name}"`s (`"{cloth"`, `"{}"`): they would be looked for as
 * written, braces and all, and never found. A list joined to characters or lists (`"{cloth}が"`) is a joined word. `words` is a list
 * (each word at its index below `path`) or one word written in its place (at `path`).
 */
function braceProblems(words: unknown, path: (string | number)[], at: At): RulesetProblem[] {
  const placed = typeof words === 'string' ? [{ w: words, p: path }] : Array.isArray(words) ? words.map((w: unknown, k) => ({ w, p: [...path, k] })) : [];
  return placed
    .filter(({ w }) => typeof w === 'string' && /[{}]/.test(w) && vocabName(w) === undefined && joinedParts(w) === undefined)
    .map(({ w, p }) => at(p, `"${String(w)}": a brace belongs to a vocab list's name, "{name}" (a list stands alone, "{spot}", or joined to characters or other lists, "去{spot}", "{tonic}{organ}")`));
}

/** The brace problems of a seq's word lists: its words, alternatives, not, notAfter and number units. */
function seqBraceProblems(seq: readonly unknown[], path: (string | number)[], at: At): RulesetProblem[] {
  const ofObject = (el: unknown, p: (string | number)[]): RulesetProblem[] => {
    if (el === null || typeof el !== 'object' || Array.isArray(el)) return braceProblems(el, p, at);
    const o = el as Record<string, unknown>;
    return (['words', 'not', 'notAfter', 'number'] as const).flatMap((key) => braceProblems(o[key], [...p, key], at));
  };
  // Alternatives: their words, and the words of an object among them.
  return seq.flatMap((el, k) => (Array.isArray(el) ? [...braceProblems(el, [...path, k], at), ...el.flatMap((x, j) => (typeof x === 'string' ? [] : ofObject(x, [...path, k, j])))] : ofObject(el, [...path, k])));
}

/**
 * A matcher's `unless` or `onlyWith` decides whether a prohibited claim counts, and its `category` names what a
 * prohibited claim is: a required disclosure's matchers have none of them.
 */
function requireMatcherUnless(rule: RequireRule, i: number, at: At): RulesetProblem[] {
  const where: [Matcher | undefined, (string | number)[]][] = [
    [rule, ['rules', i]],
    [rule.timing?.after, ['rules', i, 'timing', 'after']],
    [rule.when, ['rules', i, 'when']],
  ];
  return where.flatMap(([m, path]) =>
    (m?.match ?? []).flatMap((e, j) =>
      PROHIBIT_MATCHER_ONLY.flatMap(([k, what]) => (e[k] === undefined ? [] : [at([...path, 'match', j, k], `matcher "${e.id}": "${k}" ${what}; a require rule's matchers cannot have one`)])),
    ),
  );
}

/** A prohibit rule's matcher keys, with what each does. */
const PROHIBIT_MATCHER_ONLY = [
  ['unless', 'decides whether a prohibited claim counts'],
  ['onlyWith', 'decides whether a prohibited claim counts'],
  ['category', 'names what a prohibited claim is'],
] as const;

function checkMatcher(m: Matcher, path: (string | number)[], missing: string, at: At): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  if ((m.match?.length ?? 0) + (m.terms?.length ?? 0) + (m.patterns?.length ?? 0) === 0) problems.push(at(path, missing));
  const checkRegex = (p: string, where: (string | number)[]) => {
    // `{name}` word lists are expanded when the ruleset is assembled; their shape is one plain alternative.
    const why = linearRegexProblem(placeholderPattern(p));
    if (why) problems.push(at(where, `pattern ${JSON.stringify(p)} ${why}`));
  };
  m.patterns?.forEach((p, j) => checkRegex(p, [...path, 'patterns', j]));
  const seen = new Set<string>();
  m.match?.forEach((entry, j) => {
    const here = [...path, 'match', j];
    if (seen.has(entry.id)) problems.push(at([...here, 'id'], `matcher id "${entry.id}" is used twice in this rule`));
    seen.add(entry.id);
    const why = entryProblem(entry);
    if (why) {
      problems.push(at(here, why));
      return;
    }
    if (entry.unless !== undefined) problems.push(...checkCues(entry.unless, [...here, 'unless'], at, true));
    if (entry.onlyWith !== undefined) problems.push(...checkCues(entry.onlyWith, [...here, 'onlyWith'], at, true));
    if (entry.regex !== undefined) checkRegex(entry.regex, [...here, 'regex']);
    if (entry.seq) {
      const shape = seqProblems(entry.seq);
      for (const p of shape) problems.push(at(p.index === undefined ? [...here, 'seq'] : [...here, 'seq', p.index, ...(p.key ? [p.key] : [])], `seq: ${p.reason}`));
      if (shape.length === 0) problems.push(...seqBraceProblems(entry.seq, [...here, 'seq'], at));
    } else if (entry.words) for (const key of ['words', 'not', 'notAfter'] as const) problems.push(...braceProblems(entry[key], [...here, key], at));
  });
  return problems;
}

/** `[[words]]` in a bad example marks what the rule must report there. */
const MARK = /\[\[(.+?)\]\]/gu;

/** A bad example as written (a string, maybe with [[marks]], or an object) in canonical form. */
export function canonicalBadExample(raw: string | { text: string; match?: string | string[]; matcher?: string }): BadExample {
  if (typeof raw === 'string') {
    const marks = [...raw.matchAll(MARK)].map((m) => m[1] as string);
    return marks.length > 0 ? { text: raw.replace(MARK, '$1'), match: marks } : { text: raw };
  }
  const out: BadExample = { text: raw.text };
  if (raw.match !== undefined) out.match = typeof raw.match === 'string' ? [raw.match] : raw.match;
  if (raw.matcher !== undefined) out.matcher = raw.matcher;
  return out;
}

function checkExamples(rule: Rule, i: number, at: At): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const written = rule.examples.bad as unknown as (string | { text: string; match?: string | string[]; matcher?: string })[];
  const matcherIds = new Set([...(rule.match ?? []).map((m) => m.id), ...(rule.terms?.length ? ['terms'] : []), ...(rule.patterns ?? []).map((_, j) => `pattern-${j + 1}`)]);
  rule.examples.bad = written.map((raw, j) => {
    const ex = canonicalBadExample(raw);
    for (const w of ex.match ?? []) {
      if (!ex.text.includes(w)) problems.push(at(['rules', i, 'examples', 'bad', j], `the words to match, ${JSON.stringify(w)}, are not in the example's text`));
    }
    if (ex.matcher !== undefined && !matcherIds.has(ex.matcher)) {
      problems.push(at(['rules', i, 'examples', 'bad', j, 'matcher'], `no matcher "${ex.matcher}" in this rule (it has ${[...matcherIds].join(', ') || 'none'})`));
    }
    return ex;
  });
  return problems;
}
