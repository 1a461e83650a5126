/**
 * Word lists a ruleset names once and its patterns use by name: `{disease}` in a pattern stands for
 * any word of `vocab.disease`, as a non-capturing alternation of the escaped words (longest first).
 * A list of 200 disease names then lives in one place instead of six patterns, and the 500-character
 * limit applies to the pattern as written. Pure.
 */
export type Vocab = Readonly<Record<string, readonly string[]>>;

/**
 * `{name}`: a letter first, so regex quantifiers like `{2}` or `{1,3}` are never mistaken for one,
 * and not after `\p` / `\P`, so a Unicode property such as `\p{L}` is not a vocab reference.
 */
export const VOCAB_REF = /(?<!\\[pP])\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function alternation(words: readonly string[]): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${sorted.map(escape).join('|')})`;
}

/** The names a pattern refers to. */
export function vocabRefs(pattern: string): string[] {
  return [...pattern.matchAll(VOCAB_REF)].map((m) => m[1] as string);
}

/** The pattern with every `{name}` expanded; names missing from `vocab` are returned instead. */
export function expandPattern(pattern: string, vocab: Vocab): { pattern: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = pattern.replace(VOCAB_REF, (whole, name: string) => {
    const words = vocab[name];
    if (!words) {
      unknown.push(name);
      return whole;
    }
    return alternation(words);
  });
  return { pattern: out, unknown };
}

/** For checking a pattern's shape before the vocabulary is known: each `{name}` as one plain alternative. */
export function placeholderPattern(pattern: string): string {
  return pattern.replace(VOCAB_REF, '(?:x)');
}

/** A `{name}` reference (the whole string), or undefined for a plain word. */
export function vocabName(word: string): string | undefined {
  return /^\{([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(word.trim())?.[1];
}

/** A word list with every `"{name}"` entry replaced by that vocab list's words; unknown names returned. */
export function expandWords(words: readonly string[], vocab: Vocab): { words: string[]; unknown: string[] } {
  const out: string[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const name = vocabName(w);
    if (name === undefined) out.push(w);
    else if (vocab[name]) out.push(...(vocab[name] as string[]));
    else unknown.push(name);
  }
  return { words: [...new Set(out)], unknown };
}

/**
 * Vocab lists may name other lists (`complaint: ["{disease}", "{symptom}", 결림]`): the lists with every
 * such entry replaced by the named list's words, through any depth. `names` are the lists to expand
 * (a file's own; those it extends came expanded); a name no list defines, or a list that reaches
 * itself, is reported through `problem` with the list and entry it was found at.
 */
export function expandNestedVocab(vocab: Vocab, names: readonly string[], problem: (list: string, index: number, reason: string) => void): Record<string, string[]> {
  const out: Record<string, string[]> = { ...vocab } as Record<string, string[]>;
  const done = new Set<string>();
  // `path`: the lists being expanded, outermost first, `name` last.
  const resolve = (name: string, path: readonly string[]): string[] => {
    const words = out[name] ?? [];
    if (done.has(name)) return words;
    const flat: string[] = [];
    words.forEach((w, i) => {
      const ref = vocabName(w);
      if (ref === undefined) flat.push(w);
      else if (path.includes(ref)) problem(name, i, `vocab list "${name}" names "{${ref}}", which names "${name}" again: lists cannot contain themselves`);
      else if (!out[ref]) problem(name, i, `vocab list "${name}" names "{${ref}}", but no vocab list "${ref}" is defined in this ruleset or one it extends`);
      else flat.push(...resolve(ref, [...path, ref]));
    });
    done.add(name);
    return (out[name] = [...new Set(flat)]);
  };
  for (const name of names) resolve(name, [name]);
  return out;
}
