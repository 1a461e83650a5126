/**
 * Reading a file the user named (transcript, configuration, ruleset, baseline, report): only a
 * regular file, and only up to a bound. A named pipe would block for ever, `/dev/urandom` would
 * never end, and a 1 GB "ruleset" is a mistake, not a ruleset: each fails at once with a reason
 * (readErrorReason turns the codes below into words).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Upper bounds in bytes, by what the file is. */
export const MAX_BYTES = {
  /** A ten-hour transcript is about 1 MB; 64 MB leaves room for word timestamps. */
  transcript: 64 * 1024 * 1024,
  /** Rulesets, configuration files, manifests. */
  yaml: 4 * 1024 * 1024,
  baseline: 64 * 1024 * 1024,
  report: 512 * 1024 * 1024,
} as const;

export class FileTooLargeError extends Error {
  readonly code = 'ETOOLARGE';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`file too large (${size} bytes, at most ${limit})`);
  }
}

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(readonly type: string) {
    super(`not a regular file (${type})`);
  }
}

function typeOf(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The bytes of a regular file of at most `maxBytes`. Opened without blocking (a FIFO would wait
 * for a writer), checked with fstat on the open handle (no race with a rename), read to the bound.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (st.isDirectory()) {
      const e = new Error('is a folder') as NodeJS.ErrnoException;
      e.code = 'EISDIR';
      throw e;
    }
    if (!st.isFile()) throw new NotRegularFileError(typeOf(st));
    if (st.size > maxBytes) throw new FileTooLargeError(st.size, maxBytes);
    // The size can change while reading: read at most one byte past the bound to notice.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) throw new FileTooLargeError(n, maxBytes);
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

/** A regular file's text as UTF-8 (YAML, JSON): see readRegularFile. */
export async function readRegularText(file: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(file, maxBytes)).toString('utf8');
}

function megabytes(n: number): string {
  return n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}

/** Words for the two errors above, or undefined for other errors. */
export function boundedReadReason(e: unknown): string | undefined {
  if (e instanceof NotRegularFileError) return `is ${e.type.startsWith('a ') ? e.type : 'not a regular file'}, not a regular file; livecomply reads only regular files`;
  if (e instanceof FileTooLargeError) return `is too large (${megabytes(e.size)}; at most ${megabytes(e.limit)} is read)`;
  return undefined;
}
