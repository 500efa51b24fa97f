import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Hang guards, not assertions: generous enough for a loaded two-core machine (waits inside
    // tests are wait-untils of 60 s by default, tests/helpers/daemon.ts).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
