import type { DraftSaver } from '../storage/drafts';
import type { HeardStore } from '../storage/store';

/** What the visitor's "Delete my data on this device" does, for the UI. */
export interface Eraser {
  /**
   * Deletes drafts, history and refused complaints kept on this device, unless a complaint for
   * this endpoint is still waiting for delivery: then nothing is deleted and it says `waiting`.
   */
  erase(): Promise<'erased' | 'waiting'>;
  /**
   * Waits until this endpoint's complaints have been delivered (trying them now), then erases.
   * Resolves `cancelled` when `signal` aborts first.
   */
  eraseWhenDelivered(signal: AbortSignal): Promise<'erased' | 'cancelled'>;
  /** Tells the eraser that delivery made progress (an item was delivered or refused). */
  progressed(): void;
}

export interface EraserOptions {
  store: HeardStore;
  saver: DraftSaver;
  endpoint: string;
  /** Asks delivery to try the outbox now. */
  flush(): Promise<void>;
  /** After the data is gone: restart the conversation, tell other tabs and the host page. */
  onErased(): void;
}

/**
 * The visitor's right to erase what the widget keeps on their device, without losing a
 * complaint they asked to send: a complaint still waiting for delivery stays until delivered.
 * Complaints queued by another widget of the same site (another endpoint) are not this widget's
 * to send or to delete, and stay for it.
 */
export function createEraser({ store, saver, endpoint, flush, onErased }: EraserOptions): Eraser {
  let wake: (() => void) | null = null;

  const waitingHere = async (): Promise<boolean> =>
    (await store.listOutbox()).some((item) => item.endpoint === endpoint && item.state === 'pending');

  const erase = async (): Promise<'erased' | 'waiting'> => {
    if (await waitingHere()) return 'waiting';
    // A draft save under way would write the conversation back after the erase.
    await saver.discard();
    await store.eraseVisitorData();
    onErased();
    return 'erased';
  };

  return {
    erase,
    async eraseWhenDelivered(signal) {
      const cancelled = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      void flush();
      while (!signal.aborted) {
        const progress = new Promise<void>((resolve) => (wake = resolve));
        if ((await erase()) === 'erased') return 'erased';
        // Look again when delivery makes progress (or stop when the visitor cancels).
        await Promise.race([progress, cancelled]);
      }
      return 'cancelled';
    },
    progressed() {
      wake?.();
    },
  };
}
