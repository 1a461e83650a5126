/**
 * Aho–Corasick over sequences of symbols (characters, or token base forms): every pattern of
 * every rule is found in one pass, so the cost of a scan does not grow with the number of rules.
 * Characters are best given as UTF-16 code units (numbers): `searchCodes` then walks a string
 * without making a one-character string per position.
 */
interface State<T, S> {
  next: Map<S, number>;
  fail: number;
  /** Patterns ending here: their length (in symbols) and payload. */
  out: { length: number; value: T }[];
}

export interface AutomatonHit<T> {
  /** Symbol index where the match starts (inclusive) and ends (exclusive). */
  start: number;
  end: number;
  value: T;
}

/**
 * A built automaton as plain data (for an on-disk cache): per state, its failure link, its edges
 * (symbol, child, …) and its outputs (length, value, …), links already followed.
 */
export type AutomatonData<T, S extends string | number = string> = [fail: number, edges: (S | number)[], out: (number | T)[]][];

export class Automaton<T, S extends string | number = string> {
  private states: State<T, S>[] = [{ next: new Map(), fail: 0, out: [] }];

  /** An automaton exactly as `toData` saw it, without building or linking again. */
  static fromData<T, S extends string | number = string>(data: AutomatonData<T, S>): Automaton<T, S> {
    const a = new Automaton<T, S>([]);
    a.states = data.map(([fail, edges, out]) => {
      const next = new Map<S, number>();
      for (let i = 0; i < edges.length; i += 2) next.set(edges[i] as S, edges[i + 1] as number);
      const o: { length: number; value: T }[] = [];
      for (let i = 0; i < out.length; i += 2) o.push({ length: out[i] as number, value: out[i + 1] as T });
      return { next, fail, out: o };
    });
    return a;
  }

  private longest: number | undefined;

  /** The length (in symbols) of the longest pattern. */
  get maxLength(): number {
    if (this.longest === undefined) {
      let m = 0;
      for (const st of this.states) for (const o of st.out) if (o.length > m) m = o.length;
      this.longest = m;
    }
    return this.longest;
  }

  toData(): AutomatonData<T, S> {
    return this.states.map((st) => [st.fail, [...st.next].flat(), st.out.flatMap((o) => [o.length, o.value])]);
  }

  constructor(patterns: Iterable<{ key: readonly NoInfer<S>[]; value: T }>) {
    for (const { key, value } of patterns) {
      if (key.length === 0) continue;
      let s = 0;
      for (const sym of key) {
        const st = this.states[s] as State<T, S>;
        let n = st.next.get(sym);
        if (n === undefined) {
          n = this.states.length;
          this.states.push({ next: new Map(), fail: 0, out: [] });
          st.next.set(sym, n);
        }
        s = n;
      }
      (this.states[s] as State<T, S>).out.push({ length: key.length, value });
    }
    this.link();
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of (this.states[0] as State<T, S>).next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const st = this.states[s] as State<T, S>;
      for (const [sym, child] of st.next) {
        queue.push(child);
        let f = st.fail;
        while (f !== 0 && !(this.states[f] as State<T, S>).next.has(sym)) f = (this.states[f] as State<T, S>).fail;
        const target = (this.states[f] as State<T, S>).next.get(sym);
        const cs = this.states[child] as State<T, S>;
        cs.fail = target !== undefined && target !== child ? target : 0;
        cs.out = [...cs.out, ...(this.states[cs.fail] as State<T, S>).out];
      }
    }
  }

  /** One step from state `s` on `sym` (failure links followed). */
  private step(s: number, sym: S): number {
    const states = this.states;
    for (;;) {
      const st = states[s] as State<T, S>;
      const n = st.next.get(sym);
      if (n !== undefined) return n;
      if (s === 0) return 0;
      s = st.fail;
    }
  }

  search(seq: ArrayLike<S>): AutomatonHit<T>[] {
    const hits: AutomatonHit<T>[] = [];
    let s = 0;
    for (let i = 0; i < seq.length; i++) {
      s = this.step(s, seq[i] as S);
      for (const o of (this.states[s] as State<T, S>).out) hits.push({ start: i + 1 - o.length, end: i + 1, value: o.value });
    }
    return hits;
  }

  /** `search` over the UTF-16 code units of `text`, for an automaton whose symbols are code units. */
  searchCodes(this: Automaton<T, number>, text: string): AutomatonHit<T>[] {
    const hits: AutomatonHit<T>[] = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      const out = (this.states[s] as State<T, number>).out;
      for (let k = 0; k < out.length; k++) {
        const o = out[k] as { length: number; value: T };
        hits.push({ start: i + 1 - o.length, end: i + 1, value: o.value });
      }
    }
    return hits;
  }
}

/** The UTF-16 code units of a string: the symbols of a character automaton. */
export function codeUnits(s: string): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
