/**
 * `onlyWhen: sponsored`: "not an ad" / "I bought it myself" is a finding only when the manifest
 * declares the stream sponsored; without that declaration nobody can tell, so nothing is reported.
 */
import { describe, expect, it } from 'vitest';
import { builtinEngine } from '../../helpers/builtin.js';
import { loadGazetteer } from '../../../src/manifest/load.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import type { Language } from '../../../src/transcript/model.js';

const engine = builtinEngine();
const sponsored = parseManifest('sponsored: true\n', 'm.yaml', loadGazetteer());
const unsponsored = parseManifest('sponsored: false\n', 'm.yaml', loadGazetteer());

const cases: [Language, string, string, string][] = [
  ['ja', 'これは案件じゃないです、本当に好きで紹介してます', 'jp/keihyo/sponsorship-denied', '案件じゃない'],
  ['zh', '这个不是广告啊，我自己用了三年了', 'cn/ad-law/sponsorship-denied', '不是广告'],
  ['ko', '광고 아니에요 여러분 제가 써 보고 좋아서 그래요', 'kr/endorsement/sponsorship-denied', '광고 아니'],
];

describe('a sponsorship denied in a sponsored stream', () => {
  it.each(cases)('%s: reported with sponsored: true, citing the law', async (language, text, ruleId, words) => {
    const findings = await engine.check({ segments: [{ start: 12, end: 16, text }] }, language, sponsored);
    const f = findings.find((x) => x.ruleId === ruleId);
    expect(f).toMatchObject({ category: 'endorsement', kind: 'prohibited', text: words, start: expect.any(Number) as number, basis: 'statute' });
    expect(f?.reference.length).toBeGreaterThan(5);
  });

  it.each(cases)('%s: silent without a manifest and with sponsored: false', async (language, text, ruleId) => {
    for (const m of [undefined, unsponsored]) {
      const findings = await engine.check({ segments: [{ start: 12, end: 16, text }] }, language, m);
      expect(findings.filter((x) => x.ruleId === ruleId)).toEqual([]);
    }
  });
});
