/**
 * Audit many inputs with bounded concurrency. Memory is bounded by the number of files in flight,
 * not by the batch: each result keeps only its report (and, when asked, its transcript).
 * One file failing never stops the others.
 */
import pLimit from 'p-limit';
import type { FileReport } from '../report/model.js';
import { auditFile, type AuditFileOptions, type Stage } from './audit-file.js';
import type { Engine } from './engine.js';
import type { AuditInput } from './inputs.js';
import type { Manifest } from '../manifest/model.js';

export interface BatchEvents {
  onStart?(input: AuditInput, index: number): void;
  onStage?(input: AuditInput, stage: Stage): void;
  onDone?(report: FileReport, index: number): void;
}

export interface BatchResult {
  files: FileReport[];
  transcripts: Map<string, { start: number | null; end: number | null; text: string }[]>;
}

export async function auditBatch(
  inputs: readonly AuditInput[],
  engine: Engine,
  opts: AuditFileOptions & { concurrency: number; keepTranscripts?: boolean; signal?: AbortSignal; manifests?: ReadonlyMap<string, Manifest> },
  events: BatchEvents = {},
): Promise<BatchResult> {
  const limit = pLimit(Math.max(1, opts.concurrency));
  const files: (FileReport | undefined)[] = new Array(inputs.length);
  const transcripts: BatchResult['transcripts'] = new Map();
  await Promise.all(
    inputs.map((input, i) =>
      limit(async () => {
        if (opts.signal?.aborted) return;
        events.onStart?.(input, i);
        const manifest = opts.manifests?.get(input.path) ?? opts.manifest;
        const { report, transcript } = await auditFile(input, engine, { ...opts, ...(manifest ? { manifest } : {}), onStage: (s) => events.onStage?.(input, s) });
        files[i] = report;
        if (opts.keepTranscripts && transcript) {
          transcripts.set(report.path, transcript.segments.map((s) => ({ start: s.start, end: s.end, text: s.text })));
        }
        events.onDone?.(report, i);
      }),
    ),
  );
  return { files: files.filter((f): f is FileReport => f !== undefined), transcripts };
}
