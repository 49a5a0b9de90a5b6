import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,electron,renderer,test}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // CI has two cores; a file that opens stores and backups can wait for one well past 5 s.
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
