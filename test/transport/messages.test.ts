import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecordIds } from '../../widget/src/record/ids';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { createDelivery, type Delivery } from '../../widget/src/transport/flush';
import { newMessage, sendMessage, waitingMessages, WINDOW_CLOSED } from '../../widget/src/transport/messages';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, runUntil, useFakeClock } from '../storage/fixtures';

/*
 * A visitor's follow-ups go through the outbox like complaints: the tests drive the delivery with
 * a fetch they control, in the shape of the messages contract.
 */

const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const COMPLAINT = { id: complaint(1).id, statusKey: KEY };

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A messages endpoint: `answer` decides each request; messages it accepts are kept by id. */
function messagesServer(answer: (n: number) => number | 'network') {
  const seen: Seen[] = [];
  const stored = new Map<string, unknown>();
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = init.headers as Record<string, string>;
    const body = JSON.parse(String(init.body)) as { id: string };
    seen.push({ url, headers, body });
    const outcome = answer(seen.length);
    if (outcome === 'network') throw new TypeError('Failed to fetch');
    if (outcome === 201 && stored.has(body.id)) return new Response('{}', { status: 200 });
    if (outcome === 201) stored.set(body.id, body);
    return new Response(outcome === WINDOW_CLOSED ? '{"error":"window-closed","reference":"HRD-000001"}' : '{}', { status: outcome });
  };
  return { fetch, seen, stored };
}

let open: { store: HeardStore; delivery: Delivery }[] = [];
async function page(indexedDB: IDBFactory, fetch: (url: string, init: RequestInit) => Promise<Response>) {
  const store = await openStore({ indexedDB, logger: quietLogger() });
  const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch, answerWithinMs: 60_000 });
  open.push({ store, delivery });
  return { store, delivery, port: { store, delivery, endpoint: ENDPOINT } };
}

afterEach(() => {
  for (const { store, delivery } of open) {
    delivery.dispose();
    store.close();
  }
  open = [];
  vi.useRealTimers();
});

describe('a follow-up in the outbox', () => {
  it('is posted to its complaint with the status key and its own id as Idempotency-Key, with only id, text and time', async () => {
    const server = messagesServer(() => 201);
    const { port, store } = await page(freshIndexedDB(), server.fetch);
    const message = newMessage(newRecordIds().id, COMPLAINT, 'The lid is cracked too.', '2026-03-05T10:00:00.000Z');
    expect(await sendMessage(port, message)).toBe('delivered');
    expect(server.seen).toEqual([
      {
        url: `${ENDPOINT}/${COMPLAINT.id}/messages`,
        headers: expect.objectContaining({ Authorization: `Bearer ${KEY}`, 'Idempotency-Key': message.id }),
        body: { id: message.id, text: 'The lid is cracked too.', at: '2026-03-05T10:00:00.000Z' },
      },
    ]);
    expect(await store.listOutbox()).toEqual([]);
  });

  it('written offline, waits, and arrives exactly once when the visitor is back online', async () => {
    useFakeClock();
    let online = false;
    const server = messagesServer(() => (online ? 201 : 'network'));
    const { port, store, delivery } = await page(freshIndexedDB(), server.fetch);
    const message = newMessage(newRecordIds().id, COMPLAINT, 'Still waiting.', new Date().toISOString());
    expect(await sendMessage(port, message)).toBe('queued');
    expect(waitingMessages(await store.listOutbox(), COMPLAINT.id)).toEqual([{ message, state: 'pending', status: null }]);
    online = true;
    await delivery.flush();
    await runUntil(async () => (await store.listOutbox()).length === 0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect([...server.stored.values()]).toEqual([{ id: message.id, text: 'Still waiting.', at: message.at }]);
    // One try that failed offline, one that arrived, and none after it.
    expect(server.seen.map((s) => s.headers['Idempotency-Key'])).toEqual([message.id, message.id]);
  });

  it('is kept across a reload and sent by the next page', async () => {
    const indexedDB = freshIndexedDB();
    const offline = messagesServer(() => 'network');
    const first = await page(indexedDB, offline.fetch);
    const message = newMessage(newRecordIds().id, COMPLAINT, 'Kept for later.', '2026-03-05T10:00:00.000Z');
    expect(await sendMessage(first.port, message)).toBe('queued');
    first.delivery.dispose();
    first.store.close();

    const online = messagesServer(() => 201);
    const second = await page(indexedDB, online.fetch);
    expect(waitingMessages(await second.store.listOutbox(), COMPLAINT.id).map((w) => w.message)).toEqual([message]);
    await second.delivery.flush();
    expect(online.stored.get(message.id)).toEqual({ id: message.id, text: 'Kept for later.', at: message.at });
    expect(await second.store.listOutbox()).toEqual([]);
  });

  it('after the reply window (410) stays on this device, refused, so the visitor is offered a new complaint with their words', async () => {
    const server = messagesServer(() => WINDOW_CLOSED);
    const { port, store } = await page(freshIndexedDB(), server.fetch);
    const message = newMessage(newRecordIds().id, COMPLAINT, 'It broke again.', '2026-04-05T10:00:00.000Z');
    expect(await sendMessage(port, message)).toBe('rejected');
    expect(waitingMessages(await store.listOutbox(), COMPLAINT.id)).toEqual([{ message, state: 'rejected', status: WINDOW_CLOSED }]);
  });

  it('for a complaint the server does not know (404) is kept and tried again, never forgotten', async () => {
    useFakeClock();
    const server = messagesServer((n) => (n === 1 ? 404 : 201));
    const { port, store } = await page(freshIndexedDB(), server.fetch);
    const message = newMessage(newRecordIds().id, COMPLAINT, 'Hello?', new Date().toISOString());
    expect(await sendMessage(port, message)).toBe('queued');
    expect(waitingMessages(await store.listOutbox(), COMPLAINT.id)).toEqual([{ message, state: 'pending', status: 404 }]);
    await runUntil(async () => (await store.listOutbox()).length === 0);
    expect(server.stored.has(message.id)).toBe(true);
  });

  it('belongs to its complaint only: another complaint\'s thread does not show it', async () => {
    const server = messagesServer(() => 'network');
    const { port, store } = await page(freshIndexedDB(), server.fetch);
    await store.enqueue(complaint(2), ENDPOINT, Date.now());
    await sendMessage(port, newMessage(newRecordIds().id, COMPLAINT, 'Mine.', '2026-03-05T10:00:00.000Z'));
    expect(waitingMessages(await store.listOutbox(), complaint(2).id)).toEqual([]);
  });
});
