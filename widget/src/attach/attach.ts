import type { ComplaintRecord, MessageRecord } from '../record/record';
import type { FileRef } from '../transport/status';
import type { Locale } from '../triage/types';
import type { ThreadPort, WidgetContextValue } from '../ui/widgetContext';
import { lines, type Line } from './lines';

/*
 * The visitor's files: a download of its own, fetched when the visitor uses the attach control
 * (the conversation's or a thread's), when a restored draft holds files, when the outbox
 * delivers a complaint or a follow-up that names some, or when a thread shows files sent with
 * its lines. Nothing here is imported by the widget's own download.
 */

/** What the record says of a file (its schema's `attachments` item). */
export type Named = NonNullable<ComplaintRecord['attachments']>[number];

/** A file kept on this device until its complaint's receiver has it. */
interface Kept extends Named {
  /** `<owner>/<sha256>`. */
  key: string;
  /**
   * Whose file it is: a complaint's id (its conversation), `thread:<complaint id>` while a thread's
   * box holds it, then the id of the follow-up that names it.
   */
  complaint: string;
  endpoint: string;
  name: string;
  blob: Blob;
  /** Epoch ms it was attached; a draft's files expire with drafts. */
  at: number;
  /** Named by a record in the outbox: kept until uploaded, whatever its age. */
  sent?: boolean;
}

/** What a site may allow; the receiver takes the same. */
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf'];
const MAX_FILES = 5;
const MAX_MB = 20;
/** The longest side of an image once re-encoded. */
const MAX_SIDE = 2048;
const MB = 1024 * 1024;
/** Drafts' own default age (`storage/store.ts`); a draft's files go with it. */
const DRAFT_MAX_AGE_MS = 30 * 86_400_000;

// ---------------------------------------------------------------------------------------------
// Storage: a database of its own beside the widget's, so the widget's download carries none of it

const memory = new Map<string, Kept>();
let opened: Promise<IDBDatabase> | undefined;

function request<T>(run: (files: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode = 'readonly'): Promise<T> {
  opened ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('heard-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files', { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return opened.then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const req = run(db.transaction('files', mode).objectStore('files'));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      }),
  );
}

/** Every file kept; from memory where the browser keeps nothing (private modes, faults). */
const all = (): Promise<Kept[]> => request((s) => s.getAll() as IDBRequest<Kept[]>).catch(() => [...memory.values()]);
const keep = (file: Kept): Promise<unknown> => (memory.set(file.key, file), request((s) => s.put(file), 'readwrite').catch(() => 0));
const drop = (key: string): Promise<unknown> => (memory.delete(key), request((s) => s.delete(key), 'readwrite').catch(() => 0));

/**
 * The files of one complaint for one endpoint, in the order attached; files of drafts older than
 * `maxAgeMs` (the site's draft days) go, as their drafts do.
 */
async function filesOf(complaint: string, endpoint: string, maxAgeMs = DRAFT_MAX_AGE_MS): Promise<Kept[]> {
  const mine: Kept[] = [];
  for (const file of (await all()).sort((a, b) => a.at - b.at)) {
    if (!file.sent && file.at < Date.now() - maxAgeMs) await drop(file.key);
    else if (file.complaint === complaint && file.endpoint === endpoint) mine.push(file);
  }
  return mine;
}

// ---------------------------------------------------------------------------------------------
// Taking a file

/** A photo decoded and drawn again: only its pixels remain (no EXIF, no position), at most 2,048 px. */
async function redraw(file: File): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  // A transparent PNG's background would turn black in a JPEG.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const options = { type: 'image/jpeg', quality: 0.85 };
  const blob = await ('convertToBlob' in canvas
    ? canvas.convertToBlob(options)
    : new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, options.type, options.quality)));
  if (!blob) throw new Error('not encoded');
  return { blob, width, height };
}

/** Lowercase hex SHA-256 of the bytes: the file's name at the receiver. */
async function sha256(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the site allows: its own list within the receiver's, and its own size limit within 20 MB. */
function limits(widget: WidgetContextValue): { types: string[]; maxMb: number } {
  const own = widget.thread?.attach;
  const types = own?.types?.length ? TYPES.filter((type) => own.types!.includes(type)) : TYPES;
  return { types, maxMb: Math.min(MAX_MB, own?.maxMb ?? MAX_MB) };
}

/**
 * Takes the files the visitor picked (or pasted, or dropped) into the conversation: each one
 * allowed is re-encoded (an image) or kept as it is (a PDF), stored on this device with the
 * draft, and shown; each refused one says why. With no files, shows what is kept (a restored draft).
 *
 * @param owner whose files they are, when not the conversation's (a thread's box: `thread:<id>`)
 */
export async function attach(widget: WidgetContextValue, slot: HTMLElement, picked?: ArrayLike<File> | null, owner?: string): Promise<void> {
  const port = widget.thread!;
  const complaint = owner ?? widget.bridge.snapshot.peek().context.id;
  const { types, maxMb } = limits(widget);
  const say = lines(widget.locale);
  const refusals: string[] = [];
  const kept = await filesOf(complaint, port.endpoint, port.attach?.maxAgeMs);
  for (const file of Array.from(picked ?? [])) {
    const name = file.name;
    if (kept.length >= MAX_FILES) refusals.push(say('count', name, MAX_FILES));
    else if (file.size > maxMb * MB) refusals.push(say('size', name, maxMb));
    else {
      const taken = await take(file, types).catch(() => null);
      if (!taken) refusals.push(say('type', name));
      else if (!kept.some((k) => k.sha256 === taken.sha256)) {
        const row: Kept = { ...taken, id: crypto.randomUUID(), key: `${complaint}/${taken.sha256}`, complaint, endpoint: port.endpoint, name, at: Date.now() };
        await keep(row);
        kept.push(row);
      }
    }
  }
  if (!owner) {
    port.attach!.held = kept.length > 0;
    // Saved with the draft: a reload shows these files again.
    widget.composer.onChange(widget.draft.peek());
  }
  show(widget, slot, kept, refusals, say, owner);
}

/** One file made ready to keep, or a throw when it is not a photo or PDF the site takes. */
async function take(file: File, types: string[]): Promise<Omit<Kept, 'id' | 'key' | 'complaint' | 'endpoint' | 'name' | 'at'>> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (String.fromCharCode(...head) === '%PDF-') {
    if (!types.includes('application/pdf')) throw new Error('type');
    return { blob: file, type: 'application/pdf', size: file.size, sha256: await sha256(file) };
  }
  // Whatever the name says, only what decodes as an image is one (an HTML page named .jpg is not).
  if (!types.some((type) => type === file.type || (type === 'image/jpeg' && file.type === ''))) throw new Error('type');
  const { blob, width, height } = await redraw(file);
  return { blob, type: blob.type, size: blob.size, width, height, sha256: await sha256(blob) };
}

// ---------------------------------------------------------------------------------------------
// Showing the files

/** The list's look, adopted by the widget's shadow root once: no visitor without files downloads it. */
const CSS = `
.heard-files{display:flex;flex-direction:column;align-items:flex-start;gap:8px}
.heard-files ul{display:flex;flex-direction:column;gap:4px;margin:0;padding:0;list-style:none}
.heard-files li{display:flex;align-items:center;gap:8px;overflow-wrap:anywhere}
.heard-files img{width:48px;height:48px;object-fit:cover;border-radius:4px;flex:none}
.heard-files .heard-error:empty{display:none}
`;
const styled = new WeakSet<Node>();

/** Gives the widget's shadow root the list's look, once. */
function style(node: Node): void {
  const root = node.getRootNode();
  if (!styled.has(root) && root instanceof ShadowRoot) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    styled.add(root);
  }
}

/** A file's size in `locale`: "120 kB", "2.9 MB". */
const sizeIn =
  (locale: Locale) =>
  (bytes: number): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: bytes < MB ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(bytes < MB ? Math.max(1, bytes / 1024) : bytes / MB);

/** Replaces the list below the attach button with the files kept and the refusals. */
function show(widget: WidgetContextValue, slot: HTMLElement, kept: Kept[], refusals: string[], say: Line, owner?: string): void {
  style(slot);
  slot.querySelector('.heard-files-list')?.remove();
  const box = document.createElement('div');
  box.className = 'heard-files-list';
  const list = document.createElement('ul');
  list.setAttribute('aria-label', say('list'));
  const size = sizeIn(widget.locale);
  for (const file of kept) {
    const item = document.createElement('li');
    if (file.width) {
      const thumb = document.createElement('img');
      const url = URL.createObjectURL(file.blob);
      thumb.src = url;
      thumb.alt = file.name;
      thumb.onload = () => URL.revokeObjectURL(url);
      item.append(thumb);
    }
    const label = document.createElement('span');
    label.textContent = `${file.name}, ${size(file.size)}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'heard-button heard-secondary';
    remove.textContent = say('remove', file.name);
    remove.onclick = async () => {
      await drop(file.key);
      await attach(widget, slot, null, owner);
      slot.querySelector('input')?.focus();
    };
    item.append(label, remove);
    list.append(item);
  }
  box.append(list);
  // One live region for the slot's life, so each refusal is announced as it changes.
  let status = slot.querySelector('[role="status"]');
  if (!status) {
    status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.className = 'heard-error';
    slot.append(status);
  }
  status.textContent = refusals.join(' ');
  status.before(box);
}

// ---------------------------------------------------------------------------------------------
// The record and the upload

/**
 * The files the complaint `id` names, for its record; from now on they are kept until uploaded.
 * `undefined` when it has none. With `to` (a follow-up's id), the files a thread's box held
 * (`id` is then `thread:<complaint id>`) become that follow-up's, and the box holds none.
 */
export async function named(widget: Pick<WidgetContextValue, 'thread'>, id: string, to?: string): Promise<Named[] | undefined> {
  const port = widget.thread!;
  // (`held` stays: a save that fails and is tried again names the same files; the next
  // conversation's attach control finds none and clears it.)
  const files = await filesOf(id, port.endpoint, port.attach?.maxAgeMs);
  for (const file of files) {
    // Kept under its new name before the old one goes: a closing page loses neither.
    if (to) await keep({ ...file, complaint: to, key: `${to}/${file.sha256}`, sent: true }), await drop(file.key);
    else await keep({ ...file, sent: true });
  }
  return files.length ? files.map(({ id, sha256, type, size, width, height }) => ({ id, sha256, type, size, ...(width ? { width, height } : {}) })) : undefined;
}

/** Where the receiver keeps a complaint's file: `<endpoint>/<id>/attachments/<sha256>`. */
function fileUrl(endpoint: string, id: string, hash: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}/attachments/${hash}`;
  url.hash = '';
  return url.href;
}

/**
 * Sends the files a complaint (once delivered) or a follow-up (before it) names that this device
 * still holds, each once: `PUT <endpoint>/<complaint id>/attachments/<sha256>` with its status
 * key, so a file sent before is only a replay. A file the receiver has (201, or a 200 replay) is
 * forgotten here. False when one should be tried again later (no network, a busy receiver): the
 * outbox item then stays and follows the outbox's retries. A file the receiver refuses for good
 * is dropped rather than retried for ever.
 */
export async function upload(
  body: ComplaintRecord | MessageRecord,
  endpoint: string,
  fetch: (input: string, init: RequestInit) => Promise<Response>,
  signal?: AbortSignal,
): Promise<boolean> {
  const kept = await all();
  const [complaint, key, hashes] =
    body.type === 'message' ? [body.complaintId, body.statusKey, body.attachments ?? []] : [body.id, body.visitor.statusKey, (body.attachments ?? []).map((a) => a.sha256)];
  for (const hash of hashes) {
    const file = kept.find((k) => k.key === `${body.id}/${hash}`);
    if (!file) continue;
    // A connection that stalls is cut (at 20 KB/s a 20 MB file still has its 17 minutes), so the
    // outbox, held while this runs, is never stuck behind it.
    const cut = new AbortController();
    const stop = (): void => cut.abort();
    const timer = setTimeout(stop, 30_000 + file.size / 20);
    signal?.addEventListener('abort', stop);
    const status = await fetch(fileUrl(endpoint, complaint, hash), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': file.type },
      body: file.blob,
      signal: cut.signal,
      credentials: 'omit',
    })
      .then(
        (response) => (response.body?.cancel().catch(() => {}), response.status),
        () => 0,
      )
      .finally(() => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
      });
    if (status < 200 || status === 408 || status === 425 || status === 429 || status >= 500) return false;
    await drop(file.key);
  }
  return true;
}

/** "Delete my data on this device": every file kept for `endpoint` goes (none is waiting then). */
export async function erase(endpoint: string): Promise<void> {
  for (const file of await all()) if (file.endpoint === endpoint) await drop(file.key);
}

// ---------------------------------------------------------------------------------------------
// Files sent with a thread's lines

/**
 * The files a reply or a follow-up sent, for its line in the thread: each its kind and size as
 * text ("PDF, 120 kB") and a button that fetches it with the status key and hands it to the
 * visitor as a download. Built the same every time (the thread compares its lines to leave the
 * log alone), and never from the file's content.
 *
 * @param slot where the thread is, for the list's look
 * @param id the complaint's id
 */
export function sentFiles(widget: Pick<WidgetContextValue, 'thread' | 'locale'>, slot: Node, id: string, files: readonly FileRef[]): HTMLUListElement {
  const say = lines(widget.locale);
  const size = sizeIn(widget.locale);
  const list = document.createElement('ul');
  list.className = 'heard-files';
  style(slot);
  for (const file of files) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${file.type === 'application/pdf' ? 'PDF' : say(file.type.startsWith('image/') ? 'photo' : 'file')}, ${size(file.size)}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'heard-button heard-secondary';
    button.textContent = say('save');
    button.setAttribute('aria-label', `${say('save')}: ${label.textContent}`);
    button.onclick = () =>
      save(widget.thread!, id, file).catch(() => {
        if (!item.querySelector('p')) item.append(Object.assign(document.createElement('p'), { className: 'heard-error', textContent: say('failed') }));
      });
    item.append(label, button);
    list.append(item);
  }
  return list;
}

/**
 * Fetches one file of complaint `id` with its status key (kept on this device) and saves it: a
 * download from a Blob URL, revoked once the browser has it. A type Heard does not take is saved
 * as plain bytes, with no extension a computer would open it by.
 */
async function save(port: ThreadPort, id: string, file: FileRef): Promise<void> {
  const key = (await port.store.listHistory()).find((h) => h.id === id)?.statusKey;
  const response = await fetch(fileUrl(port.endpoint, id, file.sha256), {
    headers: { Authorization: `Bearer ${key}` },
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  });
  if (!response.ok) throw new Error(String(response.status));
  const known = TYPES.includes(file.type);
  const url = URL.createObjectURL(new Blob([await response.blob()], { type: known ? file.type : 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.sha256.slice(0, 12)}${known ? `.${file.type.split('/')[1]!.replace('jpeg', 'jpg')}` : ''}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}
