import type { Eraser, EraserOptions } from './erase';

/*
 * What "Delete my data on this device" does, fetched the first time a visitor asks for it
 * (`erase.ts`): a visitor who only sends a complaint never downloads it.
 */

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
    // The visitor's files, kept in a database of their own (none is waiting for delivery now).
    // A visitor who never attached one has no such database, and downloads no code to erase it.
    const databases = await indexedDB.databases?.().catch(() => undefined);
    if (!databases || databases.some((db) => db.name === 'heard-files')) await import('../attach/attach').then((files) => files.erase(endpoint), () => {});
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
