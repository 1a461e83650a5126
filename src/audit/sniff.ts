/**
 * What a file is by its first bytes, for files whose name does not say (no or an unknown
 * extension), and for JSON files in a folder that are livecomply's own reports or baselines rather
 * than transcripts. Pure.
 */
import { mediaContainer } from '../media/container.js';
import { sniffTranscriptFormat } from '../transcript/parse.js';

export type Sniffed = 'media' | 'transcript' | 'livecomply-output' | undefined;

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 4096;

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

/** The name of the report files `--output-dir` writes (`livecomply-report.json`, `.txt`, `.html`…). */
export const REPORT_STEM = 'livecomply-report';

/** A report file written by --output-dir, by its name: never an input. */
export function isReportFileName(name: string): boolean {
  return /^livecomply-report\.(?:txt|json|sarif|xml|csv|md|html)$/i.test(name);
}

/** The summary line that ends every pretty report ("✔ 0 findings in 3 files"). */
const PRETTY_SUMMARY = /^[✔✖] \d+ findings? (?:\([^)]*\) )?in \d+ files?\b/m;
/** A pretty report's file heading followed by a result line. */
const PRETTY_FILE = /\n {2}(?:✔ no findings|✖ could not audit:|⚠ warning:|(?:\d+:)?\d+:\d{2}\D|line \d+)/;

/**
 * livecomply's own output: a JSON report or baseline, or a pretty (text) report (skipped in
 * folders, so reports written there are not re-audited).
 */
export function isLivecomplyOutput(head: string, tail = ''): boolean {
  const h = head.trimStart();
  if (h.startsWith('{')) return /"kind"\s*:\s*"livecomply-baseline"/.test(h) || (/"schemaVersion"\s*:/.test(h) && /"tool"\s*:\s*\{\s*"name"\s*:\s*"livecomply"/.test(h));
  return PRETTY_FILE.test(h) && PRETTY_SUMMARY.test(tail || h);
}

/**
 * Media by magic numbers; transcripts by content (a WebVTT signature, SRT timing lines, or a JSON
 * object with "segments"). Plain text is not recognised without a .txt name: too many files are
 * plain text.
 */
export function sniff(head: Uint8Array): Sniffed {
  if (mediaContainer(head)) return 'media';
  const t = text(head);
  if (t === undefined) return undefined;
  if (isLivecomplyOutput(t)) return 'livecomply-output';
  const format = sniffTranscriptFormat(t);
  if (format === 'vtt' || format === 'srt') return 'transcript';
  if (format === 'json' && /"segments"\s*:/.test(t)) return 'transcript';
  return undefined;
}
