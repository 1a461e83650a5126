/**
 * Aho–Corasick over sequences of symbols (characters, or token base forms): every pattern of
 * every rule is found in one pass, so the cost of a scan does not grow with the number of rules.
 * Characters are best given as UTF-16 code units (numbers): `searchCodes` then walks a string
 * without making a one-character string per position.
 *
 * Built, the automaton is a handful of integer arrays (edges sorted per state, failure links,
 * outputs and output links), not an object per state: read back from the on-disk cache it is
 * one buffer decoded, where a Map per state cost ~150 ms and most of a one-cue audit's garbage.
 */

export interface AutomatonHit {
  /** Symbol index where the match starts (inclusive) and ends (exclusive). */
  start: number;
  end: number;
  value: number;
}

/**
 * A built automaton as plain data (for an on-disk cache): the string symbols in id order (null
 * for code units), the array sizes, and the arrays as one base64 block of 32-bit integers (or
 * those bytes as they are, from a binary cache entry).
 */
export interface AutomatonData {
  symbols: string[] | null;
  states: number;
  edges: number;
  outputs: number;
  bin: string | Uint8Array;
}

/** The arrays, in the order they are laid out in `bin`. */
interface Arrays {
  /** Per state (+1): where its edges start in edgeSym/edgeTo (sorted by symbol). */
  edgeStart: Int32Array;
  edgeSym: Int32Array;
  edgeTo: Int32Array;
  fail: Int32Array;
  /** Per state (+1): where its own outputs start in outLen/outVal. */
  outStart: Int32Array;
  outLen: Int32Array;
  outVal: Int32Array;
  /** Per state: the nearest state down its failure chain with outputs of its own, or -1. */
  outLink: Int32Array;
}

function layout(states: number, edges: number, outputs: number): [keyof Arrays, number][] {
  return [
    ['edgeStart', states + 1],
    ['edgeSym', edges],
    ['edgeTo', edges],
    ['fail', states],
    ['outStart', states + 1],
    ['outLen', outputs],
    ['outVal', outputs],
    ['outLink', states],
  ];
}

export class Automaton<S extends string | number = string> {
  private readonly a: Arrays;
  /** String symbols → ids (empty for code units, which are their own ids). */
  private readonly symbolIds: Map<string, number>;
  private readonly symbols: string[] | null;
  /** The root's edges as a table by symbol (-1: none). */
  private readonly root: Int32Array;
  private longest = -1;

  constructor(patterns: readonly { key: readonly S[]; value: number }[]);
  constructor(patterns: null, data: AutomatonData);
  constructor(patterns: readonly { key: readonly S[]; value: number }[] | null, data?: AutomatonData) {
    if (patterns === null) {
      const d = data as AutomatonData;
      this.symbols = d.symbols;
      this.symbolIds = new Map((d.symbols ?? []).map((s, i) => [s, i]));
      this.a = decode(d);
    } else {
      const built = build(patterns);
      this.symbols = built.symbols;
      this.symbolIds = built.symbolIds;
      this.a = built.arrays;
    }
    const { edgeStart, edgeSym, edgeTo } = this.a;
    let max = -1;
    for (let i = edgeStart[0] as number; i < (edgeStart[1] as number); i++) max = Math.max(max, edgeSym[i] as number);
    this.root = new Int32Array(max + 1).fill(-1);
    for (let i = edgeStart[0] as number; i < (edgeStart[1] as number); i++) this.root[edgeSym[i] as number] = edgeTo[i] as number;
  }

  /** An automaton exactly as `toData` saw it, without building or linking again. */
  static fromData<S extends string | number = string>(data: AutomatonData): Automaton<S> {
    return new Automaton<S>(null, data);
  }

  /** The length (in symbols) of the longest pattern. */
  get maxLength(): number {
    if (this.longest < 0) {
      // A loop, not reduce with a callback: this runs once per process over ~10^5 outputs, before
      // the callback is optimised (the reduce took ~20–40 ms of a cold run).
      const len = this.a.outLen;
      let m = 0;
      for (let i = 0; i < len.length; i++) if ((len[i] as number) > m) m = len[i] as number;
      this.longest = m;
    }
    return this.longest;
  }

  toData(): AutomatonData {
    const parts = layout(this.a.fail.length, this.a.edgeSym.length, this.a.outLen.length);
    const all = new Int32Array(parts.reduce((n, [, len]) => n + len, 0));
    let at = 0;
    for (const [name] of parts) {
      all.set(this.a[name], at);
      at += this.a[name].length;
    }
    return { symbols: this.symbols, states: this.a.fail.length, edges: this.a.edgeSym.length, outputs: this.a.outLen.length, bin: Buffer.from(all.buffer).toString('base64') };
  }

  /** One step from state `s` on symbol id `sym` (failure links followed; -1 is a symbol no edge has). */
  private step(s: number, sym: number): number {
    if (sym < 0) return 0;
    const { edgeStart, edgeSym, edgeTo, fail } = this.a;
    for (;;) {
      if (s === 0) {
        const n = sym < this.root.length ? (this.root[sym] as number) : -1;
        return n < 0 ? 0 : n;
      }
      let lo = edgeStart[s] as number;
      let hi = (edgeStart[s + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = edgeSym[mid] as number;
        if (v === sym) return edgeTo[mid] as number;
        if (v < sym) lo = mid + 1;
        else hi = mid - 1;
      }
      s = fail[s] as number;
    }
  }

  /** Every pattern ending at symbol index `i` (exclusive end `i + 1`) in state `s`. */
  private emit(s: number, i: number, hits: AutomatonHit[]): void {
    const { outStart, outLen, outVal, outLink } = this.a;
    for (let t = (outStart[s + 1] as number) > (outStart[s] as number) ? s : (outLink[s] as number); t >= 0; t = outLink[t] as number) {
      for (let k = outStart[t] as number; k < (outStart[t + 1] as number); k++) hits.push({ start: i + 1 - (outLen[k] as number), end: i + 1, value: outVal[k] as number });
    }
  }

  search(seq: ArrayLike<S>): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    let s = 0;
    for (let i = 0; i < seq.length; i++) {
      const sym = seq[i] as S;
      s = this.step(s, typeof sym === 'number' ? sym : (this.symbolIds.get(sym) ?? -1));
      this.emit(s, i, hits);
    }
    return hits;
  }

  /** Whether any pattern occurs in `text` (code units), stopping at the first. */
  containsCodes(this: Automaton<number>, text: string): boolean {
    const { outStart, outLink } = this.a;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      if ((outStart[s + 1] as number) > (outStart[s] as number) || (outLink[s] as number) >= 0) return true;
    }
    return false;
  }

  /**
   * Whether a pattern occurs in `text` (code units) starting before index `at` and ending after it:
   * `searchCodes` filtered to the hits that cross `at`, without an object per hit, stopping at the first.
   */
  crossesCodes(this: Automaton<number>, text: string, at: number): boolean {
    const { outStart, outLen, outLink } = this.a;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      // A hit ending here (exclusive end i + 1) crosses `at` when it ends after it and is longer than i + 1 - at.
      if (i < at) continue;
      for (let t = (outStart[s + 1] as number) > (outStart[s] as number) ? s : (outLink[s] as number); t >= 0; t = outLink[t] as number) {
        for (let k = outStart[t] as number; k < (outStart[t + 1] as number); k++) if ((outLen[k] as number) > i + 1 - at) return true;
      }
    }
    return false;
  }

  /**
   * `searchCodes` without an object per hit (a segment has a few hundred hits, most of them off
   * token boundaries and dropped at once): the hits, in the same order, in `into`'s arrays, grown
   * as needed. Returns the number of hits.
   */
  searchCodesInto(this: Automaton<number>, text: string, into: HitBuffer): number {
    let s = 0;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      n = this.emitInto(s, i, into, n);
    }
    return n;
  }

  /** Like `emit`, into a hit buffer from index `n`; returns the new count. */
  private emitInto(s: number, i: number, into: HitBuffer, n: number): number {
    const { outStart, outLen, outVal, outLink } = this.a;
    for (let t = (outStart[s + 1] as number) > (outStart[s] as number) ? s : (outLink[s] as number); t >= 0; t = outLink[t] as number) {
      for (let k = outStart[t] as number; k < (outStart[t + 1] as number); k++) {
        if (n === into.start.length) into.grow();
        into.start[n] = i + 1 - (outLen[k] as number);
        into.end[n] = i + 1;
        into.value[n++] = outVal[k] as number;
      }
    }
    return n;
  }

  /** `search` over the UTF-16 code units of `text`, for an automaton whose symbols are code units. */
  searchCodes(this: Automaton<number>, text: string): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      this.emit(s, i, hits);
    }
    return hits;
  }
}

/** Hits as three parallel arrays, reused from one search to the next. */
export class HitBuffer {
  start = new Int32Array(256);
  end = new Int32Array(256);
  value = new Int32Array(256);

  grow(): void {
    const more = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.value = more(this.value);
  }
}

function decode(d: AutomatonData): Arrays {
  const raw = typeof d.bin === 'string' ? Buffer.from(d.bin, 'base64') : d.bin;
  const parts = layout(d.states, d.edges, d.outputs);
  const total = parts.reduce((n, [, len]) => n + len, 0);
  if (raw.byteLength !== total * 4) throw new Error(`automaton data: ${raw.byteLength} bytes, expected ${total * 4}`);
  // A copy, so that the integers are aligned whatever the offset of the decoded bytes.
  const all = new Int32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const out = {} as Arrays;
  let at = 0;
  for (const [name, len] of parts) {
    out[name] = all.subarray(at, at + len);
    at += len;
  }
  return out;
}

/** Builds the trie with Maps, links it (BFS), and lays it out as arrays. */
function build<S extends string | number>(patterns: readonly { key: readonly S[]; value: number }[]): { arrays: Arrays; symbols: string[] | null; symbolIds: Map<string, number> } {
  const symbolIds = new Map<string, number>();
  let stringSymbols = false;
  const id = (sym: S): number => {
    if (typeof sym === 'number') return sym;
    stringSymbols = true;
    let v = symbolIds.get(sym);
    if (v === undefined) symbolIds.set(sym, (v = symbolIds.size));
    return v;
  };
  const next: Map<number, number>[] = [new Map()];
  const own: { length: number; value: number }[][] = [[]];
  for (const { key, value } of patterns) {
    if (key.length === 0) continue;
    let s = 0;
    for (const sym of key) {
      const c = id(sym);
      let n = (next[s] as Map<number, number>).get(c);
      if (n === undefined) {
        n = next.length;
        next.push(new Map());
        own.push([]);
        (next[s] as Map<number, number>).set(c, n);
      }
      s = n;
    }
    (own[s] as { length: number; value: number }[]).push({ length: key.length, value });
  }
  const n = next.length;
  const fail = new Int32Array(n);
  const outLink = new Int32Array(n).fill(-1);
  const queue: number[] = [...(next[0] as Map<number, number>).values()];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] as number;
    for (const [sym, child] of next[s] as Map<number, number>) {
      queue.push(child);
      let f = fail[s] as number;
      while (f !== 0 && !(next[f] as Map<number, number>).has(sym)) f = fail[f] as number;
      const target = (next[f] as Map<number, number>).get(sym);
      const cf = target !== undefined && target !== child ? target : 0;
      fail[child] = cf;
      outLink[child] = (own[cf] as unknown[]).length > 0 ? cf : (outLink[cf] as number);
    }
  }
  const edges = next.reduce((k, m) => k + m.size, 0);
  const outputs = own.reduce((k, o) => k + o.length, 0);
  const a: Arrays = {
    edgeStart: new Int32Array(n + 1),
    edgeSym: new Int32Array(edges),
    edgeTo: new Int32Array(edges),
    fail,
    outStart: new Int32Array(n + 1),
    outLen: new Int32Array(outputs),
    outVal: new Int32Array(outputs),
    outLink,
  };
  let e = 0;
  let o = 0;
  for (let s = 0; s < n; s++) {
    a.edgeStart[s] = e;
    for (const [sym, to] of [...(next[s] as Map<number, number>)].sort((x, y) => x[0] - y[0])) {
      a.edgeSym[e] = sym;
      a.edgeTo[e++] = to;
    }
    a.outStart[s] = o;
    for (const out of own[s] as { length: number; value: number }[]) {
      a.outLen[o] = out.length;
      a.outVal[o++] = out.value;
    }
  }
  a.edgeStart[n] = e;
  a.outStart[n] = o;
  return { arrays: a, symbols: stringSymbols ? [...symbolIds.keys()] : null, symbolIds };
}

/** The UTF-16 code units of a string: the symbols of a character automaton. */
export function codeUnits(s: string): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
