import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEraser } from '../../widget/src/embed/eraser';
import { openStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, useFakeClock } from '../storage/fixtures';

afterEach(() => {
  vi.useRealTimers();
});

/*
 * A complaint's files travel after it, each by its content hash with the complaint's status key,
 * and the complaint stays in the outbox until the receiver has every one: a failed upload is
 * tried again by the outbox's rules, a closing page never sends them, and none is sent twice.
 */

const KEY = 'k'.repeat(22);
const HASHES = ['a'.repeat(64), 'b'.repeat(64)];

/** Puts a file on this device as the attach download keeps it (the global IndexedDB). */
async function keepFile(complaintId: string, sha256: string, text: string): Promise<void> {
  const db = await openFiles();
  await new Promise((resolve, reject) => {
    const put = db
      .transaction('files', 'readwrite')
      .objectStore('files')
      .put({ key: `${complaintId}/${sha256}`, complaint: complaintId, endpoint: ENDPOINT, id: `file-${sha256.slice(0, 8)}`, sha256, type: 'application/pdf', size: text.length, name: 'x.pdf', blob: new Blob([text]), at: Date.now(), sent: true });
    put.onsuccess = resolve;
    put.onerror = () => reject(put.error);
  });
  db.close();
}

function openFiles(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('heard-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files', { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function keptFiles(): Promise<string[]> {
  const db = await openFiles();
  const keys = await new Promise<string[]>((resolve) => {
    const all = db.transaction('files').objectStore('files').getAllKeys();
    all.onsuccess = () => resolve(all.result as string[]);
  });
  db.close();
  return keys;
}

interface Call {
  method: string;
  url: string;
  auth: string | undefined;
  size: number | undefined;
  keepalive: boolean;
}

/** A receiver that takes records, and files only while `files` says so. */
function receiver(files: { up: boolean }) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method: init.method!, url, auth: headers.Authorization, size: (init.body as Blob | undefined)?.size, keepalive: init.keepalive === true });
    if (init.method === 'PUT') {
      if (!files.up) throw new TypeError('Failed to fetch');
      return new Response('{}', { status: 201 });
    }
    const { id } = JSON.parse(init.body as string) as { id: string };
    return new Response(JSON.stringify({ id, reference: 'HRD-ABC123' }), { status: 201 });
  };
  return { calls, fetch };
}

async function setUp(n: number) {
  const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
  const base = complaint(n);
  const record = {
    ...base,
    visitor: { ...base.visitor, statusKey: KEY },
    attachments: HASHES.map((sha256, i) => ({ id: `file-${sha256.slice(0, 8)}`, sha256, type: 'application/pdf', size: i + 5 })),
  };
  await keepFile(record.id, HASHES[0]!, 'first');
  await keepFile(record.id, HASHES[1]!, 'second');
  await store.enqueue(record, ENDPOINT, Date.now());
  return { store, record };
}

describe("a complaint's files", () => {
  it('go after the record, by hash with the status key; a failed upload keeps the complaint waiting until they all arrive, once each', async () => {
    const { store, record } = await setUp(41);
    const files = { up: false };
    const { calls, fetch } = receiver(files);
    const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch, baseDelayMs: 1, answerWithinMs: 10_000 });

    expect(await delivery.send(record.id)).toBe('queued');
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([record.id]);
    expect((await keptFiles()).length).toBe(2);

    files.up = true;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await delivery.flush();
    expect(await store.listOutbox()).toEqual([]);
    expect(await keptFiles()).toEqual([]);
    const puts = calls.filter((call) => call.method === 'PUT' && call.size !== undefined);
    // The first try's one failed PUT, then each file once.
    expect(puts.map((call) => call.url)).toEqual([
      `${ENDPOINT}/${record.id}/attachments/${HASHES[0]}`,
      `${ENDPOINT}/${record.id}/attachments/${HASHES[0]}`,
      `${ENDPOINT}/${record.id}/attachments/${HASHES[1]}`,
    ]);
    expect(new Set(puts.map((call) => call.auth))).toEqual(new Set([`Bearer ${KEY}`]));
    expect(puts.slice(1).map((call) => call.size)).toEqual([5, 6]);
    delivery.dispose();
    store.close();
  });

  it('are never sent by a closing page, which leaves the complaint for the next one', async () => {
    const { store, record } = await setUp(42);
    const network = { up: false };
    const { calls, fetch } = receiver({ up: true });
    const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch: (url, init) => (network.up ? fetch(url, init) : Promise.reject(new TypeError('Failed to fetch'))) });
    await delivery.flush();
    network.up = true;
    delivery.flushOnPagehide();
    await expect.poll(() => calls.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.map((call) => [call.method, call.keepalive])).toEqual([['POST', true]]);
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([record.id]);
    expect((await keptFiles()).length).toBe(2);
    delivery.dispose();
    store.close();
  });

  it('cut a stalled upload, leaving the complaint to be tried again', async () => {
    const { store, record } = await setUp(44);
    useFakeClock();
    let uploading!: () => void;
    const inFlight = new Promise<void>((resolve) => (uploading = resolve));
    // The receiver takes the record, then never answers the upload.
    const fetch = (_url: string, init: RequestInit): Promise<Response> => {
      if (init.method !== 'PUT') return Promise.resolve(new Response(JSON.stringify({ id: record.id, reference: 'HRD-ABC123' }), { status: 201 }));
      uploading();
      return new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('The upload was cut', 'AbortError'))));
    };
    const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch, answerWithinMs: 60 * 60_000 });
    const sent = delivery.send(record.id);
    await inFlight;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(await sent).toBe('queued');
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([record.id]);
    delivery.dispose();
    store.close();
  });

  it('go with "Delete my data on this device"', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await keepFile('00000000-0000-4000-8000-000000000043', HASHES[0]!, 'draft photo');
    const eraser = createEraser({ store, saver: { discard: async () => {} } as never, endpoint: ENDPOINT, flush: async () => {}, onErased: () => {} });
    expect(await keptFiles()).not.toEqual([]);
    expect(await eraser.erase()).toBe('erased');
    expect(await keptFiles()).toEqual([]);
    store.close();
  });
});
