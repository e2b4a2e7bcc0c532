import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleComplaint } from '../../server/sample-records.mjs';

/*
 * The two packages as a site owner installs them in production: packed as they would be
 * published, installed from the tarballs into an empty folder without development
 * dependencies, and the `heard-server` command started from there. better-sqlite3 is compiled
 * during the install (about a minute on two cores), hence the long bounds.
 */

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const INSTALL_MS = 600_000;

const dir = mkdtempSync(join(tmpdir(), 'heard-packaged-'));
const site = join(dir, 'site');
let child: ChildProcess | undefined;

/** npm's settings from the `npm test` that started us (its project folder among them) must not follow. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') || key.toLowerCase() === 'npm_config_cache') env[key] = value;
  }
  return env;
}

async function pack(folder: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: join(ROOT, folder), env: npmEnvironment() });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return join(dir, packed!.filename);
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'widget/dist/triage/triage.mjs'))) {
    throw new Error('widget/dist is missing: build the widget first (`npm run build`; `npm test` builds it before the tests).');
  }
  const tarballs = [await pack('widget'), await pack('server')];
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
  mkdirSync(site);
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'shop-heard', private: true, allowScripts: root.allowScripts }, null, 2));
  await run('npm', ['install', ...tarballs, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: site,
    env: npmEnvironment(),
    timeout: INSTALL_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
}, INSTALL_MS + 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    // It stops as `heard-server` does in production: requests in flight get their grace period.
    const killer = setTimeout(() => child!.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Starts `heard-server start` from the installed packages; resolves with its origin. */
async function startInstalled(): Promise<string> {
  child = spawn(join(site, 'node_modules/.bin/heard-server'), ['start'], {
    cwd: site,
    env: { ...npmEnvironment(), PORT: '0', HOST: '127.0.0.1', HEARD_DB: join(dir, 'data/heard.db'), HEARD_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk);
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise<string>((resolve, reject) => {
    child!.stdout!.on('data', () => {
      const match = /Heard listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`heard-server exited (${code}) before listening:\n${output}`)));
  });
}

describe('the packages installed from their tarballs with --omit=dev', () => {
  it('start with `heard-server start`, store a record, and serve the inbox and the widget', async () => {
    const origin = await startInstalled();

    const record = sampleComplaint();
    const stored = await fetch(`${origin}/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': record.id, Origin: origin },
      body: JSON.stringify(record),
    });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({ id: record.id, reference: record.reference });

    const inbox = await fetch(`${origin}/inbox/`);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await inbox.text()).toMatch(/<html/i);

    // The one tag's script comes from the installed widget package.
    const loader = await fetch(`${origin}/heard.js`);
    expect(loader.status).toBe(200);
    expect(await loader.text()).toBe(readFileSync(join(site, 'node_modules/heard/dist/heard.js'), 'utf8'));
  }, 60_000);
});
