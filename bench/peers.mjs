// @ts-check
/**
 * Peer widgets the bench measures Heard against: each installed into `bench/peers/` (its own
 * package.json and lock, so the project's install stays lean), mounted by a small entry in
 * `bench/peers/src/` the way its docs say, and bundled with Vite into one minified IIFE page
 * script, as a site would ship it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { compressedSizes } from './sizes.mjs';

export const PEERS_DIR = fileURLToPath(new URL('./peers/', import.meta.url));

/**
 * @typedef {{
 *   name: string,
 *   label: string,
 *   entry: string,
 *   react17?: boolean,
 *   launcher: string,
 *   offline: boolean,
 *   note: string,
 * }} Peer
 */

/**
 * The peers. `launcher` is where its bubble appears (`host >>> inner` pierces an open shadow
 * root); `offline` says whether it can draw its launcher without any remote host.
 * @type {Peer[]}
 */
export const PEERS = [
  {
    name: 'sentry',
    label: 'Sentry feedback (@sentry/browser feedbackIntegration)',
    entry: 'src/sentry.js',
    launcher: '#sentry-feedback >>> .widget__actor',
    offline: true,
    note: 'SDK + feedback widget; envelopes go to the loopback DSN',
  },
  {
    name: 'papercups',
    label: '@papercups-io/chat-widget (React 17)',
    entry: 'src/papercups.js',
    react17: true,
    launcher: '.Papercups-toggleButton',
    offline: false,
    note: 'chat window is a remote iframe (blocked)',
  },
  {
    name: 'typebot',
    label: '@typebot.io/js bubble',
    entry: 'src/typebot.js',
    launcher: 'typebot-bubble >>> button',
    offline: true,
    note: 'bot definition fetched from apiHost (loopback, unknown bot)',
  },
  {
    name: 'react-chat-widget',
    label: 'react-chat-widget (React 17)',
    entry: 'src/react-chat-widget.js',
    react17: true,
    launcher: '.rcw-launcher',
    offline: true,
    note: 'includes its stylesheet',
  },
  {
    name: 'botpress',
    label: '@botpress/webchat (React 19)',
    entry: 'src/botpress.js',
    launcher: '.bpFabContainer',
    offline: false,
    note: 'talks to a remote chat API (blocked); includes its stylesheet',
  },
];

/**
 * Installs the peers from the committed lock when they are missing.
 * @param {(line: string) => void} log
 */
export function ensurePeersInstalled(log) {
  if (existsSync(join(PEERS_DIR, 'node_modules'))) return;
  log('Installing peer widgets into bench/peers (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--prefix', PEERS_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit', timeout: 600_000 });
}

/**
 * @typedef {{ peer: Peer, file: string | null, raw: number, gzip: number, brotli: number, error: string | null }} PeerBuild
 */

/**
 * Bundles every peer into `bench/peers/dist/<name>.js` (one IIFE each) and measures the bytes.
 * A peer that fails to bundle is reported with its error, not thrown.
 * @returns {Promise<PeerBuild[]>}
 */
export async function buildPeers() {
  /** @type {PeerBuild[]} */
  const results = [];
  for (const peer of PEERS) {
    const outDir = join(PEERS_DIR, 'dist', peer.name);
    try {
      await build({
        root: PEERS_DIR,
        configFile: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        resolve: {
          alias: peer.react17
            ? [
                { find: /^react$/, replacement: 'react17' },
                { find: /^react\/(.*)$/, replacement: 'react17/$1' },
                { find: /^react-dom$/, replacement: 'react-dom17' },
                { find: /^react-dom\/(.*)$/, replacement: 'react-dom17/$1' },
              ]
            : [],
        },
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2020',
          minify: true,
          copyPublicDir: false,
          reportCompressedSize: false,
          lib: { entry: join(PEERS_DIR, peer.entry), formats: ['iife'], name: 'BenchPeer', fileName: () => `${peer.name}.js` },
          rolldownOptions: { output: { codeSplitting: false } },
        },
      });
      // Everything the page loads from this build: the script and anything emitted beside it.
      const files = readdirSync(outDir).filter((file) => file.endsWith('.js') || file.endsWith('.css'));
      const total = { raw: 0, gzip: 0, brotli: 0 };
      for (const file of files) {
        const s = compressedSizes(readFileSync(join(outDir, file)));
        total.raw += s.raw;
        total.gzip += s.gzip;
        total.brotli += s.brotli;
      }
      results.push({ peer, file: `${peer.name}/${peer.name}.js`, ...total, error: null });
    } catch (error) {
      results.push({ peer, file: null, raw: 0, gzip: 0, brotli: 0, error: firstLine(error) });
    }
  }
  return results;
}

/** @param {unknown} error */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0]?.slice(0, 160) ?? 'unknown error';
}
