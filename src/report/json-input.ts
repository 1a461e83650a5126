/** JSON read back from a file the user names (a report, a baseline): parse errors name the file. Pure. */
export function parseJsonNamed(json: string, file: string, fail: (message: string) => Error): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (e) {
    throw fail(`${file}: not valid JSON (${(e as Error).message})`);
  }
}
