/** A file as a ByteSource: each read is a positioned read of the bytes asked for. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from './paged.js';

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
      const buf = Buffer.allocUnsafe(n);
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
