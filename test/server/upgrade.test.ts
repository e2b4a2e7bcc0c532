/**
 * An upgrade as a shop makes it: the previous release of Heard, built from this repository's
 * history, fills a database over HTTP as its users would (records in several languages and
 * urgencies, the first admin and an invited agent, a claimed complaint with a reply, a webhook
 * destination, a moved due date); it stops; this release starts on the same database, runs its
 * migrations, and its inbox shows every complaint, agent, destination and job as they were.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../support/postgres.ts';
import { startReceiverProcess } from '../support/receiver-process.ts';

/**
 * The previous release: main just before the merge that brought SQLite migrations 012–016 and
 * PostgreSQL 009–013 (verified hashes dropped, unique references, sign-in attempts, stream
 * tickets' sessions, rating keys), so the upgrade crosses every one of them.
 */
const PREVIOUS_RELEASE = '5474e3a';
const REPO = join(import.meta.dirname, '../..');
const ADMIN = { email: 'owner@shop.example', password: 'kettle-harbour-violet-92' };
const AGENT = { name: 'Mia Horváth', email: 'mia@shop.example', password: 'lantern-meadow-copper-57' };
const REPLY = 'A new kettle leaves our warehouse today.';
const STEP_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'heard-upgrade-'));
const previous = join(dir, 'previous');
const children = new Set<ChildProcess>();
let cluster: PostgresCluster | undefined;
let hook: Server | undefined;
let hookUrl = '';
let sampleComplaint: (overrides?: object) => { id: string; [key: string]: unknown };

beforeAll(async () => {
  try {
    execFileSync('git', ['-C', REPO, 'cat-file', '-e', `${PREVIOUS_RELEASE}^{commit}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `The upgrade test builds the previous release from commit ${PREVIOUS_RELEASE}, which this checkout's history lacks: it needs the full history (a clone without --depth, or git fetch --unshallow).`,
    );
  }
  execFileSync('git', ['-C', REPO, 'archive', '--format=tar', '-o', join(dir, 'previous.tar'), PREVIOUS_RELEASE]);
  execFileSync('mkdir', [previous]);
  execFileSync('tar', ['-xf', join(dir, 'previous.tar'), '-C', previous]);
  // Its server loads the widget's triage from src/ through the same loader, still installed.
  symlinkSync(join(REPO, 'node_modules'), join(previous, 'node_modules'));
  ({ sampleComplaint } = await import(join(previous, 'server/sample-records.mjs')));
  // A destination that never takes a delivery: its jobs stay queued across the upgrade.
  hook = createServer((_request, response) => response.writeHead(503).end());
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/heard`;
  cluster = await startPostgres();
}, 90_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  hook?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a server (the previous release's, or this one's) and fails after STEP_MS. */
async function start(env: Record<string, string>, serve?: string) {
  const settings = {
    HEARD_ADMIN_EMAIL: ADMIN.email,
    HEARD_ADMIN_PASSWORD: ADMIN.password,
    HEARD_ALLOW_PRIVATE_DESTINATIONS: '1',
    // A mail server nobody listens on: reply emails are queued, and stay queued.
    HEARD_SMTP_URL: 'smtp://127.0.0.1:9',
    HEARD_LOG_LEVEL: 'warn',
    ...env,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${serve ? 'the previous release' : 'this release'} did not listen within ${STEP_MS} ms`)), STEP_MS);
  });
  try {
    return await Promise.race([startReceiverProcess(settings, children, serve), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stop(child: ChildProcess) {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STEP_MS);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/** A JSON call that must answer `status`; resolves with its body. */
async function call(origin: string, path: string, { method = 'GET', token, body, status = 200 }: { method?: string; token?: string; body?: unknown; status?: number } = {}) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(STEP_MS),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBe(status);
  return text ? JSON.parse(text) : null;
}

const signIn = async (origin: string, { email, password }: { email: string; password: string }): Promise<string> =>
  (await call(origin, '/api/session', { method: 'POST', body: { email, password } })).token;

/** Complaints in four languages and three urgencies, each in its own words. */
function records() {
  const complaint = (locale: string, urgency: string, text: string) =>
    sampleComplaint({
      locale,
      triage: { language: locale, urgency },
      messages: [{ from: 'visitor', text, at: new Date().toISOString() }],
      transcriptText: `Visitor: ${text}`,
    });
  return [
    complaint('en', 'normal', 'My parcel with order ORD-1042 arrived with the kettle dented.'),
    complaint('sk', 'high', 'Moja objednávka ORD-2210 neprišla už dva týždne a nikto mi neodpovedá.'),
    complaint('hu', 'critical', 'A töltő füstölni kezdett és megégette a kezemet, azonnal segítsenek!'),
    complaint('ms', 'low', 'Saiz baju yang saya terima salah, saya mahu menukarnya.'),
  ];
}

/** What the inbox shows of every complaint: its line in the queue and its detail. */
async function inboxView(origin: string, token: string) {
  const queue = await call(origin, '/api/complaints?limit=100', { token });
  const complaints = [];
  for (const line of queue.complaints) {
    const { complaint } = await call(origin, `/api/complaints/${line.id}`, { token });
    complaints.push({
      line: pick(line, ['id', 'reference', 'status', 'claimedBy', 'urgency', 'category', 'language', 'dueBy', 'excerpt', 'submittedAt', 'name']),
      messages: complaint.record.messages.map((message: { from: string; text: string }) => [message.from, message.text]),
      dueByReason: complaint.dueByReason,
      replies: complaint.replies.map((reply: { text: string; agentName: string; at: string }) => [reply.agentName, reply.text, reply.at]),
      audit: complaint.audit.map((event: { action: string; agentName: string | null; at: string }) => [event.action, event.agentName, event.at]),
    });
  }
  complaints.sort((a, b) => String(a.line.id).localeCompare(String(b.line.id)));
  const { agents } = await call(origin, '/api/agents', { token });
  const { destinations } = await call(origin, '/api/destinations', { token });
  const deliveries = [];
  for (const destination of destinations) {
    const list = await call(origin, `/api/destinations/${destination.id}/deliveries?limit=200`, { token });
    deliveries.push(...list.deliveries.map((delivery: { jobId: unknown; type: string; complaintId: string }) => [destination.id, String(delivery.jobId), delivery.type, delivery.complaintId]));
  }
  return {
    total: queue.total,
    complaints,
    agents: agents.map((agent: object) => pick(agent, ['id', 'name', 'email', 'role'])).sort(byId),
    destinations: destinations.map((destination: object) => pick(destination, ['id', 'kind', 'name', 'events', 'paused'])).sort(byId),
    deliveries: deliveries.sort(),
  };
}

const pick = (object: object, keys: string[]) => Object.fromEntries(keys.map((key) => [key, (object as Record<string, unknown>)[key]]));
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));

type DatabaseAt = { sqlite: string } | { postgres: string };

/** Rows of one query, straight from the database (the server stopped). */
async function query<Row>(database: DatabaseAt, sql: string): Promise<Row[]> {
  if ('sqlite' in database) {
    const db = new Database(database.sqlite, { readonly: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.postgres });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every job in the database: what it is for and what it carries (its state may move on). */
async function jobRows(database: DatabaseAt) {
  const rows = await query<{ id: unknown; kind: string; complaint_id: string | null; destination_id: string | null; payload: unknown }>(
    database,
    'SELECT id, kind, complaint_id, destination_id, payload FROM jobs ORDER BY id',
  );
  return rows.map((row) => ({ ...row, id: String(row.id), payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload }));
}

/** How many migrations the database has had. */
async function migrationsRun(database: DatabaseAt) {
  const [row] = await query<{ n: number }>(database, 'sqlite' in database ? 'SELECT user_version AS n FROM pragma_user_version' : 'SELECT count(*)::int AS n FROM heard_migrations');
  return row!.n;
}

/** Fills a database through the previous release's HTTP API, as its users would. */
async function fillWithPreviousRelease(env: Record<string, string>) {
  const old = await start(env, join(previous, 'server/serve.mjs'));
  const origin = old.origin;
  const sent = records();
  for (const record of sent) {
    await call(origin, '/complaints', { method: 'POST', body: record, status: 201 });
  }
  const admin = await signIn(origin, ADMIN);
  const invited = await call(origin, '/api/agents', { method: 'POST', token: admin, body: { name: AGENT.name, email: AGENT.email }, status: 201 });
  const inviteToken = new URLSearchParams(invited.invite.path.split('#')[1]).get('invite');
  const { token: agent } = await call(origin, '/api/invites/accept', { method: 'POST', body: { token: inviteToken, password: AGENT.password } });
  await call(origin, '/api/destinations', { method: 'POST', token: admin, body: { kind: 'webhook', name: 'Helpdesk', url: hookUrl }, status: 201 });
  // After the destination, so the records below give it deliveries to keep.
  const later = records().slice(0, 2);
  for (const record of later) {
    await call(origin, '/complaints', { method: 'POST', body: record, status: 201 });
  }
  const [first, second] = [sent[0]!.id, later[0]!.id];
  await call(origin, `/api/complaints/${first}/claim`, { method: 'POST', token: agent });
  await call(origin, `/api/complaints/${first}/replies`, { method: 'POST', token: agent, body: { text: REPLY }, status: 201 });
  await call(origin, `/api/complaints/${second}/claim`, { method: 'POST', token: agent });
  await call(origin, `/api/complaints/${second}/due`, {
    method: 'POST',
    token: agent,
    body: { dueBy: new Date(Date.now() + 5 * 86_400_000).toISOString(), reason: 'The carrier needs three more days to trace it.' },
  });
  const before = await inboxView(origin, admin);
  await stop(old.child);
  return { before, replied: first, ids: [...sent, ...later].map((record) => record.id).sort() };
}

async function upgradeKeepsEverything(env: Record<string, string>, database: DatabaseAt) {
  const { before, ids, replied } = await fillWithPreviousRelease(env);
  const jobsBefore = await jobRows(database);
  const migratedBefore = await migrationsRun(database);
  // What was filled: so a fill that silently did less cannot pass.
  expect(before.complaints.map((complaint) => complaint.line.id)).toEqual(ids);
  expect(before.agents.map((agent: { email: string }) => agent.email).sort()).toEqual([AGENT.email, ADMIN.email].sort());
  expect(before.destinations).toHaveLength(1);
  expect(before.deliveries.length).toBeGreaterThanOrEqual(2);
  expect(jobsBefore.filter((job) => job.complaint_id === replied && (job.payload as { text?: string }).text === REPLY)).toHaveLength(1);
  expect(before.complaints.some((complaint) => complaint.dueByReason !== null)).toBe(true);

  const current = await start(env);
  const admin = await signIn(current.origin, ADMIN);
  const after = await inboxView(current.origin, admin);
  // The invited agent still signs in with the password they chose under the previous release.
  await signIn(current.origin, AGENT);
  await stop(current.child);
  const jobsAfter = await jobRows(database);
  // The upgrade crossed migrations the previous release did not have.
  expect(await migrationsRun(database)).toBeGreaterThan(migratedBefore);

  expect(after).toEqual(before);
  expect(after.total).toBe(ids.length);
  for (const job of jobsBefore) expect(jobsAfter).toContainEqual(job);
}

describe(`an upgrade from the previous release (${PREVIOUS_RELEASE})`, () => {
  it('on SQLite keeps every complaint, agent, destination and job, and the inbox lists them', async () => {
    const path = join(dir, 'heard.db');
    await upgradeKeepsEverything({ HEARD_DB: path }, { sqlite: path });
  }, 150_000);

  it('on PostgreSQL keeps every complaint, agent, destination and job, and the inbox lists them', async () => {
    const url = await cluster!.createDatabase();
    await upgradeKeepsEverything({ DATABASE_URL: url }, { postgres: url });
  }, 150_000);
});
