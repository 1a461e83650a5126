/** Baselines that keep failed files' findings, merge that validates and says what differs, control characters shown. */
import { describe, expect, it } from 'vitest';
import { createBaseline } from '../../../src/report/baseline.js';
import { formatMarkdown } from '../../../src/report/formats/markdown.js';
import { formatPretty } from '../../../src/report/formats/pretty.js';
import { mergeDifferences, mergeReports, parseReport, ReportFormatError } from '../../../src/report/merge.js';
import { buildReport, fileErrorLine, type FileReport } from '../../../src/report/model.js';
import { REPORT_SCHEMA } from '../../../src/report/schema.js';
import { visible, visibleLine } from '../../../src/report/visible.js';
import { finding } from './formats-fixture.js';
import { readFileSync, existsSync } from 'node:fs';
import { reportSchemaPath } from '../../helpers/schema.js';

const ok = (path: string, over: Partial<FileReport> = {}): FileReport => ({ path, language: 'ja', status: 'ok', durationSec: 10, transcriptSource: 'transcript', findings: [finding()], ...over });

describe('createBaseline with the baseline it replaces', () => {
  it('a file that fails to parse keeps its accepted findings; audited files are recorded afresh', () => {
    const before = createBaseline(buildReport([ok('a.srt'), ok('b.srt')], '1'));
    const now = buildReport([ok('a.srt', { findings: [] }), { path: 'b.srt', language: null, status: 'error', error: 'b.srt:2:18: expected a timing line', durationSec: null, findings: [] }], '1');
    const after = createBaseline(now, undefined, before);
    expect(after.findings.map((e) => e.file)).toEqual(['b.srt']);
    expect(after.findings[0]).toMatchObject({ ruleId: 'jp/keihyo/superlative', count: 1 });
  });
});

describe('merge', () => {
  const good = buildReport([ok('a.srt')], '0.1.0');

  it('refuses a report that breaks the schema, saying where (unknown severity, times as strings)', () => {
    const bad = JSON.parse(JSON.stringify(good));
    bad.files[0].findings[0].severity = 'critical';
    bad.files[0].findings[0].start = '0:12';
    const run = () => parseReport(JSON.stringify(bad), 'shard-2.json');
    expect(run).toThrow(ReportFormatError);
    expect(run).toThrow(/shard-2\.json: does not match the report schema: .*files\[0\]\.findings\[0\]\.(start|severity)/);
  });

  it('says when reports come from other versions and when one file is in two reports', () => {
    const other = buildReport([ok('a.srt'), ok('c.srt')], '0.2.0');
    const notes = mergeDifferences([
      { file: 'one.json', report: good },
      { file: 'two.json', report: other },
    ]);
    expect(notes[0]).toMatch(/different livecomply versions \(0\.1\.0: one\.json; 0\.2\.0: two\.json\)/);
    expect(notes[1]).toMatch(/1 file\(s\) are in more than one report; the entry of the later report is kept: a\.srt \(in one\.json and two\.json\)/);
  });

  it('says when a ruleset differs between reports (a house rule edited between shards), and the merge keeps every ruleset used', () => {
    const a = { ...buildReport([ok('x.srt')], '0.1.0'), rulesets: [{ id: 'cn', digest: 'aaaa' }, { id: 'jp', digest: 'bbbb' }] };
    const b = { ...buildReport([ok('y.srt')], '0.1.0'), rulesets: [{ id: 'cn', digest: 'cccc' }] };
    const notes = mergeDifferences([
      { file: 'one.json', report: a },
      { file: 'two.json', report: b },
    ]);
    expect(notes).toEqual([expect.stringMatching(/ruleset cn differs between the reports \(one\.json vs two\.json\)/)]);
    expect(mergeReports([a, b], '0.1.0').rulesets).toEqual([
      { id: 'cn', digest: 'aaaa' },
      { id: 'cn', digest: 'cccc' },
      { id: 'jp', digest: 'bbbb' },
    ]);
    const c = { ...buildReport([ok('z.srt')], '0.1.0'), rulesets: [{ id: 'cn', digest: 'aaaa' }] };
    expect(mergeDifferences([{ file: 'one.json', report: a }, { file: 'three.json', report: c }])).toEqual([]);
  });

  it('validates with the contract\'s schema', () => {
    if (existsSync(reportSchemaPath())) expect(REPORT_SCHEMA).toEqual(JSON.parse(readFileSync(reportSchemaPath(), 'utf8')));
  });
});

describe('control characters are shown, never sent to the terminal', () => {
  const ESC = '\u001b[2J\u001b]0;pwned\u0007';

  it('visible / visibleLine', () => {
    expect(visible(`a${ESC}b\nc`)).toBe('a␛[2J␛]0;pwned␇b\nc');
    expect(visibleLine('a\nb\u202ec')).toBe('a␊b<U+202E>c');
  });

  it('in the pretty report (words, context, path, error) and Markdown headings', () => {
    const report = buildReport(
      [
        ok(`evil${ESC}.json`, { findings: [finding({ text: `日本${ESC}一`, context: `この${ESC}美容液は日本${ESC}一` })] }),
        { path: `bad\u001b[8m.srt`, language: null, status: 'error', error: `hidden\u001b[8m`, durationSec: null, findings: [] },
      ],
      '1',
    );
    for (const out of [formatPretty(report, { color: false, failOn: 'error' }), formatMarkdown(report, { failOn: 'error' })]) {
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(out).toContain('␛');
    }
  });

  it('a failed file is "path: error", the path once', () => {
    expect(fileErrorLine({ path: 'broken.srt', error: 'broken.srt:2:18: expected a timing line' })).toBe('broken.srt:2:18: expected a timing line');
    expect(fileErrorLine({ path: 'x.mp4', error: 'no audio stream' })).toBe('x.mp4: no audio stream');
  });
});

describe('SARIF links', () => {
  it('percent-encodes a readable (IRI) law address into a URI reference, keeping existing escapes', async () => {
    const { asUri } = await import('../../../src/report/formats/sarif.js');
    expect(asUri('https://www.law.go.kr/법령/화장품법')).toBe('https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%ED%99%94%EC%9E%A5%ED%92%88%EB%B2%95');
    expect(asUri('https://example.org/a%20b?q=1#x')).toBe('https://example.org/a%20b?q=1#x');
  });
});
