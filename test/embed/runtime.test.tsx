import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../widget/src/embed/config';
import { startWidget } from '../../widget/src/embed/runtime';
import { openStore } from '../../widget/src/storage/store';
import { complaint, freshIndexedDB, quietLogger } from '../storage/fixtures';

const ENDPOINT = 'https://shop.example/complaints';
const KEY = `conversation:${ENDPOINT}`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.restoreAllMocks();
});

async function start(store: Awaited<ReturnType<typeof openStore>>, raw: Record<string, unknown> = {}, answer?: (init: RequestInit) => Promise<Response>) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const { config } = parseConfig({ endpoint: ENDPOINT, ...raw }, 'https://shop.example/');
  // Delivery goes nowhere in these tests: nothing is submitted.
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => (answer ? answer(init ?? {}) : new Promise<Response>(() => {})));
  const api = await startWidget(host, root, config!, { window, document, store, fetch });
  cleanups.push(() => {
    api.destroy();
    host.remove();
  });
  return { api, host, root };
}

describe('starting the widget', () => {
  it('starts a new conversation, with one warning, when the saved one cannot be restored', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    // A draft from a version whose script had a state this one no longer has.
    await store.saveDraft({
      key: KEY,
      endpoint: ENDPOINT,
      snapshot: { status: 'active', value: { panel: 'closed', conversation: 'renamedLongAgo' }, context: {}, children: {}, historyValue: {} },
      composer: 'half a sentence',
      updatedAt: Date.now(),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const { api, root } = await start(store);
    window.removeEventListener('error', onError);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/could not be restored/);
    expect(errors).toEqual([]);
    api.open();
    await waitFor(() => expect(root.querySelector('[role="log"]')?.textContent).toMatch(/here to help/));
    // The unsent text is not lost with the conversation.
    expect(root.querySelector('textarea')!.value).toBe('half a sentence');
  });

  it('a complaint left in the outbox on an earlier visit is kept on the device under the reference the receiver answered', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const record = complaint(1);
    await store.enqueue(record, ENDPOINT, Date.now());
    await store.addHistory({ id: record.id, reference: record.reference, at: Date.now(), endpoint: ENDPOINT, statusKey: 'k'.repeat(22) });
    const answer = async (init: RequestInit) => {
      const sent = JSON.parse(String(init.body)) as { id: string };
      return new Response(JSON.stringify({ id: sent.id, reference: 'HRD-SRV001', receivedAt: new Date().toISOString(), dueBy: '2030-03-04T13:00:00.000Z' }), { status: 201 });
    };
    await start(store, {}, answer);
    await waitFor(async () => expect((await store.listHistory()).map((entry) => entry.reference)).toEqual(['HRD-SRV001']));
    expect(await store.listOutbox()).toEqual([]);
  });

  it('destroy() right after a change, with a draft save pending, throws nothing into the page', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const { api } = await start(store);
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    api.open();
    api.identify({ name: 'Ana' });
    api.destroy();
    await new Promise((r) => setTimeout(r, 400));
    window.removeEventListener('unhandledrejection', onRejection);
    expect(rejections).toEqual([]);
  });
});

describe('a visitor the host page vouches for', () => {
  const HASH = '5f'.repeat(32);

  it('HeardConfig.identity greets them by name and keeps the signed pair with the conversation', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const { api, root } = await start(store, { identity: { name: 'Ana', userId: 'c-1042', userHash: HASH, traits: { plan: 'premium' } } });
    api.open();
    await waitFor(() => expect(root.querySelector('[role="log"]')?.textContent).toMatch(/Ana/));
    await waitFor(async () => {
      const draft = await store.loadDraft(KEY);
      expect((draft?.snapshot as { context: { identity: object } }).context.identity).toMatchObject({ userId: 'c-1042', userHash: HASH });
    });
  });

  it('identify() with a new user id replaces the pair the configuration gave', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const { api } = await start(store, { identity: { userId: 'c-1042', userHash: HASH } });
    api.identify({ userId: 'c-7', email: 'ana@shop.example' });
    api.open();
    await waitFor(async () => {
      const identity = ((await store.loadDraft(KEY))?.snapshot as { context: { identity: { userId?: string; userHash?: string } } } | undefined)?.context.identity;
      expect(identity?.userId).toBe('c-7');
      expect(identity?.userHash).toBeUndefined();
    });
  });
});
