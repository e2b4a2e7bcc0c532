import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { startReceiverProcess } from '../support/receiver-process.ts';

const RECORDS = 240;
const CONNECTIONS = 8;
const MAX_KILLS = 6;
const DEADLINE_MS = 90_000;

const dir = mkdtempSync(join(tmpdir(), 'heard-crash-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  // Only if the test failed part-way: never leave a receiver running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the receiver as a child process on the temp database; resolves with its origin. */

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('receiver killed with SIGKILL under load', () => {
  it('keeps every record it answered 2xx for, each exactly once', async () => {
    const dbPath = join(dir, 'heard.db');
    const records = Array.from({ length: RECORDS }, () => sampleComplaint());
    // The reference each record's receipt gave: another record may already hold the one it came
    // with (six characters), and then the server stores it under a fresh one and says so.
    const acknowledged = new Map<string, string>();
    const started = Date.now();
    let current = await startReceiverProcess({ HEARD_DB: dbPath }, children);
    let failures = 0;

    // Each connection posts its share and retries, as the widget's outbox does, until a 2xx.
    let next = 0;
    let kills = 0;
    const client = async () => {
      while (next < records.length) {
        const index = next++;
        const record = records[index]!;
        // Spread the kills over the whole load: later records wait for the earlier kills.
        while (kills < Math.floor((index * MAX_KILLS) / RECORDS)) await pause(5);
        for (;;) {
          if (Date.now() - started > DEADLINE_MS) throw new Error('records were not all accepted in time');
          try {
            const response = await fetch(`${current.origin}/complaints`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
              body: JSON.stringify(record),
              signal: AbortSignal.timeout(5000),
            });
            if (response.status >= 200 && response.status < 300) {
              acknowledged.set(record.id, ((await response.json()) as { reference: string }).reference);
              break;
            }
            expect(response.status, await response.text()).toBeGreaterThanOrEqual(500);
          } catch (error) {
            if ((error as Error).name === 'AssertionError') throw error;
          }
          failures++;
          await pause(10);
        }
      }
    };

    const killer = async () => {
      while (kills < MAX_KILLS) {
        await pause(20 + Math.random() * 80);
        current.child.kill('SIGKILL');
        await once(current.child, 'exit');
        kills++;
        current = await startReceiverProcess({ HEARD_DB: dbPath }, children);
      }
    };

    const killing = killer();
    await Promise.all([...Array.from({ length: CONNECTIONS }, client), killing]);
    // End with a kill too: nothing may depend on a clean shutdown.
    current.child.kill('SIGKILL');
    await once(current.child, 'exit');

    expect(kills).toBe(MAX_KILLS);
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(RECORDS);

    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT id, body FROM complaints').all() as { id: string; body: string }[];
    const receipts = db.prepare('SELECT COUNT(*) AS n FROM receipts').get() as { n: number };
    db.close();
    const stored = new Map(rows.map((row) => [row.id, row.body]));
    expect(stored.size).toBe(rows.length);
    expect(rows.length).toBe(RECORDS);
    expect(receipts.n).toBe(RECORDS);
    for (const record of records) {
      expect(acknowledged.has(record.id)).toBe(true);
      expect(JSON.parse(stored.get(record.id)!)).toEqual({ ...record, reference: acknowledged.get(record.id) });
    }
  }, DEADLINE_MS + 30_000);
});
