import type { Deliverable } from '../record/record';
import { openIdbBackend } from './db';
import { createResilientStore } from './resilient';
import type { Row, StoreName } from './rows';

export { HISTORY_LIMIT, type Row, type Rows, type StoreName } from './rows';

/**
 * Opens the widget's storage. It is backed by IndexedDB when the browser lets us write to it,
 * and by memory otherwise; it never throws into the caller for a storage fault, says once
 * through `logger` why it fell back, and copies what it holds into IndexedDB when it can
 * reopen the database. Drafts older than `draftMaxAgeMs` are purged as it opens, and so are
 * complaints the endpoint refused once the visitor was offered their transcript that long ago;
 * complaints still waiting for delivery never expire.
 *
 * @param options.name The database name (default `heard`); one per site origin anyway.
 * @param options.indexedDB The IndexedDB factory; `null` means "not available". Defaults to
 *   `globalThis.indexedDB` when there is one.
 * @param options.logger Where the one fallback message goes (default `console`).
 * @param options.draftMaxAgeMs Drafts untouched for longer, and refused complaints whose transcript
 *   was offered longer ago, are purged at start-up (default 30 days).
 * @param options.reopenAfterMs How long to wait before trying IndexedDB again after a fault
 *   (default 5 s); the next call after that tries.
 * @param options.now Clock, injectable for tests (default `Date.now`).
 * @param options.openBackend Opens the IndexedDB layer; tests pass one that injects faults.
 * @param options.deferred Keep everything in memory and create nothing on the device until
 *   `persist()` is called (the visitor opened the widget or typed); what was kept meanwhile is
 *   written then.
 *
 * @example
 * const store = await openStore();
 * await store.enqueue(record, 'https://shop.example/complaints', Date.now());
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<HeardStore> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const factory =
    options.indexedDB === undefined
      ? (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null
      : options.indexedDB;
  const openBackend =
    options.openBackend ??
    (() => (factory ? openIdbBackend(factory, name) : Promise.reject(unavailable())));
  const now = options.now ?? Date.now;
  const store = await createResilientStore({
    openBackend,
    logger: options.logger ?? console,
    reopenAfterMs: options.reopenAfterMs ?? 5_000,
    now,
    deferred: options.deferred ?? false,
  });
  const maxAgeMs = options.draftMaxAgeMs ?? DRAFT_MAX_AGE_MS;
  await store.purgeDrafts(maxAgeMs, now());
  await store.purgeRefused(maxAgeMs, now());
  return store;
}

/** Drafts untouched for this long are purged at start-up unless the site says otherwise. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const DEFAULT_DB_NAME = 'heard';

/**
 * Whether the database already exists on this device, without creating it (opening would).
 * `null` when the browser cannot say (no `indexedDB.databases()`).
 *
 * @param factory The IndexedDB factory; `null` means there is none.
 * @param name The database name (default `heard`).
 */
export async function databaseExists(factory: IDBFactory | null, name = DEFAULT_DB_NAME): Promise<boolean | null> {
  if (!factory) return false;
  if (typeof factory.databases !== 'function') return null;
  try {
    return (await factory.databases()).some((db) => db.name === name);
  } catch {
    return null;
  }
}

function unavailable(): Error {
  return new DOMException('IndexedDB is not available in this browser', 'NotFoundError');
}

// ---------------------------------------------------------------------------------------------
// Types

/** What a visitor had on screen: the machine's persisted snapshot and the composer's text. */
export interface Draft {
  /** One draft per conversation slot, e.g. the site key. */
  key: string;
  /** The endpoint the conversation will be sent to; `null` for drafts saved before drafts said. */
  endpoint: string | null;
  /** `actor.getPersistedSnapshot()`; must be structured-cloneable. */
  snapshot: unknown;
  /** Unsent text in the composer. */
  composer: string;
  /** The conversation has files kept on this device (see `src/attach`). */
  files?: boolean | undefined;
  /** Epoch ms of the change this draft captures. */
  updatedAt: number;
}

/** A finished record waiting for a 2xx from the endpoint. */
export interface OutboxItem {
  /** The record id, also the `Idempotency-Key`. */
  id: string;
  /**
   * The endpoint it was written for; only a widget posting to that endpoint delivers it. `null`
   * for items queued before items said: the first widget that lists them adopts them.
   */
  endpoint: string | null;
  body: Deliverable;
  /** `rejected` after a non-retryable answer: kept so the visitor can copy the transcript. */
  state: 'pending' | 'rejected';
  /**
   * Epoch ms when the visitor was first offered the transcript of a refused complaint; the
   * item is purged like a draft that long after, and never before (`null` until then).
   */
  transcriptOfferedAt: number | null;
  attempts: number;
  /** Epoch ms before which no background retry is made. */
  nextAttemptAt: number;
  /** HTTP status of the last answer, `null` for network errors and timeouts (or no try yet). */
  lastStatus: number | null;
  createdAt: number;
}

/** A past complaint this browser raised, for "welcome back" and its status. */
export interface HistoryEntry {
  id: string;
  reference: string;
  /** When it was sent, epoch ms. */
  at: number;
  /** The endpoint it was sent to (absent on entries from older versions). */
  endpoint?: string;
  /** Its status key, to read its status from `endpoint` (absent on older entries). */
  statusKey?: string;
  /** The time of the latest reply the visitor has read in its thread (absent until then). */
  readAt?: string;
}

/** The widget's storage. Every method resolves even when the browser's storage fails. */
export interface HeardStore {
  /** What currently holds the data; `memory` after a fault until IndexedDB can be reopened. */
  readonly kind: 'indexeddb' | 'memory';
  /**
   * For a store opened `deferred`: from now on keep data on the device, starting with what
   * was kept in memory so far. Does nothing otherwise.
   */
  persist(): Promise<void>;
  loadDraft(key: string): Promise<Draft | undefined>;
  saveDraft(draft: Draft): Promise<void>;
  deleteDraft(key: string): Promise<void>;
  /** Deletes drafts last changed more than `olderThanMs` before `now`; returns how many. */
  purgeDrafts(olderThanMs: number, now: number): Promise<number>;
  /**
   * Deletes refused items whose transcript was offered more than `olderThanMs` before `now`;
   * returns how many.
   */
  purgeRefused(olderThanMs: number, now: number): Promise<number>;
  /**
   * Adds a pending item for `body`, bound to `endpoint`; does nothing when one with `body.id`
   * is already there.
   */
  enqueue(body: Deliverable, endpoint: string, now: number): Promise<void>;
  /** All items, oldest first. */
  listOutbox(): Promise<OutboxItem[]>;
  /** Replaces an item that is still in the outbox; an item already removed stays removed. */
  updateOutbox(item: OutboxItem): Promise<void>;
  removeOutbox(id: string): Promise<void>;
  /** Adds a history entry, keeping the newest {@link HISTORY_LIMIT}. */
  addHistory(entry: HistoryEntry): Promise<void>;
  /** History, oldest first. */
  listHistory(): Promise<HistoryEntry[]>;
  /**
   * Deletes everything kept about the visitor except complaints still waiting for delivery:
   * drafts, history and refused complaints.
   */
  eraseVisitorData(): Promise<void>;
  close(): void;
}


export interface OpenStoreOptions {
  name?: string;
  indexedDB?: IDBFactory | null;
  logger?: Pick<Console, 'warn'>;
  draftMaxAgeMs?: number;
  reopenAfterMs?: number;
  now?: () => number;
  openBackend?: () => Promise<StoreBackend>;
  deferred?: boolean;
}

/**
 * The storage layer under {@link HeardStore}: IndexedDB (`db.ts`) or memory (`memory.ts`), one
 * set of operations for every store. Methods may throw or reject with the browser's own errors;
 * the resilient store handles them.
 */
export interface StoreBackend {
  get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined>;
  /** Every row, oldest first. */
  all<S extends StoreName>(store: S): Promise<Row<S>[]>;
  /** Writes the row; with `only`, only when no row has its key (`add`) or one does (`update`). */
  put<S extends StoreName>(store: S, row: Row<S>, only?: 'add' | 'update'): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  /**
   * Deletes the oldest rows, only those older than `before` (by the store's time field),
   * while more than `keep` remain; returns how many went.
   */
  prune(store: StoreName, keep: number, before?: number): Promise<number>;
  /** Called by the backend when its connection is gone (browser closed it, or `blocking`). */
  onLost?: (reason: string) => void;
  close(): void;
}
