/**
 * Report formats by name (one file each, as ESLint formatters and Vitest reporters are).
 */
import type { Report } from '../model.js';
import type { RenderContext } from './context.js';
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export { FORMAT_EXTENSIONS, FORMAT_NAMES, isFormatName, type FormatName } from './names.js';
import type { FormatName } from './names.js';
export type { RenderContext, RuleMetaLike } from './context.js';

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
