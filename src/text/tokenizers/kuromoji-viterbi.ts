/**
 * kuromoji's lattice and Viterbi search over its IPADIC dictionaries, in typed arrays.
 *
 * kuromoji builds a lattice of objects: for every position of a sentence a copy of the rest of it
 * (and a scan of that copy for surrogates), an array of {word, trie id} found there, a ViterbiNode
 * per candidate word; then every token's feature line is split on commas. On three hours of
 * distinct Japanese lines that was a fifth of the audit and much of its garbage. This is the same
 * search, step for step (the same candidates in the same order, the same costs, the same ties:
 * the first cheapest predecessor wins), with the candidates in growable typed arrays, so its
 * tokens are kuromoji's (test/unit/text/ja-dictionary.test.ts compares them with kuromoji's own
 * tokenizer on every corpus line and on random text). Pure.
 *
 * Its quirks are kept on purpose, so that the words stay kuromoji's:
 *   - positions count code points, but a grouped unknown word's length counts UTF-16 units;
 *   - a node with no predecessor keeps the predecessor last chosen for an earlier node (kuromoji's
 *     `var shortest_prev_node` is not reset per node), or none;
 *   - a high surrogate takes the unit after it, whatever that is.
 */
import { grown } from './columns.js';

/** What kuromoji's unknown-word dictionary answers (its own objects, used as they are). */
export interface UnknownWords {
  lookup(ch: string): { class_id: number; class_name: string; is_always_invoke: number; is_grouping: number };
  target_map: Record<number, ArrayLike<number>>;
  dictionary: { getShort(at: number): number };
  getFeatures(id: number | string): string | null | undefined;
}

export interface ViterbiDictionary {
  /** Each word of the trie that starts at `from` in `text`: its trie id and where it ends (UTF-16), shortest first. */
  prefixSearch(text: string, from: number, found: (trieId: number, end: number) => void): void;
  /** The token ids of the words with this trie id. */
  ids(trieId: number): ArrayLike<number> | undefined;
  /** The token-info records (left id, right id and cost as 16-bit, then the feature offset as 32-bit, little-endian). */
  tokenInfo: Uint8Array;
  /** The feature line at an offset of the features section. */
  featureLine(offset: number): string;
  /** Connection costs: the two dimensions, then right id × (backward dimension) + left id. */
  costs: Int16Array;
  unknown: UnknownWords;
}

export interface ViterbiToken {
  surface_form: string;
  basic_form: string | undefined;
  pos: string | undefined;
  pos_detail_1: string | undefined;
}

const PUNCTUATION = /、|。/;
const KNOWN_LIMIT = 50_000;

/** kuromoji's sentences: cut after each 、 and 。. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let tail = text;
  while (tail !== '') {
    const at = tail.search(PUNCTUATION);
    if (at < 0) {
      out.push(tail);
      break;
    }
    out.push(tail.substring(0, at + 1));
    tail = tail.substring(at + 1);
  }
  return out;
}

/** The fields a token needs of a feature line (surface, part of speech, its first detail, base form). */
function fields(line: string | null | undefined): string[] {
  return line == null ? [] : line.split(',');
}

/** Candidate words of one sentence (node 0 is BOS), grown as needed. */
class Nodes {
  n = 1;
  start = new Int32Array(64);
  length = new Int32Array(64);
  left = new Int32Array(64);
  right = new Int32Array(64);
  cost = new Int32Array(64);
  /** Token id; unknown words are flagged in `unknown`. */
  id = new Int32Array(64);
  unknown = new Uint8Array(64);
  prev = new Int32Array(64);
  best = new Float64Array(64);
  nextSameEnd = new Int32Array(64);
  surface: string[] = [''];

  reset(): void {
    this.n = 1;
    this.surface.length = 1;
  }

  add(id: number, cost: number, start: number, length: number, left: number, right: number, unknown: string | undefined): void {
    if (this.n === this.start.length) this.grow();
    const k = this.n++;
    this.id[k] = id;
    this.cost[k] = cost;
    this.start[k] = start;
    this.length[k] = length;
    this.left[k] = left;
    this.right[k] = right;
    this.unknown[k] = unknown === undefined ? 0 : 1;
    if (unknown !== undefined) this.surface[k] = unknown;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = grown(this.start, size);
    this.length = grown(this.length, size);
    this.left = grown(this.left, size);
    this.right = grown(this.right, size);
    this.cost = grown(this.cost, size);
    this.id = grown(this.id, size);
    this.unknown = grown(this.unknown, size);
    this.prev = grown(this.prev, size);
    this.best = grown(this.best, size);
    this.nextSameEnd = grown(this.nextSameEnd, size);
  }
}

export function viterbiTokenizer(dic: ViterbiDictionary): { tokenize(text: string): ViterbiToken[] } {
  const info = new DataView(dic.tokenInfo.buffer, dic.tokenInfo.byteOffset, dic.tokenInfo.byteLength);
  const short = (at: number) => (at + 2 <= info.byteLength ? info.getInt16(at, true) : 0);
  const backward = dic.costs[1] as number;
  const nodes = new Nodes();
  // Where each code point starts (UTF-16), and the first and last node ending at each position.
  let cpStart = new Int32Array(256);
  let firstAt = new Int32Array(256);
  let lastAt = new Int32Array(256);
  // Character classes by UTF-16 code (a surrogate pair, which kuromoji files under its default class, asks each time).
  type CharClass = ReturnType<UnknownWords['lookup']>;
  const classes: (CharClass | undefined)[] = [];
  const classOf = (ch: string): CharClass => {
    if (ch.length !== 1) return dic.unknown.lookup(ch);
    const code = ch.charCodeAt(0);
    return (classes[code] ??= dic.unknown.lookup(ch));
  };
  // Known words' tokens by token id (a particle is said thousands of times), up to KNOWN_LIMIT.
  const known = new Map<number, ViterbiToken>();
  let pos = 0;
  let words = 0;
  const onWord = (trieId: number, end: number): void => {
    words++;
    const ids = dic.ids(trieId);
    if (!ids) return;
    const length = end - (cpStart[pos] as number);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      nodes.add(id, short(id + 4), pos + 1, length, short(id), short(id + 2), undefined);
    }
  };

  /** The nodes of one sentence, as kuromoji's ViterbiBuilder appends them. */
  function build(s: string): number {
    nodes.reset();
    if (cpStart.length < s.length + 2) cpStart = new Int32Array(s.length * 2 + 2);
    let cps = 0;
    for (let u = 0; u < s.length; u++) {
      cpStart[cps++] = u;
      const c = s.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdbff) u++;
    }
    cpStart[cps] = s.length;
    const charAt = (k: number) => s.slice(cpStart[k], k + 1 < cps ? cpStart[k + 1] : s.length);
    for (pos = 0; pos < cps; pos++) {
      words = 0;
      dic.prefixSearch(s, cpStart[pos] as number, onWord);
      const head = charAt(pos);
      const cls = classOf(head);
      if (words === 0 || cls.is_always_invoke === 1) {
        let key = head;
        let length = 1;
        if (cls.is_grouping === 1 && 1 < cps - pos) {
          for (let k = pos + 1; k < cps; k++) {
            const next = charAt(k);
            if (cls.class_name !== classOf(next).class_name) break;
            key += next;
            length = key.length;
          }
        }
        const ids = dic.unknown.target_map[cls.class_id] ?? [];
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j] as number;
          const d = dic.unknown.dictionary;
          nodes.add(id, d.getShort(id + 4), pos + 1, length, d.getShort(id), d.getShort(id + 2), key);
        }
      }
    }
    return cps;
  }

  /** The best path's nodes (indices), as kuromoji's ViterbiSearcher finds it; empty where it finds none. */
  function search(): number[] {
    const n = nodes.n;
    let eosPos = 1;
    let maxEnd = 0;
    for (let k = 1; k < n; k++) {
      const end = (nodes.start[k] as number) + (nodes.length[k] as number) - 1;
      if (end > eosPos) eosPos = end;
      if (end > maxEnd) maxEnd = end;
    }
    eosPos++;
    const eosIndex = maxEnd + 1;
    const size = Math.max(eosPos, eosIndex) + 1;
    if (firstAt.length < size) {
      firstAt = new Int32Array(size * 2);
      lastAt = new Int32Array(size * 2);
    }
    firstAt.fill(-1, 0, size);
    // BOS ends at 0; every node is filed under where it ends, in the order it was added.
    firstAt[0] = 0;
    lastAt[0] = 0;
    nodes.nextSameEnd[0] = -1;
    nodes.best[0] = 0;
    nodes.prev[0] = -1;
    for (let k = 1; k < n; k++) {
      const end = (nodes.start[k] as number) + (nodes.length[k] as number) - 1;
      nodes.nextSameEnd[k] = -1;
      nodes.best[k] = Number.MAX_VALUE;
      nodes.prev[k] = -1;
      if (firstAt[end] === -1) firstAt[end] = k;
      else nodes.nextSameEnd[lastAt[end] as number] = k;
      lastAt[end] = k;
    }
    const costs = dic.costs;
    let chosen = -1;
    let eosPrev = -1;
    for (let i = 1; i <= eosPos; i++) {
      if (i === eosIndex) {
        // EOS (start eosPos, left id 0, cost 0) is the only node there.
        const from = eosPos - 1 === eosIndex ? -1 : firstAt[eosPos - 1] as number;
        if (from === -1) continue;
        let cost = Number.MAX_VALUE;
        for (let p = from; p !== -1; p = nodes.nextSameEnd[p] as number) {
          const c = (nodes.best[p] as number) + (costs[(nodes.right[p] as number) * backward + 2] as number);
          if (c < cost) {
            chosen = p;
            cost = c;
          }
        }
        eosPrev = chosen;
        continue;
      }
      for (let k = firstAt[i] as number; k !== -1; k = nodes.nextSameEnd[k] as number) {
        const before = (nodes.start[k] as number) - 1;
        const from = before === eosIndex ? -1 : (firstAt[before] as number);
        if (from === -1) continue;
        let cost = Number.MAX_VALUE;
        const left = nodes.left[k] as number;
        const own = nodes.cost[k] as number;
        for (let p = from; p !== -1; p = nodes.nextSameEnd[p] as number) {
          const c = (nodes.best[p] as number) + (costs[(nodes.right[p] as number) * backward + left + 2] as number) + own;
          if (c < cost) {
            chosen = p;
            cost = c;
          }
        }
        nodes.prev[k] = chosen;
        nodes.best[k] = cost;
      }
    }
    const path: number[] = [];
    let k = eosPrev;
    if (k === -1) return path;
    while (k !== 0) {
      path.push(k);
      if (nodes.prev[k] === -1) return [];
      k = nodes.prev[k] as number;
    }
    return path.reverse();
  }

  function tokenOf(k: number): ViterbiToken {
    const id = nodes.id[k] as number;
    if (nodes.unknown[k] === 1) {
      const f = fields(dic.unknown.getFeatures(id));
      return { surface_form: nodes.surface[k] as string, basic_form: f[7], pos: f[1], pos_detail_1: f[2] };
    }
    let t = known.get(id);
    if (!t) {
      const f = fields(dic.featureLine(info.getInt32(id + 6, true)));
      t = { surface_form: f[0] as string, basic_form: f[7], pos: f[1], pos_detail_1: f[2] };
      if (known.size >= KNOWN_LIMIT) known.clear();
      known.set(id, t);
    }
    return t;
  }

  return {
    tokenize(text) {
      const tokens: ViterbiToken[] = [];
      for (const s of sentences(text)) {
        build(s);
        for (const k of search()) tokens.push(tokenOf(k));
      }
      return tokens;
    },
  };
}
