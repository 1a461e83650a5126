/**
 * Japanese: kuromoji with its bundled IPADIC (words, part of speech, base form).
 *
 * kuromoji's own loader gunzips 17 MB into 100 MB of buffers (most of it zero padding) and turns
 * the word-id map into 326,000 small JS arrays: about 1.5 s and 400 MB on every start. This loader
 * builds the same dictionaries from the same files, so tokens are exactly kuromoji's, but:
 *   - the word-id map is two typed arrays (an index and the id runs),
 *   - padding is cut off the byte buffers,
 *   - the result is written once, uncompressed, to the cache folder (about 65 MB); later starts
 *     read the costs and word ids (13 MB) and page in the trie and the features 4 KB at a time as
 *     they are used, without gunzip or copies.
 * A cache that cannot be read or written only means the gunzip path. The search over these
 * dictionaries is kuromoji's, in typed arrays (./kuromoji-viterbi.ts).
 */
import { createRequire } from 'node:module';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { makeDir } from '../../io/make-dir.js';
import type { Tokenizer } from '../tokenizer.js';
import { alignTokens } from './align.js';
import { headerBytes, readHeader, removeOtherCopies } from './cache-file.js';
import { splitUnknownRuns } from './ja-kana-run.js';
import { lateWordCuts } from './ja-reglue.js';
import { fileSource, type FileSource } from './file-source.js';
import { viterbiTokenizer, type UnknownWords, type ViterbiDictionary, type ViterbiToken } from './kuromoji-viterbi.js';
import { aligned, bytesSource, PagedStrings, PagedWords, type ByteSource } from './paged.js';

const require = createRequire(import.meta.url);

interface KuromojiDictionaries {
  unknown_dictionary: UnknownWords;
  loadUnknownDictionaries(unk: Uint8Array, pos: Uint8Array, map: Uint8Array, cat: Uint8Array, compat: Uint32Array, invoke: Uint8Array): void;
}
type DictionariesClass = new () => KuromojiDictionaries;

/** The dictionary files kuromoji ships, as its loader reads them. */
const FILES = ['base', 'check', 'tid', 'tid_pos', 'tid_map', 'cc', 'unk', 'unk_pos', 'unk_map', 'unk_char', 'unk_compat', 'unk_invoke'] as const;
type Part = (typeof FILES)[number] | 'map_index' | 'map_runs';
/**
 * Byte buffers whose zero padding after the last entry can go: read only at offsets their entries
 * name, or read entry by entry to the end (unk_invoke holds 152 bytes of character classes in 1 MiB:
 * kuromoji made a class of every 7 zero bytes, about 150,000 objects never used, ~0.1 s per start).
 */
const TRIMMABLE = new Set<string>(['tid', 'tid_pos', 'unk', 'unk_pos', 'unk_invoke', 'unk_map']);
/** Bump when the cache layout changes. */
const LAYOUT = 4;
const MAGIC = 'livecomply-kuromoji-dict\n';

function kuromojiRoot(): string {
  return path.dirname(require.resolve('kuromoji/package.json'));
}

function kuromojiVersion(): string {
  return (require('kuromoji/package.json') as { version: string }).version;
}

/** Keep everything up to the last non-zero byte plus a margin, 8-byte aligned. */
function trim(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return b.subarray(0, Math.min(b.length, Math.ceil((end + 64) / 8) * 8));
}

/**
 * tid_map.dat (key, count, ids…)* as an index (key → position of its run, or -1) and the runs
 * (count, ids…), instead of an object of arrays.
 */
function compactTargetMap(map: Uint8Array): { index: Int32Array; runs: Int32Array } {
  const ints = new Int32Array(map.buffer, map.byteOffset, map.byteLength >> 2);
  let maxKey = 0;
  let n = 1;
  for (let i = 1; i + 1 < ints.length; ) {
    const key = ints[i] as number;
    const size = ints[i + 1] as number;
    if (size > 0 && key > maxKey) maxKey = key;
    i += 2 + size;
    n += 1 + size;
  }
  const index = new Int32Array(maxKey + 1).fill(-1);
  const runs = new Int32Array(n);
  let at = 0;
  for (let i = 1; i + 1 < ints.length; ) {
    const key = ints[i] as number;
    const size = ints[i + 1] as number;
    if (size > 0) {
      // A key listed twice keeps kuromoji's order: append to the earlier run (never happens in IPADIC).
      if ((index[key] as number) >= 0) throw new Error(`kuromoji dictionary: word-id map lists ${key} twice`);
      index[key] = at;
      runs[at++] = size;
      runs.set(ints.subarray(i + 2, i + 2 + size), at);
      at += size;
    }
    i += 2 + size;
  }
  return { index, runs: runs.subarray(0, at) };
}

type Parts = Map<Part, Uint8Array>;

/** Entries of the trie search's cache of steps (a power of two). */
const STEP_BITS = 14;
const STEP_CACHE = 1 << STEP_BITS;
const STEP_SHIFT = 32 - STEP_BITS;

/**
 * The trie's common-prefix search, as doublearray's (same words, same order), without its cost:
 * that one encodes the whole rest of the sentence to UTF-8 at every position (quadratic in the
 * sentence) and copies bytes for every word found. This walks the code points of the text from
 * `from` and stops at the first one no word continues with.
 */
function prefixSearch(base: PagedWords, check: PagedWords): ViterbiDictionary['prefixSearch'] {
  // The node under `parent` for `byte`, or -1.
  const to = (parent: number, byte: number): number => {
    const child = base.get(parent) + byte;
    return check.get(child) === parent ? child : -1;
  };
  // The node under `parent` for a code point's UTF-8 bytes, or -1.
  const step = (parent: number, cp: number): number => {
    let p = parent;
    if (cp < 0x80) return to(p, cp);
    if (cp < 0x800) {
      p = to(p, (cp >>> 6) | 0xc0);
      return p >= 0 ? to(p, (cp & 0x3f) | 0x80) : -1;
    }
    if (cp < 0x10000) {
      p = to(p, (cp >>> 12) | 0xe0);
      if (p >= 0) p = to(p, ((cp >> 6) & 0x3f) | 0x80);
      return p >= 0 ? to(p, (cp & 0x3f) | 0x80) : -1;
    }
    p = to(p, (cp >>> 18) | 0xf0);
    if (p >= 0) p = to(p, ((cp >> 12) & 0x3f) | 0x80);
    if (p >= 0) p = to(p, ((cp >> 6) & 0x3f) | 0x80);
    return p >= 0 ? to(p, (cp & 0x3f) | 0x80) : -1;
  };
  // The word that ends at node `p` (its trie id), or -1: a word ends where the terminal code (0) continues the path.
  const wordAt = (p: number): number => {
    const leaf = base.get(p);
    if (check.get(leaf) !== p) return -1;
    const value = base.get(leaf);
    return value <= 0 ? -value - 1 : -1;
  };
  // Steps already taken, by node and code point (direct-mapped): the node reached and the word there.
  // Each step is up to four trie transitions of two paged reads each; common words are walked again and again.
  const fromNode = new Int32Array(STEP_CACHE).fill(-1);
  const viaCp = new Int32Array(STEP_CACHE);
  const toNode = new Int32Array(STEP_CACHE);
  const wordThere = new Int32Array(STEP_CACHE);
  return (key, from, found) => {
    let p = 0;
    for (let i = from; i < key.length; ) {
      let cp = key.charCodeAt(i);
      let next = i + 1;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const low = key.charCodeAt(next);
        // A lone high surrogate: doublearray gives up on the key (it throws); no word has one.
        if (!(low >= 0xdc00 && low <= 0xdfff)) return;
        cp = (cp - 0xd800) * 0x400 + 0x10000 + (low - 0xdc00);
        next++;
      }
      const slot = Math.imul(p * 31 + cp, 0x9e3779b1) >>> STEP_SHIFT;
      let word: number;
      if (fromNode[slot] === p && viaCp[slot] === cp) {
        p = toNode[slot] as number;
        word = wordThere[slot] as number;
      } else {
        const parent = p;
        p = step(p, cp);
        word = p < 0 ? -1 : wordAt(p);
        fromNode[slot] = parent;
        viaCp[slot] = cp;
        toNode[slot] = p;
        wordThere[slot] = word;
      }
      if (p < 0) return;
      if (word >= 0) found(word, next);
      i = next;
    }
  };
}

async function fromPackage(): Promise<Parts> {
  const dir = path.join(kuromojiRoot(), 'dict');
  const unzip = promisify(gunzip);
  // zlib's pool may hand back a buffer at an odd offset: typed-array views need it aligned.
  const aligned = (b: Buffer): Uint8Array => (b.byteOffset % 8 === 0 ? b : new Uint8Array(b));
  const raw = await Promise.all(FILES.map(async (f) => [f, aligned(await unzip(await readFile(path.join(dir, `${f}.dat.gz`))))] as const));
  const parts: Parts = new Map();
  for (const [name, b] of raw) {
    if (name === 'tid_map') {
      const { index, runs } = compactTargetMap(b);
      parts.set('map_index', new Uint8Array(index.buffer, index.byteOffset, index.byteLength));
      parts.set('map_runs', new Uint8Array(runs.buffer, runs.byteOffset, runs.byteLength));
    } else {
      parts.set(name, TRIMMABLE.has(name) ? trim(b) : b);
    }
  }
  return parts;
}

function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'dictionaries', `kuromoji-${kuromojiVersion()}-ipadic-${LAYOUT}.bin`);
}

/** The cache file: magic, header length (4 bytes), JSON header, then each part at an 8-byte aligned offset. */
async function writeCache(file: string, parts: Parts): Promise<void> {
  const sections: { name: Part; offset: number; length: number }[] = [];
  const headerFor = (base: number) => {
    sections.length = 0;
    let at = base;
    for (const [name, b] of parts) {
      sections.push({ name, offset: at, length: b.byteLength });
      at = Math.ceil((at + b.byteLength) / 8) * 8;
    }
    return { version: kuromojiVersion(), layout: LAYOUT, size: at, sections };
  };
  // The header's own length moves the offsets: size it with room to spare.
  const reserve = 4096;
  const header = headerBytes(MAGIC, headerFor(reserve), reserve);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await makeDir(path.dirname(file));
    const fh = await open(tmp, 'w');
    try {
      await fh.write(header, 0, undefined, 0);
      for (const s of sections) {
        const b = parts.get(s.name) as Uint8Array;
        await fh.write(b, 0, b.byteLength, s.offset);
      }
      await fh.truncate(headerFor(reserve).size);
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
    await removeOtherCopies(file, /^kuromoji-.*\.bin$/);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Where a part lies: in memory (built from the package) or in the cache file (read on use). */
interface Section {
  src: ByteSource;
  offset: number;
  length: number;
}
type Sections = Map<Part, Section>;

const inMemory = (parts: Parts): Sections => new Map([...parts].map(([name, b]) => [name, { src: bytesSource(b), offset: 0, length: b.byteLength }]));

async function readCache(file: string): Promise<Sections | undefined> {
  let src: FileSource;
  try {
    src = fileSource(file);
  } catch {
    return undefined;
  }
  const sections = cachedSections(src);
  if (!sections) src.close();
  return sections;
}

/** The sections the cache file's header names, or undefined for a copy of another kind or a damaged one. */
function cachedSections(src: ByteSource): Sections | undefined {
  const header = readHeader<{ version: string; layout: number; size: number; sections: { name: Part; offset: number; length: number }[] }>(src, MAGIC)?.header;
  if (!header) return undefined;
  try {
    if (header.version !== kuromojiVersion() || header.layout !== LAYOUT || header.size !== src.size) return undefined;
    const sections: Sections = new Map(header.sections.map((s) => [s.name, { src, offset: s.offset, length: s.length }]));
    return [...FILES.filter((f) => f !== 'tid_map'), 'map_index', 'map_runs'].every((p) => sections.has(p as Part)) ? sections : undefined;
  } catch {
    return undefined;
  }
}

/** A section's bytes, read now, 8-byte aligned for typed-array views. */
const bytesOf = (s: Section): Uint8Array => aligned(s.src.read(s.offset, s.length), 8);

const view = <T>(C: new (b: ArrayBufferLike, o: number, n: number) => T, b: Uint8Array, size: number): T => new C(b.buffer, b.byteOffset, b.byteLength / size);

/**
 * kuromoji's dictionaries over the sections. The trie (base, check: 16 MB) and the features
 * (tid_pos: 36 MB, read only for the words of the best path) stay where they are and are paged in
 * on use; the rest (costs, word ids, unknown-word tables: 13 MB) is read now.
 */
function build(sections: Sections): { tokenize(text: string): ViterbiToken[] } {
  const Dictionaries = require('kuromoji/src/dict/DynamicDictionaries.js') as DictionariesClass;
  const section = (name: Part) => sections.get(name) as Section;
  const p = (name: Part) => bytesOf(section(name));
  const words = (name: Part) => {
    const s = section(name);
    return new PagedWords(s.src, s.offset, s.length >> 2);
  };
  const strings = (name: Part) => {
    const s = section(name);
    return new PagedStrings(s.src, s.offset, s.offset + s.length);
  };
  // kuromoji's own objects only for the unknown-word tables (small, read on start).
  const dic = new Dictionaries();
  dic.loadUnknownDictionaries(p('unk'), p('unk_pos'), p('unk_map'), p('unk_char'), view(Uint32Array, p('unk_compat'), 4), p('unk_invoke'));
  const index = view(Int32Array, p('map_index'), 4);
  const runs = view(Int32Array, p('map_runs'), 4);
  const features = strings('tid_pos');
  const utf8 = new TextDecoder();
  return viterbiTokenizer({
    prefixSearch: prefixSearch(words('base'), words('check')),
    idRun: (trieId) => index[trieId] ?? -1,
    idRuns: runs,
    tokenInfo: p('tid'),
    featureLine: (at) => utf8.decode(features.bytesAt(at)),
    costs: view(Int16Array, p('cc'), 2),
    unknown: dic.unknown_dictionary,
  });
}

/**
 * "N大X": a numeral, the counter prefix 大 and a kanji word (2大保湿成分, 3大美白成分). IPADIC has no
 * such prefix, so kuromoji fuses 大 with what follows and breaks the word after it (2 / 大豊 / 胸 / 成分,
 * 3 / 大美 / 白 / 成分, 2 / 大 / 保 / 湿 / 成分): no rule naming 豊胸 or 美白 could start there. The text is
 * cut after such a 大 and each piece tokenized alone. (NFKC has made full-width digits ASCII.)
 */
const NUMERAL_PREFIX = /(?<=[0-9]大)(?=\p{Script=Han})/gu;

/** Where a text is tokenized in pieces: after each "N大" before a kanji. Pure. */
function numeralPrefixCuts(text: string): number[] {
  return [...text.matchAll(NUMERAL_PREFIX)].map((m) => m.index);
}

/**
 * "N分の" that is no fraction (20分の作業, 5分のストレッチ): IPADIC's suffix 分の (of 3分の1) swallows the の, so a rule's
 * minutes (`{number: [分]}`) never saw 1日20分の作業. The text is cut after such a 分 (after digits only: 十分の is "enough") unless
 * a numeral follows the の.
 */
const MINUTES_OF = /(?<=[0-9]分)(?=の(?![0-9〇一二三四五六七八九十百千数何]))/gu;

/** Where a text is tokenized in pieces: after each "N大" before a kanji, and after "N分" before a の that is no fraction. Pure. */
export function pieceCuts(text: string): number[] {
  const at = text.includes('大') ? numeralPrefixCuts(text) : [];
  if (text.includes('分の')) for (const m of text.matchAll(MINUTES_OF)) at.push(m.index);
  return at.sort((a, b) => a - b);
}

/** Two sets of cut offsets as one, ascending. */
function unionCuts(a: readonly number[], b: readonly number[]): readonly number[] {
  return b.length === 0 ? a : a.length === 0 ? b : [...new Set([...a, ...b])].sort((x, y) => x - y);
}

export interface JapaneseTokenizerOptions {
  /** Where the expanded dictionary is kept between runs; none: gunzip it every time. */
  cacheDir?: string;
}

export async function createJapaneseTokenizer(opts: JapaneseTokenizerOptions = {}): Promise<Tokenizer> {
  const file = opts.cacheDir ? cacheFile(opts.cacheDir) : undefined;
  let sections = file ? await readCache(file) : undefined;
  if (!sections) {
    const parts = await fromPackage();
    if (file) await writeCache(file, parts);
    sections = inMemory(parts);
  }
  const tk = build(sections);
  return {
    language: 'ja',
    baseForms: true,
    keepsBreaks: true,
    tokenize(text, breaks = []) {
      // A dropped space is a pause (シミが　消える): each stretch between pauses is read on its own.
      const cuts = unionCuts(pieceCuts(text), breaks);
      const inPieces = (at: readonly number[]) => (at.length === 0 ? tk.tokenize(text) : [0, ...at].flatMap((from, i) => tk.tokenize(text.slice(from, at[i]))));
      let viterbi = inPieces(cuts);
      const late = /[っッ]/.test(text) ? lateWordCuts(text, viterbi, (t) => tk.tokenize(t)) : [];
      if (late.length > 0) viterbi = inPieces(unionCuts(cuts, late));
      viterbi = splitUnknownRuns(viterbi, (t) => tk.tokenize(t));
      const raw = viterbi.map((t) => ({
        surface: t.surface_form,
        base: t.basic_form,
        // IPADIC's feature lines always name a part of speech (kuromoji's types say so too).
        pos: t.pos_detail_1 && t.pos_detail_1 !== '*' ? `${t.pos}-${t.pos_detail_1}` : (t.pos as string),
        reading: t.reading,
      }));
      return alignTokens(text, raw);
    },
  };
}
