/**
 * What a formatter may be told besides the report (each formatter picks the fields it reads).
 * Apart from the registry (index.ts), so formatters never import the registry that imports them.
 */
import type { Basis, FailOn, Severity } from '../../core/finding.js';

export interface RenderContext {
  color: boolean;
  failOn: FailOn;
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
  /** statute | guideline | policy */
  basis?: Basis;
  /** Where the cited law's text can be read (a rule's `url`; SARIF's helpUri). */
  url?: string;
}
