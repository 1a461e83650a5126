import { describe, expect, it } from 'vitest';
import { mergeReports, parseReport, ReportFormatError } from '../../../src/report/merge.js';
import { buildReport, type FileReport } from '../../../src/report/model.js';

const ok = (path: string, n: number): FileReport => ({
  path,
  language: 'ja',
  status: 'ok',
  durationSec: 10,
  findings: Array.from({ length: n }, (_, i) => ({ ruleId: 'jp/x', category: 'superlative', kind: 'prohibited' as const, severity: 'warning' as const, start: i, end: i + 1, text: '日本一', context: '日本一', message: 'm', reference: 'r' })),
});

describe('merge', () => {
  it('combines shard reports into one sorted report with one summary', () => {
    const a = buildReport([ok('b.vtt', 2)], '1');
    const b = buildReport([ok('a.vtt', 1), { path: 'c.mp4', language: null, status: 'error', error: 'no audio stream', durationSec: null, findings: [] }], '1');
    const m = mergeReports([a, b], '2');
    expect(m.files.map((f) => f.path)).toEqual(['a.vtt', 'b.vtt', 'c.mp4']);
    expect(m.summary).toEqual({ files: 3, failed: 1, findings: 3, bySeverity: { warning: 3 } });
    expect(m.tool.version).toBe('2');
  });

  it('keeps one entry per file when shards overlap, and carries "interrupted"', () => {
    const a = buildReport([ok('a.vtt', 2)], '1');
    const b = buildReport([ok('a.vtt', 1)], '1', true);
    const m = mergeReports([a, b], '1');
    expect(m.files).toHaveLength(1);
    expect(m.interrupted).toBe(true);
  });

  it('names the file that is not a report', () => {
    expect(() => parseReport('nope', 'shard-2.json')).toThrow(/shard-2\.json: not valid JSON/);
    expect(() => parseReport('{"files":[]}', 'x.json')).toThrow(ReportFormatError);
    expect(() => parseReport('{"schemaVersion":2,"tool":{"name":"livecomply"},"files":[]}', 'x.json')).toThrow(/schemaVersion 2/);
    expect(() => parseReport('{"schemaVersion":1,"tool":{"name":"livecomply"},"files":[{"path":"a"}]}', 'x.json')).toThrow(/files\[0\]/);
  });
});
