/**
 * The command line: parses options (commander), hands plain data to the commands, and turns
 * every failure into the contract's exit code with a message naming what went wrong.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RulesetError } from '../rules/model.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats/index.js';
import { runAudit } from './audit.js';
import { UsageError } from './errors.js';
import { rulesLint, rulesList, rulesShow, rulesTest } from './rules.js';
import { VERSION } from './version.js';

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
    .addOption(new Option('--transcript <source>', 'where a media file\'s words come from').choices(['auto', 'asr', 'sidecar']).default('auto'))
    .option('--model <id>', 'speech model: tiny | base | small (default), or a model id')
    .option('--model-dir <dir>', 'local model folder for offline use (env LIVECOMPLY_MODEL_DIR)')
    .option('--cache-dir <dir>', 'transcript and model cache (env LIVECOMPLY_CACHE_DIR)')
    .option('--ffmpeg <path>', 'ffmpeg binary (env LIVECOMPLY_FFMPEG)')
    .option('--concurrency <n>', 'files processed at once', parsePositiveInt)
    .option('--include <glob>', 'only files matching (relative to each folder given); repeatable', collect)
    .option('--exclude <glob>', 'skip files matching; repeatable', collect)
    .addOption(new Option('--message-lang <lang>', 'language of finding messages').choices(['local', 'en']).default('local'))
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const formats = (o.format as FormatName[] | undefined) ?? [process.stdout.isTTY || o.output === undefined ? 'pretty' : 'json'];
      exitCode = await runAudit(inputs, {
        lang: o.lang as 'ja' | 'zh' | 'ko' | 'auto',
        rulesets: (o.ruleset as string[] | undefined) ?? [],
        formats,
        failOn: o.failOn as 'error' | 'warning' | 'info' | 'never',
        transcript: o.transcript as 'auto' | 'asr' | 'sidecar',
        messageLanguage: o.messageLang as 'local' | 'en',
        color: wantsColor(process.stdout),
        interactive: process.stderr.isTTY === true && !process.env.CI,
        ...pick(o, ['output', 'outputDir', 'model', 'modelDir', 'cacheDir', 'ffmpeg', 'concurrency', 'include', 'exclude']),
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
      exitCode = await rulesList(refs, { ...rulesOpts(), json: o.json === true });
    });
  rules
    .command('show')
    .argument('[rulesets-or-rule-ids...]')
    .description('print rulesets, or single rules by id, as YAML')
    .option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean }) => {
      exitCode = await rulesShow(refs, { ...rulesOpts(), json: o.json === true });
    });
  rules
    .command('lint')
    .argument('[rulesets...]')
    .description('validate rulesets; problems as file:line:col')
    .action(async (refs: string[]) => {
      exitCode = await rulesLint(refs);
    });
  rules
    .command('test')
    .argument('[rulesets...]')
    .description("run every rule's good and bad examples")
    .action(async (refs: string[]) => {
      exitCode = await rulesTest(refs, rulesOpts());
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof RulesetError || e instanceof UsageError) {
      process.stderr.write(`livecomply: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, never> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out as Record<string, never>;
}
