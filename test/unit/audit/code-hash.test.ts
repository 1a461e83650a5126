/**
 * The caches' code hash is computed twice: by the build, over the sources it transpiles (dist/code-hash.json), and by
 * src/audit/code-hash.ts when the tool runs from its sources. The two must agree, or the CLI as built and its sources
 * stop sharing cache entries (a fresh machine's test run would compile every built-in ruleset twice again).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCodeHash } from '../../../src/audit/code-hash.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('folderCodeHash', () => {
  it('run from src/, hashes what the build recorded for the sources dist/ was built from', async () => {
    const recorded = (JSON.parse(readFileSync(path.join(ROOT, 'dist', 'code-hash.json'), 'utf8')) as { folders: Record<string, string> }).folders;
    for (const folder of ['rules', 'text', 'text/tokenizers', 'audit']) {
      expect({ folder, hash: await folderCodeHash(folder) }).toEqual({ folder, hash: recorded[folder] });
    }
  });
});
