/**
 * The dictionary files a tokenizer keeps in the cache folder (the expanded Japanese dictionary, the
 * Chinese index) share one layout: a magic line naming the kind, the JSON header's length in bytes
 * (4, little-endian), the header, then the body, which the header describes.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from './paged.js';

/** Magic line, length and header, the header padded with spaces to make `size` bytes in all when given. */
export function headerBytes(magic: string, header: unknown, size?: number): Buffer {
  const json = JSON.stringify(header);
  const body = Buffer.from(size === undefined ? json : json.padEnd(size - magic.length - 4, ' '));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from(magic), len, body]);
}

/** The header of a file of this kind and where its body starts, or undefined for another kind or a damaged file. */
export function readHeader<T>(src: ByteSource, magic: string): { header: T; end: number } | undefined {
  try {
    const head = Buffer.from(src.read(0, magic.length + 4));
    if (head.length < magic.length + 4 || head.toString('latin1', 0, magic.length) !== magic) return undefined;
    const len = head.readUInt32LE(magic.length);
    const end = magic.length + 4 + len;
    if (end > src.size) return undefined;
    return { header: JSON.parse(Buffer.from(src.read(magic.length + 4, len)).toString('utf8')) as T, end };
  } catch {
    return undefined;
  }
}

/** Remove the other files of `file`'s folder that `kind` matches (copies for another version or layout, never read again). */
export async function removeOtherCopies(file: string, kind: RegExp): Promise<void> {
  const dir = path.dirname(file);
  for (const old of await readdir(dir)) if (kind.test(old) && old !== path.basename(file)) await rm(path.join(dir, old), { force: true });
}
