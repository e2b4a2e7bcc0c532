import { describeStorageFault, isQuotaError } from './faults';
import { MemoryBackend } from './memory';
import { HISTORY_LIMIT, type Draft, type HeardStore, type HistoryEntry, type OutboxItem, type StoreBackend } from './store';
import type { Deliverable } from '../record/record';

interface ResilientOptions {
  openBackend: () => Promise<StoreBackend>;
  logger: Pick<Console, 'warn'>;
  reopenAfterMs: number;
  now: () => number;
}

/**
 * A {@link HeardStore} that writes through to IndexedDB while it can and keeps a memory
 * mirror of everything it has seen. On a fault it carries on from the mirror, remembers
 * which keys changed meanwhile, and copies them into IndexedDB when a later call manages to
 * reopen it. Nothing here ever rejects for a storage fault.
 */
export async function createResilientStore(options: ResilientOptions): Promise<HeardStore> {
  const store = new ResilientStore(options);
  await store.reopen();
  return store;
}

class ResilientStore implements HeardStore {
  #options: ResilientOptions;
  #primary: StoreBackend | null = null;
  #mirror = new MemoryBackend();
  /** Keys written while only the mirror held them, with a change counter. */
  #dirty = new Map<string, number>();
  #lastAttempt = Number.NEGATIVE_INFINITY;
  #reopening: Promise<boolean> | null = null;
  #warned = false;
  #closed = false;

  constructor(options: ResilientOptions) {
    this.#options = options;
  }

  get kind(): 'indexeddb' | 'memory' {
    return this.#primary ? 'indexeddb' : 'memory';
  }

  /** Tries to (re)open IndexedDB and copy in what changed meanwhile; resolves whether it did. */
  reopen(): Promise<boolean> {
    if (this.#primary) return Promise.resolve(true);
    if (this.#closed) return Promise.resolve(false);
    this.#reopening ??= this.#open().finally(() => {
      this.#reopening = null;
    });
    return this.#reopening;
  }

  async #open(): Promise<boolean> {
    this.#lastAttempt = this.#options.now();
    let backend: StoreBackend;
    try {
      backend = await this.#options.openBackend();
    } catch (error) {
      this.#warn(error);
      return false;
    }
    try {
      // Loop: writes made while we copy are marked dirty again and copied on the next pass.
      while (this.#dirty.size > 0) {
        for (const [key, version] of [...this.#dirty]) {
          await this.#copy(backend, key);
          if (this.#dirty.get(key) === version) this.#dirty.delete(key);
        }
      }
    } catch (error) {
      backend.close();
      this.#warn(error);
      return false;
    }
    if (this.#closed) {
      backend.close();
      return false;
    }
    backend.onLost = (reason) => {
      if (this.#primary !== backend) return;
      this.#primary = null;
      this.#lastAttempt = this.#options.now();
      this.#warn(reason);
    };
    this.#primary = backend;
    return true;
  }

  /** Copies the mirror's current value for one dirty key into `backend`. */
  async #copy(backend: StoreBackend, key: string): Promise<void> {
    const [kind, id] = splitKey(key);
    if (kind === 'draft') {
      const draft = await this.#mirror.getDraft(id);
      await (draft ? backend.putDraft(draft) : backend.deleteDraft(id));
    } else if (kind === 'outbox') {
      const item = (await this.#mirror.listOutbox()).find((candidate) => candidate.id === id);
      await (item ? backend.putOutbox(item, false) : backend.deleteOutbox(id));
    } else if (kind === 'history') {
      const entry = (await this.#mirror.listHistory()).find((candidate) => candidate.id === id);
      if (entry) await backend.putHistory(entry, HISTORY_LIMIT);
    } else if (kind === 'purge') {
      await backend.purgeDrafts(Number(id));
    }
  }

  async #maybeReopen(): Promise<void> {
    if (this.#primary || this.#closed) return;
    if (this.#reopening || this.#options.now() - this.#lastAttempt >= this.#options.reopenAfterMs) {
      await this.reopen();
    }
  }

  #warn(reason: unknown): void {
    if (this.#warned) return;
    this.#warned = true;
    const why = typeof reason === 'string' ? reason : describeStorageFault(reason);
    this.#options.logger.warn(
      `Heard: browser storage cannot be used (${why}); drafts and unsent complaints are kept in memory for now and saved when storage is available again.`,
    );
  }

  #fail(backend: StoreBackend, error: unknown): void {
    if (this.#primary !== backend) return;
    this.#primary = null;
    this.#lastAttempt = this.#options.now();
    backend.close();
    this.#warn(error);
  }

  /** Makes room by dropping the older half of history; the outbox is never touched. */
  async #relieve(backend: StoreBackend): Promise<boolean> {
    try {
      const count = (await backend.listHistory()).length;
      if (count === 0) return false;
      await backend.trimHistory(Math.floor(count / 2));
      return true;
    } catch {
      return false;
    }
  }

  /** Runs a write on IndexedDB (making room on quota pressure) and on the mirror. */
  async #write(key: string, op: (backend: StoreBackend) => Promise<unknown>): Promise<void> {
    await this.#maybeReopen();
    const backend = this.#primary;
    let stored = false;
    if (backend) {
      for (;;) {
        try {
          await op(backend);
          stored = true;
          break;
        } catch (error) {
          if (isQuotaError(error) && (await this.#relieve(backend))) continue;
          this.#fail(backend, error);
          break;
        }
      }
    }
    if (!stored) this.#dirty.set(key, (this.#dirty.get(key) ?? 0) + 1);
    try {
      await op(this.#mirror);
    } catch (error) {
      this.#warn(error);
    }
  }

  /** Reads from IndexedDB when it can (refreshing the mirror), else from the mirror. */
  async #read<T>(fromPrimary: (backend: StoreBackend) => Promise<T>, remember: (value: T) => void, fromMirror: () => Promise<T>): Promise<T> {
    await this.#maybeReopen();
    const backend = this.#primary;
    if (backend) {
      try {
        const value = await fromPrimary(backend);
        remember(value);
        return value;
      } catch (error) {
        this.#fail(backend, error);
      }
    }
    return fromMirror();
  }

  loadDraft(key: string): Promise<Draft | undefined> {
    return this.#read(
      (backend) => backend.getDraft(key),
      (draft) => void (draft ? this.#mirror.putDraft(draft) : this.#mirror.deleteDraft(key)),
      () => this.#mirror.getDraft(key),
    );
  }

  saveDraft(draft: Draft): Promise<void> {
    return this.#write(`draft:${draft.key}`, (backend) => backend.putDraft(draft));
  }

  deleteDraft(key: string): Promise<void> {
    return this.#write(`draft:${key}`, (backend) => backend.deleteDraft(key));
  }

  async purgeDrafts(olderThanMs: number, now: number): Promise<number> {
    const before = now - olderThanMs;
    let count = 0;
    await this.#write(`purge:${before}`, async (backend) => {
      count = Math.max(count, await backend.purgeDrafts(before));
    });
    return count;
  }

  enqueue(body: Deliverable, now: number): Promise<void> {
    const item: OutboxItem = {
      id: body.id,
      body,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatus: null,
      createdAt: now,
    };
    return this.#write(`outbox:${item.id}`, (backend) => backend.addOutbox(item));
  }

  listOutbox(): Promise<OutboxItem[]> {
    return this.#read(
      (backend) => backend.listOutbox(),
      (items) => this.#mirror.replaceOutbox(items),
      () => this.#mirror.listOutbox(),
    );
  }

  updateOutbox(item: OutboxItem): Promise<void> {
    return this.#write(`outbox:${item.id}`, (backend) => backend.putOutbox(item, true));
  }

  removeOutbox(id: string): Promise<void> {
    return this.#write(`outbox:${id}`, (backend) => backend.deleteOutbox(id));
  }

  addHistory(entry: HistoryEntry): Promise<void> {
    return this.#write(`history:${entry.id}`, (backend) => backend.putHistory(entry, HISTORY_LIMIT));
  }

  listHistory(): Promise<HistoryEntry[]> {
    return this.#read(
      (backend) => backend.listHistory(),
      (entries) => this.#mirror.replaceHistory(entries),
      () => this.#mirror.listHistory(),
    );
  }

  close(): void {
    this.#closed = true;
    this.#primary?.close();
    this.#primary = null;
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
