/**
 * Large dictionary sections read a page at a time on first use, instead of the whole file at start:
 * one cue touches a few hundred kilobytes of a dictionary of tens of megabytes; a long stream ends
 * up reading what it needs, once. Pure: the pages come from a ByteSource (./file-source.ts reads a
 * file; `bytesSource` serves bytes already in memory).
 */

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

/** Bytes in memory as a source; a source as it is. */
export const asSource = (src: ByteSource | Uint8Array): ByteSource => (src instanceof Uint8Array ? bytesSource(src) : src);

/** `raw`, or a copy of it where its offset does not suit a typed-array view of `unit`-byte elements. */
export const aligned = (raw: Uint8Array, unit: number): Uint8Array => (raw.byteOffset % unit === 0 ? raw : raw.slice());

/**
 * Little-endian 32-bit words of a section, 4 KB a page. Small pages: a trie's lookups land all over
 * it, and memory a process touches for the first time is dear (on the 2-core build machine about
 * 4 ms a megabyte, a 64 KB read ~250 µs against ~30 µs for 4 KB), so reading only the 4 KB around
 * each lookup beats reading 64 KB around it: a three-hour Korean audit read 16 MB instead of 50.
 */
export class PagedWords {
  private readonly pages: (Int32Array | undefined)[];
  private static readonly SHIFT = 10;
  private static readonly MASK = (1 << PagedWords.SHIFT) - 1;

  constructor(
    private readonly src: ByteSource,
    private readonly offset: number,
    readonly length: number,
  ) {
    this.pages = new Array<Int32Array | undefined>(Math.ceil(length / (1 << PagedWords.SHIFT)));
  }

  /** Word `i`; -1 past the end (a double array's child index may point beyond its last unit). */
  get(i: number): number {
    if (i >>> 0 >= this.length) return -1;
    const page = this.pages[i >>> PagedWords.SHIFT] ?? this.load(i >>> PagedWords.SHIFT);
    return page[i & PagedWords.MASK] as number;
  }

  /**
   * The page holding word `i` (word `i` is at `i & 1023` in it; words 2k and 2k + 1 share a page), or
   * undefined past the end: for loops that read pairs of words (a double array's base and check).
   */
  pageOf(i: number): Int32Array | undefined {
    if (i >>> 0 >= this.length) return undefined;
    return this.pages[i >>> PagedWords.SHIFT] ?? this.load(i >>> PagedWords.SHIFT);
  }

  private load(n: number): Int32Array {
    const first = n << PagedWords.SHIFT;
    const count = Math.min(1 << PagedWords.SHIFT, this.length - first);
    const raw = aligned(this.src.read(this.offset + first * 4, count * 4), 4);
    const page = new Int32Array(raw.buffer, raw.byteOffset, count);
    this.pages[n] = page;
    return page;
  }
}

/** A section of NUL-terminated strings, read 4 KB at a time on first use. */
export class PagedStrings {
  private readonly pages: (Uint8Array | undefined)[];
  private static readonly SHIFT = 12;

  constructor(
    private readonly src: ByteSource,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.pages = new Array<Uint8Array | undefined>(Math.ceil((end - start) / (1 << PagedStrings.SHIFT)));
  }

  private page(n: number): Uint8Array {
    let p = this.pages[n];
    if (!p) {
      const from = this.start + (n << PagedStrings.SHIFT);
      p = this.src.read(from, Math.min(1 << PagedStrings.SHIFT, this.end - from));
      this.pages[n] = p;
    }
    return p;
  }

  /** The bytes from `offset` (into the section) up to the next NUL or the end of the section. */
  bytesAt(offset: number): Uint8Array {
    let n = offset >>> PagedStrings.SHIFT;
    let from = offset - (n << PagedStrings.SHIFT);
    const chunks: Uint8Array[] = [];
    while (n < this.pages.length) {
      const p = this.page(n);
      const nul = p.indexOf(0, from);
      chunks.push(p.subarray(from, nul < 0 ? p.length : nul));
      if (nul >= 0) break;
      n++;
      from = 0;
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

