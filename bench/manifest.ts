/**
 * Cost of the manifest stage (src/manifest/apply.ts) on a dense three-hour stream: 2,700
 * segments of 4 s, every sixth a superlative finding, every segment a product name, an origin,
 * a price or a seller said (so every check runs everywhere: a worst case, not a typical stream).
 * Run: npx tsx bench/manifest.ts
 */
import { performance } from 'node:perf_hooks';
import { applyManifest } from '../src/manifest/apply.js';
import { loadGazetteer, loadStatements } from '../src/manifest/load.js';
import type { Manifest } from '../src/manifest/model.js';
import type { Finding } from '../src/report/model.js';

const lines = [
  'まずはこの保湿クリーム、日本製です。',
  'アトピーにも使えて、日本一の人気です。',
  'お値段は2980円です。',
  '次はこちらのサプリ、血圧が高めの方に適した機能があるんです。',
  '販売元は株式会社ダミー商事です。',
  'みなさんこんばんは、今日もよろしくお願いします。',
];
const segments = Array.from({ length: 2700 }, (_, i) => ({ start: i * 4, end: i * 4 + 4, text: lines[i % lines.length]! }));
const findings: Finding[] = segments.flatMap((s, i) =>
  i % 6 === 1
    ? [{ ruleId: 'jp/keihyo/superlative', category: 'superlative', kind: 'prohibited' as const, severity: 'error' as const, start: s.start + 2, end: s.start + 3, text: '日本一', context: s.text, message: 'm', reference: 'r' }]
    : [],
);
const manifest: Manifest = {
  file: 'stream.manifest.yaml',
  seller: { name: '株式会社サンプル', aliases: [] },
  products: [
    { name: '保湿クリーム', aliases: ['クリーム'], category: 'cosmetic', origin: 'CN', price: 3980 },
    { name: 'サプリ', aliases: [], category: 'functional-food', origin: 'JP', registration: { claims: ['血圧が高めの方に適した機能があります'] } },
  ],
};
const gazetteer = loadGazetteer();
const statements = loadStatements();
const runs: number[] = [];
let out = 0;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  out = applyManifest(findings, { manifest, transcript: { segments }, rules: new Map(), gazetteer, statements }, { language: 'ja', rulesetId: 'jp' }).length;
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
console.log(`manifest stage: ${segments.length} segments, ${findings.length} findings in, ${out} out; median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)} ms)`);
