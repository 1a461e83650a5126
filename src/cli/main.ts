/**
 * The command line: parses options (commander), hands plain data to the commands, and turns
 * every failure into the contract's exit code with a message naming what went wrong.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
// Only what parsing needs is loaded up front: each command's module (rulesets, tokenizers, the
// report formatters, the speech model) is imported when that command runs, so `--version` and
// `--help` start in tens of milliseconds.
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats/names.js';
import { TRANSCRIBE_FORMATS, type TranscribeFormat } from './transcribe-formats.js';
import { VERSION } from './version.js';
import { visible } from '../report/visible.js';

function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function parseFormats(value: string): FormatName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!isFormatName(n)) throw new InvalidArgumentError(`unknown format "${n}" (choose from ${FORMAT_NAMES.join(', ')})`);
  }
  return [...new Set(names as FormatName[])];
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('livecomply')
    .description('Audit livestream-shopping recordings and transcripts (ja / zh / ko) against advertising and consumer law')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `livecomply: ${s}` : s) });

  program
    .command('audit')
    .description('audit media files, transcripts, or folders of them')
    .argument('<inputs...>', 'media files, transcripts (.srt .vtt .json .txt) or folders')
    .addOption(new Option('--lang <lang>', 'spoken language').choices(['ja', 'zh', 'ko', 'auto']).default('auto'))
    .option('--ruleset <name-or-path...>', 'built-in ruleset (jp, cn, kr) or YAML file; default picks by language')
    .option('--format <formats>', `report format(s), comma-separated: ${FORMAT_NAMES.join(', ')}`, parseFormats)
    .option('--output <file>', 'write the report there (atomically) instead of stdout')
    .option('--output-dir <dir>', 'with several formats, one report file per format there')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .addOption(new Option('--transcript <source>', 'where a media file\'s words come from').choices(['auto', 'asr', 'sidecar', 'embedded']).default('auto'))
    .addOption(new Option('--screen <on|off>', 'also read the text shown on screen by OCR (media with a video stream)').choices(['on', 'off']).default('on'))
    .option('--model <id>', 'speech model: tiny | base | small (default), or a model id')
    .option('--model-dir <dir>', 'local model folder for offline use (env LIVECOMPLY_MODEL_DIR)')
    .option('--cache-dir <dir>', 'transcript and model cache (env LIVECOMPLY_CACHE_DIR)')
    .option('--ffmpeg <path>', 'ffmpeg binary (env LIVECOMPLY_FFMPEG)')
    .option('--concurrency <n>', 'files processed at once', parsePositiveInt)
    .option('--include <glob>', 'only files matching (relative to each folder given); repeatable', collect)
    .option('--exclude <glob>', 'skip files matching; repeatable', collect)
    .addOption(new Option('--message-lang <lang>', 'language of finding messages').choices(['local', 'en']).default('local'))
    .option('--config <file>', 'configuration file (default: livecomply.config.yaml found upward from here)')
    .option('--baseline <file>', 'report only findings not accepted in this baseline')
    .option('--write-baseline <file>', "record this run's findings as accepted")
    .option('--manifest <file>', 'the product manifest for the inputs (default: <stem>.manifest.yaml beside each input)')
    .option('--shard <k/n>', 'audit only the k-th of n stable shares of the inputs (split a batch over machines)')
    .action(async (inputs: string[], o: Record<string, unknown>, cmd: Command) => {
      const { loadConfig } = await import('../config/load.js');
      const { runAudit } = await import('./audit.js');
      const config = await loadConfig(o.config as string | undefined);
      // Command-line options override the configuration file, which overrides the defaults.
      const opt = <T>(cliKey: string, configValue: T | undefined): T | undefined => {
        const fromCli = cmd.getOptionValueSource(cliKey) === 'cli';
        return fromCli || configValue === undefined ? (o[cliKey] as T | undefined) : configValue;
      };
      const output = opt<string>('output', config?.output);
      const formatList = opt<string[]>('format', config?.format);
      const formats = formatList ? parseFormats(formatList.join(',')) : [output ? formatForFile(output) : 'pretty'];
      exitCode = await runAudit(inputs, {
        lang: opt('lang', config?.lang) ?? 'auto',
        langFrom: cmd.getOptionValueSource('lang') !== 'cli' && config?.lang ? `lang: ${config.lang} in ${config.file}` : '--lang',
        ...(config ? { configFile: config.file } : {}),
        outputFromConfig: cmd.getOptionValueSource('output') !== 'cli' && cmd.getOptionValueSource('outputDir') !== 'cli' && (config?.output !== undefined || config?.outputDir !== undefined),
        rulesets: opt<string[]>('ruleset', config?.rulesets) ?? [],
        formats,
        failOn: opt('failOn', config?.failOn) ?? 'error',
        transcript: opt('transcript', config?.transcript) ?? 'auto',
        screen: opt('screen', config?.screen) ?? 'on',
        messageLanguage: opt('messageLang', config?.messageLang) ?? 'local',
        color: wantsColor(process.stdout),
        interactive: process.stderr.isTTY === true && !process.env.CI,
        ...defined({
          output,
          outputDir: opt<string>('outputDir', config?.outputDir),
          model: opt<string>('model', config?.model),
          modelDir: opt<string>('modelDir', config?.modelDir),
          cacheDir: opt<string>('cacheDir', config?.cacheDir),
          ffmpeg: o.ffmpeg as string | undefined,
          concurrency: opt<number>('concurrency', config?.concurrency),
          include: opt<string[]>('include', config?.include),
          exclude: opt<string[]>('exclude', config?.exclude),
          shard: o.shard as string | undefined,
          manifest: opt<string>('manifest', config?.manifest),
          // Writing a baseline ignores the one the config names (it may not exist yet).
          baseline: o.writeBaseline && cmd.getOptionValueSource('baseline') !== 'cli' ? undefined : opt<string>('baseline', config?.baseline),
          writeBaseline: o.writeBaseline as string | undefined,
        }),
      });
    });

  program
    .command('merge')
    .argument('<reports...>', 'JSON reports (e.g. one per shard)')
    .description('combine JSON reports (one per shard) into one report, in any format')
    .option('--format <formats>', `report format(s), comma-separated: ${FORMAT_NAMES.join(', ')}`, parseFormats)
    .option('--output <file>', 'write the report there (atomically) instead of stdout')
    .option('--output-dir <dir>', 'with several formats, one report file per format there')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .action(async (files: string[], o: { format?: FormatName[]; output?: string; outputDir?: string; failOn: 'error' | 'warning' | 'info' | 'never' }) => {
      const { runMerge } = await import('./merge.js');
      exitCode = await runMerge(files, {
        formats: o.format ?? [o.output ? formatForFile(o.output) : 'pretty'],
        failOn: o.failOn,
        color: wantsColor(process.stdout),
        ...defined({ output: o.output, outputDir: o.outputDir }),
      });
    });

  program
    .command('transcribe')
    .description('write transcripts of media files (locally, with Whisper) without auditing them')
    .argument('<media...>', 'media files or folders of them')
    .addOption(new Option('--format <format>', 'transcript format').choices([...TRANSCRIBE_FORMATS]).default('srt'))
    .option('--output-dir <dir>', 'write transcripts there instead of beside each media file')
    .addOption(new Option('--lang <lang>', 'spoken language').choices(['ja', 'zh', 'ko', 'auto']).default('auto'))
    .option('--model <id>', 'speech model: tiny | base | small (default), -q8/-fp16 variants, or a model id')
    .option('--model-dir <dir>', 'local model folder for offline use (env LIVECOMPLY_MODEL_DIR)')
    .option('--cache-dir <dir>', 'transcript and model cache (env LIVECOMPLY_CACHE_DIR)')
    .option('--ffmpeg <path>', 'ffmpeg binary (env LIVECOMPLY_FFMPEG)')
    .option('--concurrency <n>', 'files processed at once', parsePositiveInt)
    .action(async (media: string[], o: Record<string, unknown>) => {
      const { runTranscribe } = await import('./transcribe.js');
      exitCode = await runTranscribe(media, {
        format: o.format as TranscribeFormat,
        lang: o.lang as 'ja' | 'zh' | 'ko' | 'auto',
        ...defined({
          outputDir: o.outputDir as string | undefined,
          model: o.model as string | undefined,
          modelDir: o.modelDir as string | undefined,
          cacheDir: o.cacheDir as string | undefined,
          ffmpeg: o.ffmpeg as string | undefined,
          concurrency: o.concurrency as number | undefined,
        }),
      });
    });

  const rules = program.command('rules').description('list, show, lint and test rulesets');
  const rulesOpts = () => ({ color: wantsColor(process.stdout) });
  rules
    .command('list')
    .argument('[rulesets...]')
    .description('rulesets with rule counts per category')
    .option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean }) => {
      const { rulesList } = await import('./rules.js');
      exitCode = await rulesList(refs, { ...rulesOpts(), json: o.json === true });
    });
  rules
    .command('show')
    .argument('[rulesets-or-rule-ids...]')
    .description('print rulesets, or single rules by id, as YAML')
    .option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean }) => {
      const { rulesShow } = await import('./rules.js');
      exitCode = await rulesShow(refs, { ...rulesOpts(), json: o.json === true });
    });
  rules
    .command('lint')
    .argument('[rulesets...]')
    .description('validate rulesets; problems as file:line:col')
    .action(async (refs: string[]) => {
      const { rulesLint } = await import('./rules.js');
      exitCode = await rulesLint(refs);
    });
  rules
    .command('test')
    .argument('[rulesets...]')
    .description("run every rule's good and bad examples")
    .action(async (refs: string[]) => {
      const { rulesTest } = await import('./rules.js');
      exitCode = await rulesTest(refs, rulesOpts());
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (await isUsageProblem(e)) {
      process.stderr.write(`livecomply: ${visible((e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}

/** A bad ruleset, option or configuration file: exit 2 with its message (the modules are loaded by then). */
async function isUsageProblem(e: unknown): Promise<boolean> {
  const [{ RulesetError }, { UsageError }, { ConfigError }, { ManifestError }] = await Promise.all([
    import('../rules/model.js'),
    import('./errors.js'),
    import('../config/load.js'),
    import('../manifest/parse.js'),
  ]);
  return e instanceof RulesetError || e instanceof UsageError || e instanceof ConfigError || e instanceof ManifestError;
}

/** Drop undefined values (the options object has optional, not undefined-able, fields). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** With --output and no --format, the file's extension says the format. */
function formatForFile(file: string): FormatName {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, FormatName> = { json: 'json', sarif: 'sarif', xml: 'junit', csv: 'csv', md: 'md', html: 'html', htm: 'html' };
  return byExt[ext] ?? 'pretty';
}
