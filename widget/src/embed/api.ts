import type { Identity } from '../machine/events';

/** Events a host page can listen to, with what each carries. */
export interface HeardEvents {
  open: Record<string, never>;
  close: Record<string, never>;
  /** The complaint is in the outbox and on its way (or delivered). */
  submitted: { id: string; reference: string; delivery: 'delivered' | 'queued' | 'rejected' };
  /** The visitor deleted what the widget kept on their device (drafts, history, refused complaints). */
  erased: Record<string, never>;
  /** The conversation went to a person. */
  handoff: { id: string; reference: string; reason: string };
  /** Something the owner should know: a refused delivery, broken storage, bad configuration. */
  error: { code: 'rejected' | 'storage' | 'config' | 'load'; message: string; id?: string; status?: number };
}

export type HeardEventName = keyof HeardEvents;

/** What `window.Heard` and `mount()` give the host page. */
export interface HeardApi {
  /** Opens the panel (loading the widget first if needed). */
  open(): void;
  /** Closes the panel. */
  close(): void;
  /**
   * Tells the widget who the visitor is: fields given here are not asked again. `userId` with
   * `userHash` (the HMAC your server computed, see the README) lets the receiver verify them.
   */
  identify(identity: Identity): void;
  /**
   * Listens to a widget event; returns a function that stops listening.
   * The same events fire on the host element as `heard:<name>` DOM CustomEvents.
   */
  on<E extends HeardEventName>(event: E, listener: (detail: HeardEvents[E]) => void): () => void;
  /** Removes the widget and everything it added to the page. Stored drafts and the outbox stay. */
  destroy(): void;
}

/** A tiny typed emitter that also dispatches DOM CustomEvents on the host element. */
export function createEmitter(host: EventTarget) {
  const listeners = new Map<HeardEventName, Set<(detail: never) => void>>();
  return {
    on<E extends HeardEventName>(event: E, listener: (detail: HeardEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (detail: never) => void);
      return () => void set.delete(listener as (detail: never) => void);
    },
    emit<E extends HeardEventName>(event: E, detail: HeardEvents[E]): void {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (d: HeardEvents[E]) => void)(detail);
        } catch (e) {
          // A host page's listener must not break the widget.
          console.error(`Heard: a listener for "${event}" threw.`, e);
        }
      }
      host.dispatchEvent(new CustomEvent(`heard:${event}`, { detail, bubbles: true, composed: true }));
    },
    clear: () => listeners.clear(),
  };
}
