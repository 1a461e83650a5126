/**
 * `livecomply transcribe <media...>`: write a transcript (srt | vtt | json) beside each recording,
 * or into --output-dir, atomically. A file that fails is reported on stderr and the others go on.
 * Exit 0 when every transcript was written, 3 when any input failed, 2 for usage errors.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import { errorMessage } from '../audit/audit-file.js';
import { collectInputs } from '../audit/inputs.js';
import { loadSpeech, type SpeechOptions } from '../audit/speech.js';
import type { OptionValues, TRANSCRIBE_OPTIONS } from '../config/options.js';
import type { LanguageChoice } from '../core/language.js';
import type { Transcript } from '../transcript/model.js';
import { serializeTranscript } from '../transcript/write.js';
import { EXIT, UsageError } from './errors.js';
import { checkModelOption } from './model-option.js';
import { writeAtomic } from './output.js';
import { downloadProgress } from './progress.js';

import type { TranscribeFormat } from '../transcript/formats.js';
export { TRANSCRIBE_FORMATS, type TranscribeFormat } from '../transcript/formats.js';

/** What `transcribe` runs with: the values of its options table (config/options.ts), format and lang given. */
export type TranscribeCommandOptions = Omit<OptionValues<typeof TRANSCRIBE_OPTIONS>, 'format' | 'lang'> & {
  format: TranscribeFormat;
  lang: LanguageChoice;
  cwd?: string;
};

export type TranscribeFn = (file: string, opts: SpeechOptions) => Promise<{ transcript: Transcript; source: 'asr' | 'cache'; durationSec: number }>;

/** Where the transcript of `media` goes. */
export function transcriptPath(media: string, format: TranscribeFormat, outputDir?: string): string {
  const stem = path.basename(media, path.extname(media));
  return path.join(outputDir ?? path.dirname(media), `${stem}.${format}`);
}

export async function runTranscribe(
  media: readonly string[],
  opts: TranscribeCommandOptions,
  deps: { transcribe?: TranscribeFn; log?: (line: string) => void } = {},
): Promise<number> {
  if (media.length === 0) throw new UsageError('transcribe: give at least one media file');
  await checkModelOption(opts.model);
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cwd = opts.cwd ?? process.cwd();
  const { inputs, problems } = await collectInputs(media, { cwd });
  let failed = problems.length;
  for (const p of problems) log(`livecomply: ${p.path}: ${p.error}`);
  for (const i of inputs.filter((i) => i.kind !== 'media')) {
    failed++;
    log(`livecomply: ${i.path}: is a transcript already (transcribe takes media files)`);
  }
  const targets = inputs.filter((i) => i.kind === 'media');
  if (targets.length === 0 && failed === 0) {
    log('livecomply: no media files found in the inputs given');
    return EXIT.inputFailed;
  }
  const outputDir = opts.outputDir ? path.resolve(cwd, opts.outputDir) : undefined;
  const claimed = new Map<string, string>();
  const transcribe: TranscribeFn = deps.transcribe ?? (async (file, o) => (await loadSpeech()).transcribeMedia(file, o));
  const limit = pLimit(Math.max(1, opts.concurrency ?? 1));
  const onDownload = downloadProgress();
  await Promise.all(
    targets.map((input) =>
      limit(async () => {
        const out = transcriptPath(input.absolute, opts.format, outputDir);
        const other = claimed.get(out);
        if (other) {
          failed++;
          log(`livecomply: ${input.path}: its transcript would overwrite the one for ${other} (${out}); transcribe them into different folders`);
          return;
        }
        claimed.set(out, input.path);
        try {
          const r = await transcribe(input.absolute, {
            lang: opts.lang,
            ...(opts.model ? { model: opts.model } : {}),
            ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
            ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
            ...(opts.ffmpeg ? { ffmpegPath: opts.ffmpeg } : {}),
            onDownload,
          });
          await writeAtomic(out, serializeTranscript(r.transcript, opts.format));
          const n = r.transcript.segments.length;
          log(`livecomply: ${input.path} → ${path.relative(cwd, out) || out} (${n} segment${n === 1 ? '' : 's'}${n === 0 ? ', no speech found' : ''}${r.source === 'cache' ? ', from cache' : ''})`);
        } catch (e) {
          failed++;
          const msg = errorMessage(e);
          log(`livecomply: ${msg.startsWith(input.absolute) ? input.path + msg.slice(input.absolute.length) : `${input.path}: ${msg}`}`);
        }
      }),
    ),
  );
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}
