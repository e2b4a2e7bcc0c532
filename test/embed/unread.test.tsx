import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../widget/src/embed/config';
import { startWidget } from '../../widget/src/embed/runtime';
import { openStore } from '../../widget/src/storage/store';
import { freshIndexedDB, quietLogger } from '../storage/fixtures';
import { openStatus } from '../ui/support';

/*
 * The bubble's count of unread replies at start-up: read only for a visitor this device already
 * knows, never for one who has not used the widget.
 */

const ENDPOINT = 'https://shop.example/complaints';
const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const STATUS = openStatus();

async function start(indexedDB: IDBFactory, store?: Awaited<ReturnType<typeof openStore>>) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const { config } = parseConfig({ endpoint: ENDPOINT }, 'https://shop.example/');
  const fetch = vi.fn(async (url: string) =>
    url.endsWith('/status') ? new Response(JSON.stringify(STATUS), { status: 200 }) : new Promise<Response>(() => {}),
  );
  const api = await startWidget(host, root, config!, { window, document, indexedDB, ...(store ? { store } : {}), fetch: fetch as unknown as typeof globalThis.fetch });
  cleanups.push(() => {
    api.destroy();
    host.remove();
  });
  return { root, fetch };
}

describe('the unread count on the bubble', () => {
  it('shows how many replies came for a visitor whose database already exists', async () => {
    const indexedDB = freshIndexedDB();
    const store = await openStore({ indexedDB, logger: quietLogger() });
    await store.addHistory({ id: ID, reference: 'HRD-7K3F9Q', at: 1, endpoint: ENDPOINT, statusKey: KEY, readAt: '2026-03-02T10:00:00.000Z' });
    const { root } = await start(indexedDB, store);
    await waitFor(() => expect(root.querySelector('.heard-launcher')?.getAttribute('aria-label')).toBe('Raise a complaint, 1 new reply'));
    expect(root.querySelector('.heard-badge')?.textContent).toBe('1');
  });

  it('reads nothing and stores nothing for a visitor who never opened the widget', async () => {
    const indexedDB = freshIndexedDB();
    const { root, fetch } = await start(indexedDB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
    expect(root.querySelector('.heard-badge')).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).toEqual([]);
  });
});
