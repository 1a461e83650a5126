import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, defuse, formatCsv, hms } from '../../../src/report/formats/csv.js';
import { finding, report } from './formats-fixture.js';

/**
 * A strict RFC 4180 reader: CRLF record ends, fields quoted with " (doubled inside), no bare
 * quotes in unquoted fields, no bare CR or LF outside quotes. Returns the records.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  if (text === '') return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (i >= n) throw new Error('the last record must end with CRLF');
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
      if (i >= n) return records;
      continue;
    }
    throw new Error(`bare line break or junk after a field at ${i}`);
  }
}

function rowsOf(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  return rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));
}

describe('CSV', () => {
  it('the reader rejects what RFC 4180 does not allow', () => {
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a"b\r\n')).toThrow();
    expect(() => parseCsv('"a\r\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
    expect(parseCsv('a,"b,""c""\r\nd"\r\n,\r\n')).toEqual([['a', 'b,"c"\r\nd'], ['', '']]);
  });

  it('UTF-8 with BOM, CRLF, a header, one row per finding, one row for a clean or failed file', () => {
    const csv = formatCsv(report());
    const rows = rowsOf(csv);
    expect(rows.map((r) => [r.file, r.status, r.ruleId])).toEqual([
      ['streams/2026-11-01 夜の配信.mp4', 'ok', 'jp/tokushoho/seller-disclosure'],
      ['streams/2026-11-01 夜の配信.mp4', 'ok', 'jp/keihyo/superlative'],
      ['streams/2026-11-01 夜の配信.mp4', 'ok', 'jp/keihyo/superlative'],
      ['streams/2026-11-01 夜の配信.mp4', 'ok', 'jp/keihyo/dual-pricing'],
      ['hostile/a|b,"c".srt', 'ok', 'cn/ad-law/absolute'],
      ['notes/untimed.txt', 'ok', 'jp/keihyo/superlative'],
      ['clean/ok.vtt', 'ok', ''],
      ['broken/bad.srt', 'error', ''],
    ]);
    expect(rows[1]).toMatchObject({ language: 'ja', start: '12.4', end: '13.1', time: '0:00:12', category: 'superlative', kind: 'prohibited', severity: 'error', text: '日本一', context: 'この美容液は日本一売れているんです。', reference: '景品表示法 第5条第1号', line: '' });
    expect(rows[3]).toMatchObject({ start: '3601.5', time: '1:00:01' });
    expect(rows[5]).toMatchObject({ start: '', end: '', time: '', line: '3' });
    expect(rows[7]!.error).toBe('broken/bad.srt:3:1: expected a time line like 00:00:01,000 --> 00:00:02,000');
    // Line ends are CRLF only, outside quoted fields too.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').match(/\r(?!\n)|(?<!\r)\n/)).toBeNull();
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('guards against formula injection: cells starting with = + - @ (or tab, CR) get a leading apostrophe', () => {
    const rows = rowsOf(formatCsv(report()));
    const hostile = rows[4]!;
    expect(hostile.context!.startsWith(`'=HYPERLINK(`)).toBe(true);
    expect(hostile.message!.startsWith(`'+cmd|`)).toBe(true);
    expect(hostile.reference).toBe(`'-广告法 第九条第三项`);
    expect(hostile.context).toContain('\nnew line'); // the newline is kept, inside quotes
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(defuse(s)).toBe(`'${s}`);
    for (const s of ['1', 'a=b', '', '日本一', "'x"]) expect(defuse(s)).toBe(s);
  });

  it('h:mm:ss times', () => {
    expect([hms(0), hms(59.9), hms(61), hms(3605.2), hms(36000), hms(null)]).toEqual(['0:00:00', '0:00:59', '0:01:01', '1:00:05', '10:00:00', '']);
  });

  it('property: any text in any field parses back to the same field (after the formula guard)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '日', ',', '"', '\r', '\n', '\r\n', ' ', '=', '+', '-', '@', '\t', "'", '|', '\u0000', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, text, text, text, (path, words, context, message, error) => {
        const rep = report([
          { path, language: 'zh', status: 'ok', durationSec: 3, findings: [finding({ text: words, context, message, start: 1.5, end: 2 })] },
          { path: `${path}x`, language: null, status: 'error', error, durationSec: null, findings: [] },
        ]);
        const [ok, bad] = rowsOf(formatCsv(rep));
        expect(ok).toMatchObject({ file: defuse(path), text: defuse(words), context: defuse(context), message: defuse(message), start: '1.5', end: '2', time: '0:00:01' });
        expect(bad).toMatchObject({ file: defuse(`${path}x`), status: 'error', error: defuse(error) });
      }),
      { numRuns: 400 },
    );
  });
});
