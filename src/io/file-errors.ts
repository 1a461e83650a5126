import { boundedReadReason } from './read-file.js';

/** Why a file could not be read, as a few words a person can act on (ENOENT → "no such file"). */
export function readErrorReason(e: unknown): string {
  const bounded = boundedReadReason(e);
  if (bounded) return bounded;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot read (${code ?? (e as Error).message})`;
}
