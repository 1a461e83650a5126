/**
 * The product manifest end to end, through the CLI, in Japanese, Chinese and Korean at once (the
 * binary once; the other cases run the same main() in-process, where a spawn adds only start-up).
 * Test rulesets of our own (test/fixtures/manifest/*-rules.yaml) carry `products` and `basis`, so
 * these tests do not depend on the built-in rulesets' content.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { validateReport } from '../helpers/schema.js';

interface F {
  ruleId: string;
  category: string;
  kind: string;
  start: number | null;
  text: string;
  basis?: string;
  url?: string;
  product?: string;
  declared?: Record<string, unknown>;
}
interface Report {
  files: { path: string; language: string; status: string; manifest?: string; findings: F[] }[];
}

const FIX = 'test/fixtures/manifest';
const RULES = ['--ruleset', `${FIX}/ja-rules.yaml`, `${FIX}/zh-rules.yaml`, `${FIX}/ko-rules.yaml`];
const STREAMS = ['ja', 'zh', 'ko'].map((l) => `${FIX}/${l}-stream.srt`);

describe('audit with a product manifest beside each input (ja, zh, ko)', () => {
  let report: Report;
  const file = (lang: string) => report.files.find((f) => f.language === lang)!;
  beforeAll(async () => {
    const r = await runCli(['audit', ...STREAMS, ...RULES, '--format', 'json']);
    expect(r.code).toBe(1);
    report = JSON.parse(r.stdout) as Report;
    expect(report.files.map((f) => f.status)).toEqual(['ok', 'ok', 'ok']);
    expect(validateReport(report)).toEqual([]);
  });

  it('names the manifest used for each file', () => {
    expect(report.files.map((f) => [f.path, f.manifest])).toEqual(STREAMS.map((s) => [s, s.replace('.srt', '.manifest.yaml')]).sort());
  });

  it("applies only the product's laws: a cream's disease claim once, under cosmetics law, tied to the cream", () => {
    for (const lang of ['ja', 'zh', 'ko']) {
      const claims = file(lang).findings.filter((f) => f.category === 'medical-claim' && f.product !== '血圧サプリ' && f.product !== '百花蜂蜜');
      expect(claims.map((f) => f.ruleId), lang).toEqual([`mf-${lang}/cosmetics/medical-claim`]);
      expect(claims[0]!.product).toMatch(/クリーム|面霜|크림/);
      expect(claims[0]!.basis).toBe('statute');
    }
    // The rule's url comes along.
    expect(file('ko').findings.find((f) => f.ruleId === 'mf-ko/cosmetics/medical-claim')?.url).toBe('https://www.law.go.kr/법령/화장품법/제13조');
  });

  it('allows a registered claim as worded or closely paraphrased; a claim beyond it is still found', () => {
    const ja = file('ja').findings.filter((f) => f.ruleId === 'mf-ja/food/health-claim');
    // 「血圧が高めの方に適した機能があるんです」 (registered, paraphrased) is allowed; 「血圧が下がる」 is not.
    expect(ja).toHaveLength(1);
    expect(ja[0]!.start!).toBeGreaterThanOrEqual(37);
    expect(ja[0]!.product).toBe('血圧サプリ');
    expect(file('zh').findings.some((f) => f.text === '降血糖')).toBe(false);
  });

  it('reports spoken origin, seller and price that contradict the declaration, with the declared truth', () => {
    const contradictions = (lang: string) =>
      file(lang)
        .findings.filter((f) => f.ruleId.includes('/manifest/'))
        .map((f) => [f.category, f.text, f.declared]);
    expect(contradictions('ja')).toEqual([
      ['false-origin', '日本製', { origin: 'CN' }],
      ['misleading-price', '2980円', { price: 3980 }],
      ['seller-disclosure', '株式会社ダミー商事', { seller: '株式会社サンプル' }],
    ]);
    expect(contradictions('zh')).toEqual([
      ['seller-disclosure', '某某旗舰店', { seller: '杭州示例电子商务有限公司' }],
      ['false-origin', '日本进口', { origin: 'CN' }],
      ['misleading-price', '99元', { price: 129 }],
    ]);
    expect(contradictions('ko')).toEqual([
      ['seller-disclosure', '한빛상사', { seller: '주식회사 샘플코리아' }],
      ['false-origin', '국내산', { origin: 'CN' }],
      ['misleading-price', '2만9천원', { price: 19900 }],
    ]);
    // Origins that agree with the declaration are not findings: サプリは国産 (JP), 蜂蜜是新疆产的 (新疆), 한라봉은 제주산 (제주).
    for (const lang of ['ja', 'zh', 'ko']) expect(file(lang).findings.filter((f) => f.category === 'false-origin'), lang).toHaveLength(1);
  });

  it('sponsored: true requires the ad disclosure from the start although no sponsorship word is said', () => {
    for (const lang of ['ja', 'zh', 'ko']) {
      const ad = file(lang).findings.filter((f) => f.category === 'ad-disclosure');
      expect(ad.map((f) => [f.kind, f.start]), lang).toEqual([['missing', 0]]);
    }
  });
});

describe('where the manifest comes from', () => {
  it('--manifest overrides the one beside the input; `manifest` in the config file is read relative to it; without one, findings are as before and still carry their basis', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-manifest-'));
    for (const l of ['ja', 'zh', 'ko']) copyFileSync(path.join(ROOT, FIX, `${l}-stream.srt`), path.join(dir, `${l}-stream.srt`));
    writeFileSync(path.join(dir, 'other.yaml'), 'products:\n  - { name: 保湿クリーム, aliases: [クリーム], category: food, origin: JP }\n');
    const rules = RULES.map((r) => (r.startsWith('--') ? r : path.join(ROOT, r)));

    const plain = JSON.parse((await runCliInProcess(['audit', 'ja-stream.srt', ...rules, '--format', 'json'], { cwd: dir })).stdout) as Report;
    const f0 = plain.files[0]!;
    expect(f0.manifest).toBeUndefined();
    expect(f0.findings.some((f) => f.product !== undefined || f.ruleId.includes('/manifest/'))).toBe(false);
    // Both cosmetics and food law find アトピー without a manifest (no way to know the product).
    expect(f0.findings.filter((f) => f.text === 'アトピー').map((f) => f.ruleId).sort()).toEqual(['mf-ja/cosmetics/medical-claim', 'mf-ja/food/health-claim']);
    expect(f0.findings.every((f) => f.basis !== undefined)).toBe(true);

    const explicit = JSON.parse((await runCliInProcess(['audit', 'ja-stream.srt', ...rules, '--manifest', 'other.yaml', '--format', 'json'], { cwd: dir })).stdout) as Report;
    expect(explicit.files[0]!.manifest).toBe('other.yaml');
    // Declared a food made in Japan: 日本製 agrees, and food law applies to アトピー.
    expect(explicit.files[0]!.findings.filter((f) => f.text === 'アトピー').map((f) => f.ruleId)).toEqual(['mf-ja/food/health-claim']);
    expect(explicit.files[0]!.findings.some((f) => f.category === 'false-origin')).toBe(false);

    writeFileSync(path.join(dir, 'livecomply.config.yaml'), `manifest: other.yaml\n`);
    const viaConfig = JSON.parse((await runCliInProcess(['audit', 'ja-stream.srt', ...rules, '--format', 'json'], { cwd: dir })).stdout) as Report;
    expect(viaConfig.files[0]!.manifest).toBe('other.yaml');
  });

  it('a manifest that does not validate is a usage error (exit 2) naming file:line:col, before any input is audited', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-manifest-bad-'));
    copyFileSync(path.join(ROOT, FIX, 'zh-stream.srt'), path.join(dir, 'zh-stream.srt'));
    writeFileSync(path.join(dir, 'zh-stream.manifest.yaml'), 'products:\n  - name: 面霜\n    category: skincare\n    origin: 火星\n');
    const r = await runCliInProcess(['audit', 'zh-stream.srt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('zh-stream.manifest.yaml:3:5: products[0].category must be one of "cosmetic"');
    const r2 = await runCliInProcess(['audit', 'zh-stream.srt', '--manifest', 'missing.yaml'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('missing.yaml:1:1: no such file');
  });
});

describe('basis in every report format', () => {
  it('json, sarif, junit, csv, md, html and pretty all say what the cited reference is', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'lc-manifest-formats-'));
    const r = await runCliInProcess(['audit', `${FIX}/ko-stream.srt`, ...RULES, '--format', 'json,sarif,junit,csv,md,html', '--output-dir', out]);
    expect(r.code).toBe(1);
    const read = (ext: string) => readFileSync(path.join(out, `livecomply-report.${ext}`), 'utf8');
    for (const ext of ['json', 'sarif', 'xml', 'csv', 'md', 'html']) {
      expect(read(ext), ext).toContain('guideline');
      expect(read(ext), ext).toContain('statute');
    }
    expect(read('csv').split('\r\n')[0]).toContain(',basis,url,product,declared');
    const pretty = await runCliInProcess(['audit', `${FIX}/ko-stream.srt`, ...RULES]);
    expect(pretty.stdout).toContain('추천·보증 등에 관한 표시·광고 심사지침 (guideline)');
    expect(pretty.stdout).toContain('declared seller: 주식회사 샘플코리아');
  });
});
