import { describe, expect, it } from 'vitest';
import { Progress, summaryTable } from '../../../src/cli/progress.js';
import type { FileReport } from '../../../src/report/model.js';

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let buf = '';
  const stream = { write: (s: string) => ((buf += s), true), columns: 80 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => buf };
}

const ok = (path: string, n: number): FileReport => ({
  path,
  language: 'zh',
  status: 'ok',
  durationSec: 10,
  transcriptSource: 'transcript',
  findings: Array.from({ length: n }, () => ({ ruleId: 'r', category: 'superlative', kind: 'prohibited' as const, severity: 'error' as const, start: 1, end: 2, text: 'x', context: 'x', message: 'm', reference: 'ref' })),
});
const failed = (path: string): FileReport => ({ path, language: null, status: 'error', error: 'broken', durationSec: null, findings: [] });

describe('Progress', () => {
  it('in CI: no animation, one line per finished file', () => {
    const s = sink();
    const p = new Progress({ total: 3, interactive: false, stream: s.stream });
    p.start('a.srt');
    p.stage('a.srt', 'checking');
    p.finish(ok('a.srt', 2));
    p.finish(failed('b.mp4'));
    p.finish(ok('c.srt', 1));
    p.stop();
    expect(s.text()).toBe('[1/3] a.srt: 2 findings\n[2/3] b.mp4: error: broken\n[3/3] c.srt: 1 finding\n');
    expect(s.text()).not.toContain('\r');
  });

  it('on a terminal: one line redrawn in place with the stage and an ETA', () => {
    const s = sink();
    let now = 0;
    const p = new Progress({ total: 4, interactive: true, stream: s.stream, now: () => now });
    p.start('a.mp4');
    p.finish(ok('x.srt', 0));
    p.stage('a.mp4', 'transcribing');
    now = 10_000;
    p.finish(ok('y.srt', 0));
    p.stop();
    const frames = s.text().split('\r').filter(Boolean);
    expect(frames[1]).toMatch(/^\[2\/4\] · ETA 0:10 · a\.mp4 \(transcribing\)/);
    expect(s.text().endsWith('\r')).toBe(true);
  });

  it('is quiet for a single input', () => {
    const s = sink();
    const p = new Progress({ total: 1, interactive: false, stream: s.stream });
    p.finish(ok('a.srt', 1));
    p.stop();
    expect(s.text()).toBe('');
  });
});

describe('summaryTable', () => {
  it('counts files, findings by severity and lists failed files', () => {
    const t = summaryTable([ok('a', 2), failed('b')]);
    expect(t).toContain('files           2');
    expect(t).toContain('errors          2');
    expect(t).toContain('b: broken');
  });

  it('lists at most 20 failed files and says how many more the report holds', () => {
    const t = summaryTable(Array.from({ length: 500 }, (_, i) => failed(`f${i}`)));
    expect(t).toContain('failed        500');
    expect(t.split('\n').filter((l) => l.includes(': broken'))).toHaveLength(19);
    expect(t).toContain('… and 481 more (every one is in the report)');
  });
});

describe('Progress: a failed file with a place in it', () => {
  it('names the path once: broken.srt:2:18: error: …, not broken.srt: broken.srt:2:18: …', () => {
    const chunks: string[] = [];
    const stream = { write: (s: string) => chunks.push(s), columns: 80 } as unknown as NodeJS.WriteStream;
    const p = new Progress({ total: 2, interactive: false, stream });
    p.finish({ path: 'broken.srt', language: null, status: 'error', error: 'broken.srt:2:18: expected a timing line', durationSec: null, findings: [] });
    expect(chunks.join('')).toBe('[1/2] broken.srt:2:18: error: expected a timing line\n');
    expect(summaryTable([{ path: 'broken.srt', language: null, status: 'error', error: 'broken.srt:2:18: expected a timing line', durationSec: null, findings: [] }])).toContain('    broken.srt:2:18: expected a timing line\n');
  });
});
