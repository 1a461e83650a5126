/**
 * Media file names: which extensions a folder walk takes as media (the contract's list; anything
 * else ffprobe recognises is found by its content), and which player a report gives a recording.
 */
const VIDEO = ['.mp4', '.mkv', '.mov', '.flv', '.ts', '.webm', '.m4v', '.avi'] as const;
const AUDIO = ['.m4a', '.mp3', '.wav', '.aac', '.flac', '.ogg', '.oga', '.opus', '.weba'] as const;

/** Taken as media by their extension alone (the contract's list). */
export const MEDIA_EXTENSIONS: readonly string[] = ['.mp4', '.mkv', '.mov', '.flv', '.ts', '.webm', '.m4a', '.mp3', '.wav', '.aac', '.flac', '.ogg'];

/** A path's extension, lower case, with its dot ('' when the last part has none). */
export function extensionOf(p: string): string {
  const dot = p.lastIndexOf('.');
  return dot >= 0 && dot > p.lastIndexOf('/') ? p.slice(dot).toLowerCase() : '';
}

/** What kind of player a path gets: video, audio, or none (a transcript file). */
export function mediaKind(p: string): 'video' | 'audio' | undefined {
  const ext = extensionOf(p);
  if ((VIDEO as readonly string[]).includes(ext)) return 'video';
  if ((AUDIO as readonly string[]).includes(ext)) return 'audio';
  return undefined;
}
