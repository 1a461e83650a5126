import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/audit/engine.js';
import { loadGazetteer } from '../../../src/manifest/load.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { ROOT } from '../../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures', 'manifest');

describe('a stream mixing languages', () => {
  it("lines in a second language are checked against the manifest too (the product's law, contradictions)", async () => {
    const engine = new Engine({ rulesets: [path.join(FIX, 'ja-rules.yaml'), path.join(FIX, 'zh-rules.yaml')] });
    const manifest = parseManifest('products:\n  - { name: 面霜, aliases: [クリーム], category: cosmetic, origin: CN }\n', 'm.yaml', loadGazetteer());
    const transcript = {
      segments: [
        { start: 0, end: 5, text: 'このクリームはアトピーにも使えます。' },
        { start: 5, end: 10, text: '这款面霜是日本进口的，治疗湿疹也可以用。' },
      ],
    };
    const { findings } = await engine.checkPlan(transcript, { primary: 'ja', perSegment: ['ja', 'zh'], languages: ['ja', 'zh'] }, manifest);
    expect(findings.map((f) => [f.ruleId, f.text, f.product])).toEqual([
      ['mf-ja/cosmetics/medical-claim', 'アトピー', '面霜'],
      ['cn/manifest/false-origin', '日本进口', '面霜'],
      ['mf-zh/cosmetics/medical-claim', '治疗湿疹', '面霜'],
    ]);
  });
});
