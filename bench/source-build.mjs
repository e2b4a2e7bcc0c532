// @ts-check
/**
 * Builds some of Heard's TypeScript sources for Node with `vite build --ssr` (dependencies
 * bundled in, production transforms, no minification) into a temporary folder and imports
 * them. Used for what the bench times outside the browser, so the figures come from the same
 * compiled code a visitor runs rather than from a dev server's per-import indirection.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {Record<string, string>} entries output name → source path relative to the repository
 *   (missing sources are skipped, and absent from the result)
 * @returns {Promise<{ modules: Record<string, Record<string, unknown>>, missing: string[], dispose: () => void }>}
 */
export async function loadSourceModules(entries) {
  /** @type {Record<string, string>} */
  const input = {};
  /** @type {string[]} */
  const missing = [];
  for (const [name, path] of Object.entries(entries)) {
    if (existsSync(join(ROOT, path))) input[name] = join(ROOT, path);
    else missing.push(path);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'heard-bench-src-'));
  const dispose = () => rmSync(outDir, { recursive: true, force: true });
  /** @type {Record<string, Record<string, unknown>>} */
  const modules = {};
  if (Object.keys(input).length === 0) return { modules, missing, dispose };
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'widget', 'vite.config.ts'),
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: {
        ssr: true,
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        copyPublicDir: false,
        rolldownOptions: {
          input,
          output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
        },
      },
    });
    for (const name of Object.keys(input)) modules[name] = await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
  } catch (error) {
    dispose();
    throw error;
  }
  return { modules, missing, dispose };
}
