import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/setup/dynamodb-local.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
