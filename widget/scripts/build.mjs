// @ts-check
/**
 * Builds the widget package (`widget/`), into `widget/dist/`:
 * - dist/heard.js: the one-tag loader (a classic script, IIFE), tiny;
 * - dist/heard-widget.js + dist/heard-<locale>-*.js: the widget it loads, and one pack per
 *   language (its lines and its triage vocabulary) so a visitor downloads only their own;
 * - dist/esm/: the ESM package for sites that bundle Heard (dependencies left to the bundler);
 * - dist/triage/triage.mjs: `heard/triage`, the triage with every language in one module for
 *   Node, which the server runs on every record it receives, and dist/triage/commitment.mjs:
 *   `heard/commitment`, how the widget dates and says a commitment, for the server's own;
 * - dist/types/: type declarations.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const quiet = process.argv.includes('--quiet');
// Paths the bundler writes into the package's ESM (its region comments) are relative to the
// working directory: build from the package's folder wherever the command was started.
process.chdir(root);

/** @param {import('vite').InlineConfig} config */
const run = (config) =>
  build({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: quiet ? 'warn' : 'info',
    // Library mode leaves NODE_ENV alone; the embed must get the production builds of its
    // dependencies (no dev warnings, no dev-only checks).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ...config,
  });

/**
 * What a visitor's browser runs is bundled for the last time: annotations for other bundlers
 * (`@__PURE__`, one per JSX element) are dead weight there. Licence comments stay.
 */
const SHIPPED_COMMENTS = { legal: true, annotation: false, jsdoc: false };

/** A second, slower pass over what every visitor downloads: a few hundred bytes gzip under Oxc's. */
const TERSER = { module: true, compress: { passes: 2 }, format: { comments: 'some' } };

rmSync(dist, { recursive: true, force: true });

await run({
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: `${root}src/embed/loader.ts`, formats: ['iife'], name: 'HeardLoader', fileName: () => 'heard.js' },
    rolldownOptions: { output: { minify: true, comments: SHIPPED_COMMENTS } },
  },
});

await run({
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: 'terser',
    terserOptions: TERSER,
    lib: { entry: { 'heard-widget': `${root}src/embed/widget.ts` }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    rolldownOptions: {
      output: {
        chunkFileNames: 'heard-[name]-[hash].js',
        minify: true,
        comments: SHIPPED_COMMENTS,
        // Each language's pack (src/i18n/packs) and each language's thread lines are split off by
        // their import() alone: each is the module its download starts from, so it exports its
        // values as they are, with no module object (nor the bundler's helper to build one).
        codeSplitting: {
          groups: [
            // Only a returning visitor's download: reading and showing their complaints' status.
            { debugName: 'status', name: (id) => (/src\/(?:transport\/status|ui\/PastStatuses)\.ts$/.test(id) ? 'status' : null) },
          ],
        },
      },
    },
  },
});

const pkg = (await import('../package.json', { with: { type: 'json' } })).default;
const external = [...Object.keys(pkg.dependencies ?? {})];

/**
 * The package's `triage` has every language statically; the lazy loader beside it is for the
 * widget, so the bundler's note that it cannot split them is expected.
 * @type {NonNullable<import('vite').Rolldown.InputOptions['onLog']>}
 */
const expectStaticLanguages = (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' ? undefined : handler(level, log));

/** An ES module of the package, not minified: a site's bundler or Node reads it. */
const packageBuild = (/** @type {string} */ outDir, /** @type {string} */ target, /** @type {Record<string, string>} */ entry) => ({
  outDir,
  emptyOutDir: false,
  target,
  minify: false,
  lib: { entry, formats: /** @type {['es']} */ (['es']), fileName: (/** @type {unknown} */ _f, /** @type {string} */ name) => `${name}.mjs` },
});

await run({
  build: {
    ...packageBuild(`${dist}/esm`, 'es2022', { heard: `${root}src/index.ts` }),
    rolldownOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      onLog: expectStaticLanguages,
      output: { chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});

await run({
  build: {
    ...packageBuild(`${dist}/triage`, 'node20', { triage: `${root}src/triage/public.ts`, commitment: `${root}src/commitment.ts` }),
    rolldownOptions: { onLog: expectStaticLanguages },
  },
});

// The build tools are the workspace's, installed beside it rather than inside `widget/`.
const tsc = createRequire(import.meta.url).resolve('typescript/package.json').replace(/package\.json$/, 'bin/tsc');
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], {
  stdio: 'inherit',
});
if (!quiet) console.log('Built widget/dist/heard.js (loader), widget/dist/heard-widget.js (widget), widget/dist/esm (package), widget/dist/triage (triage for Node), widget/dist/types.');
