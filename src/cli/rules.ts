/**
 * `livecomply rules list | show | vocab | lint | test [ruleset...]` (default: every built-in ruleset).
 */
import { Chalk } from 'chalk';
import path from 'node:path';
import { asWritten, builtinRulesetNames, namedCuesAsWritten, displayPath, loadRuleset, loadRulesetReading, resolveRulesetRef } from '../rules/load.js';
import { RulesetError, formatProblem, type Ruleset } from '../rules/model.js';
import { matchEntries } from '../rules/model.js';
import { entryText, VOCAB_REF, writtenEntry, writtenVocab } from '../rules/vocab.js';
import { listsLikeVocab, matchersOf, vocabUses } from '../rules/vocab-uses.js';
import { loadRulesetCached } from '../audit/ruleset-cache.js';
import { writeStdout } from './output.js';
import { VERSION } from './version.js';

export interface RulesCommandOptions {
  color: boolean;
  json?: boolean;
}

function refsOrBuiltins(refs: string[]): string[] {
  return refs.length > 0 ? refs : builtinRulesetNames();
}

/** Through the on-disk cache (`rules show` and `rules lint` read the YAML itself: as written, every problem). */
async function loadAll(refs: string[], cached = true): Promise<Ruleset[]> {
  return Promise.all(refsOrBuiltins(refs).map((r) => (cached ? loadRulesetCached(r, { version: VERSION }) : loadRuleset(r))));
}

export async function rulesList(refs: string[], opts: RulesCommandOptions): Promise<number> {
  const rulesets = await loadAll(refs);
  if (opts.json) {
    const data = rulesets.map((rs) => ({ id: rs.id, language: rs.language, name: rs.name, rules: rs.rules.length, byCategory: countBy(rs), byMatcherCategory: countByMatcherCategory(rs) }));
    await writeStdout(JSON.stringify(data, null, 2) + '\n');
    return 0;
  }
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  for (const rs of rulesets) {
    out.push(`${c.bold(rs.id)}  ${c.dim(`${rs.language} · ${rs.rules.length} rules${rs.name ? ` · ${rs.name}` : ''}`)}`);
    const own = countBy(rs);
    const viaMatchers = countByMatcherCategory(rs);
    for (const cat of [...new Set([...Object.keys(own), ...Object.keys(viaMatchers)])].sort()) {
      const also = viaMatchers[cat] ? c.dim(`  +${plural(viaMatchers[cat], 'rule')} through a matcher's category`) : '';
      out.push(`  ${cat.padEnd(20)} ${String(own[cat] ?? 0).padStart(4)}${also}`);
    }
    out.push('');
  }
  await writeStdout(out.join('\n'));
  return 0;
}

/** Rules by their own category. */
function countBy(rs: Ruleset): Record<string, number> {
  return countSorted(rs.rules.map((r) => [r.category]));
}

/**
 * Rules by the other categories their matchers report (a matcher's own `category`): a rule whose medical-claim
 * matcher sits beside its efficacy ones is counted under efficacy above and here under medical-claim, once.
 */
function countByMatcherCategory(rs: Ruleset): Record<string, number> {
  return countSorted(rs.rules.map((r) => [...new Set((r.match ?? []).map((m) => m.category).filter((cat): cat is string => cat !== undefined && cat !== r.category))]));
}

function countSorted(categoriesPerRule: readonly string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cats of categoriesPerRule) for (const cat of cats) counts[cat] = (counts[cat] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `rules show <ruleset-or-rule-id>`: a ruleset's rules, or one rule, as YAML. */
export async function rulesShow(refs: string[], opts: RulesCommandOptions): Promise<number> {
  const builtins = builtinRulesetNames();
  const rulesetRefs = refs.filter((r) => builtins.includes(r) || /\.ya?ml$/i.test(r));
  const ruleIds = refs.filter((r) => !rulesetRefs.includes(r));
  const rulesets = await loadAll(rulesetRefs.length > 0 || ruleIds.length === 0 ? rulesetRefs : [], false);
  const pool = ruleIds.length > 0 && rulesetRefs.length === 0 ? await loadAll([], false) : rulesets;
  const { stringify } = await import('yaml');
  const out: string[] = [];
  if (ruleIds.length > 0) {
    for (const id of ruleIds) {
      const rule = pool.flatMap((rs) => rs.rules).find((r) => r.id === id);
      if (!rule) {
        process.stderr.write(`livecomply: no rule "${id}" in ${pool.map((r) => r.id).join(', ')}\n`);
        return 2;
      }
      out.push(stringify(asWritten(rule)));
    }
  } else {
    for (const rs of rulesets) {
      out.push(`# ${rs.id} (${rs.language}) from ${rs.sources.join(', ')}`);
      out.push(stringify({ id: rs.id, language: rs.language, context: rs.context, ...(rs.vocab ? { vocab: writtenVocab(rs.vocab) } : {}), rules: rs.rules.map(asWritten) }));
    }
  }
  await writeStdout(opts.json ? JSON.stringify(pool, null, 2) + '\n' : out.join('\n'));
  return 0;
}

/** `rules lint`: validate; every problem as file:line:col. Exit 2 when any ruleset is invalid. */
export async function rulesLint(refs: string[]): Promise<number> {
  let bad = 0;
  // Loaded here, not at the top: only lint reads the files' text as the YAML lexer sees it.
  const { commentsInFlow } = await import('../yaml/flow-comments.js');
  const seen = new Set<string>();
  for (const ref of refsOrBuiltins(refs)) {
    try {
      const { ruleset: rs, read } = await loadRulesetReading(resolveRulesetRef(ref, process.cwd()));
      const regexes = regexMatchers(rs);
      process.stdout.write(`✔ ${ref}: ${rs.rules.length} rules, ${regexes.length} regular expression${regexes.length === 1 ? '' : 's'}\n`);
      for (const w of rs.warnings ?? []) process.stdout.write(`  warning ${formatProblem(w)}\n`);
      // The files the load read (each once, with the text it read), not read again.
      for (const { path: file, text } of read.filter((f) => !seen.has(f.path))) {
        seen.add(file);
        for (const c of await commentsInFlow(text)) {
          const reason = `a comment inside [ ] or { } runs to the end of the line and hides what follows it there (${JSON.stringify(c.text)}): put the comment on a line of its own`;
          process.stdout.write(`  warning ${formatProblem({ file: displayPath(file), line: c.line, column: c.column, reason })}\n`);
        }
      }
      for (const r of regexes) {
        if (couldBeStructured(r.source)) {
          process.stdout.write(`  warning ${r.rule} matcher ${r.matcher}: ${JSON.stringify(r.source)} is only words and alternatives: write it as "words" or "seq"\n`);
        }
      }
    } catch (e) {
      if (!(e instanceof RulesetError)) throw e;
      bad++;
      for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
    }
  }
  return bad > 0 ? 2 : 0;
}

/** Every regular-expression matcher of a ruleset's rules, as written (with `{name}` lists unexpanded). */
export function regexMatchers(rs: Ruleset): { rule: string; matcher: string; source: string }[] {
  const out: { rule: string; matcher: string; source: string }[] = [];
  for (const rule of rs.rules) {
    for (const m of matchersOf(asWritten(rule))) for (const e of matchEntries(m)) if (e.regex !== undefined) out.push({ rule: rule.id, matcher: e.id, source: e.regex });
  }
  return out;
}

/** `rules vocab --inline`: inline word lists that are mostly one vocab list's words (write "{name}"). */
async function inlineLists(rulesets: Ruleset[], opts: RulesCommandOptions & { name?: string }): Promise<number> {
  const found = rulesets.flatMap((rs) => listsLikeVocab(rs.vocab ?? {}, rs.rules.map(asWritten)).map((l) => ({ ruleset: rs.id, ...l }))).filter((l) => opts.name === undefined || l.name === opts.name);
  if (opts.json) {
    await writeStdout(JSON.stringify(found, null, 2) + '\n');
    return 0;
  }
  const out = found.map((l) => `${l.rule} ${l.matcher}: ${l.shared} of its ${l.size} words are in {${l.name}}`);
  out.push(`${plural(found.length, 'inline list')} mostly spell out a vocab list: name the list ("{name}") and keep only the rule's own words beside it, so a word added to the list reaches the rule too\n`);
  await writeStdout(out.join('\n'));
  return 0;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * `rules vocab [rulesets...] [--name <list>]`: each ruleset's vocab lists with their size and how
 * many rules name them; with --name, one list's rules and words. Exit 2 for a list no ruleset has.
 */
export async function rulesVocab(refs: string[], opts: RulesCommandOptions & { name?: string; inline?: boolean }): Promise<number> {
  const rulesets = await loadAll(refs, false);
  if (opts.inline) return inlineLists(rulesets, opts);
  const uses = rulesets.map((rs) => ({ rs, lists: vocabUses(rs.vocab ?? {}, rs.rules.map(asWritten), namedCuesAsWritten(rs)) }));
  const picked = uses.flatMap(({ rs, lists }) => lists.filter((l) => opts.name === undefined || l.name === opts.name).map((l) => ({ ruleset: rs.id, ...l, list: (rs.vocab?.[l.name] ?? []).map(writtenEntry) })));
  if (opts.name !== undefined && picked.length === 0) {
    process.stderr.write(`livecomply: no vocab list "${opts.name}" in ${rulesets.map((r) => r.id).join(', ')}\n`);
    return 2;
  }
  if (opts.json) {
    await writeStdout(JSON.stringify(picked.map(({ list, ...l }) => (opts.name === undefined ? l : { ...l, list })), null, 2) + '\n');
    return 0;
  }
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  if (opts.name !== undefined) {
    for (const l of picked) out.push(`${c.bold(`${l.ruleset} {${l.name}}`)}  ${c.dim(`${l.words} words · ${plural(l.rules.length, 'rule')}`)}`, ...l.rules.map((r) => `  ${r}`), `  ${c.dim(l.list.map(entryText).join(', '))}`, '');
  } else {
    for (const { rs, lists } of uses) {
      out.push(`${c.bold(rs.id)}  ${c.dim(`${lists.length} vocab lists`)}`);
      for (const l of lists) out.push(`  {${l.name}}`.padEnd(24) + `${String(l.words).padStart(5)} words ${String(l.rules.length).padStart(5)} ${l.rules.length === 1 ? 'rule' : 'rules'}`);
      out.push('');
    }
  }
  await writeStdout(out.join('\n'));
  return 0;
}

/**
 * Whether a regular expression says nothing a structured matcher cannot: literal words, groups of
 * alternatives, optional groups and `{name}` lists — no classes, wildcards, repetition or lookaround.
 */
export function couldBeStructured(source: string): boolean {
  const s = source.replace(VOCAB_REF, 'x').replace(/\(\?:/g, '(');
  return !/[[\].*+\\^$]|\{\d|\(\?/.test(s);
}

/** A ruleset as `rules test` runs it, and the ruleset whose context cues it borrows (one that extends it). */
interface TestTarget {
  rs: Ruleset;
  parent?: { id: string; file: string };
}

/**
 * A ruleset file that a ruleset next to it extends (`rulesets/jp/yakki.yaml`, extended by `rulesets/jp.yaml`) is
 * tested with that ruleset's negation and quotation cues, which its rules rely on; `alone` tests it by itself.
 */
async function testTarget(ref: string, rs: Ruleset, alone: boolean): Promise<TestTarget> {
  if (alone || !/\.ya?ml$/i.test(ref)) return { rs };
  const { findExtendingRuleset } = await import('./rules-parent.js');
  const parentFile = await findExtendingRuleset(ref);
  if (parentFile === undefined) return { rs };
  const parent = await loadRulesetCached(parentFile, { version: VERSION });
  return { rs: { ...rs, context: parent.context }, parent: { id: parent.id, file: displayed(parentFile) } };
}

const displayed = (abs: string) => (path.relative(process.cwd(), abs).startsWith('..') ? abs : path.relative(process.cwd(), abs));

/**
 * `rules test`: run every rule's examples. Exit 1 when one fails. A file that a ruleset next to it extends
 * runs with that ruleset's context cues (the line says which), unless `alone`. `explain`: say why each failed
 * example failed (the closest matcher, or the cue that excused it).
 */
export async function rulesTest(refs: string[], opts: RulesCommandOptions & { alone?: boolean; explain?: boolean }): Promise<number> {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const rulesets = await loadAll(refs);
  const targets = await Promise.all(refsOrBuiltins(refs).map((ref, i) => testTarget(ref, rulesets[i] as Ruleset, opts.alone === true)));
  // The tokenizers and matchers only for this command (`rules list` stays fast).
  const [{ createAnalyzerFor }, { compileRules }, { runExamples }] = await Promise.all([import('../text/analyzer-for.js'), import('../rules/compile.js'), import('../rules/examples.js')]);
  let passed = 0;
  let failed = 0;
  for (const { rs, parent } of targets) {
    const analyzer = await createAnalyzerFor(rs.language);
    const compiled = compileRules([rs], analyzer);
    const results = runExamples(compiled, analyzer, undefined, { explain: opts.explain === true });
    const bad = results.filter((r) => !r.passed);
    passed += results.length - bad.length;
    failed += bad.length;
    const withParent = parent ? c.dim(` (with the context cues of ${parent.id}, ${parent.file}, which extends it; --alone: without)`) : '';
    process.stdout.write(`${bad.length ? c.red('✖') : c.green('✔')} ${rs.id}: ${results.length - bad.length}/${results.length} examples pass${withParent}\n`);
    for (const r of bad) process.stdout.write(`  ${c.red(r.ruleId)} ${r.kind} example ${JSON.stringify(r.text)}: ${r.reason ?? ''}\n`);
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
