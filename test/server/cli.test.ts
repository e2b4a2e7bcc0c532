import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { passwordProblem } from '../../server/agents/password-policy.mjs';
import { verifyPassword } from '../../server/agents/passwords.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { sqliteMigrations } from '../../server/store/sqlite/migrate.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { type PostgresCluster, startPostgres } from '../support/postgres.ts';

const BIN = join(import.meta.dirname, '../../server/bin/heard-server.mjs');
const ADMIN = { email: 'owner@shop.example', password: 'a quiet walk by the river' };

const dir = mkdtempSync(join(tmpdir(), 'heard-cli-'));
let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const freshPath = (name = 'heard.db') => join(dir, `${++files}`, name);

/** The environment without any of the runner's Heard settings, plus `env`. */
function environment(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HEARD_') && name !== 'DATABASE_URL' && name !== 'PORT' && name !== 'HOST'));
  return { ...base, ...env };
}

/** Runs `heard-server …args` to its end, with `input` on standard input (not a terminal). */
async function cli(args: string[], env: Record<string, string> = {}, input = '') {
  const child = spawn(process.execPath, [BIN, ...args], { env: environment(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/** `heard-server start` on a free loopback port; resolves once it listens. */
async function start(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [BIN, 'start', ...args], {
    env: environment({ PORT: '0', HOST: '127.0.0.1', HEARD_RATE_LIMIT: '0', HEARD_LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Only if the test failed part-way: never leave a server running.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Heard listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`heard-server start exited (${code}) before listening: ${output}`)));
  });
  return {
    origin,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

async function signIn(origin: string, email: string, password: string) {
  return fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
}

/** The environment naming a fresh database of each kind. */
const DATABASES: [string, () => Promise<Record<string, string>>][] = [
  ['SQLite', async () => ({ HEARD_DB: freshPath() })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await cluster!.createDatabase(), HEARD_DB: freshPath() })],
];

describe('heard-server: the command line', () => {
  it('lists its commands and exit codes with --help, and each command its own', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'create-admin', 'reset-password', 'check-config', 'backup', 'restore']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      const own = await cli([command, '--help']);
      expect(own.code).toBe(0);
      expect(own.stdout.split('\n')[0]).toMatch(new RegExp(`^heard-server ${command}`));
    }
    expect(help.stdout).toContain('3  migrate --check: migrations are pending');
  }, 60_000);

  it('answers an unknown command or option with one line and the usage, exit 2', async () => {
    const command = await cli(['serve']);
    expect(command.code).toBe(2);
    expect(command.stderr.split('\n')[0]).toBe('heard-server: unknown command "serve".');
    expect(command.stderr.split('\n')[1]).toMatch(/^Usage: heard-server <command>/);
    const option = await cli(['migrate', '--dry-run']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^heard-server migrate: Unknown option '--dry-run'\.\nUsage: heard-server migrate \[--check\]/);
    expect((await cli([])).code).toBe(2);
  });
});

describe('heard-server check-config', () => {
  it('prints what the server would use, without its secrets', async () => {
    const env = {
      HEARD_DB: freshPath(),
      DATABASE_URL: 'postgres://heard:db-password-9@db.example:5432/heard',
      HEARD_ADMIN_EMAIL: ADMIN.email,
      HEARD_ADMIN_PASSWORD: ADMIN.password,
      HEARD_METRICS: '1',
      HEARD_METRICS_TOKEN: 'm'.repeat(40),
      HEARD_SMTP_URL: 'smtp://mailer:smtp-password-9@mail.shop.example:587',
    };
    const result = await cli(['check-config'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PostgreSQL (db.example:5432/heard)');
    expect(result.stdout).toContain('smtp://mail.shop.example:587');
    for (const secret of ['db-password-9', 'smtp-password-9', ADMIN.password, 'm'.repeat(40)]) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('says every wrong setting with the one-line error start-up gives, and exits 1', async () => {
    const env = { HEARD_DB: freshPath(), HEARD_BODY_LIMIT: '12', HEARD_LOG_LEVEL: 'loud', HEARD_RATELIMIT: '10' };
    const result = await cli(['check-config'], env);
    expect(result.code).toBe(1);
    const startUp = await cli(['start'], env);
    expect(startUp.code).toBe(1);
    const [first] = /^Heard did not start: (.*)$/m.exec(startUp.stderr)!.slice(1);
    expect(first).toBe('HEARD_BODY_LIMIT must be a whole number of at least 1024; got "12".');
    expect(result.stderr).toContain(`error: ${first}\n`);
    expect(result.stderr).toContain('error: HEARD_LOG_LEVEL must be one of');
    expect(result.stderr).toContain('warning: HEARD_RATELIMIT is set, but the server does not read it');
  }, 30_000);
});

describe.each(DATABASES)('heard-server migrate on %s', (_name, database) => {
  it('--check exits 3 listing the pending migrations on a fresh database, and 0 once migrate applied them', async () => {
    const env = await database();
    const pending = await cli(['migrate', '--check'], env);
    expect(pending.code, pending.stderr).toBe(3);
    expect(pending.stdout).toContain('001_complaints.sql');
    if (!env.DATABASE_URL) expect(existsSync(env.HEARD_DB!)).toBe(false);

    const applied = await cli(['migrate'], env);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Applied \d+ migrations to /);
    expect(applied.stdout).toContain('  001_complaints.sql');

    const checked = await cli(['migrate', '--check'], env);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('is up to date');
    expect((await cli(['migrate'], env)).stdout).toContain('nothing to apply');
  }, 60_000);
});

describe('heard-server migrate --check on a database from a newer release', () => {
  it('exits 1 and says so', async () => {
    const path = freshPath();
    expect((await cli(['migrate'], { HEARD_DB: path })).code).toBe(0);
    const db = new Database(path);
    db.pragma(`user_version = ${sqliteMigrations().length + 1}`);
    db.close();
    const result = await cli(['migrate', '--check'], { HEARD_DB: path });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('newer release');
  }, 30_000);
});

describe.each(DATABASES)('heard-server create-admin and reset-password on %s', (_name, database) => {
  it('creates an admin whose password came on standard input, who then signs in; refuses a trivial password or one as an argument', async () => {
    const env = await database();
    const trivial = 'aaaaaaaaaaaa';
    const refused = await cli(['create-admin', ADMIN.email], env, `${trivial}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(passwordProblem(trivial, ADMIN.email)!);

    for (const args of [['create-admin', ADMIN.email, '--password', 'a long secret phrase'], ['create-admin', `--password=a long secret phrase`, ADMIN.email], ['create-admin', ADMIN.email, 'a long secret phrase']]) {
      const result = await cli(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('a password is never taken as an argument');
      expect(result.stderr).not.toContain('a long secret phrase');
    }

    const created = await cli(['create-admin', '--email', ADMIN.email, '--name', 'Ana Owner'], env, `${ADMIN.password}\n`);
    expect(created.code, created.stderr).toBe(0);
    expect((await cli(['create-admin', ADMIN.email], env, `${ADMIN.password}\n`)).stderr).toContain('has an account already');

    const server = await start(env);
    try {
      // No admin@localhost with a generated password: there is an admin already.
      expect(server.output()).not.toContain('first admin');
      expect((await signIn(server.origin, ADMIN.email, 'a long secret phrase')).status).toBe(401);
      expect((await signIn(server.origin, ADMIN.email, trivial)).status).toBe(401);
      const signedIn = await signIn(server.origin, ADMIN.email, ADMIN.password);
      expect(signedIn.status).toBe(200);
      const { token, agent } = await signedIn.json();
      expect(agent).toMatchObject({ email: ADMIN.email, name: 'Ana Owner', role: 'admin' });

      // reset-password, the server running: the new password signs in, the old one and its session no longer do.
      const next = 'another long walk home';
      const weak = await cli(['reset-password', ADMIN.email], env, 'qwertyuiop\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain(passwordProblem('qwertyuiop', ADMIN.email)!);
      const reset = await cli(['reset-password', ADMIN.email.toUpperCase()], env, `${next}\n`);
      expect(reset.code, reset.stderr).toBe(0);
      expect((await fetch(`${server.origin}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await signIn(server.origin, ADMIN.email, ADMIN.password)).status).toBe(401);
      expect((await signIn(server.origin, ADMIN.email, next)).status).toBe(200);
      const unknown = await cli(['reset-password', 'nobody@shop.example'], env, `${next}\n`);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no account has the email nobody@shop.example');
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('heard-server create-admin at a terminal', () => {
  it('asks for the password twice and never shows it', async () => {
    const env = { HEARD_DB: freshPath() };
    // script(1) gives the command a terminal; what is typed arrives as keystrokes.
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} create-admin ${ADMIN.email}`, '/dev/null'], {
      env: environment(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const typed = async (prompt: string) => {
      while (!output.includes(prompt)) await new Promise((resolve) => setTimeout(resolve, 20));
      child.stdin.write(`${ADMIN.password}\r`);
    };
    await typed('New password: ');
    await typed('The same password again: ');
    const [code] = await once(child, 'exit');
    expect(code, output).toBe(0);
    expect(output).toContain(`Created the admin ${ADMIN.email}`);
    expect(output).not.toContain(ADMIN.password);
    const store = createSqliteStore({ path: env.HEARD_DB });
    try {
      const account = await store.findAgentByEmail(ADMIN.email);
      expect(await verifyPassword(ADMIN.password, account!.passwordHash!)).toBe(true);
    } finally {
      await store.close();
    }
  }, 30_000);
});

describe('heard-server start', () => {
  it('serves the receiver and the inbox, and the demo shop page only with --demo', async () => {
    const env = { HEARD_DB: freshPath() };
    const plain = await start(env);
    try {
      expect((await fetch(`${plain.origin}/inbox/`)).status).toBe(200);
      expect((await fetch(`${plain.origin}/`)).status).toBe(404);
      expect(plain.output()).not.toContain('demo shop page');
    } finally {
      await plain.stop();
    }
    const demo = await start(env, ['--demo']);
    try {
      expect((await fetch(`${demo.origin}/`)).status).toBe(200);
    } finally {
      await demo.stop();
    }
  }, 60_000);
});

describe('heard-server backup and restore', () => {
  it('backs up while records arrive; restored into a fresh instance, every record answered 201 before the backup began is there', async () => {
    const admin = { HEARD_ADMIN_EMAIL: ADMIN.email, HEARD_ADMIN_PASSWORD: ADMIN.password };
    const live = { HEARD_DB: freshPath(), ...admin };
    const server = await start(live);
    const acknowledged: string[] = [];
    let stopping = false;
    const post = async () => {
      while (!stopping) {
        const record = sampleComplaint();
        const response = await fetch(`${server.origin}/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
          body: JSON.stringify(record),
        });
        expect(response.status, await response.text()).toBe(201);
        acknowledged.push(record.id);
      }
    };
    const backupFile = join(dir, 'backup.db');
    let before: string[] = [];
    // A reader holding an old snapshot (an operator's sqlite3 shell, say) keeps the server from
    // checkpointing: the records stay in the write-ahead log, where only a real backup sees them.
    const reader = new Database(live.HEARD_DB);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM complaints').get();
    try {
      const clients = Array.from({ length: 4 }, post);
      while (acknowledged.length < 80) await new Promise((resolve) => setTimeout(resolve, 10));
      before = [...acknowledged];
      const backup = await cli(['backup', backupFile], live);
      // Let the stream go on a little after the backup, then stop it.
      const after = acknowledged.length;
      while (acknowledged.length < after + 10) await new Promise((resolve) => setTimeout(resolve, 10));
      stopping = true;
      await Promise.all(clients);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/^Backed up SQLite at .* to .*backup\.db: \d+ complaints/);
      expect(statSync(backupFile).mode & 0o077).toBe(0);

      // A running server holds its database: restore refuses it, with or without --force.
      const held = await cli(['restore', backupFile, '--force'], live);
      expect(held.code).toBe(4);
      expect(held.stderr).toContain('a running Heard server holds');
      const again = await cli(['backup', backupFile], live);
      expect(again.code).toBe(4);
    } finally {
      stopping = true;
      reader.close();
      await server.stop();
    }

    const fresh = { HEARD_DB: freshPath() };
    const restored = await cli(['restore', backupFile], fresh);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .* into SQLite at /);
    const second = await cli(['restore', backupFile], fresh);
    expect(second.code).toBe(4);
    expect(second.stderr).toContain('add --force to replace it');

    const instance = await start(fresh);
    try {
      const session = await signIn(instance.origin, ADMIN.email, ADMIN.password);
      expect(session.status).toBe(200);
      const headers = { authorization: `Bearer ${(await session.json()).token}` };
      const missing: string[] = [];
      for (const id of before) {
        const response = await fetch(`${instance.origin}/api/complaints/${id}`, { headers });
        if (response.status !== 200) missing.push(`${id} ${response.status}`);
      }
      expect(missing).toEqual([]);
    } finally {
      await instance.stop();
    }
  }, 180_000);

  it('restores only a Heard database', async () => {
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const notHeard = await cli(['restore', other], { HEARD_DB: freshPath() });
    expect(notHeard.code).toBe(1);
    expect(notHeard.stderr).toContain("is a SQLite database, but not Heard's");
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all, but long enough to be read as one if it were\n'.repeat(200));
    const notSqlite = await cli(['restore', text], { HEARD_DB: freshPath() });
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toContain('is not a SQLite database');
  }, 30_000);

  it('on PostgreSQL, says to use pg_dump and pg_restore, with the commands, and exits 1', async () => {
    const env = { DATABASE_URL: 'postgres://heard:db-password-9@127.0.0.1:1/heard' };
    const backup = await cli(['backup', 'heard.dump'], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('  pg_dump --format=custom --file=heard.dump "$DATABASE_URL"');
    const restore = await cli(['restore', 'heard.dump'], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" heard.dump');
    expect(backup.stderr + restore.stderr).not.toContain('db-password-9');
  }, 30_000);
});
