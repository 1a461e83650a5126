import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tokenizer dictionaries are large; forks keep each test file's memory to itself.
    pool: 'forks',
    maxWorkers: 2,
  },
});
