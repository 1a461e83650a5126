/** The data the HTML report embeds as JSON and its page script reads (types only: shared by both sides). */
export interface HtmlFinding {
  ruleId: string;
  category: string;
  kind: string;
  severity: string;
  start: number | null;
  end: number | null;
  where: string;
  text: string;
  context: string;
  message: string;
  reference: string;
  line: number | null;
  basis: string | null;
  /** Only http(s) addresses reach the page. */
  url: string | null;
  product: string | null;
  declared: string | null;
  source: string | null;
}

export interface HtmlSegment {
  start: number | null;
  end: number | null;
  /** The start as the report writes times (m:ss), made by the report, not the page. */
  time: string;
  text: string;
}

export interface HtmlFile {
  path: string;
  language: string | null;
  status: string;
  error: string | null;
  duration: string;
  transcriptSource: string | null;
  media: { kind: 'audio' | 'video'; src: string } | null;
  findings: HtmlFinding[];
  transcript: HtmlSegment[] | null;
}

export interface HtmlData {
  tool: { name: string; version: string };
  interrupted: boolean;
  failOn: string;
  summary: { files: number; failed: number; findings: number; bySeverity: Partial<Record<string, number>> };
  files: HtmlFile[];
}
