/**
 * Every option of the commands, once: its flags, help, allowed values, default, how the command
 * line's text is parsed, and whether (and how) the configuration file may set it. The command line
 * (cli/main.ts), the configuration file's keys, schema and types (config/load.ts) and the options
 * the commands receive are all built from these tables, so they cannot drift apart: a key of the
 * configuration file exists only as an entry here (as Vitest's cli-config.ts does it).
 *
 * Light on purpose (no formatter, no ruleset, no commander): `--help` loads it.
 */
import path from 'node:path';
import { FAIL_ON_CHOICES, type FailOn } from '../core/finding.js';
import { LANGUAGE_CHOICES, type LanguageChoice } from '../core/language.js';
import { MESSAGE_LANGUAGES, SCREEN_CHOICES, TRANSCRIPT_CHOICES, type MessageLanguage, type ScreenChoice, type TranscriptChoice } from '../core/choices.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats/names.js';
import { TRANSCRIBE_FORMATS, type TranscribeFormat } from '../transcript/formats.js';

export interface OptionDef<T> {
  /** Commander's flags, e.g. `--output-dir <dir>`. */
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: T;
  /** The command line's text → the value (throws an Error saying why it is wrong). */
  parse?(text: string, previous: T | undefined): T;
}

/** An option the configuration file may set too (under the table's key). */
export interface ConfigurableOptionDef<T> extends OptionDef<T> {
  /** The JSON Schema of the key's value in the configuration file. */
  schema: object;
  /** The file's value → the option's value; `dir` is the configuration file's folder (relative paths). */
  fromConfig?(raw: unknown, dir: string): T;
  /** After `fromConfig`: why the value is wrong, or undefined (reported at the key's line:col). */
  check?(value: T): string | undefined;
}

/** The value type of an option of a table. */
export type OptionValue<D> = D extends OptionDef<infer T> ? T : never;

const cliOnly = <T>(def: OptionDef<T>): OptionDef<T> => def;
const configurable = <T>(def: ConfigurableOptionDef<T>): ConfigurableOptionDef<T> => def;

// ---- parsers of the command line's text (each throws with the sentence commander shows) ----

/** `json,html` → the formats, each known, without repeats. */
export function parseFormats(value: string): FormatName[] {
  const names = splitList(value);
  for (const n of names) if (!isFormatName(n)) throw new Error(`unknown format "${n}" (choose from ${FORMAT_NAMES.join(', ')})`);
  return [...new Set(names as FormatName[])];
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error('must be a whole number of at least 1');
  return n;
}

/** A repeatable, comma-separated option: every occurrence adds to the list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...splitList(value)];
}

function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

// ---- readers of the configuration file's values (already valid against `schema`) ----

const LIST_SCHEMA = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };
const PATH_SCHEMA = { type: 'string', minLength: 1 };
const asList = (raw: unknown): string[] => (Array.isArray(raw) ? (raw as string[]) : [raw as string]);
/** A path in the configuration file is relative to the file's folder. */
const fromDir = (raw: unknown, dir: string): string => path.resolve(dir, raw as string);

const CHOICE = <T extends string>(choices: readonly T[]) => ({ choices, schema: { enum: [...choices] } });

/** `livecomply audit`, in the order `--help` lists them. */
export const AUDIT_OPTIONS = {
  lang: configurable<LanguageChoice>({ flags: '--lang <lang>', description: 'spoken language', ...CHOICE(LANGUAGE_CHOICES), default: 'auto' }),
  rulesets: configurable<string[]>({
    flags: '--ruleset <name-or-path...>',
    description: 'built-in ruleset (jp, cn, kr) or YAML file; default picks by language',
    schema: LIST_SCHEMA,
    // Ruleset paths are relative to the config file; built-in names stay names.
    fromConfig: (raw, dir) => asList(raw).map((r) => (/[\\/]|\.ya?ml$/i.test(r) ? path.resolve(dir, r) : r)),
  }),
  format: configurable<FormatName[]>({
    flags: '--format <formats>',
    description: `report format(s), comma-separated: ${FORMAT_NAMES.join(', ')}`,
    parse: parseFormats,
    schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { enum: [...FORMAT_NAMES] } }] },
    fromConfig: (raw) => (typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : (raw as string[])) as FormatName[],
    check: (formats) => {
      const bad = formats.find((f) => !isFormatName(f));
      return bad === undefined ? undefined : `format "${bad}" is not one of ${FORMAT_NAMES.join(', ')}`;
    },
  }),
  output: configurable<string>({ flags: '--output <file>', description: 'write the report there (atomically) instead of stdout', schema: PATH_SCHEMA, fromConfig: fromDir }),
  outputDir: configurable<string>({ flags: '--output-dir <dir>', description: 'with several formats, one report file per format there', schema: PATH_SCHEMA, fromConfig: fromDir }),
  failOn: configurable<FailOn>({ flags: '--fail-on <severity>', description: 'lowest severity that makes the exit code 1', ...CHOICE(FAIL_ON_CHOICES), default: 'error' }),
  transcript: configurable<TranscriptChoice>({ flags: '--transcript <source>', description: "where a media file's words come from", ...CHOICE(TRANSCRIPT_CHOICES), default: 'auto' }),
  screen: configurable<ScreenChoice>({ flags: '--screen <on|off>', description: 'also read the text shown on screen by OCR (media with a video stream)', ...CHOICE(SCREEN_CHOICES), default: 'on' }),
  model: configurable<string>({ flags: '--model <id>', description: 'speech model: tiny | base | small (default), or a model id', schema: PATH_SCHEMA }),
  modelDir: configurable<string>({ flags: '--model-dir <dir>', description: 'local model folder for offline use (env LIVECOMPLY_MODEL_DIR)', schema: PATH_SCHEMA, fromConfig: fromDir }),
  cacheDir: configurable<string>({ flags: '--cache-dir <dir>', description: 'transcript and model cache (env LIVECOMPLY_CACHE_DIR)', schema: PATH_SCHEMA, fromConfig: fromDir }),
  ffmpeg: cliOnly<string>({ flags: '--ffmpeg <path>', description: 'ffmpeg binary (env LIVECOMPLY_FFMPEG)' }),
  concurrency: configurable<number>({ flags: '--concurrency <n>', description: 'files processed at once', parse: parsePositiveInt, schema: { type: 'integer', minimum: 1 } }),
  include: configurable<string[]>({ flags: '--include <glob>', description: 'only files matching (relative to each folder given); repeatable', parse: collect, schema: LIST_SCHEMA, fromConfig: asList }),
  exclude: configurable<string[]>({ flags: '--exclude <glob>', description: 'skip files matching; repeatable', parse: collect, schema: LIST_SCHEMA, fromConfig: asList }),
  messageLang: configurable<MessageLanguage>({ flags: '--message-lang <lang>', description: 'language of finding messages', ...CHOICE(MESSAGE_LANGUAGES), default: 'local' }),
  config: cliOnly<string>({ flags: '--config <file>', description: 'configuration file (default: livecomply.config.yaml found upward from here)' }),
  /** Accepted findings (a file written by --write-baseline). */
  baseline: configurable<string>({ flags: '--baseline <file>', description: 'report only findings not accepted in this baseline', schema: PATH_SCHEMA, fromConfig: fromDir }),
  writeBaseline: cliOnly<string>({ flags: '--write-baseline <file>', description: "record this run's findings as accepted" }),
  /** The product manifest for every input. */
  manifest: configurable<string>({
    flags: '--manifest <file>',
    description: 'the product manifest for the inputs (default: <stem>.manifest.yaml beside each input)',
    schema: PATH_SCHEMA,
    fromConfig: fromDir,
  }),
  shard: cliOnly<string>({ flags: '--shard <k/n>', description: 'audit only the k-th of n stable shares of the inputs (split a batch over machines)' }),
};
export type AuditOptionKey = keyof typeof AUDIT_OPTIONS;

/** `livecomply merge`: the report options of audit. */
export const MERGE_OPTIONS = {
  format: AUDIT_OPTIONS.format,
  output: AUDIT_OPTIONS.output,
  outputDir: AUDIT_OPTIONS.outputDir,
  failOn: AUDIT_OPTIONS.failOn,
};

/** `livecomply transcribe`. */
export const TRANSCRIBE_OPTIONS = {
  format: cliOnly<TranscribeFormat>({ flags: '--format <format>', description: 'transcript format', choices: TRANSCRIBE_FORMATS, default: 'srt' }),
  outputDir: cliOnly<string>({ flags: '--output-dir <dir>', description: 'write transcripts there instead of beside each media file' }),
  lang: AUDIT_OPTIONS.lang,
  model: { ...AUDIT_OPTIONS.model, description: 'speech model: tiny | base | small (default), -q8/-fp16 variants, or a model id' },
  modelDir: AUDIT_OPTIONS.modelDir,
  cacheDir: AUDIT_OPTIONS.cacheDir,
  ffmpeg: AUDIT_OPTIONS.ffmpeg,
  concurrency: AUDIT_OPTIONS.concurrency,
};

/** The keys the configuration file may set: exactly the configurable entries of AUDIT_OPTIONS. */
export type ConfigKey = { [K in AuditOptionKey]: (typeof AUDIT_OPTIONS)[K] extends { schema: object } ? K : never }[AuditOptionKey];
/** The values of a table's options. */
export type OptionValues<Table> = { [K in keyof Table]?: OptionValue<Table[K]> };
/** What a configuration file sets. */
export type ConfigValues = { [K in ConfigKey]?: OptionValue<(typeof AUDIT_OPTIONS)[K]> };

export const CONFIG_KEYS = (Object.keys(AUDIT_OPTIONS) as AuditOptionKey[]).filter((k): k is ConfigKey => 'schema' in AUDIT_OPTIONS[k]);
