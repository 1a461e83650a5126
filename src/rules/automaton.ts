/**
 * Aho–Corasick over sequences of symbols (characters, or token base forms): every pattern of
 * every rule is found in one pass, so the cost of a scan does not grow with the number of rules.
 */
interface State<T> {
  next: Map<string, number>;
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
export type AutomatonData<T> = [fail: number, edges: (string | number)[], out: (number | T)[]][];

export class Automaton<T> {
  private states: State<T>[] = [{ next: new Map(), fail: 0, out: [] }];

  /** An automaton exactly as `toData` saw it, without building or linking again. */
  static fromData<T>(data: AutomatonData<T>): Automaton<T> {
    const a = new Automaton<T>([]);
    a.states = data.map(([fail, edges, out]) => {
      const next = new Map<string, number>();
      for (let i = 0; i < edges.length; i += 2) next.set(edges[i] as string, edges[i + 1] as number);
      const o: { length: number; value: T }[] = [];
      for (let i = 0; i < out.length; i += 2) o.push({ length: out[i] as number, value: out[i + 1] as T });
      return { next, fail, out: o };
    });
    return a;
  }

  toData(): AutomatonData<T> {
    return this.states.map((st) => [st.fail, [...st.next].flat(), st.out.flatMap((o) => [o.length, o.value])]);
  }

  constructor(patterns: Iterable<{ key: readonly string[]; value: T }>) {
    for (const { key, value } of patterns) {
      if (key.length === 0) continue;
      let s = 0;
      for (const sym of key) {
        const st = this.states[s] as State<T>;
        let n = st.next.get(sym);
        if (n === undefined) {
          n = this.states.length;
          this.states.push({ next: new Map(), fail: 0, out: [] });
          st.next.set(sym, n);
        }
        s = n;
      }
      (this.states[s] as State<T>).out.push({ length: key.length, value });
    }
    this.link();
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of (this.states[0] as State<T>).next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const st = this.states[s] as State<T>;
      for (const [sym, child] of st.next) {
        queue.push(child);
        let f = st.fail;
        while (f !== 0 && !(this.states[f] as State<T>).next.has(sym)) f = (this.states[f] as State<T>).fail;
        const target = (this.states[f] as State<T>).next.get(sym);
        const cs = this.states[child] as State<T>;
        cs.fail = target !== undefined && target !== child ? target : 0;
        cs.out = [...cs.out, ...(this.states[cs.fail] as State<T>).out];
      }
    }
  }

  search(seq: readonly string[]): AutomatonHit<T>[] {
    const hits: AutomatonHit<T>[] = [];
    let s = 0;
    for (let i = 0; i < seq.length; i++) {
      const sym = seq[i] as string;
      while (s !== 0 && !(this.states[s] as State<T>).next.has(sym)) s = (this.states[s] as State<T>).fail;
      s = (this.states[s] as State<T>).next.get(sym) ?? 0;
      for (const o of (this.states[s] as State<T>).out) hits.push({ start: i + 1 - o.length, end: i + 1, value: o.value });
    }
    return hits;
  }
}
