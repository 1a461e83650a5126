/**
 * The options tables (config/options.ts) on the command line: commander options built from them,
 * and the values a command runs with, from the command line over the configuration file over the
 * defaults. Pure functions of their inputs (tested in test/unit/cli/options.test.ts).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Config } from '../config/load.js';
import { AUDIT_OPTIONS, type AuditOptionKey, type OptionDef, type OptionValue, type OptionValues } from '../config/options.js';
import type { FormatName } from '../report/formats/names.js';
import type { AuditCommandOptions } from './audit.js';

/** The name commander gives an option's value: `--output-dir <dir>` → `outputDir`. */
export function attributeOf(flags: string): string {
  const long = /--([\w-]+)/.exec(flags)?.[1] ?? '';
  return long.replace(/^no-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Add every option of a table to a command, in the table's order. */
export function addOptions(cmd: Command, table: Record<string, OptionDef<unknown>>): Command {
  for (const def of Object.values(table)) {
    const option = new Option(def.flags, def.description);
    if (def.choices) option.choices(def.choices);
    if (def.default !== undefined) option.default(def.default);
    const parse = def.parse;
    if (parse) {
      option.argParser((text: string, previous: unknown) => {
        try {
          return parse(text, previous);
        } catch (e) {
          throw new InvalidArgumentError((e as Error).message);
        }
      });
    }
    cmd.addOption(option);
  }
  return cmd;
}

/**
 * A table's values as commander parsed them (defaults included), keyed by the table's keys.
 * `fromCli(key)` says whether the user typed the option.
 */
export interface ParsedOptions<Table> {
  values: OptionValues<Table>;
  fromCli: (key: keyof Table) => boolean;
}

export function parsedOptions<Table extends Record<string, OptionDef<unknown>>>(table: Table, cmd: Pick<Command, 'opts' | 'getOptionValueSource'>): ParsedOptions<Table> {
  const raw = cmd.opts();
  const values: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(table)) {
    const v = raw[attributeOf(def.flags)];
    if (v !== undefined) values[key] = v;
  }
  return { values: values as OptionValues<Table>, fromCli: (key) => cmd.getOptionValueSource(attributeOf(table[key]!.flags)) === 'cli' };
}

/** Command line over configuration file over defaults, option by option. */
export function withConfig(cli: ParsedOptions<typeof AUDIT_OPTIONS>, config: Config | undefined): OptionValues<typeof AUDIT_OPTIONS> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(AUDIT_OPTIONS) as AuditOptionKey[]) {
    const fromConfig = config?.[key as keyof Config];
    const value = cli.fromCli(key) || fromConfig === undefined ? cli.values[key] : fromConfig;
    if (value !== undefined) out[key] = value;
  }
  return out as OptionValues<typeof AUDIT_OPTIONS>;
}

/** With --output and no --format, the file's extension says the format. */
export function formatForFile(file: string): FormatName {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, FormatName> = { json: 'json', sarif: 'sarif', xml: 'junit', csv: 'csv', md: 'md', html: 'html', htm: 'html' };
  return byExt[ext] ?? 'pretty';
}

/** The formats asked for, else the one --output's extension names, else pretty. */
export function formatsFor(format: readonly FormatName[] | undefined, output: string | undefined): FormatName[] {
  return format ? [...new Set(format)] : [output ? formatForFile(output) : 'pretty'];
}

export interface Terminal {
  color: boolean;
  interactive: boolean;
}

/** What `audit` runs with: the command line over the configuration file over the defaults. */
export function auditOptions(cli: ParsedOptions<typeof AUDIT_OPTIONS>, config: Config | undefined, terminal: Terminal): AuditCommandOptions {
  const v = withConfig(cli, config);
  const need = <K extends AuditOptionKey>(key: K): NonNullable<OptionValue<(typeof AUDIT_OPTIONS)[K]>> => {
    const value = v[key] ?? AUDIT_OPTIONS[key].default;
    if (value === undefined) throw new Error(`option ${key} has no default`);
    return value as NonNullable<OptionValue<(typeof AUDIT_OPTIONS)[K]>>;
  };
  return {
    lang: need('lang'),
    langFrom: !cli.fromCli('lang') && config?.lang ? `lang: ${config.lang} in ${config.file}` : '--lang',
    ...(config ? { configFile: config.file } : {}),
    outputFromConfig: !cli.fromCli('output') && !cli.fromCli('outputDir') && (config?.output !== undefined || config?.outputDir !== undefined),
    rulesets: v.rulesets ?? [],
    formats: formatsFor(v.format, v.output),
    failOn: need('failOn'),
    transcript: need('transcript'),
    screen: need('screen'),
    messageLanguage: need('messageLang'),
    ...terminal,
    ...defined({
      output: v.output,
      outputDir: v.outputDir,
      model: v.model,
      modelDir: v.modelDir,
      cacheDir: v.cacheDir,
      ffmpeg: v.ffmpeg,
      concurrency: v.concurrency,
      include: v.include,
      exclude: v.exclude,
      shard: v.shard,
      manifest: v.manifest,
      // Writing a baseline ignores the one the config names (it may not exist yet).
      baseline: v.writeBaseline && !cli.fromCli('baseline') ? undefined : v.baseline,
      writeBaseline: v.writeBaseline,
    }),
  };
}

/** Drop undefined values (the options objects have optional, not undefined-able, fields). */
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
