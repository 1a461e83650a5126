#!/usr/bin/env node
'use strict';
// `livecomply --version` alone is answered here, before the CLI (commander and the command table)
// is loaded: CI scripts call it to log the tool's version, and it should cost no more than Node.
// This entry is CommonJS on purpose: Node starts its ES-module loader only for the first `import`,
// which costs about 15 ms that `--version` does not need.
// Everything else runs the bundled build (dist/livecomply.cjs, see bin/bundle.cjs) with a V8
// code cache, or the ES-module build (dist/cli/main.js) when there is no current bundle.
const args = process.argv.slice(2);
// A reader that stops early (`livecomply rules list | head -1`) closes the pipe: the rest of the output is
// dropped, the run ends as it would have (same exit code), and no EPIPE stack trace is printed.
process.stdout.on('error', (err) => {
  if (!err || err.code !== 'EPIPE') throw err;
});
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  let bundled;
  try {
    bundled = require('./bundle.cjs').loadBundle(args);
  } catch (err) {
    bundled = undefined;
  }
  (bundled ? Promise.resolve(bundled) : import('../dist/cli/main.js'))
    .then(({ main }) => main(process.argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err) => {
        process.stderr.write(`livecomply: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
        process.exitCode = 2;
      },
    );
}
