import { describe, expect, it } from 'vitest';
import { buildSarif, FINGERPRINT_KEY, formatSarif, SRCROOT, type SarifLog } from '../../../src/report/formats/sarif.js';
import { normaliseFindingText as normaliseForFingerprint } from '../../../src/report/baseline.js';
import { buildReport } from '../../../src/report/model.js';
import { validateSarif } from '../../helpers/sarif.js';
import { files, finding, report, RULES } from './formats-fixture.js';

const ctx = { rules: RULES, cwd: '/home/me/project' };
const parse = (s: string) => JSON.parse(s) as SarifLog;

describe('SARIF 2.1.0', () => {
  it('validates against the official SARIF 2.1.0 schema, with rules and without (a merged report)', () => {
    expect(validateSarif(parse(formatSarif(report(), ctx)))).toEqual([]);
    expect(validateSarif(parse(formatSarif(report(), {})))).toEqual([]);
    expect(validateSarif(parse(formatSarif(buildReport([], '0.0.1'), {})))).toEqual([]);
  });

  it('the schema check catches a broken log (it is really validating)', () => {
    const log = buildSarif(report(), ctx) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log).length).toBeGreaterThan(0);
  });

  it('describes every rule of the rulesets used, triggered or not, in English and the local language', () => {
    const run = buildSarif(report(), ctx).runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'livecomply', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(RULES.map((r) => r.id));
    const sup = run.tool.driver.rules[0]!;
    expect(sup.shortDescription.text).toBe('Superlatives without evidence risk being misleading about quality');
    expect(sup.fullDescription.text).toContain('根拠のない最上級表示');
    expect(sup.help.text).toContain('景品表示法 第5条第1号');
    expect(sup.helpUri).toBe('https://example.org/rules/superlative');
    expect(sup.properties).toMatchObject({ category: 'superlative', kind: 'prohibit', reference: '景品表示法 第5条第1号' });
    expect(sup.properties.tags).toContain('superlative');
    expect(sup.defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.rules.find((r) => r.id === 'kr/food/medical-claim')?.defaultConfiguration.level).toBe('note');
    expect(run.tool.driver.rules.find((r) => r.id === 'jp/tokushoho/seller-disclosure')?.fullDescription.text).toContain('named at least once');
  });

  it('without rule metadata, derives rule entries from the findings (id, category, reference, message)', () => {
    const run = buildSarif(report(), {}).runs[0]!;
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id).sort()).toEqual(['cn/ad-law/absolute', 'jp/keihyo/dual-pricing', 'jp/keihyo/superlative', 'jp/tokushoho/seller-disclosure']);
    const seller = rules.find((r) => r.id === 'jp/tokushoho/seller-disclosure')!;
    expect(seller.properties).toMatchObject({ category: 'seller-disclosure', kind: 'require', reference: '特定商取引法 第11条' });
    // The window detail "(…)" of a missing finding is not part of the rule's message.
    expect(seller.shortDescription.text).toBe('販売事業者の名称を明示してください');
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('results: rule index, level, message, relative percent-encoded uri with a base, seconds in region.properties', () => {
    const run = buildSarif(report(), ctx).runs[0]!;
    expect(run.originalUriBaseIds?.[SRCROOT]?.uri).toBe('file:///home/me/project/');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    const first = run.results.find((r) => r.properties.startSec === 12.4)!;
    expect(first.level).toBe('error');
    expect(first.message.text).toContain('「日本一」');
    expect(first.message.text).toContain('0:12');
    expect(first.message.text).toContain('景品表示法 第5条第1号');
    // The finding message is Japanese: the English rule message follows it.
    expect(first.message.text).toContain('Superlatives without evidence');
    const loc = first.locations[0]!.physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'streams/2026-11-01%20%E5%A4%9C%E3%81%AE%E9%85%8D%E4%BF%A1.mp4', uriBaseId: SRCROOT, index: 0 });
    expect(decodeURI(loc.artifactLocation.uri)).toBe('streams/2026-11-01 夜の配信.mp4');
    expect(loc.region.properties).toMatchObject({ startSec: 12.4, endSec: 13.1, time: '0:12' });
    expect(loc.region.startLine).toBeUndefined();
    expect(loc.region.snippet?.text).toBe('この美容液は日本一売れているんです。');
    const warning = run.results.find((r) => r.ruleId === 'jp/keihyo/dual-pricing')!;
    expect(warning.level).toBe('warning');
    expect(warning.message.text).toContain('1:00:01');
    // A line-based finding has a real startLine; an untimed one null seconds.
    const untimed = run.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'notes/untimed.txt')!;
    expect(untimed.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 3, properties: { startSec: null, endSec: null } });
    expect(untimed.message.text).toContain('on line 3');
    const hostile = run.results.find((r) => r.ruleId === 'cn/ad-law/absolute')!;
    expect(hostile.locations[0]!.physicalLocation.artifactLocation.uri).toBe('hostile/a%7Cb%2C%22c%22.srt');
    expect(run.artifacts.map((a) => a.properties.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'error']);
  });

  it('absolute paths become file:// URIs without a base', () => {
    const rep = buildReport([{ path: '/data/配信 1.mp4', language: 'ja', status: 'ok', durationSec: 10, findings: [finding()] }], '1.0.0');
    const loc = buildSarif(rep, {}).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(loc.uri).toBe('file:///data/%E9%85%8D%E4%BF%A1%201.mp4');
    expect(loc.uriBaseId).toBeUndefined();
    expect(validateSarif(buildSarif(rep, {}))).toEqual([]);
  });

  it('files that failed become tool execution notifications and mark the execution unsuccessful', () => {
    const inv = buildSarif(report(), ctx).runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    const n = inv.toolExecutionNotifications[0]!;
    expect(n.level).toBe('error');
    expect(n.message.text).toContain('broken/bad.srt:3:1: expected a time line');
    expect(n.locations[0]!.physicalLocation.artifactLocation.uri).toBe('broken/bad.srt');
    const ok = buildSarif(report(files().filter((f) => f.status === 'ok')), ctx).runs[0]!.invocations[0]!;
    expect(ok).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('an interrupted report is not a successful execution', () => {
    const rep = { ...report(files().slice(0, 1)), interrupted: true as const };
    const run = buildSarif(rep, ctx).runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(validateSarif(buildSarif(rep, ctx))).toEqual([]);
  });

  describe('partialFingerprints', () => {
    const printsOf = (rep: ReturnType<typeof report>) => buildSarif(rep, {}).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);

    it('stay the same when the recording is re-cut (every time shifts) or the words differ only in width, case or spacing', () => {
      const before = printsOf(report());
      const shifted = files().map((f) => ({ ...f, findings: f.findings.map((x) => ({ ...x, start: x.start === null ? null : x.start + 37.5, end: x.end === null ? null : x.end + 37.5, context: `…${x.context}` })) }));
      expect(printsOf(report(shifted))).toEqual(before);
      expect(normaliseForFingerprint('ＮＯ．１　です')).toBe(normaliseForFingerprint('no.1です'));
    });

    it('differ between rules, files and words, and between repeats of the same words in a file', () => {
      const prints = printsOf(report());
      expect(new Set(prints).size).toBe(prints.length);
      const [a, b] = printsOf(report([{ path: 'x.srt', language: 'ja', status: 'ok', durationSec: 9, findings: [finding({ start: 1 }), finding({ start: 5 })] }]));
      expect(a!.split(':')[0]).toBe(b!.split(':')[0]);
      expect([a!.split(':')[1], b!.split(':')[1]]).toEqual(['1', '2']);
      const [other] = printsOf(report([{ path: 'y.srt', language: 'ja', status: 'ok', durationSec: 9, findings: [finding({ start: 1 })] }]));
      expect(other).not.toBe(a);
    });
  });
});
