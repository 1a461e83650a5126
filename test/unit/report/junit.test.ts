import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJunit, xmlEscape } from '../../../src/report/formats/junit.js';
import { findAll, parseXml, textOf, XmlError } from '../../helpers/xml.js';
import { files, finding, report, XSS } from './formats-fixture.js';

/** What survives XML 1.0: characters it cannot carry become U+FFFD. */
function xmlSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

describe('JUnit XML', () => {
  it('the checker rejects XML that is not well-formed (so passing it means something)', () => {
    for (const bad of ['<a>', '<a></b>', '<a x="1" x="2"/>', '<a>&foo;</a>', '<a>\u0001</a>', '<a x="<"/>', '<a/><b/>', '<a>&#0;</a>']) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
    expect(parseXml('<?xml version="1.0"?><a x="1&amp;2">t&lt;<b/></a>')).toEqual({ name: 'a', attrs: { x: '1&2' }, children: ['t<', { name: 'b', attrs: {}, children: [] }] });
  });

  it('a testsuite per file with counts and duration; a failing testcase per finding at or above --fail-on', () => {
    const root = parseXml(formatJunit(report(), { failOn: 'error' }));
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['streams/2026-11-01 夜の配信.mp4', 'hostile/a|b,"c".srt', 'notes/untimed.txt', 'clean/ok.vtt', 'broken/bad.srt']);
    const stream = suites[0]!;
    // Three error findings fail; the warning is below --fail-on error and is only listed.
    expect(stream.attrs).toMatchObject({ tests: '3', failures: '3', errors: '0', time: '3605.2' });
    const failures = findAll(stream, 'failure');
    expect(failures.map((f) => f.attrs.type)).toEqual(['seller-disclosure', 'superlative', 'superlative']);
    expect(failures[1]!.attrs.message).toContain('景品表示法 第5条第1号');
    const body = textOf(failures[1]!);
    expect(body).toContain('time: 0:12');
    expect(body).toContain('context: この美容液は日本一売れているんです。');
    expect(body).toContain('law: 景品表示法 第5条第1号');
    expect(textOf(findAll(stream, 'system-out')[0]!)).toContain('今だけ');
    const cases = findAll(stream, 'testcase');
    expect(cases[1]!.attrs.name).toBe('0:12–0:13 jp/keihyo/superlative 「日本一」');
    expect(cases[1]!.attrs.classname).toBe('streams/2026-11-01 夜の配信.mp4');
    // With --fail-on warning the warning fails too.
    const w = findAll(parseXml(formatJunit(report(), { failOn: 'warning' })), 'testsuite')[0]!;
    expect(w.attrs).toMatchObject({ tests: '4', failures: '4' });
    expect(root.attrs).toMatchObject({ tests: '7', failures: '5', errors: '1' });
  });

  it('a file without findings is one passing testcase; a failed file is an <error>', () => {
    const suites = findAll(parseXml(formatJunit(report(), { failOn: 'error' })), 'testsuite');
    const clean = suites[3]!;
    expect(clean.attrs).toMatchObject({ tests: '1', failures: '0', errors: '0', time: '61' });
    expect(findAll(clean, 'testcase')[0]).toMatchObject({ attrs: { name: 'no findings' }, children: [] });
    const broken = suites[4]!;
    expect(broken.attrs).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const err = findAll(broken, 'error')[0]!;
    expect(err.attrs.message).toBe('broken/bad.srt:3:1: expected a time line like 00:00:01,000 --> 00:00:02,000');
    // --fail-on never: nothing fails, every ok file passes.
    const never = parseXml(formatJunit(report(), { failOn: 'never' }));
    expect(findAll(never, 'failure')).toEqual([]);
  });

  it('escapes markup and drops characters XML 1.0 cannot carry (control characters, lone surrogates)', () => {
    const nasty = `${XSS} \u0000\u0001\u001b\uFFFE \uD800 tab\tnl\ncr\r ]]> 😀`;
    const rep = report([{ path: `p${nasty}.srt`, language: 'ja', status: 'ok', durationSec: 1, findings: [finding({ text: nasty, context: nasty, message: nasty, category: nasty })] }]);
    const xml = formatJunit(rep, { failOn: 'error' });
    const root = parseXml(xml);
    const suite = findAll(root, 'testsuite')[0]!;
    expect(suite.attrs.name).toBe(xmlSafe(`p${nasty}.srt`));
    const failure = findAll(root, 'failure')[0]!;
    expect(failure.attrs.type).toBe(xmlSafe(nasty));
    expect(textOf(failure)).toContain(xmlSafe(nasty));
    expect(xml).not.toContain('</script>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('property: any text in any field gives well-formed XML that reads back as the same text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (path, words, message, error) => {
        const rep = report([
          { path, language: 'ja', status: 'ok', durationSec: 3, findings: [finding({ text: words, context: `«${words}»`, message })] },
          { path: `${path}/x`, language: null, status: 'error', error, durationSec: null, findings: [] },
        ]);
        const root = parseXml(formatJunit(rep, { failOn: 'error' }));
        const [ok, bad] = findAll(root, 'testsuite');
        expect(ok!.attrs.name).toBe(xmlSafe(path));
        expect(findAll(ok!, 'failure')[0]!.attrs.message).toBe(xmlSafe(`${message} (景品表示法 第5条第1号)`));
        expect(textOf(findAll(ok!, 'failure')[0]!)).toContain(xmlSafe(`context: «${words}»`));
        expect(findAll(bad!, 'error')[0]!.attrs.message).toBe(xmlSafe(error || 'could not be audited'));
      }),
      { numRuns: 300 },
    );
  });

  it('xmlEscape keeps tabs and line breaks in attributes as character references', () => {
    expect(xmlEscape('a\tb\nc\rd"\'', true)).toBe('a&#9;b&#10;c&#13;d&quot;&apos;');
    expect(parseXml(`<a v="${xmlEscape('a\tb\nc\r\nd', true)}"/>`).attrs.v).toBe('a\tb\nc\r\nd');
  });

  it('an interrupted report says so in the testsuites name', () => {
    const rep = { ...report(files().slice(3, 4)), interrupted: true as const };
    expect(parseXml(formatJunit(rep, { failOn: 'error' })).attrs.name).toContain('interrupted');
  });
});
