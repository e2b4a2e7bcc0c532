import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { summariseRecord } from '../../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { sqliteMigrations } from '../../../server/store/sqlite/migrate.mjs';
import { put, storeConformance } from './conformance';

/** better-sqlite3's statements share one prototype; every query runs through these methods. */
const statementPrototype = (() => {
  const db = new Database(':memory:');
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1'));
  db.close();
  return prototype;
})();

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The SQL of every statement this thread runs while `run` does (reads never leave it). */
async function captureQueries(run: () => Promise<unknown>) {
  const spies = (['all', 'get', 'run', 'iterate', 'pluck'] as const).map((method) => vi.spyOn(statementPrototype, method));
  try {
    await run();
    return spies.flatMap((spy) => spy.mock.contexts.map((statement) => (statement as { source: string }).source));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

// A file per test, as shipped.
storeConformance('SQLite', { open: async () => createSqliteStore({ path: join(dir, `conformance-${++files}.db`) }), captureQueries });

storeConformance('SQLite in memory', { open: async () => createSqliteStore({ path: ':memory:' }), captureQueries });

describe('SQLite database file', () => {
  it('keeps records, work and idempotency across a reopen of the file', async () => {
    const path = join(dir, 'reopen', 'heard.db');
    const first = createSqliteStore({ path });
    const record = sampleComplaint();
    const created = await put(first, record, 'h1');
    await first.claim(record.id, 'Mia', new Date().toISOString());
    await first.close();

    const second = createSqliteStore({ path });
    expect(await second.getRecord(record.id)).toMatchObject({ status: 'claimed', claimedBy: 'Mia', record });
    expect(await put(second, record, 'h1')).toEqual({ outcome: 'replay', receipt: created.receipt });
    expect((await put(second, record, 'h2')).outcome).toBe('conflict');
    await second.close();
  });

  it('commits every record handed over before it closes, and answers each caller', async () => {
    // Records that arrive together wait to share one commit: closing the store (as SIGTERM
    // does after the last request) must not drop the ones still waiting.
    const path = join(dir, 'closing', 'heard.db');
    const store = createSqliteStore({ path });
    const records = Array.from({ length: 200 }, () => sampleComplaint());
    const answers = records.map((record) => put(store, record));
    await store.close();
    expect((await Promise.all(answers)).map((answer) => answer.outcome)).toEqual(records.map(() => 'created'));

    const reopened = createSqliteStore({ path });
    expect(await reopened.countRecords()).toMatchObject({ total: 200 });
    await reopened.close();
  });

  it('lets a process that stored records and closed the store finish', async () => {
    // Closing must not wait on anything that does not keep the process alive: a script (a
    // migration, a one-off import) would end with its work half done.
    const store = new URL('../../../server/store/sqlite/sqlite-store.mjs', import.meta.url).href;
    const samples = new URL('../../../server/sample-records.mjs', import.meta.url).href;
    const summary = new URL('../../../server/receiver/summary.mjs', import.meta.url).href;
    const script = `
      const { createSqliteStore } = await import(${JSON.stringify(store)});
      const { sampleComplaint } = await import(${JSON.stringify(samples)});
      const { summariseRecord } = await import(${JSON.stringify(summary)});
      const store = createSqliteStore({ path: ${JSON.stringify(join(dir, 'script', 'heard.db'))} });
      const record = sampleComplaint();
      const { outcome } = await store.insertRecord(record, { hash: 'h', receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
      await store.close();
      console.log(outcome, 'and closed');`;
    const file = join(dir, 'store-and-close.mjs');
    writeFileSync(file, script);
    const { stdout } = await run(process.execPath, [file], { timeout: 30_000 });
    expect(stdout.trim()).toBe('created and closed');
  });

  it('creates the file and its folder readable by the owner only', async () => {
    const folder = join(dir, 'private', 'data');
    const store = createSqliteStore({ path: join(folder, 'heard.db') });
    await put(store, sampleComplaint());
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'heard.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'heard.db-wal')).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('fills the summary columns of complaints stored before they existed', async () => {
    const path = join(dir, 'upgrade.db');
    const record = sampleComplaint({
      triage: { urgency: 'high', category: 'billing' },
      messages: [
        { from: 'bot', text: 'Hello?', at: new Date().toISOString() },
        { from: 'visitor', text: 'y'.repeat(200), at: new Date().toISOString() },
      ],
      handoff: { requested: true, reason: 'visitor', at: new Date().toISOString() },
    });
    // A database as the first release left it: only the first migration, one complaint.
    const old = new Database(path);
    old.exec(sqliteMigrations()[0]!.sql);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO complaints (id, reference, body, received_at, submitted_ms, category, language,
      urgency_rank, escalated, follow_up_consent) VALUES (?, ?, ?, ?, ?, 'billing', 'en', 1, 1, 1)`)
      .run(record.id, record.reference, JSON.stringify(record), new Date().toISOString(), Date.parse(record.submittedAt));
    old.close();

    const store = createSqliteStore({ path });
    const [listed] = await store.listRecords();
    expect(listed?.summary).toEqual({ ...summariseRecord(record), escalated: true });
    expect(listed?.summary.excerpt).toBe(`${'y'.repeat(159)}…`);
    await store.close();
  });

  it('works out which commitments were kept or moved in time for complaints moved before it counted them', async () => {
    const path = join(dir, 'upgrade-commitments.db');
    const hour = 3600_000;
    const ago = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
    // A database as the release before left it: ten migrations, three complaints, two of them moved.
    const old = new Database(path);
    for (const migration of sqliteMigrations().slice(0, 10)) old.exec(migration.sql);
    old.pragma('user_version = 10');
    const add = (promised: string, due: string, resolvedAt: string, moves: { at: string, to: string }[]) => {
      const record = sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Send a new kettle.', dueBy: promised, slaHours: 24 } });
      old.prepare(`INSERT INTO complaints (id, reference, body, received_at, submitted_ms, submitted_at, category, language,
        urgency_rank, escalated, follow_up_consent, due_by, due_ms, status, resolved_at, resolved_ms)
        VALUES (?, ?, ?, ?, ?, ?, 'delivery', 'en', 2, 0, 1, ?, ?, 'resolved', ?, ?)`)
        .run(record.id, record.reference, JSON.stringify(record), record.submittedAt, Date.parse(record.submittedAt), record.submittedAt,
          due, Date.parse(due), resolvedAt, Date.parse(resolvedAt));
      for (const move of moves) {
        old.prepare(`INSERT INTO audit_events (complaint_id, action, agent_name, at, detail) VALUES (?, 'due-moved', 'Mia', ?, ?)`)
          .run(record.id, move.at, JSON.stringify({ dueBy: move.to, reason: 'The courier is late.' }));
      }
    };
    add(ago(10), ago(10), ago(12), []);
    add(ago(20), ago(5), ago(6), [{ at: ago(22), to: ago(5) }]);
    add(ago(20), ago(5), ago(6), [{ at: ago(18), to: ago(5) }]);
    old.close();

    const store = createSqliteStore({ path });
    expect(await store.commitments({ weeks: 4 })).toEqual({ total: 3, kept: 1, moved: 1, missed: 1 });
    await store.close();
  });

  it('keeps no userHash of a complaint stored with one before, on disk or in what it reads back', async () => {
    const path = join(dir, 'upgrade-user-hash.db');
    const userHash = 'ab'.repeat(32);
    const old = new Database(path);
    for (const migration of sqliteMigrations().slice(0, 11)) old.exec(migration.sql);
    old.pragma('user_version = 11');
    const record = sampleComplaint({ visitor: { userId: 'customer-42', userHash } as never });
    old.prepare(`INSERT INTO complaints (id, reference, body, received_at, submitted_ms, submitted_at, category, language,
      urgency_rank, escalated, follow_up_consent, verified) VALUES (?, ?, ?, ?, ?, ?, 'delivery', 'en', 2, 0, 1, 1)`)
      .run(record.id, record.reference, JSON.stringify(record), record.submittedAt, Date.parse(record.submittedAt), record.submittedAt);
    old.close();

    const store = createSqliteStore({ path });
    const read = await store.getRecord(record.id);
    expect(read?.summary.verified).toBe(true);
    expect(read?.record.visitor).toMatchObject({ userId: 'customer-42', email: 'ana@example.com' });
    await store.close();
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT body FROM complaints').pluck().get()).not.toContain(userHash);
    after.close();
  });

  it('gives complaints stored before under one reference each their own, the first keeping it, and their receipts too', async () => {
    const path = join(dir, 'upgrade-references.db');
    const old = new Database(path);
    for (const migration of sqliteMigrations().slice(0, 12)) old.exec(migration.sql);
    old.pragma('user_version = 12');
    const records = [0, 1, 2].map((i) => sampleComplaint({ reference: 'HRD-C00000', submittedAt: new Date(Date.now() - (3 - i) * 60_000).toISOString() }));
    for (const record of records) {
      old.prepare(`INSERT INTO complaints (id, reference, body, received_at, submitted_ms, submitted_at, category, language,
        urgency_rank, escalated, follow_up_consent) VALUES (?, ?, ?, ?, ?, ?, 'delivery', 'en', 2, 0, 1)`)
        .run(record.id, record.reference, JSON.stringify(record), record.submittedAt, Date.parse(record.submittedAt), record.submittedAt);
      old.prepare(`INSERT INTO receipts (id, kind, body_hash, receipt) VALUES (?, 'complaint', ?, ?)`)
        .run(record.id, `hash-${record.id}`, JSON.stringify({ id: record.id, reference: record.reference, receivedAt: record.submittedAt }));
    }
    old.close();

    const store = createSqliteStore({ path });
    const references = await Promise.all(records.map(async (record) => (await store.getRecord(record.id))!.reference));
    expect(references[0]).toBe('HRD-C00000');
    expect(new Set(references).size).toBe(3);
    for (const [i, record] of records.entries()) {
      const replay = await store.insertRecord(record, { hash: `hash-${record.id}`, receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
      expect(replay).toMatchObject({ outcome: 'replay', receipt: { reference: references[i] } });
    }
    const next = sampleComplaint({ reference: 'HRD-C00000' });
    expect((await store.insertRecord(next, { hash: 'next', receivedAt: new Date().toISOString(), summary: summariseRecord(next) })).receipt.reference).not.toBe('HRD-C00000');
    await store.close();
  });
});
