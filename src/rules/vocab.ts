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

/** The lists a word of a list names: a whole `"{name}"`, or every list of a joined word. */
export function wordRefs(word: string): string[] {
  const whole = vocabName(word);
  if (whole !== undefined) return [whole];
  return (joinedParts(word) ?? []).flatMap((p) => ('list' in p ? [p.list] : []));
}

/** The names a pattern refers to. */
export function vocabRefs(pattern: string): string[] {
  return [...pattern.matchAll(VOCAB_REF)].map((m) => m[1] as string);
}

/** The pattern with every `{name}` expanded; names missing from `vocab` are returned instead. */
export function expandPattern(pattern: string, vocab: Vocab): { pattern: string; unknown: string[]; numbers: string[] } {
  const unknown: string[] = [];
  const numbers: string[] = [];
  const out = pattern.replace(VOCAB_REF, (whole, name: string) => {
    const words = vocab[name];
    if (!words) {
      unknown.push(name);
      return whole;
    }
    if (words.some(isNumberEntry)) numbers.push(name);
    return alternation(words.filter((w) => !isNumberEntry(w)));
  });
  return { pattern: out, unknown, numbers };
}

/** For checking a pattern's shape before the vocabulary is known: each `{name}` as one plain alternative. */
export function placeholderPattern(pattern: string): string {
  return pattern.replace(VOCAB_REF, '(?:x)');
}

/** A `{name}` reference (the whole string), or undefined for a plain word. */
export function vocabName(word: string): string | undefined {
  return /^\{([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(word.trim())?.[1];
}

/**
 * A number written among a list's words (`amount: [一点, {number: [斤]}]`, `{number: [kg], min: 3}`): where the list
 * stands as a seq element, it is one more alternative, the number (seq-syntax's mixed alternatives). Kept in the
 * list as one string no word can be (a NUL, then the object's JSON with its braces swapped out, so no join or list
 * reference reads inside it), so nested and inherited lists carry it as they carry words.
 */
export interface VocabNumber {
  number: true | string[];
  min?: number;
  max?: number;
}

const NUMBER_MARK = '\u0000';

/** A number entry as the string a list keeps. */
export function numberEntry(n: VocabNumber): string {
  return NUMBER_MARK + JSON.stringify(n).replace(/\{/g, '\u0001').replace(/\}/g, '\u0002');
}

/** The number a list's entry stands for, or undefined for a word. */
export function numberOfEntry(w: string): VocabNumber | undefined {
  if (!w.startsWith(NUMBER_MARK)) return undefined;
  return JSON.parse(w.slice(1).replace(/\u0001/g, '{').replace(/\u0002/g, '}')) as VocabNumber;
}

export const isNumberEntry = (w: string): boolean => w.startsWith(NUMBER_MARK);

/** A list's entry as its file wrote it: a word, or the number object. */
export const writtenEntry = (w: string): string | VocabNumber => numberOfEntry(w) ?? w;

/** A list's entry as a person reads it in a listing: the word, or the number as written (`{number: [斤], min: 3}`). */
export function entryText(e: string | VocabNumber): string {
  const n = typeof e === 'string' ? numberOfEntry(e) : e;
  if (!n) return e as string;
  const bounds = [...(n.min !== undefined ? [`min: ${n.min}`] : []), ...(n.max !== undefined ? [`max: ${n.max}`] : [])];
  return `{${[`number: ${n.number === true ? 'true' : `[${n.number.join(', ')}]`}`, ...bounds].join(', ')}}`;
}

/** Lists as their files write them: each entry a word, or the number object. */
export function writtenVocab(vocab: Vocab): Record<string, (string | VocabNumber)[]> {
  return Object.fromEntries(Object.entries(vocab).map(([n, ws]) => [n, ws.map(writtenEntry)]));
}

/** One part of a joined word: a vocab list's name (`{name?}`: its words or nothing), or characters written as they are. */
export type JoinedPart = { list: string; optional?: true } | { text: string };

/** A list's name in a joined word; a `?` after it makes the part optional (`"{media}{at?} {feat}"`). */
const JOIN_REF = /\{([A-Za-z_][A-Za-z0-9_-]*)(\?)?\}/g;

/** The most words one joined entry may stand for (`"{a}{b}"` is every word of a before every word of b). */
export const MAX_JOINED_WORDS = 5000;

/**
 * A word joined from lists and characters — `"{tonic}{organ}"` (every tonic verb before every organ: 健脾, 补肝肾),
 * `"去{spot}"`, `"{symptom} 개선"`, `"{media}{at?} {feat}"` (the particle or none) — as its parts in order; undefined
 * for a plain word, a whole `"{name}"`, or a word whose braces are not all whole `{name}`s (the parser reports that one).
 */
export function joinedParts(word: string): JoinedPart[] | undefined {
  if (vocabName(word) !== undefined || !word.includes('{')) return undefined;
  const parts: JoinedPart[] = [];
  let last = 0;
  for (const m of word.matchAll(JOIN_REF)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: word.slice(last, at) });
    parts.push(m[2] ? { list: m[1] as string, optional: true } : { list: m[1] as string });
    last = at + m[0].length;
  }
  if (last < word.length) parts.push({ text: word.slice(last) });
  return parts.some((p) => 'text' in p && /[{}]/.test(p.text)) || !parts.some((p) => 'list' in p) ? undefined : parts;
}

/**
 * Every word a joined entry stands for, the lists' words taken from `listWords` (undefined: no such list, named in
 * `unknown`). More than MAX_JOINED_WORDS words is a mistake (`tooMany`), not a list anyone could review.
 */
export function joinedWords(parts: readonly JoinedPart[], listWords: (name: string) => readonly string[] | undefined): { words: string[]; unknown: string[]; tooMany?: number; numbers?: string } {
  const unknown: string[] = [];
  let size = 1;
  let numbers: string | undefined;
  const choices = parts.map((p) => {
    if ('text' in p) return [p.text];
    const words = listWords(p.list);
    if (!words) unknown.push(p.list);
    if (words?.some(isNumberEntry)) numbers ??= p.list;
    const choices = p.optional ? [...(words ?? []), ''] : (words ?? []);
    size *= choices.length;
    return choices;
  });
  if (unknown.length > 0) return { words: [], unknown };
  if (numbers !== undefined) return { words: [], unknown, numbers };
  if (size > MAX_JOINED_WORDS) return { words: [], unknown, tooMany: size };
  let out = [''];
  for (const c of choices) out = out.flatMap((head) => c.map((w) => head + w));
  // Optional parts all left out of a join that is nothing else would make an empty word.
  return { words: out.filter((w) => w.length > 0), unknown };
}

/** The words a joined entry stands for, or what is wrong with it, in the words a loader reports. */
function joinedOrProblem(word: string, parts: readonly JoinedPart[], listWords: (name: string) => readonly string[] | undefined): { words: string[]; unknown: string[]; problem?: string } {
  const r = joinedWords(parts, listWords);
  if (r.numbers !== undefined) return { ...r, problem: `"${word}" joins {${r.numbers}}, which holds a number ({number: …}): a number cannot be joined to characters; use the list as a seq element of its own` };
  return r.tooMany === undefined ? r : { ...r, problem: `"${word}" joins lists into ${r.tooMany} words, more than ${MAX_JOINED_WORDS}: join shorter lists, or split the entry` };
}

/**
 * A word list with every `"{name}"` entry replaced by that vocab list's words, and every joined entry
 * (`"{tonic}{organ}"`) by the words it stands for; unknown names returned, and joins too large to review as `problems`
 * (with the entry's index).
 */
export function expandWords(words: readonly string[], vocab: Vocab): { words: string[]; unknown: string[]; problems: { index: number; reason: string }[] } {
  const out: string[] = [];
  const unknown: string[] = [];
  const problems: { index: number; reason: string }[] = [];
  for (const [index, w] of words.entries()) {
    const name = vocabName(w);
    const parts = name === undefined ? joinedParts(w) : undefined;
    if (parts) {
      const r = joinedOrProblem(w, parts, (n) => vocab[n]);
      out.push(...r.words);
      unknown.push(...r.unknown);
      if (r.problem) problems.push({ index, reason: r.problem });
    } else if (name === undefined) out.push(w);
    else if (vocab[name]) out.push(...(vocab[name] as string[]));
    else unknown.push(name);
  }
  return { words: [...new Set(out)], unknown, problems };
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
    // The words of list `ref` named at entry i, or undefined (reported) when it is unknown or reaches this list again.
    const named = (ref: string, i: number): string[] | undefined => {
      if (path.includes(ref)) problem(name, i, `vocab list "${name}" names "{${ref}}", which names "${name}" again: lists cannot contain themselves${ref === name ? ' (a list names itself only to extend the list of that name a ruleset it extends defines)' : ''}`);
      else if (!out[ref]) problem(name, i, `vocab list "${name}" names "{${ref}}", but no vocab list "${ref}" is defined in this ruleset or one it extends`);
      else return resolve(ref, [...path, ref]);
      return undefined;
    };
    words.forEach((w, i) => {
      const ref = vocabName(w);
      const parts = ref === undefined ? joinedParts(w) : undefined;
      if (parts) {
        // A list `named` reported stands for no words here.
        const r = joinedOrProblem(w, parts, (n) => named(n, i) ?? []);
        if (r.problem) problem(name, i, r.problem);
        else flat.push(...r.words);
      } else if (ref === undefined) flat.push(w);
      else flat.push(...(named(ref, i) ?? []));
    });
    done.add(name);
    return (out[name] = [...new Set(flat)]);
  };
  for (const name of names) resolve(name, [name]);
  return out;
}
