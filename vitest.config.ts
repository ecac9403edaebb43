import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run the compiled bin: build dist/ first if a source changed since the last build.
    globalSetup: ['tests/helpers/build-dist.ts'],
    // Native addons (hnswlib, better-sqlite3) and onnxruntime are happiest in forked processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
