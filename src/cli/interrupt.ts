/**
 * Ctrl-C during a run: the first stops starting new files (the work in flight finishes and a
 * partial report, marked interrupted, is written); the second quits at once (exit 130).
 */
export interface InterruptOptions {
  /** Where the notice goes (stderr). */
  write?: (text: string) => void;
  /** How to quit at once (process.exit). */
  exit?: (code: number) => void;
}

/** Runs `work` with a signal that Ctrl-C aborts; the SIGINT handler is removed afterwards whatever happens. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>, opts: InterruptOptions = {}): Promise<T> {
  const write = opts.write ?? ((text: string) => void process.stderr.write(text));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) return exit(130);
    abort.abort();
    write('\nlivecomply: interrupted; finishing the files in progress (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onSigint);
  try {
    return await work(abort.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
