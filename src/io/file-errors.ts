import { boundedReadReason } from './read-file.js';

/** How one caller words what it reads (a configuration file, a ruleset, an input that may be a folder). */
export interface ReadWording {
  /** Instead of "no such file". */
  missing?: string;
  /** Instead of "is a folder, not a file". */
  folder?: string;
  /** Before every other reason (not before `missing`), e.g. "cannot read configuration: ". */
  prefix?: string;
}

/**
 * Why a file could not be read, as a few words a person can act on (ENOENT → "no such file").
 * The one place that maps error codes to words for reading; `wording` adapts it to what is read.
 */
export function readErrorReason(e: unknown, wording: ReadWording = {}): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return wording.missing ?? 'no such file';
  return (wording.prefix ?? '') + otherReason(e, code, wording);
}

function otherReason(e: unknown, code: string | undefined, wording: ReadWording): string {
  const bounded = boundedReadReason(e);
  if (bounded) return bounded;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return wording.folder ?? 'is a folder, not a file';
  return `cannot read (${code ?? (e as Error).message})`;
}
