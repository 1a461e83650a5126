/**
 * A comment inside a flow collection hides the rest of its line: `good: [a, b,  # note  c, d]` drops c and d without any
 * error. `rules lint` warns about such a comment (a false-alarm writer of round 57 lost four good examples so).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commentsInFlow } from '../../../src/yaml/flow-comments.js';
import { runCliInProcess } from '../../helpers/cli.js';

describe('commentsInFlow', () => {
  it('finds a comment that swallowed the closing bracket or items, at its line and column', async () => {
    const text = 'good: [a, b,  # note c, d]\n  e]\nbad: [x,\n  y,  # round 57,\n  z]\n';
    expect(parse(text)).toEqual({ good: ['a', 'b', 'e'], bad: ['x', 'y', 'z'] });
    expect(await commentsInFlow(text)).toEqual([
      { line: 1, column: 15, text: '# note c, d]' },
      { line: 4, column: 7, text: '# round 57,' },
    ]);
  });

  it('leaves alone comments on a line of their own, notes that hold none of the list, comments outside a list, quoted # and block scalars', async () => {
    const text = [
      'good: [a, b,   # round 57 (zhf)',
      '  # a whole line, with a comma at its end,',
      '  c]',
      'plain: [p, q]  # after the list],',
      'quoted: ["x # y]", z]',
      'block: |',
      '  [ not a list # ],',
      '',
    ].join('\n');
    expect(await commentsInFlow(text)).toEqual([]);
  });

  it('never warns on a list written one item a line, each with a note free of brackets and commas', async () => {
    const item = fc.stringMatching(/^[a-z]{1,6}$/);
    const note = fc.stringMatching(/^[a-z ()0-9]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(item, note), { minLength: 1, maxLength: 6 }), async (rows) => {
        const text = `k: [\n${rows.map(([w, n]) => `  ${w},  # ${n}`).join('\n')}\n]\n`;
        expect(await commentsInFlow(text)).toEqual([]);
        expect(parse(text)).toEqual({ k: rows.map(([w]) => w) });
      }),
    );
  });

  it('rules lint names the file, line and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-flow-'));
    const file = path.join(dir, 'house.yaml');
    writeFileSync(
      file,
      [
        'id: house',
        'language: zh',
        'rules:',
        '  - id: house/best',
        '    kind: prohibit',
        '    category: superlative',
        '    severity: error',
        '    message: { zh: 不得使用绝对化用语, en: No absolute terms }',
        '    reference: 广告法 第九条',
        '    match:',
        '      - { id: best, words: [国家级] }',
        '    examples:',
        '      bad: ["[[国家级]]产品"]',
        '      good: [好产品, 新产品,  # added 最近的产品, 第一次]',
        '        ]',
        '',
      ].join('\n'),
    );
    const r = await runCliInProcess(['rules', 'lint', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning .*house\.yaml:14:25: a comment inside \[ \] or \{ \} runs to the end of the line/);
  });
});
