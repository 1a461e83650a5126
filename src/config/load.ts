/**
 * `livecomply.config.yaml`: found by walking up from the working directory (or given with
 * --config), validated like rulesets with file:line:col errors. Command-line options override it.
 */
import { existsSync } from 'node:fs';
import { readErrorReason } from '../io/file-errors.js';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';
import { parseValidatedYaml, type YamlProblem } from '../yaml/validated.js';
import { FORMAT_NAMES } from '../report/formats/names.js';

export const CONFIG_NAMES = ['livecomply.config.yaml', 'livecomply.config.yml'];

export interface Config {
  /** Where the file is; relative paths in it are relative to its folder. */
  file: string;
  rulesets?: string[];
  lang?: 'ja' | 'zh' | 'ko' | 'auto';
  failOn?: 'error' | 'warning' | 'info' | 'never';
  format?: string[];
  output?: string;
  outputDir?: string;
  include?: string[];
  exclude?: string[];
  concurrency?: number;
  transcript?: 'auto' | 'asr' | 'sidecar' | 'embedded';
  screen?: 'on' | 'off';
  model?: string;
  modelDir?: string;
  cacheDir?: string;
  messageLang?: 'local' | 'en';
  /** Accepted findings (a file written by --write-baseline). */
  baseline?: string;
  /** The product manifest for every input (relative to this file). */
  manifest?: string;
}

const list = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rulesets: list,
    lang: { enum: ['ja', 'zh', 'ko', 'auto'] },
    failOn: { enum: ['error', 'warning', 'info', 'never'] },
    format: { oneOf: [{ type: 'string' }, { type: 'array', items: { enum: [...FORMAT_NAMES] } }] },
    output: { type: 'string', minLength: 1 },
    outputDir: { type: 'string', minLength: 1 },
    include: list,
    exclude: list,
    concurrency: { type: 'integer', minimum: 1 },
    transcript: { enum: ['auto', 'asr', 'sidecar', 'embedded'] },
    screen: { enum: ['on', 'off'] },
    model: { type: 'string', minLength: 1 },
    modelDir: { type: 'string', minLength: 1 },
    cacheDir: { type: 'string', minLength: 1 },
    messageLang: { enum: ['local', 'en'] },
    baseline: { type: 'string', minLength: 1 },
    manifest: { type: 'string', minLength: 1 },
  },
};
// Compiled on first use: most runs have no configuration file and need no validator.
let validator: ReturnType<Ajv['compile']> | undefined;
// ajv is loaded then too: its modules alone cost about as much as the rest of a warm start-up.
const loadAjv = () => (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv;
const validate = () => (validator ??= new (loadAjv())({ allErrors: true, strict: false }).compile(schema));

export class ConfigError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.reason}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export function findConfig(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export function parseConfig(text: string, file: string): Config {
  type Raw = Omit<Config, 'file' | 'rulesets' | 'format' | 'include' | 'exclude'> & Record<'rulesets' | 'format' | 'include' | 'exclude', string | string[] | undefined>;
  const parsed = parseValidatedYaml<Raw>(text, file, validate(), 'the configuration file is empty');
  if (!parsed.data) throw new ConfigError(parsed.problems);
  const raw = parsed.data;
  const formats = typeof raw.format === 'string' ? raw.format.split(',').map((s) => s.trim()) : raw.format;
  const bad = formats?.find((f) => !(FORMAT_NAMES as readonly string[]).includes(f));
  if (bad !== undefined) {
    throw new ConfigError([{ file, ...parsed.positionOf(['format']), reason: `format "${bad}" is not one of ${FORMAT_NAMES.join(', ')}` }]);
  }
  const dir = path.dirname(path.resolve(file));
  const rel = (p: string | undefined) => (p === undefined ? undefined : path.resolve(dir, p));
  // Ruleset paths are relative to the config file; built-in names stay names.
  const rulesets = asList(raw.rulesets)?.map((r) => (/[\\/]|\.ya?ml$/i.test(r) ? path.resolve(dir, r) : r));
  const config: Config = { ...raw, file } as Config;
  const set = <K extends keyof Config>(k: K, v: Config[K] | undefined) => {
    if (v === undefined) delete config[k];
    else config[k] = v;
  };
  set('rulesets', rulesets);
  set('format', formats);
  set('include', asList(raw.include));
  set('exclude', asList(raw.exclude));
  set('output', rel(raw.output));
  set('outputDir', rel(raw.outputDir));
  set('modelDir', rel(raw.modelDir));
  set('cacheDir', rel(raw.cacheDir));
  set('baseline', rel(raw.baseline));
  set('manifest', rel(raw.manifest));
  return config;
}

export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<Config | undefined> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return undefined;
  let text: string;
  try {
    text = await readRegularText(file, MAX_BYTES.yaml);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError([{ file, line: 1, column: 1, reason: code === 'ENOENT' ? 'no such configuration file' : `cannot read configuration: ${readErrorReason(e)}` }]);
  }
  const shown = path.relative(cwd, file) || file;
  return parseConfig(text, shown.startsWith('..') ? file : shown);
}
