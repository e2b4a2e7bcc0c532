import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../widget/src/embed/config';
import { startWidget } from '../../widget/src/embed/runtime';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { complaint, freshIndexedDB, quietLogger } from '../storage/fixtures';

const ENDPOINT = 'https://shop.example/complaints';
const OTHER = 'https://seller.example/complaints';
const KEY = `conversation:${ENDPOINT}`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.restoreAllMocks();
});

/** An endpoint the test answers by hand: each POST waits for `answer(status)`. */
function manualEndpoint() {
  const waiting: ((status: number) => void)[] = [];
  const fetch = vi.fn(
    () =>
      new Promise<Response>((resolve) => {
        waiting.push((status) => resolve(new Response(null, { status })));
      }),
  );
  return { fetch, answerAll: (status: number) => waiting.splice(0).forEach((answer) => answer(status)), pending: () => waiting.length };
}

async function start(store: HeardStore, fetch = manualEndpoint().fetch) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const { config } = parseConfig({ endpoint: ENDPOINT }, 'https://shop.example/');
  const api = await startWidget(host, root, config!, { window, document, store, fetch: fetch as unknown as typeof globalThis.fetch });
  cleanups.push(() => {
    api.destroy();
    host.remove();
  });
  const ui = () => within(root.querySelector<HTMLElement>('.heard-root')!);
  return { api, host, root, ui };
}

async function storeWithData() {
  const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
  await store.saveDraft({ key: KEY, endpoint: ENDPOINT, snapshot: null, composer: 'my order 1042 never came', updatedAt: Date.now() });
  await store.addHistory({ id: complaint(1).id, reference: complaint(1).reference, at: Date.now() });
  return store;
}

describe('"Delete my data on this device"', () => {
  it('from the panel menu, by keyboard: asks, erases drafts and history, says so, and tells the host page', async () => {
    const store = await storeWithData();
    await store.enqueue(complaint(2), OTHER, 1);
    const { api, host, root, ui } = await start(store);
    const heard = vi.fn();
    const dom = vi.fn();
    api.on('erased', heard);
    host.addEventListener('heard:erased', dom);
    api.open();
    const menu = await ui().findByRole('button', { name: 'More options' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const item = ui().getByRole('button', { name: 'Delete my data on this device' });
    await waitFor(() => expect(root.activeElement).toBe(item));
    // Escape closes the menu, not the panel, and gives focus back to its button.
    fireEvent.keyDown(item, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(menu);
    expect(root.querySelector<HTMLElement>('.heard-panel')!.hidden).toBe(false);

    fireEvent.click(menu);
    fireEvent.click(ui().getByRole('button', { name: 'Delete my data on this device' }));
    const confirm = await ui().findByRole('button', { name: 'Delete' });
    await waitFor(() => expect(root.activeElement).toBe(confirm));
    expect(ui().getByRole('group', { name: /Delete your drafts, your past complaints/ })).toBeTruthy();
    fireEvent.click(confirm);

    await waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(dom).toHaveBeenCalledTimes(1);
    expect(await store.loadDraft(KEY)).toBeUndefined();
    expect(await store.listHistory()).toEqual([]);
    // Another widget's complaint still waiting for its endpoint is not this widget's to delete.
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([complaint(2).id]);
    const ok = await ui().findByRole('button', { name: 'OK' });
    expect(ui().getByRole('group', { name: 'Your data on this device has been deleted.' })).toBeTruthy();
    await waitFor(() => expect(root.activeElement).toBe(ok));
    // The conversation on screen starts afresh: the unsent words are gone with the draft.
    fireEvent.click(ok);
    await waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    expect(root.querySelector('textarea')!.value).toBe('');
    expect(ui().queryByText('my order 1042 never came')).toBeNull();
  });

  it('refuses while a complaint still waits to be sent, says so, and erases once it is delivered if the visitor waits', async () => {
    const store = await storeWithData();
    await store.enqueue(complaint(3), ENDPOINT, 1);
    const endpoint = manualEndpoint();
    const { api, root, ui } = await start(store, endpoint.fetch);
    const heard = vi.fn();
    api.on('erased', heard);
    api.open();
    fireEvent.click(await ui().findByRole('button', { name: 'More options' }));
    fireEvent.click(ui().getByRole('button', { name: 'Delete my data on this device' }));
    fireEvent.click(await ui().findByRole('button', { name: 'Delete' }));

    const wait = await ui().findByRole('button', { name: 'Wait, then delete' });
    expect(ui().getByText(/still waiting to be sent/)).toBeTruthy();
    await waitFor(() => expect(root.activeElement).toBe(wait));
    expect(heard).not.toHaveBeenCalled();
    expect((await store.loadDraft(KEY))?.composer).toBe('my order 1042 never came');

    fireEvent.click(wait);
    await ui().findByText(/Waiting for your complaint to be sent/);
    await waitFor(() => expect(endpoint.pending()).toBeGreaterThan(0));
    expect(heard).not.toHaveBeenCalled();
    endpoint.answerAll(201);
    await waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(await store.listOutbox()).toEqual([]);
    expect(await store.loadDraft(KEY)).toBeUndefined();
    expect(await store.listHistory()).toEqual([]);
    await ui().findByText('Your data on this device has been deleted.');
  });

  it('cancelling the wait deletes nothing, even when the complaint is delivered later', async () => {
    const store = await storeWithData();
    await store.enqueue(complaint(4), ENDPOINT, 1);
    const endpoint = manualEndpoint();
    const { api, ui } = await start(store, endpoint.fetch);
    const heard = vi.fn();
    api.on('erased', heard);
    api.open();
    fireEvent.click(await ui().findByRole('button', { name: 'More options' }));
    fireEvent.click(ui().getByRole('button', { name: 'Delete my data on this device' }));
    fireEvent.click(await ui().findByRole('button', { name: 'Delete' }));
    fireEvent.click(await ui().findByRole('button', { name: 'Wait, then delete' }));
    fireEvent.click(await ui().findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(endpoint.pending()).toBeGreaterThan(0));
    endpoint.answerAll(201);
    await waitFor(async () => expect(await store.listOutbox()).toEqual([]));
    expect(heard).not.toHaveBeenCalled();
    expect((await store.listHistory()).length).toBe(1);
  });
});
