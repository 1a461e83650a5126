import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { validateReport } from '../helpers/schema.js';

interface JsonReport {
  files: { path: string; status: string; error?: string; language: string | null; findings: { ruleId: string; category: string; kind: string; start: number | null; end: number | null; text: string; line?: number }[] }[];
  summary: { files: number; failed: number; findings: number };
}

const json = (s: string) => JSON.parse(s) as JsonReport;

describe('livecomply audit (end to end)', () => {
  it('audits the bundled samples: a contract-valid JSON report, exit 1 because they hold violations', async () => {
    const r = await runCli(['audit', 'samples/', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(validateReport(report)).toEqual([]);
    expect(report.files.map((f) => [f.path, f.language, f.status])).toEqual([
      ['samples/ja-no-seller.txt', 'ja', 'ok'],
      ['samples/ja-stream.vtt', 'ja', 'ok'],
      ['samples/ko-stream.json', 'ko', 'ok'],
      ['samples/zh-stream.srt', 'zh', 'ok'],
    ]);
    const noSeller = report.files[0]!;
    expect(noSeller.findings.some((f) => f.kind === 'missing' && f.category === 'seller-disclosure')).toBe(true);
    for (const f of report.files) expect(f.findings.length).toBeGreaterThan(0);
  });

  it('a Chinese .srt: 国家级 and 全网最低价 at the right seconds, 最近 and 第一次 clean', async () => {
    const r = await runCliInProcess(['audit', 'test/fixtures/e2e/zh-claims.srt', '--format', 'json', '--ruleset', 'cn']);
    const [file] = json(r.stdout).files;
    const prohibited = file!.findings.filter((f) => f.kind === 'prohibited');
    const national = prohibited.find((f) => f.text === '国家级');
    expect(national?.category).toBe('superlative');
    expect(national!.start!).toBeGreaterThanOrEqual(10);
    expect(national!.end!).toBeLessThanOrEqual(14);
    const lowest = prohibited.find((f) => f.text.includes('最低价'));
    expect(lowest?.category).toBe('misleading-price');
    expect(lowest!.start!).toBeGreaterThanOrEqual(100);
    expect(lowest!.end!).toBeLessThanOrEqual(105);
    // Nothing in the first cue (最近, 第一次): no finding starts before 6 s.
    expect(prohibited.filter((f) => f.start! < 6)).toEqual([]);
  });

  it('pretty output: grouped by file, m:ss times, no colour when NO_COLOR is set or not a TTY', async () => {
    const r = await runCli(['audit', 'test/fixtures/e2e/zh-claims.srt', '--ruleset', 'cn']);
    expect(r.stdout).toContain('test/fixtures/e2e/zh-claims.srt');
    expect(r.stdout).toMatch(/0:1\d/);
    expect(r.stdout).toMatch(/\d+ findings? \(/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('exit 0 when nothing reaches --fail-on', async () => {
    const r = await runCliInProcess(['audit', 'test/fixtures/e2e/zh-claims.srt', '--fail-on', 'never', '--format', 'json']);
    expect(r.code).toBe(0);
  });

  it('an invalid ruleset exits 2 with file:line:col', async () => {
    const r = await runCliInProcess(['audit', 'samples/', '--ruleset', 'test/fixtures/e2e/invalid/ruleset.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test/fixtures/e2e/invalid/ruleset.yaml:7:5: rules[0].severity must be one of');
    expect(r.stdout).toBe('');
  });

  it('--version prints the package version (answered by bin/ before the CLI is loaded)', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('a reader that closes the pipe early (| head -1) ends the run quietly with its own exit code', async () => {
    // The reader is gone before the first line is written: every write meets a closed pipe.
    const child = spawn(process.execPath, [BIN, 'audit', 'samples/', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(1);
  });

  it('a bad option exits 2', async () => {
    const r = await runCliInProcess(['audit', 'samples/', '--fail-on', 'sometimes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fail-on/);
  });

  // In this process: exit 3 from the spawned CLI is proven by formats.test.ts and media.test.ts.
  it('an unreadable or broken input exits 3 while the other inputs are still reported', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-e2e-'));
    const unreadable = path.join(dir, 'locked.srt');
    writeFileSync(unreadable, '1\n00:00:01,000 --> 00:00:02,000\n国家级\n');
    chmodSync(unreadable, 0o000);
    const r = await runCliInProcess(['audit', 'test/fixtures/e2e/batch', 'missing-file.srt', unreadable, '--format', 'json', '--lang', 'auto']);
    expect(r.code).toBe(3);
    const report = json(r.stdout);
    expect(validateReport(report)).toEqual([]);
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath['test/fixtures/e2e/batch/broken.srt']?.status).toBe('error');
    expect(byPath['test/fixtures/e2e/batch/broken.srt']?.error).toMatch(/broken\.srt:2:\d+/);
    expect(byPath['missing-file.srt']).toMatchObject({ status: 'error', error: 'no such file or folder' });
    expect(byPath['test/fixtures/e2e/batch/ok.vtt']?.status).toBe('ok');
    expect(byPath['test/fixtures/e2e/batch/nested/claims.txt']?.status).toBe('ok');
    const untimed = byPath['test/fixtures/e2e/batch/nested/claims.txt']!.findings.find((f) => f.kind === 'prohibited');
    expect(untimed).toMatchObject({ start: null, end: null, line: 1 });
    // Root can read anything: the permission case only bites for other users.
    if (process.getuid?.() !== 0) expect(report.files.find((f) => f.path.endsWith('locked.srt'))?.status).toBe('error');
  });

  it('writes several formats into --output-dir', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-out-'));
    const r = await runCliInProcess(['audit', 'samples/zh-stream.srt', '--format', 'json,pretty', '--output-dir', dir]);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'livecomply-report.json'))).toBe(true);
    expect(validateReport(JSON.parse(readFileSync(path.join(dir, 'livecomply-report.json'), 'utf8')))).toEqual([]);
    expect(readFileSync(path.join(dir, 'livecomply-report.txt'), 'utf8')).toContain('samples/zh-stream.srt');
  });

  it('several formats without --output-dir is a usage error', async () => {
    const r = await runCliInProcess(['audit', 'samples/', '--format', 'json,csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output-dir/);
  });

  it('reads livecomply.config.yaml upward from the working directory; options override it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-cfg-'));
    writeFileSync(path.join(dir, 'livecomply.config.yaml'), 'failOn: never\nformat: json\n');
    writeFileSync(path.join(dir, 'a.srt'), readFileSync(path.join(ROOT, 'samples/zh-stream.srt')));
    const sub = path.join(dir, 'sub');
    (await import('node:fs')).mkdirSync(sub);
    const r = await runCliInProcess(['audit', '../a.srt'], { cwd: sub });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files[0]?.findings.length).toBeGreaterThan(0);
    const r2 = await runCliInProcess(['audit', '../a.srt', '--fail-on', 'error'], { cwd: sub });
    expect(r2.code).toBe(1);
  });

  it('an invalid config file exits 2 with file:line:col', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-cfg-'));
    writeFileSync(path.join(dir, 'livecomply.config.yaml'), 'format: json\nfailOn: sometimes\n');
    const r = await runCliInProcess(['audit', path.join(ROOT, 'samples')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('livecomply.config.yaml:2:1: failOn must be one of');
  });
});

describe('livecomply rules', () => {
  // The command end to end on one small ruleset: the built-in rules' 2,700 examples run in-process
  // in test/unit/corpus.test.ts (spawning them all again cost 11 s).
  it('rules test: a ruleset whose examples pass exits 0 with the count', async () => {
    const r = await runCliInProcess(['rules', 'test', 'test/fixtures/rulesets/zh-basic.yaml']);
    expect(r.stdout).toMatch(/\b9 passed, 0 failed\b/);
    expect(r.code).toBe(0);
  });

  it('rules test on a file that a ruleset next to it extends: run with that ruleset\'s context cues (named), --alone without (--explain says why)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-test-parent-'));
    writeFileSync(path.join(dir, 'house.yaml'), `id: house\nlanguage: zh\nextends: [house/claims.yaml]\ncontext:\n  negation: { before: [并不是], window: 4 }\n`);
    mkdirSync(path.join(dir, 'house'));
    writeFileSync(
      path.join(dir, 'house', 'claims.yaml'),
      `id: claims\nlanguage: zh\nrules:\n  - id: claims/best\n    kind: prohibit\n    category: superlative\n    severity: error\n    message: { zh: 不得使用绝对化用语, en: no absolute terms }\n    reference: 《广告法》第九条\n    terms: [最好]\n    examples: { bad: [这款最好], good: [这款并不是最好] }\n`,
    );
    const withParent = await runCliInProcess(['rules', 'test', path.join(dir, 'house', 'claims.yaml')]);
    expect(withParent.stdout).toMatch(/claims: 2\/2 examples pass \(with the context cues of house, .*house\.yaml, which extends it/);
    expect(withParent.code).toBe(0);
    // --explain (round 41) says why the good example was reported: no cue word stands in the line without the parent.
    const alone = await runCliInProcess(['rules', 'test', '--alone', '--explain', path.join(dir, 'house', 'claims.yaml')]);
    expect(alone.stdout).toMatch(/1 passed, 1 failed/);
    expect(alone.stdout).toContain('why: matcher "terms" found "最好"; no cue excused it (no cue word of the rule, negation or quotation is in the line)');
    expect(alone.code).toBe(1);
  });

  it('rules list shows the three rulesets with counts per category', async () => {
    const r = await runCli(['rules', 'list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; byCategory: Record<string, number> }[];
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining(['cn', 'jp', 'kr']));
    for (const rs of list) expect(rs.byCategory['seller-disclosure']).toBeGreaterThan(0);
  });

  it('rules lint: an invalid ruleset exits 2 with file:line:col', async () => {
    const r = await runCliInProcess(['rules', 'lint', 'test/fixtures/e2e/invalid/ruleset.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ruleset\.yaml:7:5: /);
  });

  it('rules show prints one rule', async () => {
    const r = await runCliInProcess(['rules', 'show', 'test/fixtures/rulesets/zh-basic.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('test-zh/absolute');
  });

  it('rules show prints patterns as written ({name}) with the vocab lists, not the expanded regular expressions', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-show-'));
    writeFileSync(
      path.join(dir, 'v.yaml'),
      `id: v\nlanguage: zh\nvocab:\n  disease: [痛风, 糖尿病]\nrules:\n  - id: v/cure\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { zh: 不得宣称治病, en: no cure claims }\n    reference: 《广告法》第十七条\n    patterns: ['{disease}.{0,4}治好']\n    examples: { bad: [痛风治好了], good: [心情好了] }\n`,
    );
    const all = await runCliInProcess(['rules', 'show', path.join(dir, 'v.yaml')]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('{disease}.{0,4}治好');
    expect(all.stdout).toMatch(/vocab:\n\s+disease:/);
    expect(all.stdout).not.toContain('(?:');
    // The expanded form is what matches.
    const t = await runCliInProcess(['rules', 'test', path.join(dir, 'v.yaml')]);
    expect(t.code).toBe(0);
    // A good example the rule reports is a failure: exit 1, the rule and the example named.
    writeFileSync(path.join(dir, 'w.yaml'), readFileSync(path.join(dir, 'v.yaml'), 'utf8').replace('good: [心情好了]', 'good: [糖尿病治好了]'));
    const f = await runCliInProcess(['rules', 'test', path.join(dir, 'w.yaml')]);
    expect(f.code).toBe(1);
    expect(f.stdout).toMatch(/1 passed, 1 failed/);
    expect(f.stdout + f.stderr).toContain('糖尿病治好了');
  });

  it('rules vocab lists each vocab list with the rules that name it (extended files, seq, words, regex), and one list with --name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-vocab-'));
    writeFileSync(path.join(dir, 'base.yaml'), 'id: b\nlanguage: zh\nvocab:\n  disease: [痛风, 糖尿病]\n  unused: [甲, 乙, 丙]\nrules: []\n');
    const rule = (id: string, matcher: string) =>
      `  - id: ${id}\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { zh: 不得宣称治病, en: no cure claims }\n    reference: 《广告法》第十七条\n    ${matcher}\n    examples: { bad: [痛风治好了], good: [心情好了] }\n`;
    writeFileSync(
      path.join(dir, 'v.yaml'),
      `id: v\nlanguage: zh\nextends: [base.yaml]\nvocab:\n  cure: [治好, 根治]\nrules:\n${rule('v/seq', 'match: [{ id: m, seq: ["{disease}", {gap: 2}, ["{cure}", 好了]] }]')}${rule('v/regex', "patterns: ['{disease}.{0,4}治好']")}`,
    );
    const all = await runCliInProcess(['rules', 'vocab', path.join(dir, 'v.yaml'), '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual([
      { ruleset: 'v', name: 'disease', words: 2, rules: ['v/seq', 'v/regex'] },
      { ruleset: 'v', name: 'unused', words: 3, rules: [] },
      { ruleset: 'v', name: 'cure', words: 2, rules: ['v/seq'] },
    ]);
    const one = await runCliInProcess(['rules', 'vocab', path.join(dir, 'v.yaml'), '--name', 'cure']);
    expect(one.stdout).toContain('v {cure}  2 words · 1 rule\n  v/seq\n  治好, 根治');
    const none = await runCliInProcess(['rules', 'vocab', path.join(dir, 'v.yaml'), '--name', 'cures']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('livecomply: no vocab list "cures" in v\n');
    // --inline: a list that spells out most of {disease} without naming it.
    writeFileSync(path.join(dir, 'base.yaml'), 'id: b\nlanguage: zh\nvocab:\n  disease: [痛风, 糖尿病, 高血压, 失眠]\nrules: []\n');
    writeFileSync(path.join(dir, 'i.yaml'), `id: i\nlanguage: zh\nextends: [base.yaml]\nrules:\n${rule('i/inline', 'match: [{ id: m, seq: [[痛风, 糖尿病, 高血压, 便秘], 治好] }]')}${rule('i/named', 'match: [{ id: m, seq: [["{disease}", 便秘], 治好] }]')}`);
    const inline = await runCliInProcess(['rules', 'vocab', path.join(dir, 'i.yaml'), '--inline', '--json']);
    expect(JSON.parse(inline.stdout)).toEqual([{ ruleset: 'i', rule: 'i/inline', matcher: 'm', name: 'disease', shared: 3, size: 4 }]);
  });

  it('never writes over an input: audit v.srt --output ./v.srt exits 2 before auditing, and v.srt is untouched', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-e2e-same-'));
    const srt = '1\n00:00:01,000 --> 00:00:03,000\n国家级配方\n';
    writeFileSync(path.join(dir, 'v.srt'), srt);
    const r = await runCliInProcess(['audit', 'v.srt', '--output', './v.srt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('livecomply: --output ./v.srt: that is an input of this audit; livecomply never writes over its inputs (choose another file)\n');
    expect(readFileSync(path.join(dir, 'v.srt'), 'utf8')).toBe(srt);
  });
});
