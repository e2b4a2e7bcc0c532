import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

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
          fileParallelism: false,
          // Several pages, a receiver and IndexedDB on a shared two-core machine: a test that
          // fails is run once more, and Vitest reports it as flaky rather than hiding it.
          retry: 1,
        },
      },
    ],
  },
}));
