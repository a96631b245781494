/**
 * Unit tests for src/lib.
 * - `unit`: every test file once, in the machine's own time zone.
 * - `tz-*`: the same files again with the machine clock in other zones — the code must give
 *   Krefeld time (Europe/Berlin) wherever it runs. Berlin is in the list because a bug that
 *   converts twice only shows up there. Tests that build the whole site (`build-*.test.ts`)
 *   do not touch the clock and are slow, so they run only once.
 * Node re-reads process.env.TZ when it is assigned, and Vitest assigns `env` in the worker
 * before a test file is imported; tests/unit/zeitzone.test.ts checks that it took effect.
 */
import { defineConfig } from 'vitest/config';

const ALLE = ['tests/unit/**/*.test.ts'];
const ZONEN = { utc: 'UTC', 'new-york': 'America/New_York', berlin: 'Europe/Berlin' } as const;

export default defineConfig({
  test: {
    projects: [
      // zeitzone.test.ts checks the tz-* projects' premise, so it runs only there.
      { extends: true, test: { name: 'unit', include: ALLE, exclude: ['tests/unit/zeitzone.test.ts'] } },
      ...Object.entries(ZONEN).map(([name, tz]) => ({
        extends: true,
        test: { name: `tz-${name}`, include: ALLE, exclude: ['tests/unit/**/build-*.test.ts'], env: { TZ: tz } },
      })),
    ],
  },
});
