import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Chromium and LibreOffice suites share two cores; keep files from starving each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', globalSetup: ['test/support/build-service.ts'], include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/fuzz.test.ts'], sequence: { groupOrder: 0 } } },
      // The fuzzer keeps a core busy for its whole run; after the others, it cannot starve their time budgets.
      { extends: true, test: { name: 'fuzz', include: ['test/fuzz.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
