// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFromEnvironment } from './serve.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WIDGET_DIR = join(ROOT, 'widget');
const WIDGET = join(WIDGET_DIR, 'dist', 'heard.js');

/** `npm start`: build the widget when it is missing or older than its sources, then serve. */
async function main() {
  if (widgetIsStale()) buildWidget();
  await serveFromEnvironment();
}

function widgetIsStale() {
  if (!existsSync(WIDGET)) return true;
  return newestMtime(join(WIDGET_DIR, 'src')) > statSync(WIDGET).mtimeMs;
}

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildWidget() {
  if (!existsSync(join(WIDGET_DIR, 'scripts', 'build.mjs'))) {
    console.warn('The widget build (widget/scripts/build.mjs) is not there yet: serving the receiver and inbox, and the demo page without the widget.');
    return;
  }
  console.log('Building the widget (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(WIDGET)) {
    console.warn('The widget build failed: serving the receiver and inbox, and the demo page without the widget.');
  } else if (result.status !== 0) {
    console.warn('The widget build reported errors after writing widget/dist/heard.js: serving the widget it produced.');
  }
}

await main();
