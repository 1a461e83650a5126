/**
 * The real claims (../shared/reference/sentences/real-claims-*.yaml, read in place, never copied):
 * the split by source is stable, disjoint and about 30% held out; the built-in rulesets hold their
 * floors on the TUNING part; the held-out part is measured (never printed), with only a very low floor
 * (no tuning pass may read it). Skipped, visibly, where ../shared is absent.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copyKey,
  evaluateRealClaims,
  findCopies,
  loadRealClaims,
  normaliseSource,
  RealClaimsError,
  partOf,
  rate,
  REAL_CLAIM_LANGUAGES,
  REAL_CLAIMS_DIR,
  realClaimsPresent,
  sourceHash,
} from '../corpus/real-claims.js';

/**
 * Floors on the tuning part (rates, so that items added later do not break them by count alone).
 * Raise them as the rules improve; never lower them to make a change pass.
 * Measured 2026-12-02 before the issue-10 rule work: zh 15/51, 14/17; ja 17/43, 21/23; ko 5/28, 14/17.
 * After round 1: zh 47/51, 17/17; ja 41/43, 23/23; ko 19/28, 17/17 (floors a little below, as rates).
 * After round 6: zh 48/51, ja 41/43, ko 22/28 (0.786), all compliant lines clean: the ko floor raised.
 */
const TUNING_FLOORS = {
  zh: { recall: 0.9, clean: 1 },
  ja: { recall: 0.93, clean: 1 },
  ko: { recall: 0.75, clean: 1 },
} as const;

/** The held-out part is not printed; this floor catches a measurement that broke, nothing more. */
const HOLDOUT_RECALL_FLOOR = 0.05;

describe('real-claims split (pure)', () => {
  it('normalises a source to the page it names', () => {
    const base = normaliseSource('https://example.com/news/a%e3%81%82.html?id=7&p=2');
    for (const v of [
      'http://example.com/news/a%E3%81%82.html?p=2&id=7',
      'HTTPS://WWW.Example.COM/news/a%e3%81%82.html/?id=7&p=2#top',
      ' https://example.com/news/a%e3%81%82.html?utm_source=x&id=7&spm=a.b&p=2&from=timeline ',
    ]) {
      expect(normaliseSource(v), v).toBe(base);
    }
    expect(base).toBe('example.com/news/a%E3%81%82.html?id=7&p=2');
    expect(normaliseSource('https://example.com/news/?id=8')).not.toBe(normaliseSource('https://example.com/news/?id=7'));
    expect(normaliseSource('not a url ')).toBe('not a url');
  });

  it('hashes with FNV-1a of the normalised source (pinned, so the split never moves silently)', () => {
    // FNV-1a 32-bit of the empty string is the offset basis; of "a" the published 0xe40c292c.
    expect(sourceHash('')).toBe(0x811c9dc5);
    expect(sourceHash('a')).toBe(0xe40c292c);
    expect(sourceHash('https://www.example.com/x/')).toBe(sourceHash('example.com/x'));
  });

  it('puts a source in the same part whatever its spelling, and about 30% of sources held out', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const n = normaliseSource(url);
        expect(normaliseSource(`https://${n}`)).toBe(n);
        expect(partOf(`${url.replace(/#.*$/, '')}#frag`)).toBe(partOf(url));
      }),
    );
    const urls = Array.from({ length: 2000 }, (_, i) => `https://news.example.org/article/${i * 7919}.html`);
    const held = urls.filter((u) => partOf(u) === 'holdout').length / urls.length;
    expect(held).toBeGreaterThan(0.27);
    expect(held).toBeLessThan(0.33);
  });
});

describe('loadRealClaims', () => {
  it('names the file and line of a malformed item, and the file when it is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'livecomply-real-'));
    try {
      const file = path.join(dir, 'real-claims-ko.yaml');
      await writeFile(file, '- text: 첫째\n  violating: true\n  category: efficacy\n  source: https://a.example/1\n- text: 둘째\n  violating: maybe\n  category: efficacy\n  source: https://a.example/2\n');
      await expect(loadRealClaims('ko', 'all', dir)).rejects.toThrow(new RealClaimsError(`${file}:5: "violating" must be true or false`));
      await expect(loadRealClaims('ja', 'all', dir)).rejects.toThrow(/real-claims-ja\.yaml: cannot read the real claims \(ENOENT\)/);
      await writeFile(file, '- text: 첫째\n  violating: true\n  category: efficacy\n  source: https://a.example/1\n');
      const [one] = await loadRealClaims('ko', 'all', dir);
      expect(one).toMatchObject({ text: '첫째', violating: true, line: 1, note: '' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('evaluateRealClaims: why a claim was missed, as counts', () => {
  it('counts a claim no rule matched apart from one a negation excused, and counts no caught claim', async () => {
    const claim = (text: string) => ({ text, violating: true, category: 'efficacy', source: 'https://a.example/1', note: '', line: 1 });
    const r = await evaluateRealClaims('ja', [claim('今日はいい天気ですね'), claim('飲むだけで痩せるとは言えません'), claim('飲むだけで痩せます')], { part: 'all' });
    expect(r.recall).toEqual({ hit: 1, total: 3 });
    // The denied claim counts under negation (its own rule's verdict); other rules' matchers may also have met it and been
    // excused by their own conditions (a context rule's topic not said), which adds to `unless` as the ruleset grows.
    expect(r.missedWhy).toMatchObject({ noMatch: 1, negation: 1, quotation: 0 });
  });
});

describe('findCopies', () => {
  const claim = (text: string, source: string) => ({ text, violating: true, category: 'efficacy', source, note: '', line: 7 });
  it('finds a claim copied with other spacing, punctuation or width, on the line it starts, and hides held-out lines', () => {
    expect(copyKey('一个月, 瘦 ２０斤!')).toBe('一个月瘦20斤');
    // Pick a tuning and a held-out source by their hash so the test does not depend on the data set.
    const sources = Array.from({ length: 50 }, (_, i) => `https://example.org/case/${i}`);
    const tuning = sources.find((s) => partOf(s) === 'tuning')!;
    const held = sources.find((s) => partOf(s) === 'holdout')!;
    const claims = [
      { language: 'zh' as const, claim: claim('喝它三十天就能甩掉二十斤肉', tuning) },
      { language: 'ko' as const, claim: claim('바르기만 하면 주름이 싹 사라져요', held) },
      { language: 'ja' as const, claim: claim('短い', tuning) },
    ];
    const files = [
      { file: 'rulesets/x.yaml', text: 'rules:\n  - bad: "喝它三十天,\n    就能甩掉 二十斤肉"\n' },
      { file: 'test/corpus/ko.yaml', text: 'lines:\n- text: 바르기만 하면, 주름이 싹 사라져요!\n- text: 短い\n' },
      { file: 'README.md', text: '喝它三十天' },
    ];
    expect(findCopies(files, claims)).toEqual([
      { file: 'rulesets/x.yaml', line: 2, language: 'zh', part: 'tuning', claimLine: 7 },
      { file: 'test/corpus/ko.yaml', line: 2, language: 'ko', part: 'holdout' },
    ]);
  });
});

const present = realClaimsPresent();
if (!present) console.log(`real claims not present at ${REAL_CLAIMS_DIR}: real-claims tests skipped`);

describe.skipIf(!present).each(REAL_CLAIM_LANGUAGES)('real claims %s', (lang) => {
  it('splits by source: stable, disjoint, everything in one part, about 30% of sources held out', async () => {
    const all = await loadRealClaims(lang, 'all');
    const tuning = await loadRealClaims(lang, 'tuning');
    const holdout = await loadRealClaims(lang, 'holdout');
    expect(tuning.length + holdout.length).toBe(all.length);
    const src = (xs: typeof all) => new Set(xs.map((c) => normaliseSource(c.source)));
    const tuningSources = src(tuning);
    const holdoutSources = src(holdout);
    expect([...tuningSources].filter((s) => holdoutSources.has(s))).toEqual([]);
    // Stable: the same again, and the same whatever the order of the file.
    expect((await loadRealClaims(lang, 'holdout')).map((c) => c.line)).toEqual(holdout.map((c) => c.line));
    const reversed = [...all].reverse().filter((c) => partOf(c.source) === 'holdout');
    expect(new Set(reversed.map((c) => c.line))).toEqual(new Set(holdout.map((c) => c.line)));
    const share = holdoutSources.size / (holdoutSources.size + tuningSources.size);
    console.log(
      `real claims ${lang}: tuning ${tuning.length} items from ${tuningSources.size} sources (${tuning.filter((c) => c.violating).length} violating); ` +
        `held-out ${holdout.length} items from ${holdoutSources.size} sources (${holdout.filter((c) => c.violating).length} violating); ${(share * 100).toFixed(0)}% of sources held out`,
    );
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.45);
  });

  it('the built-in ruleset holds its floors on the tuning part', async () => {
    const r = await evaluateRealClaims(lang, await loadRealClaims(lang, 'tuning'), { part: 'tuning', texts: true });
    const floor = TUNING_FLOORS[lang];
    console.log(`real claims ${lang} tuning: recall ${r.recall.hit}/${r.recall.total} (${rate(r.recall).toFixed(3)}), compliant clean ${r.clean.hit}/${r.clean.total} (${rate(r.clean).toFixed(3)})`);
    const detail = [...r.misses.map((m) => `missed ${m.category}: ${m.text}`), ...r.falseAlarms.map((m) => `false alarm: ${m.text} ← ${m.fired.join('; ')}`)].join('\n');
    expect(rate(r.recall), detail).toBeGreaterThanOrEqual(floor.recall - 1e-9);
    expect(rate(r.clean), detail).toBeGreaterThanOrEqual(floor.clean - 1e-9);
  });

  // Not logged: a writer runs this suite after every change, and even the held-out counts would
  // tell them which change moved it. `npm run bench:accuracy` reports them, once per round.
  it('measures the held-out part without showing it (no lines, no counts)', async () => {
    const r = await evaluateRealClaims(lang, await loadRealClaims(lang, 'holdout'), { part: 'holdout' });
    expect(r.misses).toEqual([]);
    expect(r.falseAlarms).toEqual([]);
    expect(rate(r.recall) >= HOLDOUT_RECALL_FLOOR, 'held-out recall under the floor: the measurement broke').toBe(true);
  });
});

const REPO = path.resolve(import.meta.dirname, '..', '..');

async function projectTexts(): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(ya?ml|ts|js|json|srt|vtt|txt|md)$/.test(e.name)) out.push({ file: path.relative(REPO, p), text: await readFile(p, 'utf8') });
    }
  };
  for (const d of ['rulesets', 'src', 'test', 'bench', 'docs', 'samples']) await walk(path.join(REPO, d));
  out.push({ file: 'README.md', text: await readFile(path.join(REPO, 'README.md'), 'utf8') });
  return out;
}

describe.skipIf(!present)('real claims are measured, never copied', () => {
  it('no project file contains a real claim', async () => {
    const claims = [];
    for (const language of REAL_CLAIM_LANGUAGES) {
      if (!realClaimsPresent(language)) continue;
      for (const claim of await loadRealClaims(language, 'all')) claims.push({ language, claim });
    }
    const copies = findCopies(await projectTexts(), claims);
    const said = copies.map((c) => `${c.file}:${c.line} copies a ${c.language} real claim (${c.part === 'tuning' ? `real-claims-${c.language}.yaml:${c.claimLine}` : 'held-out part'}); write your own wording`);
    expect(said).toEqual([]);
  });
});
