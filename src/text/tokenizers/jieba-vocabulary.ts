/**
 * jieba's dictionary, indexed by first character, so that the words one short text can contain are
 * picked out of it in a few milliseconds: building jieba over all 349,045 entries costs ~0.3 s, most of a
 * one-cue Chinese audit.
 *
 * Why a text's words give the same segmentation as the whole dictionary: jieba (HMM off) scores a
 * path through the text by the frequencies of the dictionary words that are substrings of the text,
 * each less log(total frequency). So the words of the text, plus one filler entry no text holds that
 * carries the rest of the total, leave every score, hence every word and tag, unchanged. The parity
 * test compares both on every corpus line and on random texts.
 *
 * The index is a file in the cache folder (built on first use, written atomically, laid out as
 * cache-file.ts says): a header (layout, package version, total frequency, and per first character
 * the byte span of its lines) and the dictionary's lines grouped by first character, read span by
 * span as texts need them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../../io/atomic-write.js';
import { headerBytes, readHeader, removeOtherCopies } from './cache-file.js';
import { fileSource, type FileSource } from './file-source.js';
import { bytesSource, type ByteSource } from './paged.js';

/** A private-use word no transcript says: the filler that keeps jieba's total. */
export const FILLER = '\uE000\uE001';

const LAYOUT = 2;

interface Header {
  layout: number;
  version: string;
  total: number;
  /** First character → [start, end) of its lines in the body, in bytes. */
  index: Record<string, [number, number]>;
}

export interface JiebaVocabulary {
  /**
   * jieba dictionary text holding every entry whose word occurs in `text`, and the filler; undefined
   * when the text holds the filler's characters (then only the whole dictionary will do).
   */
  dictionaryFor(text: string): string | undefined;
  /** The part of speech the dictionary gives `word` (n, v, a…), or undefined when it is no word of it. */
  tagOf(word: string): string | undefined;
}

/** The tag on a dictionary line (word, frequency, tag) for `word`, among `lines`, or undefined. */
function tagIn(lines: string, word: string): string | undefined {
  const key = `${word} `;
  for (let at = lines.indexOf(key); at >= 0; at = lines.indexOf(key, at + 1)) {
    if (at > 0 && lines[at - 1] !== '\n') continue;
    const end = lines.indexOf('\n', at);
    const tag = lines.slice(at, end < 0 ? undefined : end).split(' ')[2];
    return tag === undefined || tag === '' ? undefined : tag;
  }
  return undefined;
}

/** Every word of a jieba dict.txt with its tag (when no index can be read: the whole dictionary, read once). */
export function dictionaryTags(dict: string): (word: string) => string | undefined {
  const byFirst = new Map<string, string>();
  for (const line of dict.split('\n')) {
    const first = line.codePointAt(0);
    if (first === undefined) continue;
    const ch = String.fromCodePoint(first);
    byFirst.set(ch, `${byFirst.get(ch) ?? ''}${line}\n`);
  }
  return (word) => {
    const first = word.codePointAt(0);
    const lines = first === undefined ? undefined : byFirst.get(String.fromCodePoint(first));
    return lines === undefined ? undefined : tagIn(lines, word);
  };
}

function vocabulary(header: Header, body: ByteSource): JiebaVocabulary {
  const dec = new TextDecoder();
  // The lines of each first character tagOf has read (a compound's parts start with the same few characters).
  const linesOf = new Map<string, string>();
  return {
    dictionaryFor(text) {
      if (text.includes(FILLER)) return undefined;
      const lines: string[] = [];
      let sum = 0;
      for (const ch of new Set(text)) {
        const span = header.index[ch];
        if (!span) continue;
        for (const line of dec.decode(body.read(span[0], span[1] - span[0])).split('\n')) {
          const sp = line.indexOf(' ');
          if (sp > 0 && text.includes(line.slice(0, sp))) {
            lines.push(line);
            sum += Number(line.slice(sp + 1, line.indexOf(' ', sp + 1) >>> 0));
          }
        }
      }
      lines.push(`${FILLER} ${header.total - sum} x`);
      return `${lines.join('\n')}\n`;
    },
    tagOf(word) {
      const first = word.codePointAt(0);
      const ch = first === undefined ? '' : String.fromCodePoint(first);
      const span = header.index[ch];
      if (!span) return undefined;
      let lines = linesOf.get(ch);
      if (lines === undefined) linesOf.set(ch, (lines = dec.decode(body.read(span[0], span[1] - span[0]))));
      return tagIn(lines, word);
    },
  };
}

/** The header and body of the index, built from jieba's dict.txt (word, frequency, tag per line). */
export function buildIndex(dict: string, version: string): { header: Header; body: Uint8Array } {
  const byFirst = new Map<string, string[]>();
  let total = 0;
  for (const line of dict.split('\n')) {
    const parts = line.split(' ');
    if (parts.length < 2 || !parts[0]) continue;
    total += Number(parts[1]);
    const first = String.fromCodePoint(parts[0].codePointAt(0) as number);
    const group = byFirst.get(first);
    if (group) group.push(line);
    else byFirst.set(first, [line]);
  }
  const index: Record<string, [number, number]> = {};
  const chunks: Buffer[] = [];
  let at = 0;
  for (const [first, group] of byFirst) {
    const chunk = Buffer.from(`${group.join('\n')}\n`);
    index[first] = [at, at + chunk.length - 1];
    chunks.push(chunk);
    at += chunk.length;
  }
  return { header: { layout: LAYOUT, version, total, index }, body: Buffer.concat(chunks) };
}

function indexFile(cacheDir: string, version: string): string {
  return path.join(cacheDir, 'dictionaries', `jieba-${version}-index-${LAYOUT}.bin`);
}

const MAGIC = 'livecomply-jieba-index\n';

function readIndex(file: string, version: string): JiebaVocabulary | undefined {
  let src: FileSource;
  try {
    src = fileSource(file);
  } catch {
    return undefined;
  }
  const read = readHeader<Header>(src, MAGIC);
  const header = read?.header;
  if (!read || !header || header.layout !== LAYOUT || header.version !== version || typeof header.total !== 'number' || !header.index) {
    src.close();
    return undefined;
  }
  const { end } = read;
  return vocabulary(header, { size: src.size - end, read: (offset, length) => src.read(end + offset, length) });
}

/**
 * The vocabulary for jieba's dict.txt at `dictPath` (package `version`): read from the cache folder,
 * or built and written there (best effort). Undefined when the dictionary cannot be read.
 */
export async function loadJiebaVocabulary(dictPath: string, version: string, cacheDir: string): Promise<JiebaVocabulary | undefined> {
  const file = indexFile(cacheDir, version);
  const cached = readIndex(file, version);
  if (cached) return cached;
  let dict: string;
  try {
    dict = readFileSync(dictPath, 'utf8');
  } catch {
    return undefined;
  }
  const { header, body } = buildIndex(dict, version);
  // Best effort: an unwritable cache only means the next run builds the index again.
  await writeAtomic(file, Buffer.concat([headerBytes(MAGIC, header), body]))
    .then(() => removeOtherCopies(file, /^jieba-.*-index-.*\.bin$/))
    .catch(() => undefined);
  return vocabulary(header, bytesSource(body));
}
