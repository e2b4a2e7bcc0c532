/**
 * The thread that commits incoming records on a SQLite file: a thread that fails answers each
 * record it held with an error (the widget keeps it and retries), the next record starts a new
 * thread, and closing never throws because the thread failed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summariseRecord } from '../../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { startRecordWriter } from '../../../server/store/sqlite/record-writer.mjs';

const dir = mkdtempSync(join(tmpdir(), 'heard-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta = (record: ReturnType<typeof sampleComplaint>) => ({ hash: `hash-${record.id}`, receivedAt: new Date().toISOString(), summary: summariseRecord(record) });

describe('the record writer thread', () => {
  it('answers records with an error when its thread fails, takes the next record on a new thread, and closes cleanly', async () => {
    // A file where the database's folder should be: the thread cannot open the database.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const writer = startRecordWriter(join(blocked, 'heard.db'));
    const first = [sampleComplaint(), sampleComplaint()];
    const answers = await Promise.allSettled(first.map((record) => writer.insert(record, meta(record))));
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);

    // The cause goes away; the next record starts a new thread and is stored.
    rmSync(blocked);
    const next = sampleComplaint();
    expect((await writer.insert(next, meta(next))).outcome).toBe('created');
    await writer.close();
  });

  it('closes without throwing when its thread fails while records are in flight, and answers them', async () => {
    const blocked = join(dir, 'blocked-on-close');
    writeFileSync(blocked, '');
    const writer = startRecordWriter(join(blocked, 'heard.db'));
    const record = sampleComplaint();
    const answer = writer.insert(record, meta(record)).then(() => 'stored', () => 'refused');
    await expect(writer.close()).resolves.toBeUndefined();
    expect(await answer).toBe('refused');
  });
});
