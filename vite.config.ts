import { defineConfig } from 'vite';

/**
 * Shared by every build (`scripts/build.mjs`) and by Vitest: Preact's automatic JSX runtime.
 * The builds themselves (loader, widget, package) are described in `scripts/build.mjs`.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
