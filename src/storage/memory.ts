import type { Draft, HistoryEntry, OutboxItem, StoreBackend } from './store';

/**
 * {@link StoreBackend} in memory: used when IndexedDB cannot be, and as the mirror the
 * resilient store keeps so that a fault mid-session loses nothing it has already seen.
 * Values are cloned in and out so callers never share objects with the store, as with
 * IndexedDB.
 */
export class MemoryBackend implements StoreBackend {
  readonly kind = 'memory' as const;
  #drafts = new Map<string, Draft>();
  #outbox = new Map<string, OutboxItem>();
  #history = new Map<string, HistoryEntry>();

  async getDraft(key: string): Promise<Draft | undefined> {
    return copy(this.#drafts.get(key));
  }

  async putDraft(draft: Draft): Promise<void> {
    this.#drafts.set(draft.key, copy(draft));
  }

  async deleteDraft(key: string): Promise<void> {
    this.#drafts.delete(key);
  }

  async purgeDrafts(before: number): Promise<number> {
    let count = 0;
    for (const [key, draft] of this.#drafts) {
      if (draft.updatedAt < before) {
        this.#drafts.delete(key);
        count += 1;
      }
    }
    return count;
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    if (!this.#outbox.has(item.id)) this.#outbox.set(item.id, copy(item));
  }

  async putOutbox(item: OutboxItem, onlyIfPresent: boolean): Promise<void> {
    if (!onlyIfPresent || this.#outbox.has(item.id)) this.#outbox.set(item.id, copy(item));
  }

  async listOutbox(): Promise<OutboxItem[]> {
    return [...this.#outbox.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.#outbox.delete(id);
  }

  async putHistory(entry: HistoryEntry, keep: number): Promise<void> {
    this.#history.set(entry.id, copy(entry));
    await this.trimHistory(keep);
  }

  async listHistory(): Promise<HistoryEntry[]> {
    return [...this.#history.values()].sort((a, b) => a.at - b.at).map(copy);
  }

  async trimHistory(keep: number): Promise<number> {
    const oldestFirst = [...this.#history.values()].sort((a, b) => a.at - b.at);
    const excess = oldestFirst.slice(0, Math.max(0, oldestFirst.length - keep));
    for (const entry of excess) this.#history.delete(entry.id);
    return excess.length;
  }

  /** Takes what IndexedDB holds as the truth (after a read), so the mirror stays current. */
  replaceOutbox(items: OutboxItem[]): void {
    this.#outbox = new Map(items.map((item) => [item.id, copy(item)]));
  }

  replaceHistory(entries: HistoryEntry[]): void {
    this.#history = new Map(entries.map((entry) => [entry.id, copy(entry)]));
  }

  close(): void {}
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
