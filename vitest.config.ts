import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './widget/vite.config.ts';

/**
 * Three projects: pure logic in Node, components in happy-dom, and real Chromium driven
 * from Node through playwright-core (what only a browser decides: focus, Shadow DOM, CSP,
 * IndexedDB across reloads).
 */
export default mergeConfig(viteConfig, defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/ui/**', 'node_modules/**'],
          // These tests wait for conditions, never for time: the timeout only reports a hang.
          // Files run side by side on two cores next to ones that start whole server fleets, so
          // a test's second of CPU work (a server built, passwords hashed) can take several on
          // the clock; the default 5 s failed tests that were starved, not wrong.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/ui/**/*.test.{ts,tsx}', 'test/embed/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the files share a two-core machine. No retries: a test that
          // fails once is a bug to fix, in the widget or in how the test waits.
          fileParallelism: false,
        },
      },
    ],
  },
}));
