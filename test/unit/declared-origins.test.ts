/**
 * Real false-origin claims read against a manifest declaring the origin their case found
 * (test/corpus/declared-origins.ts): the fixture holds only hashes and origins, the manifest check
 * reads our own origin wording, and on the tuning part every claim with a declared origin is reported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimKey, contradictsDeclaredOrigin, DECLARED_ORIGINS_FILE, declaredOrigins } from '../corpus/declared-origins.js';
import { copyKey, evaluateRealClaims, loadRealClaims, realClaimsPresent } from '../corpus/real-claims.js';

describe('declared origins', () => {
  it('reads an origin said against the declared one (our own lines)', () => {
    expect(contradictsDeclaredOrigin('ko', '이 된장은 국산 콩만 써요', 'CN')).toBe(true);
    expect(contradictsDeclaredOrigin('ko', '이 된장은 국산 콩만 써요', 'KR')).toBe(false);
    expect(contradictsDeclaredOrigin('zh', '我们的奶源是新西兰的', 'CN')).toBe(true);
    expect(contradictsDeclaredOrigin('ja', 'このうなぎは国産です', 'CN')).toBe(true);
    expect(contradictsDeclaredOrigin('ja', 'このうなぎは中国産です', 'CN')).toBe(false);
  });

  it('keys a claim by a hash of its text: stable, language-bound, 16 hex digits', () => {
    const k = claimKey('ja', copyKey('国産うなぎ'));
    expect(k).toMatch(/^[0-9a-f]{16}$/);
    expect(claimKey('ja', copyKey('国産　うなぎ！'))).toBe(k);
    expect(claimKey('zh', copyKey('国産うなぎ'))).not.toBe(k);
  });

  it('the fixture holds hashes and origins only: no words of any claim', () => {
    const text = readFileSync(DECLARED_ORIGINS_FILE, 'utf8');
    const entries = text.split('\n').filter((l) => l.startsWith('- '));
    expect(entries.length).toBe(declaredOrigins().size);
    for (const e of entries) expect(e).toMatch(/^- \{ language: (ja|zh|ko), key: [0-9a-f]{16}, origin: ([A-Z]{2}|null|\S+) \}$/);
  });

  it.skipIf(!realClaimsPresent())('every tuning false-origin claim with a declared origin contradicts it', async () => {
    for (const lang of ['zh', 'ja', 'ko'] as const) {
      const claims = (await loadRealClaims(lang, 'tuning')).filter((c) => c.category === 'false-origin');
      const r = await evaluateRealClaims(lang, claims, { part: 'tuning' });
      expect(r.originDeclared.hit, lang).toBe(r.originDeclared.total);
      expect(r.withDeclaredOrigin.hit).toBeGreaterThanOrEqual(r.recall.hit);
    }
  });
});
