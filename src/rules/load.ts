/**
 * Load rulesets from disk (the I/O edge of rules/): resolve built-in names and paths, follow
 * `extends`, apply `overrides`. Parsing and validation are pure (parse.ts).
 */
import { readErrorReason } from '../io/file-errors.js';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContextCues, CueGroups, MatchEntry, Matcher, Rule, Ruleset, RulesetContext, RulesetProblem, SeqElement, SeqObject } from './model.js';
import { CUE_WORD_KEYS, cueGroups as cueGroupsOf, mergeContext, RulesetError } from './model.js';
import type { RulesetFile } from './parse.js';
import { expandNestedVocab, expandPattern, expandWords, isNumberEntry, numberOfEntry, wordRefs } from './vocab.js';
import { alternativePaths, canonicalElement, MAX_ALTERNATIVE_PATHS } from './seq-syntax.js';
import { unknownTagWarnings } from './tag-check.js';
import { cueGroupsUsedBy, cueListNames, listsNamedBy, type NamedCueGroups } from './vocab-uses.js';

/** The rulesets shipped with livecomply (`<package>/rulesets`). */
export const BUILTIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'rulesets');

export function builtinRulesetNames(): string[] {
  if (!existsSync(BUILTIN_DIR)) return [];
  return readdirSync(BUILTIN_DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort();
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/i.test(ref);
}

/** A ruleset reference: a built-in name (`jp`) or a path (relative to `baseDir`). */
export function resolveRulesetRef(ref: string, baseDir: string): string {
  if (looksLikePath(ref)) return path.resolve(baseDir, ref);
  for (const ext of ['.yaml', '.yml']) {
    const p = path.join(BUILTIN_DIR, ref + ext);
    if (existsSync(p)) return p;
  }
  const local = path.resolve(baseDir, ref);
  if (existsSync(local)) return local;
  const names = builtinRulesetNames();
  throw new RulesetError([
    {
      file: ref,
      line: 1,
      column: 1,
      reason: `no built-in ruleset "${ref}" (built-in: ${names.join(', ') || 'none'}) and no such file`,
    },
  ]);
}

/** How a ruleset file is named in problems and `sources`: relative to the working directory when inside it, else absolute. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/** Every file a load read, with the text it read (a cache keys the loaded ruleset by their content). */
export type ReadFiles = { path: string; text: string }[];

async function readRulesetFile(abs: string, read: ReadFiles): Promise<RulesetFile> {
  const shown = displayPath(abs);
  let text: string;
  try {
    // Only a regular file of bounded size: `extends: [/dev/urandom]` or a FIFO must not hang or fill memory.
    text = await readRegularText(abs, MAX_BYTES.yaml);
  } catch (e) {
    const why = readErrorReason(e, { folder: 'is a folder, not a YAML file' });
    throw new RulesetError([{ file: shown, line: 1, column: 1, reason: `cannot read ruleset: ${why}` }]);
  }
  read.push({ path: abs, text });
  // Imported here, not at the top: the YAML parser and the schema validator are only needed when
  // a ruleset is actually parsed (not when a cached copy is used).
  const { parseRulesetSource } = await import('./parse.js');
  const { ruleset, problems } = parseRulesetSource(text, shown);
  if (!ruleset) throw new RulesetError(problems);
  return ruleset;
}

/** Each load's files assembled, once however many files extend one (every rule file of cn extends cn/vocab.yaml). */
const assembledIn = new WeakMap<ReadFiles, Map<string, Promise<Ruleset>>>();

async function assemble(abs: string, chain: string[], read: ReadFiles): Promise<Ruleset> {
  if (chain.includes(abs)) {
    const cycle = [...chain.slice(chain.indexOf(abs)), abs].map(displayPath).join(' → ');
    throw new RulesetError([{ file: displayPath(chain[chain.length - 1] ?? abs), line: 1, column: 1, reason: `"extends" goes round in a circle: ${cycle}` }]);
  }
  const byFile = assembledIn.get(read) ?? new Map<string, Promise<Ruleset>>();
  assembledIn.set(read, byFile);
  if (!byFile.has(abs)) byFile.set(abs, assembleFile(abs, chain, read));
  return byFile.get(abs) as Promise<Ruleset>;
}

async function assembleFile(abs: string, chain: string[], read: ReadFiles): Promise<Ruleset> {
  const file = await readRulesetFile(abs, read);
  const problems: RulesetProblem[] = [];
  const inherited = new Map<string, Rule>(); // by id, in order; merged in place, as the lists are (cn has 130-odd parents)
  let context: RulesetContext = {};
  let vocab: Record<string, string[]> = {};
  /** The named cue groups of the rulesets it extends: their words expanded where each was defined, and as written. */
  let named: NamedCueGroups = {};
  const namedWritten: NamedCueGroups = {};
  /** Every list the chain defines, as its file wrote it (for a list this file extends: see growInherited). */
  const listsAsWritten: Record<string, string[]> = {};
  const sources: string[] = [];
  const warnings: RulesetProblem[] = [];
  /** Which entry of `extends` each inherited rule id came from. */
  const fromEntry = new Map<string, string>();
  for (const [i, ref] of file.extends.entries()) {
    let parent: Ruleset;
    try {
      parent = await assemble(resolveRulesetRef(ref, path.dirname(abs)), [...chain, abs], read);
    } catch (e) {
      if (e instanceof RulesetError && e.problems.length === 1 && e.problems[0]?.file === ref) {
        throw new RulesetError([{ file: file.file, ...file.positionOf(['extends', i]), reason: e.problems[0].reason }]);
      }
      throw e;
    }
    if (parent.language !== file.language) {
      problems.push({
        file: file.file,
        ...file.positionOf(['extends', i]),
        reason: `extends "${ref}", a ${parent.language} ruleset, but this ruleset is ${file.language}`,
      });
      continue;
    }
    // A later parent's rule with the same id replaces an earlier one (a house ruleset may mean it; lint says so).
    for (const r of parent.rules) {
      const earlier = fromEntry.get(r.id);
      if (earlier !== undefined) warnings.push({ file: file.file, ...file.positionOf(['extends', i]), reason: `extends "${ref}", whose rule "${r.id}" replaces the rule of that id from "${earlier}" (an earlier entry of this list): rename one if both are wanted` });
      fromEntry.set(r.id, ref);
      inherited.delete(r.id);
      inherited.set(r.id, r);
    }
    warnings.push(...(parent.warnings ?? []));
    context = mergeContext(context, parent.context);
    Object.assign(vocab, parent.vocab);
    Object.assign(named, namedCues.get(parent));
    Object.assign(namedWritten, namedCuesAsWritten(parent));
    Object.assign(listsAsWritten, writtenLists.get(parent));
    sources.push(...parent.sources);
  }
  let rules = [...inherited.values()];
  applyOverrides(file, rules, problems);
  const grown = growInherited(file, vocab, listsAsWritten, rules, problems, { expanded: named, written: namedWritten });
  ({ vocab, rules, named } = grown);
  const { rules: ownRules, context: ownContext, named: visible } = expandVocab(file, vocab, problems, named);
  if (problems.length > 0) throw new RulesetError(problems);
  warnings.push(...unknownTagWarnings(file, vocab));
  const own = new Set(ownRules.map((r) => r.id));
  rules = [...rules.filter((r) => !own.has(r.id)), ...ownRules];
  context = mergeContext(context, ownContext);
  const ruleset: Ruleset = { id: file.id, language: file.language, sources: [file.file, ...sources], context, rules };
  writtenLists.set(ruleset, { ...listsAsWritten, ...grown.written });
  namedCues.set(ruleset, visible);
  writtenCues.set(ruleset, { ...namedWritten, ...Object.fromEntries(Object.entries(file.cues).map(([n, g]) => [n, cueGroupsOf(g)])) });
  if (Object.keys(vocab).length > 0) ruleset.vocab = vocab;
  if (warnings.length > 0) ruleset.warnings = warnings;
  if (file.name !== undefined) ruleset.name = file.name;
  if (file.description !== undefined) ruleset.description = file.description;
  return ruleset;
}

/** The file's `overrides` applied, in place, to the rules it inherits: off, or another severity. */
function applyOverrides(file: RulesetFile, rules: Rule[], problems: RulesetProblem[]): void {
  for (const [id, ov] of Object.entries(file.overrides)) {
    const idx = rules.findIndex((r) => r.id === id);
    if (idx < 0) {
      problems.push({ file: file.file, ...file.positionOf(['overrides', id]), reason: `overrides "${id}", but no inherited rule has that id` });
      continue;
    }
    const rule = rules[idx] as Rule;
    if (ov === 'off' || (typeof ov === 'object' && ov.enabled === false)) rules.splice(idx, 1);
    else if (typeof ov === 'object' && ov.severity) {
      const severity = ov.severity;
      // An override's severity holds whatever a manifest declares.
      const overridden = ({ declaredSeverity: _, ...r }: Rule): Rule => ({ ...r, severity });
      rules[idx] = remember(overridden(rule), overridden(asWritten(rule)));
    }
  }
}

/** Each assembled ruleset's lists as their files wrote them, through its chain. */
const writtenLists = new WeakMap<Ruleset, Record<string, string[]>>();

/** The named cue groups each assembled ruleset defines or inherits (for the rulesets that extend it). */
const namedCues = new WeakMap<Ruleset, NamedCueGroups>();
const writtenCues = new WeakMap<Ruleset, NamedCueGroups>();

/** The named cue groups a loaded ruleset defines or inherits, as their files wrote them (for `rules vocab`). */
export function namedCuesAsWritten(ruleset: Ruleset): NamedCueGroups {
  return writtenCues.get(ruleset) ?? {};
}

/**
 * The lists with this file's own expanded, and the inherited rules. A list that names itself extends the list of that
 * name a ruleset it extends defines (`disease: ["{disease}", 新病名]`): then every inherited list and rule that names it,
 * directly or through another list, is expanded again from its written form with the grown list — a house ruleset adds
 * a word to the built-in {disease} and every built-in rule naming it finds the word. (The context cues of the rulesets
 * it extends keep their words.) Without such a list nothing inherited is touched. `written`: this file's lists as written,
 * a list's own name replaced by the words it extends (so a file extending this one may grow it again).
 */
function growInherited(
  file: RulesetFile,
  inherited: Record<string, string[]>,
  listsAsWritten: Record<string, string[]>,
  rules: Rule[],
  problems: RulesetProblem[],
  cues: { expanded: NamedCueGroups; written: NamedCueGroups },
): { vocab: Record<string, string[]>; rules: Rule[]; written: Record<string, string[]>; named: NamedCueGroups } {
  const named = cues.expanded;
  const listProblem = (list: string, index: number, reason: string) => problems.push({ file: file.file, ...file.positionOf(['vocab', list, index]), reason });
  const grows = Object.keys(file.vocab).filter((n) => inherited[n] !== undefined && (file.vocab[n] ?? []).includes(`{${n}}`));
  if (grows.length === 0) return { vocab: expandNestedVocab({ ...inherited, ...file.vocab }, Object.keys(file.vocab), listProblem), rules, written: file.vocab, named };
  const own = Object.fromEntries(Object.entries(file.vocab).map(([n, words]) => [n, grows.includes(n) ? words.flatMap((w) => (w === `{${n}}` ? (listsAsWritten[n] ?? inherited[n] ?? []) : [w])) : words]));
  const all = { ...listsAsWritten, ...own };
  const ownNames = new Set(Object.keys(file.vocab));
  // Problems of inherited lists were reported when they loaded; a grown join too large is reported at the list grown.
  const vocab = expandNestedVocab(all, Object.keys(all), (list, index, reason) => (ownNames.has(list) ? listProblem(list, index, reason) : listProblem(grows[0] as string, 0, reason)));
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a?.length === b?.length && (a ?? []).every((w, i) => w === b?.[i]);
  const changed = new Set(Object.keys(inherited).filter((n) => !same(inherited[n], vocab[n])));
  const at = { ...file, rules: [], context: {}, cues: {}, positionOf: () => file.positionOf(['vocab', grows[0] as string]) };
  // A named cue group naming a grown list is expanded again with it, and so is every rule that uses the group.
  const regrown = new Set(Object.keys(cues.written).filter((n) => (cues.written[n] ?? []).some((g) => cueListNames(g).some((l) => changed.has(l)))));
  const kept = Object.fromEntries(Object.entries(named).filter(([n]) => !regrown.has(n)));
  const nowNamed = regrown.size === 0 ? named : expandVocab({ ...at, cues: Object.fromEntries([...regrown].map((n) => [n, cues.written[n] ?? []])) }, vocab, problems, kept).named;
  const namesGrown = (w: Rule) => [...listsNamedBy(w)].some((n) => changed.has(n)) || cueGroupsUsedBy(w).some((n) => regrown.has(n));
  const again = rules.filter((r) => namesGrown(asWritten(r)));
  if (again.length === 0) return { vocab, rules, written: own, named: nowNamed };
  const redone = new Map(expandVocab({ ...at, rules: again.map(asWritten) }, vocab, problems, nowNamed).rules.map((r) => [r.id, r]));
  return { vocab, rules: rules.map((r) => redone.get(r.id) ?? r), written: own, named: nowNamed };
}

type Path = (string | number)[];
/** A word list with its vocab lists expanded (each unknown name and join problem reported at its place). */
type ExpandWords = (list: string[], where: Path, what?: string, isList?: boolean) => string[];

/** A seq element written as an object, its word lists expanded. */
function expandSeqObject(el: SeqObject, at: Path, words: ExpandWords): SeqObject {
  const o: SeqObject = { ...el };
  if (o.words) o.words = words(o.words, [...at, 'words']);
  if (o.not !== undefined) o.not = typeof o.not === 'string' ? words([o.not], [...at, 'not'], 'matcher', false) : words(o.not, [...at, 'not']);
  if (o.notAfter !== undefined) o.notAfter = typeof o.notAfter === 'string' ? words([o.notAfter], [...at, 'notAfter'], 'matcher', false) : words(o.notAfter, [...at, 'notAfter']);
  if (Array.isArray(o.number)) o.number = words(o.number, [...at, 'number']);
  return o;
}

/**
 * A seq element with its vocab lists expanded; alternatives mixing words and objects keep each in its place. `seqWords`
 * keeps a list's numbers (`{number: [斤]}` among its words), each then one more alternative, its units expanded.
 */
function expandSeqElement(el: SeqElement, at: Path, words: ExpandWords, seqWords: ExpandWords): SeqElement {
  const alternatives = (ws: string[], where: Path): (string | SeqObject)[] =>
    ws.map((w) => {
      const n = numberOfEntry(w);
      return n ? expandSeqObject(n, where, words) : w;
    });
  const mixed = (ws: string[], where: Path): SeqElement => (ws.some(isNumberEntry) ? alternatives(ws, where) : ws);
  if (typeof el === 'string') return mixed(seqWords([el], at, 'matcher', false), at);
  if (!Array.isArray(el)) return expandSeqObject(el, at, words);
  const plain = el.filter((x): x is string => typeof x === 'string');
  if (plain.length === el.length) return mixed(seqWords(plain, at), at);
  return el.flatMap((x, j): (string | SeqObject)[] => (typeof x === 'string' ? alternatives(seqWords([x], [...at, j], 'matcher', false), [...at, j]) : [expandSeqObject(x, [...at, j], words)]));
}

/** How many objects (numbers, parts of speech, words objects) a list of alternatives holds. */
const objectsIn = (el: SeqElement | undefined): number => (Array.isArray(el) ? el.filter((x) => typeof x !== 'string').length : 0);

/** A seq whose lists brought numbers in as alternatives may read more ways than the compiler takes: the reason, or undefined. */
function pathsProblem(seq: readonly SeqElement[]): string | undefined {
  const paths = alternativePaths(seq.map(canonicalElement));
  return paths > MAX_ALTERNATIVE_PATHS ? `with the numbers its vocab lists hold, its alternatives read ${paths} ways (more than ${MAX_ALTERNATIVE_PATHS}): split the matcher in two, or take the numbers out of a list` : undefined;
}

/**
 * How a file's word lists are expanded, each problem reported at its place: `words` for every list but a seq element's
 * (where a list's numbers are a problem), `seqWords` for a seq element's (where they are alternatives).
 */
function listExpanders(file: RulesetFile, vocab: Record<string, string[]>, problems: RulesetProblem[]) {
  const problem = (where: (string | number)[], reason: string) => problems.push({ file: file.file, ...file.positionOf(where), reason });
  const unknownName = (name: string, where: (string | number)[], what: string) => {
    const known = Object.keys(vocab);
    problem(where, `${what} uses {${name}}, but no vocab list "${name}" is defined in this ruleset or one it extends${known.length ? ` (defined: ${known.join(', ')})` : ''}`);
  };
  const numberOutsideSeq = (name: string, where: (string | number)[], what: string) =>
    problem(where, `${what} uses {${name}}, which holds a number ({number: …}): a list's numbers count only where the list stands as a seq element or among a seq's alternatives (not in ${what}); use a list of words here`);
  // `where` is the list (each unknown name reported at its own entry), or the element a single word stands for.
  const expandAt = (keepNumbers: boolean) => (list: string[], where: (string | number)[], what = 'matcher', isList = true) => {
    const { words: out, unknown, problems: joins } = expandWords(list, vocab);
    const entryOf = (has: (w: string) => boolean) => (isList ? [...where, list.findIndex(has)] : where);
    for (const name of unknown) unknownName(name, entryOf((w) => wordRefs(w).includes(name)), what);
    for (const { index, reason } of joins) problem(isList ? [...where, index] : where, reason);
    if (keepNumbers || !out.some(isNumberEntry)) return out;
    for (const name of new Set(list.flatMap(wordRefs))) if (vocab[name]?.some(isNumberEntry)) numberOutsideSeq(name, entryOf((w) => wordRefs(w).includes(name)), what === 'matcher' ? 'a words list' : `a ${what}`);
    return out.filter((w) => !isNumberEntry(w));
  };
  // A pattern's lists as alternations of their words.
  const patterns = (list: string[] | undefined, path: (string | number)[]) =>
    list?.map((p, j) => {
      const { pattern, unknown, numbers } = expandPattern(p, vocab);
      for (const name of unknown) unknownName(name, [...path, j], 'pattern');
      for (const name of numbers) numberOutsideSeq(name, [...path, j], 'a pattern');
      return pattern;
    });
  return { problem, words: expandAt(false), seqWords: expandAt(true), patterns };
}

/** The file's rules and context cues with every `{name}` vocab reference replaced by the list's words; unknown names become problems. */
function expandVocab(file: RulesetFile, vocab: Record<string, string[]>, problems: RulesetProblem[], inherited: NamedCueGroups): { rules: Rule[]; context: RulesetContext; named: NamedCueGroups } {
  const { problem, words, seqWords, patterns: expand } = listExpanders(file, vocab, problems);
  const expandMatch = (entries: MatchEntry[] | undefined, path: (string | number)[]) =>
    entries?.map((m, j): MatchEntry => {
      const here = [...path, j];
      if (m.regex !== undefined) return { ...m, regex: expand([m.regex], [...here, 'regex'])?.[0] ?? m.regex };
      if (m.words) return { ...m, words: words(m.words, [...here, 'words']), ...(m.not && { not: words(m.not, [...here, 'not']) }), ...(m.notAfter && { notAfter: words(m.notAfter, [...here, 'notAfter']) }) };
      const seq = m.seq?.map((el, k) => expandSeqElement(el, [...here, 'seq', k], words, seqWords));
      // Written, the seq was checked: only an element a list's numbers joined as alternatives can add ways to read it.
      const tooMany = seq?.some((el, k) => objectsIn(el) > objectsIn(m.seq?.[k])) ? pathsProblem(seq) : undefined;
      if (tooMany) problem([...here, 'seq'], tooMany);
      return seq ? { ...m, seq } : m;
    });
  const expandMatcher = <M extends Matcher>(m: M, path: (string | number)[]): M => {
    const out: M = { ...m };
    if (m.patterns) out.patterns = expand(m.patterns, [...path, 'patterns']) ?? [];
    // A matcher's own cue groups (unless, onlyWith) name vocab lists as a rule's do.
    const own = (e: MatchEntry, at: (string | number)[]): MatchEntry => ({ ...e, ...(e.unless && { unless: expandCues(e.unless, [...at, 'unless']) }), ...(e.onlyWith && { onlyWith: expandCues(e.onlyWith, [...at, 'onlyWith']) }) });
    if (m.match) out.match = (expandMatch(m.match, [...path, 'match']) ?? []).map((e, j) => own(e, [...path, 'match', j]));
    if (m.terms) out.terms = words(m.terms, [...path, 'terms']);
    return out;
  };
  // Cue words may name a vocab list too (`before: ["{neg}", 言えません]`); `{use: name}` is a named group, expanded where defined.
  const expandCues = (groups: CueGroups, path: (string | number)[]): CueGroups => {
    const one = (g: ContextCues, at: (string | number)[]): ContextCues[] => {
      if (g.use !== undefined) return usedGroups(g.use, named, [...at, 'use'], problem);
      const out: ContextCues = { ...g };
      for (const key of CUE_WORD_KEYS) {
        const list = g[key];
        if (list) out[key] = words(list, [...at, key], 'cue');
      }
      return [out];
    };
    if (Array.isArray(groups)) return groups.flatMap((g, j) => one(g, [...path, j]));
    const out = one(groups, path);
    return out.length === 1 ? (out[0] as ContextCues) : out;
  };
  const named: NamedCueGroups = { ...inherited };
  for (const [name, groups] of Object.entries(file.cues)) {
    if (inherited[name]) problem(['cues', name], `the cue group "${name}" is already defined in a ruleset this one extends: give this one another name`);
    else named[name] = cueGroupsOf(expandCues(groups, ['cues', name]));
  }
  const context: RulesetContext = { ...file.context };
  for (const key of ['negation', 'quotation'] as const) {
    const groups = file.context[key];
    if (groups) context[key] = expandCues(groups, ['context', key]);
  }
  const rules = file.rules.map((rule, i) => {
    const r: Rule = expandMatcher(rule, ['rules', i]);
    if (r.kind !== 'require' && r.unless) r.unless = expandCues(r.unless, ['rules', i, 'unless']);
    if (r.kind === 'require') {
      const after = r.timing?.after;
      if (r.timing && after) r.timing = { ...r.timing, after: expandMatcher(after, ['rules', i, 'timing', 'after']) };
      if (r.when) r.when = expandMatcher(r.when, ['rules', i, 'when']);
    }
    return remember(r, rule);
  });
  return { rules, context, named };
}

/** The groups a `{use: name}` stands for; an unknown name is a problem at the `use`. */
function usedGroups(name: string, named: NamedCueGroups, at: (string | number)[], problem: (where: (string | number)[], reason: string) => void): ContextCues[] {
  const groups = named[name];
  if (groups) return groups;
  const known = Object.keys(named);
  problem(at, `uses the cue group "${name}", but no named cue group (cues:) of that name is defined in this ruleset or one it extends${known.length ? ` (defined: ${known.join(', ')})` : ''}`);
  return [];
}

/** Each loaded rule as its file wrote it (patterns with `{name}`, not the expanded lists), for `rules show`. */
const written = new WeakMap<Rule, Rule>();

function remember(loaded: Rule, asWrittenRule: Rule): Rule {
  written.set(loaded, asWrittenRule);
  return loaded;
}

export function asWritten(rule: Rule): Rule {
  return written.get(rule) ?? rule;
}

/** Load a built-in ruleset by name or a YAML file by path, with everything it extends. */
export async function loadRuleset(ref: string, cwd = process.cwd()): Promise<Ruleset> {
  return assemble(resolveRulesetRef(ref, cwd), [], []);
}

/** Load a ruleset (as loadRuleset) and say which files it was assembled from, with their text. */
export async function loadRulesetReading(abs: string): Promise<{ ruleset: Ruleset; read: ReadFiles }> {
  const read: ReadFiles = [];
  return { ruleset: await assemble(abs, [], read), read };
}

/** The built-in ruleset for a language. */
export const DEFAULT_RULESET: Record<'ja' | 'zh' | 'ko', string> = { ja: 'jp', zh: 'cn', ko: 'kr' };
