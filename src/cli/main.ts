/**
 * The command line: commands and their options (built from the tables in config/options.ts), each
 * action a few lines handing plain data to its command module, and every failure turned into the
 * contract's exit code with a message naming what went wrong.
 */
import { Command, CommanderError } from 'commander';
// Only what parsing needs is loaded up front: each command's module (rulesets, tokenizers, the
// report formatters, the speech model) is imported when that command runs, so `--version` and
// `--help` start in tens of milliseconds.
import { AUDIT_OPTIONS, MERGE_OPTIONS, TRANSCRIBE_OPTIONS } from '../config/options.js';
import { addOptions, auditOptions, defined, formatsFor, parsedOptions, type Terminal } from './options.js';
import { VERSION } from './version.js';
import { visible } from '../report/visible.js';

function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function terminal(): Terminal {
  return { color: wantsColor(process.stdout), interactive: process.stderr.isTTY === true && !process.env.CI };
}

/** A command's action sets the exit code main returns. */
type SetExit = (code: number) => void;

function auditCommand(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('audit')
    .description('audit media files, transcripts, or folders of them')
    .argument('<inputs...>', 'media files, transcripts (.srt .vtt .json .txt) or folders');
  addOptions(cmd, AUDIT_OPTIONS).action(async (inputs: string[], _o: unknown, self: Command) => {
    const [{ loadConfig }, { runAudit }] = await Promise.all([import('../config/load.js'), import('./audit.js')]);
    const cli = parsedOptions(AUDIT_OPTIONS, self);
    const config = await loadConfig(cli.values.config);
    setExit(await runAudit(inputs, auditOptions(cli, config, terminal())));
  });
}

function mergeCommand(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('merge')
    .argument('<reports...>', 'JSON reports (e.g. one per shard)')
    .description('combine JSON reports (one per shard) into one report, in any format');
  addOptions(cmd, MERGE_OPTIONS).action(async (files: string[], _o: unknown, self: Command) => {
    const { runMerge } = await import('./merge.js');
    const { values: v } = parsedOptions(MERGE_OPTIONS, self);
    setExit(await runMerge(files, { formats: formatsFor(v.format, v.output), failOn: v.failOn ?? 'error', color: terminal().color, ...defined({ output: v.output, outputDir: v.outputDir }) }));
  });
}

function transcribeCommand(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('transcribe')
    .description('write transcripts of media files (locally, with Whisper) without auditing them')
    .argument('<media...>', 'media files or folders of them');
  addOptions(cmd, TRANSCRIBE_OPTIONS).action(async (media: string[], _o: unknown, self: Command) => {
    const { runTranscribe } = await import('./transcribe.js');
    const { values: v } = parsedOptions(TRANSCRIBE_OPTIONS, self);
    const { format = 'srt', lang = 'auto', ...rest } = v;
    setExit(await runTranscribe(media, { format, lang, ...defined(rest) }));
  });
}

function rulesCommand(program: Command, setExit: SetExit): void {
  const rules = program.command('rules').description('list, show, lint and test rulesets, and their vocab lists');
  const color = () => ({ color: wantsColor(process.stdout) });
  const load = () => import('./rules.js');
  rules.command('list').argument('[rulesets...]').description('rulesets with rule counts per category').option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean }) => setExit(await (await load()).rulesList(refs, { ...color(), json: o.json === true })));
  rules.command('show').argument('[rulesets-or-rule-ids...]').description('print rulesets, or single rules by id, as YAML').option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean }) => setExit(await (await load()).rulesShow(refs, { ...color(), json: o.json === true })));
  rules.command('vocab').argument('[rulesets...]').description('vocab lists: their size and the rules that use them').option('--name <list>', "one list's rules and words").option('--inline', 'inline word lists that mostly spell out a vocab list').option('--json', 'as JSON')
    .action(async (refs: string[], o: { json?: boolean; name?: string; inline?: boolean }) => setExit(await (await load()).rulesVocab(refs, { ...color(), json: o.json === true, inline: o.inline === true, ...(o.name !== undefined ? { name: o.name } : {}) })));
  rules.command('lint').argument('[rulesets...]').description('validate rulesets; problems as file:line:col')
    .action(async (refs: string[]) => setExit(await (await load()).rulesLint(refs)));
  rules.command('test').argument('[rulesets...]').description("run every rule's good and bad examples").option('--alone', 'a ruleset file that a ruleset next to it extends: without that ruleset\'s context cues')
    .option('--explain', 'for a failed example, say why: the matcher that came closest, or the cue (unless, negation, quotation) that excused it')
    .action(async (refs: string[], o: { alone?: boolean; explain?: boolean }) => setExit(await (await load()).rulesTest(refs, { ...color(), alone: o.alone === true, explain: o.explain === true })));
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit: SetExit = (code) => void (exitCode = code);
  const program = new Command()
    .name('livecomply')
    .description('Audit livestream-shopping recordings and transcripts (ja / zh / ko) against advertising and consumer law')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `livecomply: ${s}` : s) });
  for (const add of [auditCommand, mergeCommand, transcribeCommand, rulesCommand]) add(program, setExit);
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
