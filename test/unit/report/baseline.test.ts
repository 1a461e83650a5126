import { describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, createBaseline, normaliseFindingText, parseBaseline } from '../../../src/report/baseline.js';
import { buildReport, type Finding, type FileReport } from '../../../src/report/model.js';

const finding = (ruleId: string, text: string, start: number | null, kind: Finding['kind'] = 'prohibited'): Finding => ({
  ruleId,
  category: 'superlative',
  kind,
  severity: 'error',
  start,
  end: start === null ? null : start + 1,
  text,
  context: text,
  message: 'm',
  reference: 'r',
});
const file = (path: string, findings: Finding[]): FileReport => ({ path, language: 'zh', status: 'ok', durationSec: 60, findings });

describe('baseline', () => {
  it('matches by rule, file and normalised words, not by seconds (a re-cut recording keeps its accepted findings)', () => {
    const today = buildReport([file('a.srt', [finding('cn/x', '国家级', 10), finding('cn/seller', '', 0, 'missing')])], '1');
    const baseline = parseBaseline(JSON.stringify(createBaseline(today)), 'b.json');
    const recut = buildReport([file('a.srt', [finding('cn/x', '国家级！', 42), finding('cn/seller', '', 0, 'missing')])], '1');
    const r = applyBaseline(recut, baseline);
    expect(r.files[0]!.findings).toEqual([]);
    expect(r.summary).toMatchObject({ findings: 0, baselined: 2 });
  });

  it('reports what is new: another rule, another file, or one occurrence more', () => {
    const baseline = createBaseline(buildReport([file('a.srt', [finding('cn/x', '国家级', 10)])], '1'));
    const next = buildReport(
      [file('a.srt', [finding('cn/x', '国家级', 10), finding('cn/x', '国家级', 30), finding('cn/y', '国家级', 10)]), file('b.srt', [finding('cn/x', '国家级', 10)])],
      '1',
    );
    const r = applyBaseline(next, baseline);
    expect(r.files[0]!.findings.map((f) => [f.ruleId, f.start])).toEqual([
      ['cn/x', 30],
      ['cn/y', 10],
    ]);
    expect(r.files[1]!.findings).toHaveLength(1);
    expect(r.summary).toMatchObject({ findings: 3, baselined: 1 });
  });

  it('normalises width, case, spaces and punctuation', () => {
    expect(normaliseFindingText(' ＮＯ．１！ ')).toBe(normaliseFindingText('no1'));
  });

  it('rejects files that are not baselines, naming the file', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(/b\.json: not valid JSON/);
    expect(() => parseBaseline('{"schemaVersion":1,"files":[]}', 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{"schemaVersion":1,"kind":"livecomply-baseline","findings":[{"ruleId":"x"}]}', 'b.json')).toThrow(/findings\[0\]/);
  });
});
