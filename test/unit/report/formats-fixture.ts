/** A hand-built report for the format tests: every kind of file and finding, and hostile text. */
import type { FileReport, Finding, Report } from '../../../src/report/model.js';
import { buildReport } from '../../../src/report/model.js';
import type { RuleMetaLike } from '../../../src/report/formats/index.js';

export const XSS = `</script><img src=x onerror="window.__xss=1">'"&<!--`;

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'jp/keihyo/superlative',
    category: 'superlative',
    kind: 'prohibited',
    severity: 'error',
    start: 12.4,
    end: 13.1,
    text: '日本一',
    context: 'この美容液は日本一売れているんです。',
    message: '根拠のない最上級表示は優良誤認表示となるおそれがあります',
    reference: '景品表示法 第5条第1号',
    ...over,
  };
}

export const RULES: RuleMetaLike[] = [
  {
    id: 'jp/keihyo/superlative',
    kind: 'prohibit',
    category: 'superlative',
    severity: 'error',
    reference: '景品表示法 第5条第1号',
    message: { en: 'Superlatives without evidence risk being misleading about quality', ja: '根拠のない最上級表示は優良誤認表示となるおそれがあります' },
    url: 'https://example.org/rules/superlative',
  },
  {
    id: 'jp/keihyo/dual-pricing',
    kind: 'prohibit',
    category: 'misleading-price',
    severity: 'warning',
    reference: '景品表示法 第5条第2号',
    message: { en: 'Unsupported reference prices risk being misleading about price', ja: '根拠のない二重価格は有利誤認表示となるおそれがあります' },
  },
  {
    id: 'jp/tokushoho/seller-disclosure',
    kind: 'require',
    category: 'seller-disclosure',
    severity: 'error',
    reference: '特定商取引法 第11条',
    message: { en: 'Say who the seller is', ja: '販売事業者の名称を明示してください' },
    description: 'The seller must be named at least once in every broadcast.',
  },
  {
    id: 'cn/ad-law/absolute',
    kind: 'prohibit',
    category: 'superlative',
    severity: 'error',
    reference: '广告法 第九条第三项',
    message: { en: 'Absolute terms are banned in advertising', zh: '广告不得使用“国家级”“最高级”“最佳”等用语' },
  },
  // A rule no file triggered: SARIF still describes it.
  {
    id: 'kr/food/medical-claim',
    kind: 'prohibit',
    category: 'medical-claim',
    severity: 'info',
    reference: '식품 등의 표시·광고에 관한 법률 제8조',
    message: { en: 'Foods must not claim to cure disease', ko: '식품은 질병 치료 효과를 표방할 수 없습니다' },
  },
];

export function files(): FileReport[] {
  return [
    {
      path: 'streams/2026-11-01 夜の配信.mp4',
      language: 'ja',
      status: 'ok',
      durationSec: 3605.2,
      transcriptSource: 'sidecar',
      findings: [
        finding(),
        finding({ ruleId: 'jp/keihyo/dual-pricing', category: 'misleading-price', severity: 'warning', start: 3601.5, end: 3603, text: '今だけ', context: '今だけ半額です', message: '根拠のない二重価格は有利誤認表示となるおそれがあります', reference: '景品表示法 第5条第2号' }),
        finding({ start: 200, end: 201, context: 'やっぱり日本一ですね' }),
        finding({
          ruleId: 'jp/tokushoho/seller-disclosure',
          category: 'seller-disclosure',
          kind: 'missing',
          start: 0,
          end: 3605.2,
          text: '',
          context: '',
          message: '販売事業者の名称を明示してください (配信中に一度も言及されていません)',
          reference: '特定商取引法 第11条',
        }),
      ],
    },
    {
      path: 'hostile/a|b,"c".srt',
      language: 'zh',
      status: 'ok',
      durationSec: 20,
      transcriptSource: 'transcript',
      findings: [
        finding({
          ruleId: 'cn/ad-law/absolute',
          text: `国家级${XSS}`,
          context: `=HYPERLINK("http://evil")|pipe\nnew line\u0001ctl 国家级${XSS} end`,
          message: `+cmd|' /C calc'!A0 **bold** [link](http://x) @someone`,
          reference: '-广告法 第九条第三项',
          start: 5,
          end: 6,
          line: 7,
        }),
      ],
    },
    {
      path: 'notes/untimed.txt',
      language: 'ja',
      status: 'ok',
      durationSec: null,
      transcriptSource: 'transcript',
      findings: [finding({ start: null, end: null, line: 3 })],
    },
    { path: 'clean/ok.vtt', language: 'ko', status: 'ok', durationSec: 61, transcriptSource: 'transcript', findings: [] },
    { path: 'broken/bad.srt', language: null, status: 'error', error: 'broken/bad.srt:3:1: expected a time line like 00:00:01,000 --> 00:00:02,000', durationSec: null, findings: [] },
  ];
}

export function report(fs: FileReport[] = files()): Report {
  return buildReport(fs, '1.2.3');
}
