/**
 * `livecomply.config.yaml`: found by walking up from the working directory (or given with
 * --config), validated like rulesets with file:line:col errors. Command-line options override it.
 */
import { existsSync } from 'node:fs';
import { readErrorReason } from '../io/file-errors.js';
import { MAX_BYTES, readRegularText } from '../io/read-file.js';
import path from 'node:path';
import { lazyValidator, parseValidatedYaml, type YamlProblem } from '../yaml/validated.js';
import { AUDIT_OPTIONS, CONFIG_KEYS, type ConfigurableOptionDef, type ConfigValues } from './options.js';

export const CONFIG_NAMES = ['livecomply.config.yaml', 'livecomply.config.yml'];

/** A configuration file's settings: the configurable options of the table (config/options.ts). */
export type Config = ConfigValues & {
  /** Where the file is; relative paths in it are relative to its folder. */
  file: string;
};

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(CONFIG_KEYS.map((k) => [k, AUDIT_OPTIONS[k].schema])),
};
// Compiled on first use: most runs have no configuration file and need no validator.
const validate = lazyValidator(schema);

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

export function parseConfig(text: string, file: string): Config {
  const parsed = parseValidatedYaml<Record<string, unknown>>(text, file, validate(), 'the configuration file is empty');
  if (!parsed.data) throw new ConfigError(parsed.problems);
  const raw = parsed.data;
  const dir = path.dirname(path.resolve(file));
  const config: Record<string, unknown> = { file };
  for (const key of CONFIG_KEYS) {
    if (raw[key] === undefined) continue;
    const def = AUDIT_OPTIONS[key] as ConfigurableOptionDef<unknown>;
    const value = def.fromConfig ? def.fromConfig(raw[key], dir) : raw[key];
    const wrong = def.check?.(value);
    if (wrong !== undefined) throw new ConfigError([{ file, ...parsed.positionOf([key]), reason: wrong }]);
    config[key] = value;
  }
  return config as Config;
}

export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<Config | undefined> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return undefined;
  let text: string;
  try {
    text = await readRegularText(file, MAX_BYTES.yaml);
  } catch (e) {
    const reason = readErrorReason(e, { missing: 'no such configuration file', prefix: 'cannot read configuration: ' });
    throw new ConfigError([{ file, line: 1, column: 1, reason }]);
  }
  const shown = path.relative(cwd, file) || file;
  return parseConfig(text, shown.startsWith('..') ? file : shown);
}
