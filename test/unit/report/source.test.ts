import { describe, expect, it } from 'vitest';
import { buildReport, type Finding } from '../../../src/report/model.js';
import { render } from '../../../src/report/formats/index.js';

const finding = (source: Finding['source'], start: number): Finding => ({
  ruleId: 'cn/ad-law/lowest-price',
  category: 'misleading-price',
  kind: 'prohibited',
  severity: 'error',
  start,
  end: start + 1,
  text: '全网最低价',
  context: '全网最低价',
  message: '禁止使用“全网最低价”',
  reference: '广告法 第九条',
  ...(source ? { source } : {}),
});
const report = buildReport([{ path: 'live.mp4', language: 'zh', status: 'ok', durationSec: 10, transcriptSource: 'embedded', findings: [finding('screen', 2), finding('subtitle', 5), finding(undefined, 8)] }], '0.0.0');
const ctx = { color: false, failOn: 'error' as const, cwd: process.cwd() };

describe('every format says where the words were (speech, subtitle, screen)', () => {
  it('pretty tags screen and subtitle findings', async () => {
    const out = await render('pretty', report, ctx);
    expect(out).toContain('「全网最低价」 [screen] ');
    expect(out).toContain('「全网最低价」 [subtitle] ');
  });
  it('CSV has a source column (speech when the words were said)', async () => {
    const lines = (await render('csv', report, ctx)).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.endsWith(',source')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').pop())).toEqual(['screen', 'subtitle', 'speech']);
  });
  it('SARIF: in the message and in the properties', async () => {
    const sarif = JSON.parse(await render('sarif', report, ctx)) as { runs: { results: { message: { text: string }; properties: { source: string } }[] }[] };
    const rs = sarif.runs[0]!.results;
    expect(rs.map((r) => r.properties.source)).toEqual(['screen', 'subtitle', 'speech']);
    expect(rs[0]!.message.text).toContain('「全网最低价」 (shown on screen)');
  });
  it('JUnit: shown on screen, and the source line', async () => {
    const xml = await render('junit', report, ctx);
    expect(xml).toContain('shown on screen: 全网最低价');
    expect(xml).toContain('source: screen');
  });
  it('HTML: the data carries the source for the badge', async () => {
    const html = await render('html', report, ctx);
    expect(html).toContain('"source":"screen"');
    expect(html).toMatch(/["']badge badge-["'] \+ f\.source/);
  });
});
