import { IDBFactory } from 'fake-indexeddb';
import { signal } from '@preact/signals';
import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { translate } from '../../widget/src/i18n/translate';
import type { PastStatus } from '../../widget/src/machine/context';
import { newRecordIds } from '../../widget/src/record/ids';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import type { ComplaintStatus } from '../../widget/src/transport/status';
import type { ThreadPort } from '../../widget/src/ui/widgetContext';
import { newFakes } from '../machine/harness';
import { ENDPOINT, freshIndexedDB, quietLogger } from '../storage/fixtures';
import { mountWidget, openStatus } from './support';

/*
 * Files in a complaint's thread: those a reply (or a follow-up) sent, each said by its kind and
 * size and downloaded with the status key; and files the visitor attaches in the thread's box,
 * kept on the device until sent, uploaded before the message that names them.
 */

const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const SHA = 'c0ffee'.padEnd(64, '0');
const PDF_BYTES = '%PDF-1.4 return label';

const status = (over: Partial<ComplaintStatus> = {}): ComplaintStatus =>
  openStatus({ replies: [{ at: '2026-03-02T10:00:00.000Z', text: 'Here is your return label.', attachments: [{ sha256: SHA, type: 'application/pdf', size: 122_880 }] }], messages: [], ...over });

interface Call {
  method: string;
  url: string;
  auth: string | null;
  body: unknown;
}

const cleanups: (() => void)[] = [];
// One profile's IndexedDB for the files (the attach download keeps its connection), emptied per test.
const profile = new IDBFactory();
beforeEach(() => {
  vi.stubGlobal('indexedDB', profile);
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The widget with a thread for `past`, its outbox and its file downloads through one fetch the test sees. */
async function mountThread(past: PastStatus[], options: { attach?: ThreadPort['attach']; locale?: 'hu'; store?: HeardStore } = {}) {
  const store = options.store ?? (await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() }));
  for (const p of past) await store.addHistory({ id: p.id, reference: p.status.reference, at: 1, endpoint: ENDPOINT, statusKey: KEY });
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, auth: new Headers(init.headers).get('authorization'), body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    if (url.includes('/attachments/') && method === 'GET') return new Response(PDF_BYTES, { status: 200, headers: { 'content-type': 'application/pdf' } });
    return new Response('{}', { status: 201 });
  };
  vi.stubGlobal('fetch', fetch);
  const changes = signal(0);
  const delivery = createDelivery({ endpoint: ENDPOINT, store, answerWithinMs: 2_000, onEvent: () => changes.value++, fetch });
  const port: ThreadPort = { store, delivery, endpoint: ENDPOINT, changes, unread: signal(null), translate, newRecordIds, attach: options.attach };
  const locale = options.locale ? { initialCatalog: hu } : {};
  const m = mountWidget({ thread: port, ...locale }, options.locale ? { locale: options.locale } : {}, { ...newFakes(), statuses: past });
  cleanups.push(() => {
    delivery.dispose();
  });
  act(() => void m.actor.send({ type: 'panel.open' }));
  return { ...m, store, calls };
}

describe("the files a thread's lines sent", () => {
  it("shows a reply's PDF by its kind and size, as text, and downloads it with the status key from a Blob URL it then revokes", async () => {
    const made: Blob[] = [];
    const revoked: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (made.push(blob as Blob), `blob:heard/${made.length}`));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { ui, calls } = await mountThread([{ id: 'c1', status: status() }]);
    const log = await ui.findByRole('log', { name: 'Conversation about your complaint HRD-7K3F9Q' });
    const download = await within(log).findByRole('button', { name: 'Download: PDF, 120 kB' });
    expect(download.closest('li')!.textContent).toBe('PDF, 120 kBDownload');
    // Nothing is fetched until the visitor asks.
    expect(calls.filter((c) => c.url.includes('/attachments/'))).toEqual([]);

    download.focus();
    fireEvent.click(download);
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(calls.filter((c) => c.url.includes('/attachments/'))).toEqual([{ method: 'GET', url: `${ENDPOINT}/c1/attachments/${SHA}`, auth: `Bearer ${KEY}`, body: undefined }]);
    expect(clicked[0]).toEqual({ href: 'blob:heard/1', download: `${SHA.slice(0, 12)}.pdf` });
    expect(made[0]!.type).toBe('application/pdf');
    expect(await made[0]!.text()).toBe(PDF_BYTES);
    await waitFor(() => expect(revoked).toEqual(['blob:heard/1']));
  });

  it("says a photo the visitor sent in their own follow-up, and a file of a type it does not know, in the visitor's language, never from their content", async () => {
    const photo = { sha256: 'ab'.repeat(32), type: 'image/jpeg', size: 2_400_000 };
    const odd = { sha256: 'cd'.repeat(32), type: 'text/html', size: 900 };
    const { ui } = await mountThread([{ id: 'c1', status: status({ replies: [{ at: '2026-03-02T10:00:00.000Z', text: 'Itt a címke.', attachments: [odd] }], messages: [{ id: 'm1', at: '2026-03-02T11:00:00.000Z', text: 'A kép.', attachments: [photo] }] }) }], { locale: 'hu' });
    // The thread's own log, named with the reference (the first log on the page is the new complaint's).
    const log = await ui.findByRole('log', { name: /HRD-7K3F9Q/ });
    await within(log).findByRole('button', { name: /^Letöltés: Fénykép, 2,3/ });
    expect(within(log).getByRole('button', { name: /^Letöltés: Fájl, 1/ })).toBeTruthy();
    expect(log.querySelector('img, iframe, object, embed')).toBeNull();
  });

  it('says so, in words, when a file cannot be downloaded', async () => {
    const { ui } = await mountThread([{ id: 'c1', status: status() }]);
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    fireEvent.click(await ui.findByRole('button', { name: 'Download: PDF, 120 kB' }));
    expect(await ui.findByText('The file could not be downloaded. Please try again.')).toBeTruthy();
  });
});

describe("the thread's box", () => {
  const pdf = (name: string) => new File([`%PDF-1.4\n${name}`], name, { type: 'application/pdf' });
  const pick = (form: HTMLElement, ...files: File[]) => {
    const input = within(form).getByLabelText<HTMLInputElement>('Attach a photo or PDF');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
  };

  it('attaches a file, keeps it across a reload, uploads it by its hash with the status key, then sends the message naming it', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const first = await mountThread([{ id: 'c1', status: status() }], { attach: {}, store });
    const box = await first.ui.findByLabelText('Write to us about HRD-7K3F9Q');
    const form = box.closest('form')!;
    pick(form, pdf('photo-of-box.pdf'));
    await within(form).findByRole('button', { name: 'Remove photo-of-box.pdf' });

    // The page is reloaded: the box shows the same file again, from this device.
    first.host.remove();
    const again = await mountThread([{ id: 'c1', status: status() }], { attach: {}, store });
    const form2 = (await again.ui.findByLabelText('Write to us about HRD-7K3F9Q')).closest('form')!;
    await within(form2).findByRole('button', { name: 'Remove photo-of-box.pdf' });

    fireEvent.input(within(form2).getByRole('textbox'), { target: { value: 'Here is the box it came in.' } });
    fireEvent.submit(form2);
    await waitFor(() => expect(again.calls.some((c) => c.method === 'POST')).toBe(true));
    const [put, post] = again.calls.filter((c) => c.method !== 'GET');
    expect(put!.method).toBe('PUT');
    const sha = put!.url.match(/\/c1\/attachments\/([0-9a-f]{64})$/)?.[1];
    expect(sha).toBeDefined();
    expect(put!.auth).toBe(`Bearer ${KEY}`);
    expect(post).toEqual({ method: 'POST', url: `${ENDPOINT}/c1/messages`, auth: `Bearer ${KEY}`, body: { id: expect.any(String), text: 'Here is the box it came in.', at: expect.any(String), attachments: [sha] } });
    // The box starts empty for the next message.
    await waitFor(() => expect(within(form2).queryByRole('button', { name: 'Remove photo-of-box.pdf' })).toBeNull());
  });

  it("says a refusal in the visitor's language", async () => {
    const { ui } = await mountThread([{ id: 'c1', status: status() }], { attach: { maxMb: 1 }, locale: 'hu' });
    const form = (await ui.findByLabelText('Írjon nekünk erről: HRD-7K3F9Q')).closest('form')!;
    const input = within(form).getByLabelText<HTMLInputElement>(hu['ui.attach'] as string);
    Object.defineProperty(input, 'files', { value: [new File([`%PDF-1.4${'x'.repeat(1_100_000)}`], 'szamla.pdf')], configurable: true });
    fireEvent.change(input);
    expect(await within(form).findByText('szamla.pdf nincs csatolva: egy fájl legfeljebb 1 MB lehet.')).toBeTruthy();
  });

  it('has no attach control where the site turned attachments off', async () => {
    const { ui } = await mountThread([{ id: 'c1', status: status() }]);
    const form = (await ui.findByLabelText('Write to us about HRD-7K3F9Q')).closest('form')!;
    expect(form.querySelector<HTMLElement>('.heard-files')!.hidden).toBe(true);
  });
});
