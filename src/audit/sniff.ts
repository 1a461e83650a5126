/**
 * What a file is by its first bytes, for files whose name does not say (no or an unknown
 * extension), and for JSON files in a folder that are livecomply's own reports or baselines rather
 * than transcripts. Pure.
 */
import { sniffTranscriptFormat } from '../transcript/parse.js';

export type Sniffed = 'media' | 'transcript' | 'livecomply-output' | undefined;

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 4096;

const ascii = (b: Uint8Array, at: number, s: string) => s.split('').every((c, i) => b[at + i] === c.charCodeAt(0));

function isMedia(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].some((box) => ascii(b, 4, box))) return true; // ISO BMFF: mp4 mov m4a 3gp
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return true; // Matroska / WebM
  if (ascii(b, 0, 'RIFF') && (ascii(b, 8, 'WAVE') || ascii(b, 8, 'AVI '))) return true;
  if (ascii(b, 0, 'ID3') || ascii(b, 0, 'OggS') || ascii(b, 0, 'fLaC') || ascii(b, 0, 'FLV') || ascii(b, 0, '#!AMR')) return true;
  if (ascii(b, 0, 'FORM') && (ascii(b, 8, 'AIFF') || ascii(b, 8, 'AIFC'))) return true;
  if (b[0] === 0x30 && b[1] === 0x26 && b[2] === 0xb2 && b[3] === 0x75) return true; // ASF: wma wmv
  if (b[0] === 0x47 && b.length > 188 && b[188] === 0x47) return true; // MPEG transport stream
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x01 && (b[3] === 0xba || b[3] === 0xb3)) return true; // MPEG program stream
  if (b[0] === 0xff && b[1] !== undefined && (b[1] & 0xf6) === 0xf0) return true; // AAC ADTS
  if (b[0] === 0xff && b[1] !== undefined && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) return true; // MPEG audio frame
  return false;
}

function text(b: Uint8Array): string | undefined {
  if (b.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b.length === SNIFF_BYTES ? trimPartial(b) : b);
  } catch {
    return undefined;
  }
}

/** Drop a UTF-8 sequence cut off at the end of the sample. */
function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i] as number;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (need > i) end -= i;
    break;
  }
  return b.subarray(0, end);
}

/** livecomply's JSON report or baseline (skipped in folders, so reports written there are not re-audited). */
export function isLivecomplyOutput(head: string): boolean {
  const h = head.trimStart();
  return h.startsWith('{') && (/"kind"\s*:\s*"livecomply-baseline"/.test(h) || (/"schemaVersion"\s*:/.test(h) && /"tool"\s*:\s*\{\s*"name"\s*:\s*"livecomply"/.test(h)));
}

/**
 * Media by magic numbers; transcripts by content (a WebVTT signature, SRT timing lines, or a JSON
 * object with "segments"). Plain text is not recognised without a .txt name: too many files are
 * plain text.
 */
export function sniff(head: Uint8Array): Sniffed {
  if (isMedia(head)) return 'media';
  const t = text(head);
  if (t === undefined) return undefined;
  if (isLivecomplyOutput(t)) return 'livecomply-output';
  const format = sniffTranscriptFormat(t);
  if (format === 'vtt' || format === 'srt') return 'transcript';
  if (format === 'json' && /"segments"\s*:/.test(t)) return 'transcript';
  return undefined;
}
