import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - `unit`: every `*.test.ts` beside the code (and beside the scripts), including the
 *   server's integration tests on the embedded SQLite default.
 * - `server`: the server's tests alone; `scripts/test.ts` runs it a second time with
 *   `DATABASE_URL` pointing at PostgreSQL so both dialects are covered.
 * - `e2e`: Playwright journeys in Debian Chromium against a real server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // What a journey waits for arrives over the network, from a worker or from a
          // polling view (the projector asks every second): vitest's default of 1 s for
          // `expect.poll` is shorter than one such round on a loaded CI machine. A value that
          // never arrives still fails, after 10 s.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
    ],
  },
});
