import { IDBFactory } from 'fake-indexeddb';
import { signal } from '@preact/signals';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import type { ThreadPort } from '../../widget/src/ui/widgetContext';
import { mountWidget, openPanel, type Mounted } from './support';

const ENDPOINT = 'https://shop.example/complaints';
/** The conversation's complaint id (the machine harness's). */
const COMPLAINT = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

/** A port with just what the attach control reads. */
function port(attach: ThreadPort['attach']): ThreadPort {
  return { endpoint: ENDPOINT, unread: signal(null), attach } as unknown as ThreadPort;
}

function pdf(name: string, bytes = 200, fill = 'x'): File {
  return new File([`%PDF-1.4\n${fill.repeat(bytes)}`], name, { type: 'application/pdf' });
}

function pick(m: Mounted, ...files: File[]): void {
  const input = m.ui.getByLabelText<HTMLInputElement>('Attach a photo or PDF');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

// One profile's IndexedDB for the file (the attach download keeps its connection), emptied per test.
const profile = new IDBFactory();

function files(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('heard-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files', { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** The files kept on this device, as the attach download stores them. */
async function kept(): Promise<{ key: string; complaint: string; endpoint: string; name: string; blob: Blob }[]> {
  const db = await files();
  return new Promise((resolve) => {
    const all = db.transaction('files').objectStore('files').getAll();
    all.onsuccess = () => {
      db.close();
      resolve(all.result);
    };
  });
}

beforeEach(async () => {
  vi.stubGlobal('indexedDB', profile);
  const db = await files();
  await new Promise((resolve) => (db.transaction('files', 'readwrite').objectStore('files').clear().onsuccess = resolve));
  db.close();
  // As a browser does for bytes that are not an image it can decode.
  vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError')));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('attaching files to a complaint', () => {
  it('is a real, labelled file input taking several photos or PDFs, and none where the site turned it off', () => {
    const m = mountWidget({ thread: port({}) });
    openPanel(m);
    const input = m.ui.getByLabelText<HTMLInputElement>('Attach a photo or PDF');
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('image/*,application/pdf');

    const off = mountWidget({ thread: port(undefined) });
    openPanel(off);
    expect(off.ui.queryByLabelText('Attach a photo or PDF')).toBeNull();
  });

  it('shows a picked PDF by name and size, keeps it on the device with the draft, and removes it when asked', async () => {
    const m = mountWidget({ thread: port({}) });
    openPanel(m);
    pick(m, pdf('receipt.pdf', 3_000_000));
    const list = await m.ui.findByRole('list', { name: 'Attached files' });
    expect(list.textContent).toContain('receipt.pdf, 2.9 MB');
    const files = await kept();
    expect(files.map((f) => [f.name, f.complaint, f.endpoint])).toEqual([['receipt.pdf', COMPLAINT, ENDPOINT]]);
    expect(files[0]!.key).toMatch(new RegExp(`^${COMPLAINT}/[0-9a-f]{64}$`));
    // The draft is saved again, so a reload shows the file.
    expect(m.onDraft).toHaveBeenCalled();

    fireEvent.click(m.ui.getByRole('button', { name: 'Remove receipt.pdf' }));
    await waitFor(() => expect(m.ui.getByRole('list', { name: 'Attached files' }).children).toHaveLength(0));
    expect(await kept()).toEqual([]);
  });

  it('refuses an HTML page named .jpg, saying why, and keeps the other files picked with it', async () => {
    const m = mountWidget({ thread: port({}) });
    openPanel(m);
    pick(m, new File(['<!doctype html><script>alert(1)</script>'], 'damage.jpg', { type: 'image/jpeg' }), pdf('label.pdf'));
    expect(await m.ui.findByText('damage.jpg was not attached: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be.')).toBeTruthy();
    expect(m.ui.getByRole('list', { name: 'Attached files' }).textContent).toContain('label.pdf');
    expect((await kept()).map((f) => f.name)).toEqual(['label.pdf']);
  });

  it('refuses a file over the site’s size and any past five, saying why', async () => {
    const m = mountWidget({ thread: port({ maxMb: 1 }) });
    openPanel(m);
    pick(m, pdf('big.pdf', 1_100_000), ...Array.from({ length: 6 }, (_, i) => pdf(`page-${i + 1}.pdf`, 100, String(i))));
    expect(await m.ui.findByText(/big\.pdf was not attached: a file can be at most 1 MB\./)).toBeTruthy();
    expect(m.ui.getByText(/page-6\.pdf was not attached: at most 5 files can go with one message\./)).toBeTruthy();
    expect((await kept()).map((f) => f.name).sort()).toEqual(['page-1.pdf', 'page-2.pdf', 'page-3.pdf', 'page-4.pdf', 'page-5.pdf']);
  });

  it('takes only the types the site allows', async () => {
    const m = mountWidget({ thread: port({ types: ['image/jpeg'] }) });
    openPanel(m);
    expect(m.ui.getByLabelText<HTMLInputElement>('Attach a photo or PDF').accept).toBe('image/jpeg');
    pick(m, pdf('invoice.pdf'));
    expect(await m.ui.findByText(/invoice\.pdf was not attached/)).toBeTruthy();
    expect(await kept()).toEqual([]);
  });

  it('takes a file pasted into the composer, and leaves pasted text to the box', async () => {
    const m = mountWidget({ thread: port({}) });
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' });
    const paste = (files: File[]) => {
      const event = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'clipboardData', { value: { files } });
      box.dispatchEvent(event);
      return event;
    };
    expect(paste([]).defaultPrevented).toBe(false);
    expect(paste([pdf('photo-of-label.pdf')]).defaultPrevented).toBe(true);
    await m.ui.findByRole('button', { name: 'Remove photo-of-label.pdf' });
    expect((await kept()).map((f) => f.name)).toEqual(['photo-of-label.pdf']);
  });

  it('says a refusal in the visitor’s language', async () => {
    const m = mountWidget({ thread: port({ maxMb: 1 }), initialCatalog: sk }, { locale: 'sk' });
    fireEvent.click(m.ui.getByRole('button', { name: sk['ui.launcher'] as string }));
    const input = m.ui.getByLabelText<HTMLInputElement>('Priložiť fotku alebo PDF');
    Object.defineProperty(input, 'files', { value: [pdf('faktura.pdf', 1_100_000)], configurable: true });
    fireEvent.change(input);
    expect(await m.ui.findByText('Súbor faktura.pdf sa nepriložil: maximálna veľkosť súboru je 1 MB.')).toBeTruthy();
  });

  it('lets an unsent draft’s files go after the site’s draft days, as the draft does', async () => {
    const db = await files();
    const old = { key: `old-complaint/${'c'.repeat(64)}`, complaint: 'old-complaint', endpoint: ENDPOINT, name: 'old.pdf', blob: new Blob(['%PDF-1.4']), at: Date.now() - 3 * 86_400_000 };
    await new Promise((resolve) => (db.transaction('files', 'readwrite').objectStore('files').put(old).onsuccess = resolve));
    db.close();
    const m = mountWidget({ thread: port({ maxAgeMs: 2 * 86_400_000 }) });
    openPanel(m);
    pick(m, pdf('new.pdf'));
    await m.ui.findByRole('button', { name: 'Remove new.pdf' });
    expect((await kept()).map((f) => f.name)).toEqual(['new.pdf']);
  });
});
