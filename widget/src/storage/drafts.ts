import type { Draft, HeardStore } from './store';

/**
 * Saves drafts shortly after the last change, so typing does not write on every key, and at
 * once when the page is going away.
 *
 * @param store Where drafts go.
 * @param options.delayMs Quiet time after the last change before saving (default 300 ms).
 * @param options.onSaved Called after each save, e.g. to tell other tabs (`tabs.ts`).
 *
 * @example
 * const saver = createDraftSaver(store, { onSaved: (draft) => sync.announce(draft) });
 * // A function is called only when the save happens: typing does not copy the snapshot per key.
 * actor.subscribe(() => saver.schedule(() => ({ key, snapshot: actor.getPersistedSnapshot(), composer, updatedAt: Date.now() })));
 * // on pagehide / visibilitychange (hidden):
 * void saver.flush();
 */
export function createDraftSaver(store: HeardStore, options: DraftSaverOptions = {}): DraftSaver {
  const delayMs = options.delayMs ?? 300;
  let pending: Draft | (() => Draft) | null = null;
  const resolve = (d: Draft | (() => Draft)): Draft => (typeof d === 'function' ? d() : d);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  /** Content of what is on disk (or adopted from another tab), to skip writing it again. */
  const lastContent = new Map<string, string>();
  let disposed = false;

  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const draft = pending && resolve(pending);
    pending = null;
    if (draft) {
      chain = chain.then(async () => {
        const content = contentOf(draft);
        if (lastContent.get(draft.key) === content) return;
        await store.saveDraft(draft);
        lastContent.set(draft.key, content);
        options.onSaved?.(draft);
      });
    }
    return chain;
  };

  return {
    schedule(draft) {
      if (disposed) return;
      pending = draft;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), delayMs);
    },
    flush: save,
    async discard() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      lastContent.clear();
      await chain.catch(() => undefined);
    },
    adopt(draft) {
      lastContent.set(draft.key, contentOf(draft));
      if (!pending) return;
      const mine = (pending = resolve(pending));
      if (mine.key === draft.key && mine.updatedAt <= draft.updatedAt) pending = null;
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

function contentOf(draft: Draft): string {
  try {
    return JSON.stringify([draft.snapshot, draft.composer, draft.files]);
  } catch {
    // Not serialisable as JSON (cycles): never equal, so it is always saved.
    return `${Math.random()}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Types

export interface DraftSaverOptions {
  delayMs?: number;
  onSaved?: (draft: Draft) => void;
}

export interface DraftSaver {
  /**
   * Notes the latest draft; it is saved `delayMs` after the last call. Given a function, it is
   * called only when the save happens, so a change per key stays cheap.
   */
  schedule(draft: Draft | (() => Draft)): void;
  /** Saves the scheduled draft now; resolves when it (and any save under way) is stored. */
  flush(): Promise<void>;
  /**
   * Drops the scheduled draft unsaved and resolves once any save already under way has
   * landed, so an erase that follows is not undone by a late write.
   */
  discard(): Promise<void>;
  /**
   * Notes a draft adopted from another tab as already stored, so restoring it does not write
   * it back (and bounce between tabs); drops a scheduled older draft for the same key.
   */
  adopt(draft: Draft): void;
  /** Stops the timer; a scheduled draft not yet flushed is dropped. */
  dispose(): void;
}
