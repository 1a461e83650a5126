#!/usr/bin/env node
// `livecomply --version` alone is answered here, before the CLI (commander and the command table)
// is loaded: CI scripts call it to log the tool's version, and it should cost no more than Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`livecomply: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
