/** livecomply's own reports in an audited folder, pipes, and filters that leave nothing. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../../src/audit/inputs.js';
import { formatPretty } from '../../../src/report/formats/pretty.js';
import { buildReport } from '../../../src/report/model.js';
import { finding } from '../report/formats-fixture.js';

const SRT = '1\n00:00:01,000 --> 00:00:03,000\n国家级配方\n';

describe('collectInputs and our own outputs', () => {
  it('never audits a report livecomply wrote into the folder (by name, or a pretty report saved under another name)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-own-'));
    writeFileSync(path.join(dir, 'a.srt'), SRT);
    const pretty = formatPretty(buildReport([{ path: 'a.srt', language: 'ja', status: 'ok', durationSec: 3, transcriptSource: 'transcript', findings: [finding()] }], '0.1.0'), { color: false, failOn: 'error' });
    writeFileSync(path.join(dir, 'livecomply-report.txt'), pretty);
    writeFileSync(path.join(dir, 'monday-report.txt'), pretty);
    writeFileSync(path.join(dir, 'livecomply-report.json'), '{"schemaVersion":1,"tool":{"name":"livecomply","version":"0"},"files":[],"summary":{}}');
    writeFileSync(path.join(dir, 'notes.txt'), 'この美容液は日本一です\n');
    const { inputs } = await collectInputs([dir]);
    expect(inputs.map((i) => path.basename(i.path)).sort()).toEqual(['a.srt', 'notes.txt']);
  });

  it('a named pipe given as an input is a problem that says so, not a hang', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-own-'));
    execFileSync('mkfifo', [path.join(dir, 'x.srt')]);
    const { inputs, problems } = await collectInputs([path.join(dir, 'x.srt')], { cwd: dir });
    expect(inputs).toEqual([]);
    expect(problems).toEqual([{ path: 'x.srt', error: 'is a named pipe, not a regular file; livecomply reads only regular files' }]);
  });

  it('counts the files --include left out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-own-'));
    mkdirSync(path.join(dir, 'day1'));
    writeFileSync(path.join(dir, 'day1', 'a.txt'), 'x');
    writeFileSync(path.join(dir, 'day1', 'b.srt'), SRT);
    const r = await collectInputs([dir], { include: ['*.txt'] });
    expect(r.inputs).toEqual([]);
    expect(r.filteredOut).toBe(2);
  });
});
