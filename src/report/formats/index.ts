/**
 * Report formats by name (one file each, as ESLint formatters and Vitest reporters are).
 */
import type { Report, Severity } from '../model.js';
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export { FORMAT_EXTENSIONS, FORMAT_NAMES, isFormatName, type FormatName } from './names.js';
import type { FormatName } from './names.js';

export interface RenderContext {
  color: boolean;
  failOn: Severity | 'never';
  cwd?: string;
  outputDir?: string;
  rules?: RuleMetaLike[];
  transcripts?: Record<string, { start: number | null; end: number | null; text: string }[]>;
}

export interface RuleMetaLike {
  id: string;
  kind: 'prohibit' | 'require';
  category: string;
  severity: Severity;
  reference: string;
  message: { en: string; ja?: string; zh?: string; ko?: string };
  description?: string;
  /** A page that explains the rule (SARIF helpUri). */
  helpUri?: string;
  /** statute | guideline | policy */
  basis?: 'statute' | 'guideline' | 'policy';
  /** Where the cited law's text can be read (a rule's `url`; SARIF helpUri when no helpUri is given). */
  url?: string;
}

export async function render(format: FormatName, report: Report, ctx: RenderContext): Promise<string> {
  switch (format) {
    case 'pretty':
      return formatPretty(report, { color: ctx.color, failOn: ctx.failOn });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, ctx);
    case 'junit':
      return formatJunit(report, ctx);
    case 'csv':
      return formatCsv(report);
    case 'md':
      return formatMarkdown(report, ctx);
    case 'html':
      return formatHtml(report, ctx);
  }
}
