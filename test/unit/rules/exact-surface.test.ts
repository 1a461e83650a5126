/**
 * A word written `=たら` is that surface form exactly: not every form of the auxiliary whose base it shares (た), as a
 * word written plainly is (words match by base form). Nothing changes for words written without `=`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerFor } from '../../../src/text/analyzer-for.js';
import type { Analyzer } from '../../../src/text/analyze.js';
import { checkTranscript } from '../../../src/rules/check.js';
import { exactSurface, type CompiledRules } from '../../../src/rules/compile.js';
import { cueInsideHint } from '../../../src/rules/examples.js';
import { compileSource } from '../../helpers/rule-source.js';

let ja: Analyzer;
beforeAll(async () => {
  ja = await createAnalyzerFor('ja');
});

/** One rule per matcher YAML (`seq: …` with an optional `unless: …` line), so each reports on its own. */
function compile(entries: string[]): CompiledRules {
  const rules = entries
    .map((e, i) => `  - id: t/r${i}\n    kind: prohibit\n    category: medical-claim\n    severity: error\n    message: { en: m, ja: m }\n    reference: test\n    match:\n      - id: m${i}\n        ${e}\n    examples: { bad: [x], good: [y] }\n`)
    .join('');
  return compileSource(`id: t\nlanguage: ja\nrules:\n${rules}`, ja);
}

const found = (c: CompiledRules, text: string) =>
  checkTranscript(c, { segments: [{ start: 0, end: 5, text }] }, ja)
    .filter((f) => f.kind === 'prohibited')
    .map((f) => `${f.text}@${f.matcher}`);

describe('a word written =たら', () => {
  it('is read as the surface after the =', () => {
    expect(exactSurface('=たら')).toBe('たら');
    expect(exactSurface('たら')).toBeUndefined();
    expect(exactSurface('=')).toBeUndefined();
  });

  it('in a not: refuses 治ったら only, where たら refuses every past form (治った) too', () => {
    const plain = compile(['seq: [アトピー, が, 治る, {not: [たら]}]']);
    const exact = compile(['seq: [アトピー, が, 治る, {not: ["=たら"]}]']);
    expect(found(plain, 'アトピーが治った')).toEqual([]);
    expect(found(exact, 'アトピーが治った')).toEqual(['アトピーが治っ@m0']);
    expect(found(exact, 'アトピーが治ったら嬉しい')).toEqual([]);
  });

  it('as a cue: unless after =たら excuses 治ったら, not 治った', () => {
    const plain = compile(['seq: [アトピー, が, 治る]\n    unless: { after: [たら], window: 3 }']);
    const exact = compile(['seq: [アトピー, が, 治る]\n    unless: { after: ["=たら"], window: 3 }']);
    expect(found(plain, 'アトピーが治った')).toEqual([]);
    expect(found(exact, 'アトピーが治った')).toEqual(['アトピーが治っ@m0']);
    expect(found(exact, 'アトピーが治ったらいいな')).toEqual([]);
  });

  it('as a matcher word: =治っ finds that form as written, not 治る or 治ります', () => {
    const c = compile(['seq: [が, "=治っ"]']);
    expect(found(c, 'アトピーが治った')).toEqual(['が治っ@m0']);
    expect(found(c, 'アトピーが治ります')).toEqual([]);
  });
});

describe('rules test hint', () => {
  it('names an =たら cue among the reported words by the surface it stands for', () => {
    const raised = [{ text: '治ったら' }] as unknown as Parameters<typeof cueInsideHint>[1];
    expect(cueInsideHint({ after: ['=たら'] }, raised)).toContain('its after cue "=たら" is among the reported words');
  });
});
