// @ts-check
/**
 * A throw-away PostgreSQL cluster for the tests and the ingest bench: `initdb` and `pg_ctl`
 * into a temporary folder, on a free loopback port, as the `postgres` system user when run
 * as root (PostgreSQL refuses to run as root). Nothing here is used by the server itself.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * @typedef {{
 *   url: string,
 *   createDatabase: () => Promise<string>,
 *   stop: () => Promise<void>,
 * }} PostgresCluster
 */

/**
 * Starts a cluster. `durable: true` keeps PostgreSQL's defaults (fsync, synchronous commit)
 * for measurements; tests turn fsync off, which only matters if the machine itself crashes.
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<PostgresCluster>}
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'heard-pg-'));
  const asRoot = userInfo().uid === 0;
  const user = asRoot ? await postgresUser() : null;
  if (user) chownSync(dir, user.uid, user.gid);
  /** @param {string} program @param {string[]} args */
  const pgRun = (program, args) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);

  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await pgRun('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'max_connections = 200',
      ...(durable ? [] : ['fsync = off', 'full_page_writes = off']),
    ];
    writeFileSync(join(data, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
    if (user) chownSync(join(data, 'postgresql.auto.conf'), user.uid, user.gid);
    await pgRun('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60']);
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `heard_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // A database name cannot be a bound parameter; this one is built from numbers only.
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}

/** The newest installed PostgreSQL's programs. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(root, version, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
  if (!found) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb); .ci/run installs it.');
  return found;
}

/** The `postgres` system user's ids. */
async function postgresUser() {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** A loopback port nothing listens on right now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
