/** The report formats' names and file extensions, without the formatters (cheap for `--help`). */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'junit', 'csv', 'md', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** File extension for each format when written into --output-dir. */
export const FORMAT_EXTENSIONS: Record<FormatName, string> = {
  pretty: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  csv: 'csv',
  md: 'md',
  html: 'html',
};

export function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}
