import { describe, expect, it } from 'vitest';
import { formatMarkdown, mdCell, mdCode } from '../../../src/report/formats/markdown.js';
import { buildReport } from '../../../src/report/model.js';
import { files, finding, report } from './formats-fixture.js';

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('Markdown', () => {
  it('a summary line and table, failed files with their errors, a table per file with findings', () => {
    const md = formatMarkdown(report(), { failOn: 'error' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('### ❌ livecomply: 6 findings (5 errors, 1 warning) in 5 files, 1 could not be audited');
    expect(md).toContain('| 5 | 4 | 1 |');
    expect(md).toContain('#### Could not be audited');
    expect(md).toContain('- `broken/bad.srt`: broken/bad.srt:3:1: expected a time line like 00:00:01,000 --\\> 00:00:02,000');
    expect(md).toContain('#### `streams/2026-11-01 夜の配信.mp4` (ja, sidecar, 1:00:05) — 4 findings');
    const row = lines.find((l) => l.startsWith('| 0:12–0:13 |'))!;
    expect(cells(row)).toEqual(['0:12–0:13', '🔴 error', '`jp/keihyo/superlative`', '「日本一」 根拠のない最上級表示は優良誤認表示となるおそれがあります', '景品表示法 第5条第1号']);
    expect(md).toContain('| 1:00:01–1:00:03 | 🟡 warning |');
    expect(md).toContain('| line 3 |');
    expect(md).toContain('No findings in `clean/ok.vtt`.');
  });

  it('escapes pipes, line breaks and Markdown in cells: every table row keeps its five cells', () => {
    const md = formatMarkdown(report(), { failOn: 'error' });
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| files') && !l.startsWith('| time') && !l.startsWith('| ---') && !/^\| \d+ \|/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(cells(r), r).toHaveLength(5);
    const hostile = rows.find((r) => r.includes('国家级'))!;
    expect(hostile).not.toContain('\n');
    expect(hostile).not.toMatch(/(?<!\\)<(?!br>)/); // no raw HTML but our <br>
    expect(hostile).toContain('\\*\\*bold\\*\\*');
    expect(hostile).toContain('\\[link\\]');
    expect(mdCell('a|b\nc\r\nd')).toBe('a\\|b<br>c<br>d');
    // No mentions or issue links when posted on GitHub (a word joiner after @ and #).
    expect(mdCell('thanks @octocat, see #12')).toBe('thanks @\u2060octocat, see #\u206012');
    expect(mdCell('a @ b # c')).toBe('a @ b # c');
    expect(mdCode('a`b|c')).toBe('``a`b\\|c``');
    expect(md).toContain('#### `hostile/a\\|b,"c".srt`');
  });

  it('a clean report says so', () => {
    const md = formatMarkdown(buildReport(files().filter((f) => f.findings.length === 0 && f.status === 'ok'), '1.0.0'), { failOn: 'error' });
    expect(md.split('\n')[0]).toBe('### ✅ livecomply: 0 findings in 1 file');
  });

  it('warnings alone pass at --fail-on error (✅) and fail at --fail-on warning (❌)', () => {
    const rep = buildReport([{ path: 'a.srt', language: 'ja', status: 'ok', durationSec: 5, findings: [finding({ severity: 'warning' })] }], '1.0.0');
    expect(formatMarkdown(rep, { failOn: 'error' })).toMatch(/^### ✅/);
    expect(formatMarkdown(rep, { failOn: 'warning' })).toMatch(/^### ❌/);
  });

  it('stays short enough to paste: past the budget the rest is counted, not listed', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding({ start: i, end: i + 1 }));
    const rep = buildReport([{ path: 'long.mp4', language: 'ja', status: 'ok', durationSec: 4000, findings: many }, ...files().slice(1)], '1.0.0');
    const md = formatMarkdown(rep, { failOn: 'error' });
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/\| … \| \| \| \d+ more in this file \| \|/);
    expect(md).toMatch(/_\d+ more findings left out to keep this short/);
    expect(md).toContain('#### Could not be audited');
    const small = formatMarkdown(rep, { failOn: 'error', budget: 2000 });
    expect(small.length).toBeLessThan(2600);
  });
});
