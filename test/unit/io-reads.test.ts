/** Files the user names are read only when regular and bounded; a non-ruleset YAML is not quoted. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readErrorReason } from '../../src/io/file-errors.js';
import { readRegularFile } from '../../src/io/read-file.js';
import { loadRuleset } from '../../src/rules/load.js';
import { readManifest } from '../../src/manifest/load.js';
import { RulesetError } from '../../src/rules/model.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-io-'));

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'read';
  } catch (e) {
    return readErrorReason(e);
  }
}

async function lint(name: string, yaml: string): Promise<string[]> {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  try {
    await loadRuleset(file, dir);
    return [];
  } catch (e) {
    if (!(e instanceof RulesetError)) throw e;
    return e.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}: ${p.reason}`);
  }
}

describe('readRegularFile', () => {
  it('refuses a device (/dev/urandom would never end) and a named pipe (would wait for ever)', async () => {
    expect(await reason(readRegularFile('/dev/urandom', 1024))).toBe('is a device, not a regular file; livecomply reads only regular files');
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await reason(readRegularFile(fifo, 1024))).toBe('is a named pipe, not a regular file; livecomply reads only regular files');
  });

  it('a manifest that is a named pipe is refused with the reason, not waited on', async () => {
    const fifo = path.join(dir, 'x.manifest.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(readManifest(fifo, 'x.manifest.yaml')).rejects.toThrow('x.manifest.yaml:1:1: is a named pipe, not a regular file; livecomply reads only regular files');
  });

  it('refuses a file over the bound, and reads one within it', async () => {
    const f = path.join(dir, 'big.yaml');
    writeFileSync(f, 'x'.repeat(3000));
    expect(await reason(readRegularFile(f, 2048))).toBe('is too large (3000 bytes; at most 2048 bytes is read)');
    expect((await readRegularFile(f, 4096)).length).toBe(3000);
  });
});

describe('ruleset files', () => {
  it('extends: [/dev/urandom] fails at once with the reason', async () => {
    const problems = await lint('urandom.yaml', 'id: my\nlanguage: ja\nextends: [/dev/urandom]\nrules: []\n');
    expect(problems).toEqual(['urandom.yaml:3:11: cannot read ruleset: is a device, not a regular file; livecomply reads only regular files']);
  });

  it('extends a password file: says it is not a ruleset and quotes none of it', async () => {
    writeFileSync(path.join(dir, 'shadow'), 'root:$6$salt$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
    const problems = await lint('ext.yaml', 'id: my\nlanguage: ja\nextends: [./shadow]\nrules: []\n');
    expect(problems.join('\n')).not.toMatch(/SECRETHASH|root|daemon/);
    expect(problems[0]).toMatch(/is not this kind of YAML file: none of its top-level keys is one of id, /);
  });

  it('an unknown kind lists the allowed values once', async () => {
    const problems = await lint(
      'forbid.yaml',
      'id: my\nlanguage: ja\nrules:\n  - id: my/x\n    kind: forbid\n    category: superlative\n    severity: error\n    reference: x\n    message: { en: x }\n    patterns: [日本一]\n',
    );
    expect(problems.filter((p) => /kind/.test(p))).toEqual(['forbid.yaml:5:5: rules[0].kind must be one of "prohibit", "require"']);
  });

  it('a YAML syntax error ends with its reason, not a dangling "at line 4, column 1:"', async () => {
    const problems = await lint('syntax.yaml', 'id: my\nlanguage: ja\nrules:\n  - id: a\n- b\n');
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).not.toMatch(/at line \d+, column \d+:?$/);
  });
});
