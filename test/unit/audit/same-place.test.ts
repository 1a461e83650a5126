import { describe, expect, it } from 'vitest';
import { samePlaceOnce } from '../../../src/audit/engine.js';
import type { Finding } from '../../../src/report/model.js';

const f = (ruleId: string, severity: Finding['severity'], text = '아토피 치료', start = 1): Finding => ({
  ruleId,
  category: 'medical-claim',
  kind: 'prohibited',
  severity,
  start,
  end: start + 1,
  text,
  context: text,
  message: 'm',
  reference: 'r',
});

describe('without a manifest, twin rules of two product laws report the same words once', () => {
  it('keeps the most severe, then the first rule id', () => {
    const out = samePlaceOnce([f('kr/food-labeling/disease-claim', 'warning'), f('kr/cosmetics/medical-claim', 'error'), f('kr/x/other', 'error')]);
    expect(out.map((x) => x.ruleId)).toEqual(['kr/cosmetics/medical-claim']);
  });
  it('leaves other words, other places and missing disclosures alone', () => {
    const missing: Finding = { ...f('kr/origin', 'error', ''), kind: 'missing', category: 'origin-disclosure' };
    const out = samePlaceOnce([f('a', 'error'), f('b', 'error', '당뇨 완치'), f('c', 'error', '아토피 치료', 9), missing, { ...missing, ruleId: 'kr/origin2' }]);
    expect(out).toHaveLength(5);
  });
});
