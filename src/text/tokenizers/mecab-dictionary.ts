/**
 * MeCab's compiled dictionary files, read as MeCab 0.996 reads them (dictionary.cpp, connector.cpp,
 * char_property.cpp): sys.dic and unk.dic (a header, a Darts double array over UTF-8 bytes whose
 * values point at runs of 16-byte tokens, then the features as NUL-terminated CSV), matrix.bin
 * (connection costs indexed by the left node's right id and the right node's left id) and char.bin
 * (character categories). The large sections are read a page at a time on first use.
 *
 * Pure: the caller hands in the bytes or a ByteSource that reads them.
 */
import { aligned, asSource, PagedStrings, PagedWords, type ByteSource } from './paged.js';

const DICTIONARY_MAGIC = 0xef718f77;
const HEADER_BYTES = 72;
/** A token is 16 bytes: four little-endian words. */
export const TOKEN_WORDS = 4;

export class MecabFormatError extends Error {}

export interface Dictionary {
  /** Darts units: base at 2i, check at 2i+1. */
  units: PagedWords;
  /** Tokens, four words each: left id | right id << 16, POS id | cost << 16, feature offset, compound. */
  tokens: PagedWords;
  /** Features (CSV), by the offset a token names. */
  features: PagedStrings;
}

/** sys.dic or unk.dic: header, double array, tokens, features. `name` is for errors. */
export function readDictionary(file: ByteSource | Uint8Array, name: string): Dictionary {
  const src = asSource(file);
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
    features: new PagedStrings(src, featureStart, featureStart + fsize),
  };
}

/** Darts common-prefix search from `from`: calls `hit(value, endExclusive)` for each key found. */
export function commonPrefixSearch(units: PagedWords, key: Uint8Array, from: number, hit: (value: number, end: number) => void): void {
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

export function exactMatch(units: PagedWords, key: Uint8Array): number {
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
  /** How many left ids there are (rows). */
  readonly rsize: number;
  private readonly rows: (Int16Array | undefined)[];

  constructor(
    private readonly src: ByteSource,
    name: string,
  ) {
    if (src.size < 4) throw new MecabFormatError(`${name}: too short for a MeCab matrix`);
    const h = src.read(0, 4);
    const v = new DataView(h.buffer, h.byteOffset, 4);
    this.lsize = v.getUint16(0, true);
    this.rsize = v.getUint16(2, true);
    if (4 + this.lsize * this.rsize * 2 !== src.size) throw new MecabFormatError(`${name}: size does not match ${this.lsize}×${this.rsize}`);
    this.rows = new Array<Int16Array | undefined>(this.rsize);
  }

  /** The costs of every left node's right id before a node whose left id is `lc`. */
  row(lc: number): Int16Array {
    return this.rows[lc] ?? this.load(lc);
  }

  private load(lc: number): Int16Array {
    const raw = aligned(this.src.read(4 + lc * this.lsize * 2, this.lsize * 2), 2);
    const row = new Int16Array(raw.buffer, raw.byteOffset, this.lsize);
    this.rows[lc] = row;
    return row;
  }
}

export function readMatrix(src: ByteSource | Uint8Array, name: string): ConnectionMatrix {
  return new ConnectionMatrix(asSource(src), name);
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

