import { describe, expect, it } from 'vitest';
import { openStore } from '../../widget/src/storage/store';
import { freshIndexedDB, quietLogger } from './fixtures';

const PAST = {
  id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  reference: 'HRD-7K3F9Q',
  at: 1_700_000_000_000,
  endpoint: 'https://shop.example/complaints',
  statusKey: 'Ab3_-Ab3_-Ab3_-Ab3_-Ab',
};

describe('past complaints kept for their status', () => {
  it('keeps each complaint\'s endpoint and status key across a reopened database', async () => {
    const indexedDB = freshIndexedDB();
    const store = await openStore({ indexedDB, logger: quietLogger() });
    await store.addHistory(PAST);
    // One from an older version, before status keys.
    await store.addHistory({ id: 'older', reference: 'HRD-AAAAAA', at: 1 });
    store.close();
    const reopened = await openStore({ indexedDB, logger: quietLogger() });
    expect(await reopened.listHistory()).toEqual([{ id: 'older', reference: 'HRD-AAAAAA', at: 1 }, PAST]);
    reopened.close();
  });

  it('keeps them in memory too when the browser will not store anything', async () => {
    const store = await openStore({ indexedDB: null, logger: quietLogger() });
    await store.addHistory(PAST);
    expect(await store.listHistory()).toEqual([PAST]);
    store.close();
  });
});
