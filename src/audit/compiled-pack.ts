/**
 * A compiled-rules cache entry as bytes: a little-endian uint32 (the length of a JSON head), the
 * head, then binary sections, each at an offset that is a multiple of 8 from the end of the head
 * (padded). The head is the compiled data (rules/compiled-data.ts) with its biggest parts moved
 * into sections: the automata's integer arrays (base64 in JSON: ~3.4 MB of the jp entry's 4.9 MB,
 * parsed and decoded on every warm run) and each literal's atoms (~19,000 small JSON arrays), as
 * two integer arrays (where each literal's atoms start, and the atoms). Reading back parses the
 * head only and takes the sections as they are.
 */
import type { AutomatonData } from '../rules/automaton.js';
import type { CompiledData } from '../rules/compiled-data.js';

/** One entry: what the cache keys it by, and the compiled data. */
export interface CompiledEntry {
  layout: number;
  key: string;
  data: CompiledData;
}

/** An automaton in the head: `bin` is a section number. */
type PackedAutomaton = Omit<AutomatonData, 'bin'> & { bin: number };

interface PackedLexicon extends Omit<CompiledData['lexicon'], 'surface' | 'lemma' | 'despaced' | 'literalAtoms'> {
  surface: PackedAutomaton;
  lemma: PackedAutomaton;
  despaced?: PackedAutomaton;
  literalAtoms: { starts: number; atoms: number };
}

interface Head {
  layout: number;
  key: string;
  data: Omit<CompiledData, 'lexicon'> & { lexicon: PackedLexicon };
  /** Per section: its offset after the head and its length in bytes. */
  sections: [number, number][];
}

const align8 = (n: number) => (n + 7) & ~7;

const bytesOf = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The integers of a section (a copy only when the bytes are not 4-aligned in memory). */
function int32s(b: Uint8Array): Int32Array {
  if (b.byteLength % 4 !== 0) throw new Error('compiled cache entry: a section of integers has a broken length');
  if (b.byteOffset % 4 === 0) return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  return new Int32Array(b.slice().buffer);
}

/** Lists of integers as where each starts (one more than lists) and all of them in a row. */
export function flatten(lists: readonly (readonly number[])[]): { starts: Int32Array; values: Int32Array } {
  const starts = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = (starts[i] as number) + (lists[i] as readonly number[]).length;
  const values = new Int32Array(starts[lists.length] as number);
  lists.forEach((l, i) => values.set(l, starts[i] as number));
  return { starts, values };
}

/** The lists `flatten` was given. */
export function unflatten(starts: Int32Array, values: Int32Array): number[][] {
  const out: number[][] = new Array<number[]>(Math.max(0, starts.length - 1));
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (from < 0 || to < from || to > values.length) throw new Error('compiled cache entry: a list out of bounds');
    const list: number[] = [];
    for (let j = from; j < to; j++) list.push(values[j] as number);
    out[i] = list;
  }
  return out;
}

export function packCompiled(entry: CompiledEntry): Uint8Array {
  const sections: Uint8Array[] = [];
  const put = (b: Uint8Array) => sections.push(b) - 1;
  const automaton = (a: AutomatonData): PackedAutomaton => ({ ...a, bin: put(typeof a.bin === 'string' ? Buffer.from(a.bin, 'base64') : a.bin) });
  const { surface, lemma, despaced, literalAtoms, ...lexicon } = entry.data.lexicon;
  const flat = flatten(literalAtoms);
  const packed: PackedLexicon = { ...lexicon, surface: automaton(surface), lemma: automaton(lemma), literalAtoms: { starts: put(bytesOf(flat.starts)), atoms: put(bytesOf(flat.values)) } };
  if (despaced) packed.despaced = automaton(despaced);
  let at = 0;
  const places = sections.map((s): [number, number] => {
    const place: [number, number] = [at, s.byteLength];
    at = align8(at + s.byteLength);
    return place;
  });
  const head: Head = { layout: entry.layout, key: entry.key, data: { ...entry.data, lexicon: packed }, sections: places };
  const text = Buffer.from(JSON.stringify(head), 'utf8');
  const base = align8(4 + text.byteLength);
  const out = Buffer.alloc(base + at);
  out.writeUInt32LE(text.byteLength, 0);
  text.copy(out, 4);
  sections.forEach((s, i) => out.set(s, base + (places[i] as [number, number])[0]));
  return out;
}

/** The entry `packCompiled` made these bytes from; throws when they are not one. */
export function unpackCompiled(bytes: Buffer): CompiledEntry {
  const length = bytes.readUInt32LE(0);
  if (4 + length > bytes.byteLength) throw new Error('compiled cache entry: cut short');
  const head = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Head;
  const base = align8(4 + length);
  const section = (i: number): Uint8Array => {
    const place = head.sections[i];
    if (!place || base + place[0] + place[1] > bytes.byteLength) throw new Error('compiled cache entry: a section out of bounds');
    return bytes.subarray(base + place[0], base + place[0] + place[1]);
  };
  const automaton = (a: PackedAutomaton): AutomatonData => ({ ...a, bin: section(a.bin) });
  const { surface, lemma, despaced, literalAtoms, ...lexicon } = head.data.lexicon;
  const data: CompiledData = {
    ...head.data,
    lexicon: { ...lexicon, surface: automaton(surface), lemma: automaton(lemma), literalAtoms: unflatten(int32s(section(literalAtoms.starts)), int32s(section(literalAtoms.atoms))) },
  };
  if (despaced) data.lexicon.despaced = automaton(despaced);
  return { layout: head.layout, key: head.key, data };
}
