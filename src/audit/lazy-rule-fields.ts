/**
 * A ruleset cache entry in two parts, so that an audit with a warm cache does not parse what it
 * never reads. The bulk of a loaded ruleset is its rules' word lists (`match`), their `examples`
 * and their `unless` cues: two thirds of the entry, which only compiling, `rules show` and
 * `rules test` read (an audit with a warm compiled cache has them compiled already). The entry
 * file is one line of JSON (everything else, and per rule the names of the fields left out), a
 * line break, then a JSON array of those fields per rule. Reading parses the first line only; the
 * fields left out are getters that parse the rest of the same file's bytes at the first read of any
 * of them, so every command still sees every field (JSON.stringify, spreads and deep equality read
 * them through the getters).
 */
import type { Rule, Ruleset } from '../rules/model.js';

/** The rule fields kept out of an entry's first line. */
export const LAZY_RULE_FIELDS = ['match', 'examples', 'unless'] as const;

/** Per rule: the fields left out of the first line (only those the rule has). */
export type LazyNames = string[][];

/** What goes on an entry's first line and after it. */
export interface SplitRuleset {
  ruleset: Ruleset;
  lazy: LazyNames;
  rest: Record<string, unknown>[];
}

/** The ruleset without its rules' lazy fields, the names left out per rule, and the fields themselves. */
export function splitRuleset(ruleset: Ruleset): SplitRuleset {
  const lazy: LazyNames = [];
  const rest: Record<string, unknown>[] = [];
  const rules = ruleset.rules.map((rule) => {
    const head: Record<string, unknown> = {};
    const tail: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rule)) ((LAZY_RULE_FIELDS as readonly string[]).includes(k) ? tail : head)[k] = v;
    lazy.push(Object.keys(tail));
    rest.push(tail);
    return head as unknown as Rule;
  });
  return { ruleset: { ...ruleset, rules }, lazy, rest };
}

/**
 * Give the rules of `ruleset` (read from an entry's first line) their lazy fields back, as getters
 * that call `readRest` once (for all rules) at the first read of any of them. A rule's fields keep
 * their order (the lazy ones come after the others, as in a loaded rule they may not; nothing
 * depends on the order). Returns false when the names do not fit the rules (a damaged entry).
 */
export function attachLazyFields(ruleset: Ruleset, lazy: unknown, readRest: () => unknown): boolean {
  const rules: unknown = ruleset.rules;
  if (!Array.isArray(rules) || !Array.isArray(lazy) || lazy.length !== rules.length) return false;
  let rest: Record<string, unknown>[] | undefined;
  const fields = (i: number): Record<string, unknown> => {
    if (!rest) {
      const read = readRest();
      if (!Array.isArray(read) || read.length !== rules.length) throw new Error('ruleset cache entry: the rules\u2019 fields do not fit its rules');
      rest = read as Record<string, unknown>[];
    }
    return rest[i] ?? {};
  };
  (rules as Record<string, unknown>[]).forEach((rule, i) => {
    const names: unknown = lazy[i];
    if (!Array.isArray(names)) return;
    for (const name of names) {
      if (typeof name !== 'string') continue;
      Object.defineProperty(rule, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const v = fields(i)[name];
          Object.defineProperty(rule, name, { configurable: true, enumerable: true, writable: true, value: v });
          return v;
        },
        set: (v: unknown) => {
          Object.defineProperty(rule, name, { configurable: true, enumerable: true, writable: true, value: v });
        },
      });
    }
  });
  return true;
}
