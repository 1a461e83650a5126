/**
 * Turn the command line's inputs (files and folders) into the list of things to audit.
 * Folders are walked recursively (symlink loops are safe: each real folder is visited once),
 * hidden entries are skipped, include/exclude globs apply to paths relative to the folder given.
 * A transcript with the same stem as a media file beside it is that media file's sidecar,
 * not an input of its own.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readErrorReason } from '../io/file-errors.js';
import picomatch from 'picomatch';
import { MEDIA_EXTENSIONS } from '../core/media-types.js';
import { isLivecomplyOutput, isReportFileName, sniff, SNIFF_BYTES, type Sniffed } from './sniff.js';

export { MEDIA_EXTENSIONS };
export const TRANSCRIPT_EXTENSIONS = ['.srt', '.vtt', '.json', '.txt'];

export type InputKind = 'media' | 'transcript';

export interface AuditInput {
  /** As shown in reports: relative to the working directory when inside it. */
  path: string;
  absolute: string;
  kind: InputKind;
  /** For media: transcripts beside it with the same stem, best first. */
  sidecars: string[];
}

/** An input that could not even be listed (missing path, unreadable folder). */
export interface InputProblem {
  path: string;
  error: string;
}

export interface CollectOptions {
  include?: string[];
  exclude?: string[];
  cwd?: string;
}

export function kindOf(file: string): InputKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (MEDIA_EXTENSIONS.includes(ext)) return 'media';
  if (TRANSCRIPT_EXTENSIONS.includes(ext)) return 'transcript';
  return undefined;
}

function stem(file: string): string {
  return file.slice(0, file.length - path.extname(file).length);
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

async function walk(dir: string, seen: Set<string>, out: string[], problems: InputProblem[], cwd: string): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    problems.push({ path: display(dir, cwd), error: `cannot read folder: ${(e as Error).message}` });
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: display(dir, cwd), error: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = await stat(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link is not an input
      }
    }
    if (isDir) await walk(p, seen, out, problems, cwd);
    else if (isFile) out.push(p);
  }
}

async function sniffFile(file: string): Promise<Sniffed> {
  let fh;
  try {
    fh = await open(file, 'r');
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return sniff(buf.subarray(0, bytesRead));
  } catch {
    return undefined; // unreadable: a named file still gets audited (and its error reported)
  } finally {
    await fh?.close();
  }
}

/**
 * What a file found in a folder is: by extension, else by content (a recording or transcript with
 * no or an unknown extension). A `.json` that is livecomply's own report or baseline is not an input.
 */
async function classify(file: string): Promise<InputKind | undefined> {
  // Reports livecomply wrote into the folder (--output-dir, or a pretty report saved as .txt) are not transcripts.
  if (isReportFileName(path.basename(file))) return undefined;
  const byName = kindOf(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return (await isPrettyReport(file)) ? undefined : byName;
  if (byName && ext !== '.json') return byName;
  const byContent = await sniffFile(file);
  if (byContent === 'livecomply-output') return undefined;
  if (byName) return byName;
  return byContent;
}

/** A pretty report saved as text: its first lines and its summary line. */
async function isPrettyReport(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'r');
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await fh.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 1024));
    await fh.read(tail, 0, tail.length, size - tail.length);
    return isLivecomplyOutput(head.toString('utf8'), tail.toString('utf8'));
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

/** Transcripts beside a media file with the same stem (x.mp4 → x.srt, x.vtt, x.json, x.txt, in that order). */
async function sidecarsOnDisk(media: string): Promise<string[]> {
  const found: string[] = [];
  for (const ext of TRANSCRIPT_EXTENSIONS) {
    const p = stem(media) + ext;
    try {
      if ((await stat(p)).isFile()) found.push(p);
    } catch {
      // not there
    }
  }
  return found;
}

/** Pair media with their sidecar transcripts and drop the sidecars from the list. */
function pairSidecars(files: string[], kinds: ReadonlyMap<string, InputKind>, cwd: string): AuditInput[] {
  const kindOf = (f: string) => kinds.get(f);
  const byStem = new Map<string, string[]>();
  for (const f of files) if (kindOf(f) === 'transcript') byStem.set(stem(f), [...(byStem.get(stem(f)) ?? []), f]);
  const consumed = new Set<string>();
  const inputs: AuditInput[] = [];
  for (const f of files) {
    if (kindOf(f) !== 'media') continue;
    const side = (byStem.get(stem(f)) ?? []).sort(
      (a, b) => TRANSCRIPT_EXTENSIONS.indexOf(path.extname(a).toLowerCase()) - TRANSCRIPT_EXTENSIONS.indexOf(path.extname(b).toLowerCase()),
    );
    side.forEach((s) => consumed.add(s));
    inputs.push({ path: display(f, cwd), absolute: f, kind: 'media', sidecars: side });
  }
  for (const f of files) {
    const kind = kindOf(f);
    if (kind === 'transcript' && !consumed.has(f)) inputs.push({ path: display(f, cwd), absolute: f, kind, sidecars: [] });
  }
  return inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function collectInputs(
  args: readonly string[],
  opts: CollectOptions = {},
): Promise<{ inputs: AuditInput[]; problems: InputProblem[]; /** Files in the folders that --include/--exclude left out. */ filteredOut: number }> {
  let filteredOut = 0;
  const cwd = opts.cwd ?? process.cwd();
  const problems: InputProblem[] = [];
  const files: string[] = [];
  const explicit = new Set<string>();
  const include = opts.include?.length ? picomatch(opts.include, { dot: false }) : undefined;
  const exclude = opts.exclude?.length ? picomatch(opts.exclude, { dot: true }) : undefined;
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      problems.push({ path: display(abs, cwd), error: readErrorReason(e, { missing: 'no such file or folder' }) });
      continue;
    }
    if (!st.isDirectory() && !st.isFile()) {
      problems.push({ path: display(abs, cwd), error: `is ${st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'a device'}, not a regular file; livecomply reads only regular files` });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(abs, new Set(), found, problems, cwd);
      for (const f of found) {
        const rel = path.relative(abs, f).split(path.sep).join('/');
        if ((include && !include(rel)) || (exclude && exclude(rel))) {
          filteredOut++;
          continue;
        }
        files.push(f);
      }
    } else {
      files.push(abs);
      explicit.add(abs);
    }
  }
  const unique = [...new Set(files)];
  const kinds = new Map<string, InputKind>();
  for (const f of unique) {
    // A file named on the command line is audited whatever its name: by content, else as media (ffprobe may know it).
    const kind = explicit.has(f) ? (kindOf(f) ?? ((await sniffFile(f)) === 'transcript' ? 'transcript' : 'media')) : await classify(f);
    if (kind) kinds.set(f, kind);
  }
  const inputs = pairSidecars(unique.filter((f) => kinds.has(f)), kinds, cwd);
  // A recording named on its own still uses the transcript beside it on disk.
  for (const input of inputs) {
    if (input.kind === 'media' && input.sidecars.length === 0 && explicit.has(input.absolute)) input.sidecars = await sidecarsOnDisk(input.absolute);
  }
  // A sidecar named explicitly on the command line is audited on its own too.
  for (const f of explicit) {
    if (kindOf(f) === 'transcript' && !inputs.some((i) => i.absolute === f)) inputs.push({ path: display(f, cwd), absolute: f, kind: 'transcript', sidecars: [] });
  }
  return { inputs, problems, filteredOut };
}
