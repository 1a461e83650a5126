/** `--model` checked before any file is touched: a typo is a usage error (exit 2), not 500 failed files. */
import { UsageError } from './errors.js';

export async function checkModelOption(model: string | undefined): Promise<void> {
  if (model === undefined) return;
  // asr/model.js is light (no transformers.js): parsing the name costs nothing.
  const { parseModelSpec, ModelSpecError } = await import('../asr/model.js');
  try {
    parseModelSpec(model);
  } catch (e) {
    if (e instanceof ModelSpecError) throw new UsageError(e.message);
    throw e;
  }
}
