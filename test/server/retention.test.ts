import { describe, expect, it } from 'vitest';
import { startRetentionSweep } from '../../server/retention.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { put } from './store/conformance';

const DAY = 24 * 3600_000;

describe('retention sweep', () => {
  it('deletes resolved complaints past HEARD_RETENTION_DAYS when the server starts, and keeps the rest', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const expired = sampleComplaint();
    const kept = sampleComplaint();
    for (const record of [expired, kept]) await put(store, record);
    await store.resolve(expired.id, 'Mia', 'Refunded.', new Date(Date.now() - 31 * DAY).toISOString());
    await store.resolve(kept.id, 'Mia', 'Refunded.', new Date(Date.now() - 29 * DAY).toISOString());

    const sweep = startRetentionSweep({ store, days: 30 });
    await sweep.stop();
    expect(await store.getRecord(expired.id)).toBeNull();
    expect(await store.getRecord(kept.id)).not.toBeNull();

    // A day later the next sweep takes the other one.
    const later = startRetentionSweep({ store, days: 30, now: () => Date.now() + 2 * DAY });
    await later.stop();
    expect(await store.getRecord(kept.id)).toBeNull();
    await store.close();
  });
});
