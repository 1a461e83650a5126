import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHtml, htmlData, mediaKind, scriptJson, type HtmlData } from '../../../src/report/formats/html.js';
import { buildReport } from '../../../src/report/model.js';
import { files, finding, report, XSS } from './formats-fixture.js';

const ctx = { failOn: 'error' as const, cwd: '/home/me/project', outputDir: '/home/me/project/reports' };

function embedded(html: string): HtmlData {
  const m = /<script type="application\/json" id="lc-data">([^]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!) as HtmlData;
}

describe('HTML report (static checks; the browser test is test/e2e/html-report.test.ts)', () => {
  it('is one self-contained file: no external scripts, styles, fonts, images or links', () => {
    const html = formatHtml(report(), ctx);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // No URL in the markup outside the embedded data (which is text, never fetched).
    const markup = html.replace(/<script type="application\/json" id="lc-data">[^]*?<\/script>/, '');
    expect(markup).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('user text cannot break out: it is JSON in a data script with < escaped, and parses back unchanged', () => {
    const html = formatHtml(report(), ctx);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    const data = embedded(html);
    const hostile = data.files[1]!.findings[0]!;
    expect(hostile.text).toBe(`国家级${XSS}`);
    expect(hostile.context).toContain('=HYPERLINK("http://evil")|pipe\nnew line');
    expect(data.files.map((f) => f.path)).toEqual(files().map((f) => f.path));
    expect(scriptJson({ a: '</script>\u2028<!--&' })).toBe('{"a":"\\u003c/script\\u003e\\u2028\\u003c!--\\u0026"}');
  });

  it('the Content-Security-Policy allows exactly its own inline script (by hash)', () => {
    const html = formatHtml(report(), ctx);
    const script = /<script>([^]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(html).toContain(`script-src &#39;sha256-${hash}&#39;`);
    // No inline event handlers in the markup (the CSP would block them); the data is text.
    const markup = html.replace(/<script type="application\/json" id="lc-data">[^]*?<\/script>/, '');
    expect(markup).not.toMatch(/\son[a-z]+=/i);
  });

  it('a player for recordings, with src relative to the report folder; none for transcript files', () => {
    const data = htmlData(report(), ctx);
    expect(data.files[0]!.media).toEqual({ kind: 'video', src: '../streams/2026-11-01%20%E5%A4%9C%E3%81%AE%E9%85%8D%E4%BF%A1.mp4' });
    expect(data.files.slice(1).map((f) => f.media)).toEqual([null, null, null, null]);
    // Report in the working directory itself; absolute media paths; no folder known.
    const one = (p: string, c: Parameters<typeof htmlData>[1]) => htmlData(buildReport([{ path: p, language: 'ja', status: 'ok', durationSec: 1, transcriptSource: 'asr', findings: [] }], '1'), c).files[0]!.media;
    expect(one('a b/c#1.m4a', { failOn: 'error', cwd: '/w', outputDir: '/w' })).toEqual({ kind: 'audio', src: 'a%20b/c%231.m4a' });
    expect(one('/media/x.WAV', { failOn: 'error', cwd: '/w', outputDir: '/w/out' })).toEqual({ kind: 'audio', src: '../../media/x.WAV' });
    expect(one('x.webm', { failOn: 'error' })).toEqual({ kind: 'video', src: 'x.webm' });
    expect(one('x.srt', { failOn: 'error' })).toBeNull();
    expect([mediaKind('a.mp4'), mediaKind('a.ts'), mediaKind('a.flac'), mediaKind('a.vtt'), mediaKind('dir.mp4/file')]).toEqual(['video', 'video', 'audio', undefined, undefined]);
  });

  it('embeds the transcript when given, with clock times', () => {
    const transcripts = { 'streams/2026-11-01 夜の配信.mp4': [{ start: 12, end: 14, text: 'この美容液は日本一売れているんです。' }, { start: 3601, end: 3602, text: '今だけ半額' }] };
    const data = htmlData(report(), { ...ctx, transcripts });
    expect(data.files[0]!.transcript).toEqual([
      { start: 12, end: 14, time: '0:12', text: 'この美容液は日本一売れているんです。' },
      { start: 3601, end: 3602, time: '1:00:01', text: '今だけ半額' },
    ]);
    expect(data.files[1]!.transcript).toBeNull();
  });

  it('works without rules, cwd or output folder (a merged report) and marks an interrupted one', () => {
    const rep = { ...buildReport([{ path: 'a.mp3', language: 'ko', status: 'ok', durationSec: 5, findings: [finding()] }], '1'), interrupted: true as const };
    const html = formatHtml(rep, { failOn: 'warning' });
    expect(html).toContain('interrupted');
    expect(embedded(html).failOn).toBe('warning');
  });
});
