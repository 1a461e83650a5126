/**
 * Which media container a file's first bytes claim (magic numbers). Used to recognise recordings
 * whose name does not say (audit/sniff.ts) and to tell "truncated recording" from "not media" when
 * ffprobe fails (probe.ts). Pure.
 */
const ascii = (b: Uint8Array, at: number, s: string) => s.split('').every((c, i) => b[at + i] === c.charCodeAt(0));

export function mediaContainer(b: Uint8Array): string | undefined {
  if (b.length < 4) return undefined;
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].some((box) => ascii(b, 4, box))) return 'MP4/MOV'; // ISO BMFF: mp4 mov m4a 3gp
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'Matroska/WebM';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'WAV';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'AVI ')) return 'AVI';
  if (ascii(b, 0, 'ID3')) return 'MP3';
  if (ascii(b, 0, 'OggS')) return 'Ogg';
  if (ascii(b, 0, 'fLaC')) return 'FLAC';
  if (ascii(b, 0, 'FLV')) return 'FLV';
  if (ascii(b, 0, '#!AMR')) return 'AMR';
  if (ascii(b, 0, 'FORM') && (ascii(b, 8, 'AIFF') || ascii(b, 8, 'AIFC'))) return 'AIFF';
  if (b[0] === 0x30 && b[1] === 0x26 && b[2] === 0xb2 && b[3] === 0x75) return 'ASF (WMA/WMV)';
  if (b[0] === 0x47 && b.length > 188 && b[188] === 0x47) return 'MPEG-TS';
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x01 && (b[3] === 0xba || b[3] === 0xb3)) return 'MPEG-PS';
  if (b[0] === 0xff && b[1] !== undefined && (b[1] & 0xf6) === 0xf0) return 'MPEG audio/AAC'; // AAC ADTS
  if (b[0] === 0xff && b[1] !== undefined && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) return 'MPEG audio/AAC'; // MPEG audio frame
  return undefined;
}
