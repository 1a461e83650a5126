import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { parseConfig, type Config } from '../../../src/config/load.js';
import { AUDIT_OPTIONS, CONFIG_KEYS, MERGE_OPTIONS, TRANSCRIBE_OPTIONS } from '../../../src/config/options.js';
import { withInterrupt } from '../../../src/cli/interrupt.js';
import { addOptions, attributeOf, auditOptions, formatsFor, parsedOptions } from '../../../src/cli/options.js';
import { sortByPath } from '../../../src/cli/audit.js';
import type { FileReport } from '../../../src/report/model.js';

const terminal = { color: false, interactive: false };

/** Parse an audit command line as main() does, without running anything. */
function auditCli(...args: string[]) {
  const cmd = addOptions(new Command('audit').exitOverride().argument('<inputs...>'), AUDIT_OPTIONS);
  cmd.parse(['x.srt', ...args], { from: 'user' });
  return parsedOptions(AUDIT_OPTIONS, cmd);
}

describe('the options table', () => {
  it('gives every configuration key a command-line flag, and the schema exactly those keys', () => {
    expect(CONFIG_KEYS.length).toBeGreaterThan(10);
    for (const key of CONFIG_KEYS) expect(AUDIT_OPTIONS[key].flags).toMatch(/^--[a-z-]+ </);
    expect(() => parseConfig('writeBaseline: b.json\n', 'c.yaml')).toThrow(/c\.yaml:1:1/);
    expect(() => parseConfig('shard: 1/2\n', 'c.yaml')).toThrow();
  });

  it('names option values as commander does', () => {
    expect(attributeOf('--output-dir <dir>')).toBe('outputDir');
    expect(attributeOf('--ruleset <name-or-path...>')).toBe('ruleset');
    expect(attributeOf('--fail-on <severity>')).toBe('failOn');
  });

  it('shares the report options of audit with merge and transcribe (no second definition)', () => {
    expect(MERGE_OPTIONS.failOn).toBe(AUDIT_OPTIONS.failOn);
    expect(TRANSCRIBE_OPTIONS.lang).toBe(AUDIT_OPTIONS.lang);
  });

  it('parses and checks the command line text by the table (a bad value throws commander’s error)', () => {
    expect(auditCli('--format', 'json,html,json', '--concurrency', '3', '--include', 'a,b', '--include', 'c').values).toMatchObject({
      format: ['json', 'html'],
      concurrency: 3,
      include: ['a', 'b', 'c'],
    });
    expect(() => auditCli('--concurrency', '0')).toThrow(/whole number/);
    expect(() => auditCli('--format', 'xml')).toThrow(/unknown format "xml"/);
    expect(() => auditCli('--lang', 'en')).toThrow(/Allowed choices are ja, zh, ko, auto/);
  });
});

describe('option precedence: command line over configuration file over defaults', () => {
  const config: Config = parseConfig('lang: ko\nfailOn: warning\nformat: json\noutput: out/r.json\nbaseline: b.json\n', '/p/livecomply.config.yaml');

  it('uses the defaults with neither', () => {
    const o = auditOptions(auditCli(), undefined, terminal);
    expect(o).toMatchObject({ lang: 'auto', failOn: 'error', transcript: 'auto', screen: 'on', messageLanguage: 'local', formats: ['pretty'], rulesets: [], langFrom: '--lang', outputFromConfig: false });
    expect(o.output).toBeUndefined();
  });

  it('takes the configuration file over the defaults, its paths relative to it', () => {
    const o = auditOptions(auditCli(), config, terminal);
    expect(o).toMatchObject({ lang: 'ko', failOn: 'warning', formats: ['json'], output: '/p/out/r.json', baseline: '/p/b.json', configFile: '/p/livecomply.config.yaml', outputFromConfig: true });
    expect(o.langFrom).toBe('lang: ko in /p/livecomply.config.yaml');
  });

  it('takes the command line over the configuration file', () => {
    const o = auditOptions(auditCli('--lang', 'ja', '--fail-on', 'never', '--output', 'here.html'), config, terminal);
    expect(o).toMatchObject({ lang: 'ja', failOn: 'never', output: 'here.html', langFrom: '--lang', outputFromConfig: false });
    expect(o.formats).toEqual(['json']); // the configuration's format still applies
    expect(auditOptions(auditCli('--output', 'here.html'), undefined, terminal).formats).toEqual(['html']);
  });

  it('ignores the configured baseline when writing one (it may not exist yet)', () => {
    expect(auditOptions(auditCli('--write-baseline', 'new.json'), config, terminal).baseline).toBeUndefined();
    expect(auditOptions(auditCli('--write-baseline', 'new.json', '--baseline', 'old.json'), config, terminal).baseline).toBe('old.json');
  });

  it('picks the format from --output’s extension when none is given', () => {
    expect(formatsFor(undefined, 'r.sarif')).toEqual(['sarif']);
    expect(formatsFor(undefined, 'r.XML')).toEqual(['junit']);
    expect(formatsFor(undefined, 'report')).toEqual(['pretty']);
    expect(formatsFor(undefined, undefined)).toEqual(['pretty']);
  });
});

describe('Ctrl-C (withInterrupt)', () => {
  it('aborts the work on the first SIGINT and quits with 130 on the second; the handler goes afterwards', async () => {
    const write = vi.fn();
    const exit = vi.fn();
    const before = process.listenerCount('SIGINT');
    const aborted = await withInterrupt(async (signal) => {
      expect(process.listenerCount('SIGINT')).toBe(before + 1);
      process.emit('SIGINT');
      expect(signal.aborted).toBe(true);
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT');
      return signal.aborted;
    }, { write, exit });
    expect(aborted).toBe(true);
    expect(exit).toHaveBeenCalledWith(130);
    expect(write).toHaveBeenCalledWith(expect.stringMatching(/interrupted; finishing the files in progress/));
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

it('sorts the report’s files by path', () => {
  const f = (p: string): FileReport => ({ path: p, language: null, status: 'ok', durationSec: null, findings: [] });
  expect(sortByPath([f('b'), f('a/z'), f('a')]).map((x) => x.path)).toEqual(['a', 'a/z', 'b']);
});

describe('report destinations shared by audit and merge', () => {
  it('needs --output-dir for several formats, and shows the summary table only when stdout is not already one', async () => {
    const { checkFormats, summaryFor } = await import('../../../src/cli/report-output.js');
    expect(() => checkFormats({ formats: ['json', 'html'] })).toThrow(/need --output-dir/);
    expect(() => checkFormats({ formats: ['json', 'html'], outputDir: 'out' })).not.toThrow();
    const f = (p: string): FileReport => ({ path: p, language: 'ja', status: 'ok', durationSec: 1, findings: [] });
    expect(summaryFor([f('a'), f('b')], { formats: ['pretty'] })).toBe('');
    expect(summaryFor([f('a'), f('b')], { formats: ['json'] })).toMatch(/summary/);
    expect(summaryFor([f('a')], { formats: ['json'] })).toBe('');
    expect(summaryFor([f('a')], { formats: ['json'] }, 2)).toMatch(/summary/);
  });
});
