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
 * The visitor's right to erase what the widget keeps on their device (see `eraser.ts` for what
 * it does). The work is fetched the first time the visitor asks: few do, and a visitor who only
 * sends a complaint never downloads it. A failed fetch is forgotten, so asking again retries.
 */
export function createEraser(options: EraserOptions): Eraser {
  let loading: Promise<Eraser> | undefined;
  let loaded: Eraser | undefined;
  const load = (): Promise<Eraser> =>
    (loading ??= import('./eraser').then(
      (module) => (loaded = module.createEraser(options)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return {
    erase: () => load().then((eraser) => eraser.erase()),
    eraseWhenDelivered: (signal) => load().then((eraser) => eraser.eraseWhenDelivered(signal)),
    // Nothing can be waiting for delivery before the visitor asked to erase.
    progressed: () => loaded?.progressed(),
  };
}
