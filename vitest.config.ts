import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Emulator tests start servers and child processes; keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
