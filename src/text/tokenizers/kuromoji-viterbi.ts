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
  /**
   * The token ids of the words with a trie id, as runs (count, ids…) in `idRuns`: where the run of
   * this trie id starts, or -1 for none (no array made per word found).
   */
  idRun(trieId: number): number;
  idRuns: Int32Array;
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
  /** The reading in katakana (IPADIC's eighth feature), for known words. */
  reading?: string | undefined;
}

const PUNCTUATION = /、|。/;
const KNOWN_LIMIT = 50_000;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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

type CharClass = ReturnType<UnknownWords['lookup']>;

class KuromojiViterbi {
  private readonly info: DataView;
  /** The token-info records as 16-bit words, where the platform reads them little-endian and they are aligned. */
  private readonly words16: Int16Array | undefined;
  /** Columns of the connection costs' rows. */
  private readonly backward: number;
  private readonly nodes = new Nodes();
  /** Where each code point of the sentence starts (UTF-16), and how many there are. */
  private cpStart = new Int32Array(256);
  private cps = 0;
  private sentence = '';
  /** The first and last node ending at each position. */
  private firstAt = new Int32Array(256);
  private lastAt = new Int32Array(256);
  /** Character classes by UTF-16 code (a surrogate pair, which kuromoji files under its default class, asks each time). */
  private readonly classes: (CharClass | undefined)[] = [];
  /** Known words' tokens by token id (a particle is said thousands of times), up to KNOWN_LIMIT. */
  private readonly known = new Map<number, ViterbiToken>();
  /** The position the trie search is at, and how many words it found there. */
  private pos = 0;
  private words = 0;
  private readonly onWord = (trieId: number, end: number): void => {
    this.words++;
    const at = this.dic.idRun(trieId);
    if (at < 0) return;
    const runs = this.dic.idRuns;
    const length = end - (this.cpStart[this.pos] as number);
    const words = this.words16;
    for (let i = at + 1, last = at + (runs[at] as number); i <= last; i++) {
      const id = runs[i] as number;
      // A record's three 16-bit fields straight from the array where they are aligned and inside it.
      if (words !== undefined && (id & 1) === 0 && id >= 0 && id + 6 <= words.length * 2) {
        const w = id >> 1;
        this.nodes.add(id, words[w + 2] as number, this.pos + 1, length, words[w] as number, words[w + 1] as number, undefined);
      } else this.nodes.add(id, this.short(id + 4), this.pos + 1, length, this.short(id), this.short(id + 2), undefined);
    }
  };

  constructor(private readonly dic: ViterbiDictionary) {
    this.info = new DataView(dic.tokenInfo.buffer, dic.tokenInfo.byteOffset, dic.tokenInfo.byteLength);
    this.backward = dic.costs[1] as number;
    const t = dic.tokenInfo;
    if (LITTLE_ENDIAN && t.byteOffset % 2 === 0) this.words16 = new Int16Array(t.buffer, t.byteOffset, t.byteLength >> 1);
  }

  private short(at: number): number {
    return at + 2 <= this.info.byteLength ? this.info.getInt16(at, true) : 0;
  }

  private classOf(ch: string): CharClass {
    if (ch.length !== 1) return this.dic.unknown.lookup(ch);
    return (this.classes[ch.charCodeAt(0)] ??= this.dic.unknown.lookup(ch));
  }

  /** The `k`th code point of the sentence. */
  private charAt(k: number): string {
    return this.sentence.slice(this.cpStart[k], k + 1 < this.cps ? this.cpStart[k + 1] : this.sentence.length);
  }

  /** The nodes of one sentence, as kuromoji's ViterbiBuilder appends them. */
  private build(s: string): void {
    this.nodes.reset();
    this.sentence = s;
    if (this.cpStart.length < s.length + 2) this.cpStart = new Int32Array(s.length * 2 + 2);
    let cps = 0;
    for (let u = 0; u < s.length; u++) {
      this.cpStart[cps++] = u;
      const c = s.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdbff) u++;
    }
    this.cpStart[cps] = s.length;
    this.cps = cps;
    for (this.pos = 0; this.pos < cps; this.pos++) {
      this.words = 0;
      this.dic.prefixSearch(s, this.cpStart[this.pos] as number, this.onWord);
      const head = this.charAt(this.pos);
      const cls = this.classOf(head);
      if (this.words === 0 || cls.is_always_invoke === 1) this.addUnknown(head, cls);
    }
  }

  /** The unknown words starting at `pos` (one character, or the run of its class). */
  private addUnknown(head: string, cls: CharClass): void {
    const pos = this.pos;
    let key = head;
    let length = 1;
    if (cls.is_grouping === 1 && 1 < this.cps - pos) {
      for (let k = pos + 1; k < this.cps; k++) {
        const next = this.charAt(k);
        if (cls.class_name !== this.classOf(next).class_name) break;
        key += next;
        length = key.length;
      }
    }
    const ids = this.dic.unknown.target_map[cls.class_id] ?? [];
    const d = this.dic.unknown.dictionary;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as number;
      this.nodes.add(id, d.getShort(id + 4), pos + 1, length, d.getShort(id), d.getShort(id + 2), key);
    }
  }

  /** Files every node under where it ends, in the order added (BOS ends at 0). Returns the EOS position and index. */
  private fileByEnd(): { eosPos: number; eosIndex: number } {
    const N = this.nodes;
    let maxEnd = 0;
    for (let k = 1; k < N.n; k++) maxEnd = Math.max(maxEnd, (N.start[k] as number) + (N.length[k] as number) - 1);
    const eosPos = Math.max(1, maxEnd) + 1;
    const eosIndex = maxEnd + 1;
    const size = Math.max(eosPos, eosIndex) + 1;
    if (this.firstAt.length < size) {
      this.firstAt = new Int32Array(size * 2);
      this.lastAt = new Int32Array(size * 2);
    }
    const { firstAt, lastAt } = this;
    firstAt.fill(-1, 0, size);
    firstAt[0] = 0;
    lastAt[0] = 0;
    N.nextSameEnd[0] = -1;
    N.best[0] = 0;
    N.prev[0] = -1;
    for (let k = 1; k < N.n; k++) {
      const end = (N.start[k] as number) + (N.length[k] as number) - 1;
      N.nextSameEnd[k] = -1;
      N.best[k] = Number.MAX_VALUE;
      N.prev[k] = -1;
      if (firstAt[end] === -1) firstAt[end] = k;
      else N.nextSameEnd[lastAt[end] as number] = k;
      lastAt[end] = k;
    }
    return { eosPos, eosIndex };
  }

  /** The best path's nodes (indices), as kuromoji's ViterbiSearcher finds it; empty where it finds none. */
  private search(): number[] {
    const N = this.nodes;
    const { eosPos, eosIndex } = this.fileByEnd();
    const { firstAt } = this;
    const costs = this.dic.costs;
    const backward = this.backward;
    // kuromoji's `shortest_prev_node`: carried from node to node, not reset.
    let chosen = -1;
    let eosPrev = -1;
    for (let i = 1; i <= eosPos; i++) {
      // At eosIndex stands EOS alone (start eosPos, left id 0, cost 0); other nodes are filed by their end.
      const eos = i === eosIndex;
      for (let k = eos ? 0 : (firstAt[i] as number); k !== -1; k = eos ? -1 : (N.nextSameEnd[k] as number)) {
        const before = eos ? eosPos - 1 : (N.start[k] as number) - 1;
        const from = before === eosIndex ? -1 : (firstAt[before] as number);
        if (from === -1) continue;
        const left = eos ? 0 : (N.left[k] as number);
        const own = eos ? 0 : (N.cost[k] as number);
        let cost = Number.MAX_VALUE;
        for (let p = from; p !== -1; p = N.nextSameEnd[p] as number) {
          const c = (N.best[p] as number) + (costs[(N.right[p] as number) * backward + left + 2] as number) + own;
          if (c < cost) {
            chosen = p;
            cost = c;
          }
        }
        if (eos) eosPrev = chosen;
        else {
          N.prev[k] = chosen;
          N.best[k] = cost;
        }
      }
    }
    const path: number[] = [];
    for (let k = eosPrev; k !== 0; k = N.prev[k] as number) {
      if (k === -1) return [];
      path.push(k);
    }
    return path.reverse();
  }

  private tokenOf(k: number): ViterbiToken {
    const N = this.nodes;
    const id = N.id[k] as number;
    if (N.unknown[k] === 1) {
      const f = fields(this.dic.unknown.getFeatures(id));
      return { surface_form: N.surface[k] as string, basic_form: f[7], pos: f[1], pos_detail_1: f[2] };
    }
    let t = this.known.get(id);
    if (!t) {
      const f = fields(this.dic.featureLine(this.info.getInt32(id + 6, true)));
      t = { surface_form: f[0] as string, basic_form: f[7], pos: f[1], pos_detail_1: f[2], reading: f[8] };
      if (this.known.size >= KNOWN_LIMIT) this.known.clear();
      this.known.set(id, t);
    }
    return t;
  }

  tokenize(text: string): ViterbiToken[] {
    const tokens: ViterbiToken[] = [];
    for (const s of sentences(text)) {
      this.build(s);
      for (const k of this.search()) tokens.push(this.tokenOf(k));
    }
    return tokens;
  }
}

export function viterbiTokenizer(dic: ViterbiDictionary): { tokenize(text: string): ViterbiToken[] } {
  return new KuromojiViterbi(dic);
}
