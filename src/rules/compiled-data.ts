/**
 * The compiled rules as plain JSON data and back, for the on-disk cache of compiled rulesets
 * (audit/compiled-cache.ts). Pure.
 */
import { Automaton, type AutomatonData } from './automaton.js';
import { combineRulesets, type CompiledCues, type CompiledMatcher, type CompiledRules, type Lexicon } from './compile.js';
import type { Ruleset } from './model.js';
import { compileLinear } from './regex.js';

/**
 * A compiled form as plain JSON data, for an on-disk cache: everything compileRules derived from
 * the rulesets with the analyser (the lexicon's automata above all), but not the rules themselves
 * (the rulesets are at hand where it is read back) nor the regular expressions' compiled programs
 * (only their sources: RE2 compiles them again in a moment).
 */
export type CompiledData = Omit<CompiledRules, 'rules' | 'matchers' | 'lexicon' | 'unless'> & {
  ruleCount: number;
  matchers: (Omit<CompiledMatcher, 'regex'> & { regex?: string })[];
  lexicon: Omit<Lexicon, 'surface' | 'lemma' | 'despaced'> & { surface: AutomatonData; lemma: AutomatonData; despaced?: AutomatonData };
  unless: (CompiledCues[] | null)[];
};

function lexiconToData({ despaced, ...lexicon }: Lexicon): CompiledData['lexicon'] {
  const data: CompiledData['lexicon'] = { ...lexicon, surface: lexicon.surface.toData(), lemma: lexicon.lemma.toData() };
  if (despaced) data.despaced = despaced.toData();
  return data;
}

export function compiledToData(c: CompiledRules): CompiledData {
  // Everything but the rules, the regular expressions' programs and the automata is plain data already.
  const { rules, matchers, lexicon, unless, ...plain } = c;
  return {
    ...plain,
    ruleCount: rules.length,
    matchers: matchers.map(({ regex, ...m }) => (regex ? { ...m, regex: regex.source } : m)),
    lexicon: lexiconToData(lexicon),
    // JSON has no undefined in arrays.
    unless: unless.map((u) => u ?? null),
  };
}

function lexiconFromData({ despaced, ...data }: CompiledData['lexicon']): Lexicon {
  const lexicon: Lexicon = { ...data, surface: Automaton.fromData<number>(data.surface), lemma: Automaton.fromData<string>(data.lemma) };
  if (despaced) lexicon.despaced = Automaton.fromData<number>(despaced);
  return lexicon;
}

/**
 * The compiled rules `data` was made from, given the same rulesets (the caller keys the data by
 * their content). Throws when the data does not fit them.
 */
export function compiledFromData(data: CompiledData, rulesets: readonly Ruleset[]): CompiledRules {
  const { rules } = combineRulesets(rulesets);
  const { ruleCount, matchers, lexicon, unless, ...plain } = data;
  if (ruleCount !== rules.length) throw new Error(`compiled data for ${ruleCount} rules, ${rules.length} given`);
  return {
    ...plain,
    rules,
    matchers: matchers.map(({ regex, ...m }) => (regex !== undefined ? { ...m, regex: compileLinear(regex) } : m)),
    lexicon: lexiconFromData(lexicon),
    unless: unless.map((u) => u ?? undefined),
  };
}
