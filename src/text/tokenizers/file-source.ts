/** A file as a ByteSource: each read is a positioned read of the bytes asked for. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from './paged.js';

/** Reads up to this size are cut from a shared slab. */
const SLAB_PIECE = 64 * 1024;
const SLAB = 1024 * 1024;
let slab = Buffer.alloc(0);
let slabAt = 0;

/**
 * `n` bytes of a shared 1 MB slab, 8-byte aligned. Pages are read a few kilobytes at a time and kept
 * for the life of the tokenizer: a buffer of their own each (thousands in a long Korean audit) cost
 * more in allocation and the garbage collector's accounting than the reading did.
 */
function fromSlab(n: number): Buffer {
  if (slabAt + n > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB);
    slabAt = 0;
  }
  const piece = slab.subarray(slabAt, slabAt + n);
  slabAt += Math.ceil(n / 8) * 8;
  return piece;
}

/** A file source that can let its descriptor go. */
export interface FileSource extends ByteSource {
  close(): void;
}

/**
 * The descriptor stays open for the life of the process, like the tokenizer that reads through it
 * (dictionary files are read-only package or cache files); `close` is for a file found unusable.
 */
export function fileSource(file: string): FileSource {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    close: () => closeSync(fd),
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = n <= SLAB_PIECE ? fromSlab(n) : Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    },
  };
}
