import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Forks (a crash or an out-of-memory stays in its worker). Not isolated: a worker keeps the
    // modules it loaded from one test file to the next, so each language's tokenizer dictionary is
    // built once per worker instead of once per file. On the build machine, under the same load, the
    // whole suite took 227 s instead of 312 s; every test passes either way.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});
