import type { Draft } from './store';

/**
 * Keeps the tabs of one site on one conversation: each saved draft is announced, and a tab
 * hearing of a newer one than it has adopts it instead of forking the conversation.
 *
 * @param options.name Channel name (default `heard-drafts`).
 * @param options.BroadcastChannel The constructor (pass `window.BroadcastChannel`); without
 *   one, tabs simply do not hear each other.
 * @param options.onAdopt Called with a newer draft saved by another tab; restore it, and call
 *   the saver's `adopt(draft)` so it is not written back.
 *
 * @example
 * const sync = createDraftSync({ BroadcastChannel: window.BroadcastChannel, onAdopt: restore });
 * const saver = createDraftSaver(store, { onSaved: sync.announce });
 */
export function createDraftSync(options: DraftSyncOptions): DraftSync {
  const latest = new Map<string, number>();
  const Channel = options.BroadcastChannel;
  const channel = Channel ? new Channel(options.name ?? 'heard-drafts') : null;
  const note = (draft: Draft): boolean => {
    if (draft.updatedAt <= (latest.get(draft.key) ?? Number.NEGATIVE_INFINITY)) return false;
    latest.set(draft.key, draft.updatedAt);
    return true;
  };
  channel?.addEventListener('message', (event) => {
    const message = (event as MessageEvent).data as { type?: string; draft?: Draft } | null;
    if (message?.type === 'erased') {
      latest.clear();
      options.onErased?.();
      return;
    }
    if (message?.type !== 'draft' || !message.draft) return;
    if (note(message.draft)) options.onAdopt(message.draft);
  });
  return {
    announce: (draft) => {
      note(draft);
      try {
        channel?.postMessage({ type: 'draft', draft });
      } catch {
        // Closed (the widget was destroyed) or not cloneable: the draft is saved all the same,
        // and other tabs read it from storage when they start.
      }
    },
    note: (draft) => void note(draft),
    announceErased: () => {
      latest.clear();
      try {
        channel?.postMessage({ type: 'erased' });
      } catch {
        // Closed: the other tabs find the drafts gone when they next read them.
      }
    },
    close: () => channel?.close(),
  };
}

/**
 * A lock so that only one tab delivers the outbox at a time. Uses Web Locks when given
 * `locks` (released by the browser if the tab dies); otherwise a lease negotiated over a
 * BroadcastChannel: a tab claims, waits `settleMs` for an objection (a live holder, or an
 * earlier claim), then holds the lease and renews it while it works. Without either, every
 * call runs: one tab, or the endpoint's de-duplication by `Idempotency-Key` covers the rest.
 *
 * @param options.name Lock and channel name (default `heard-outbox`).
 * @param options.locks `navigator.locks`, when available.
 * @param options.BroadcastChannel The constructor for the fallback.
 * @param options.leaseMs How long a fallback lease lasts without renewal (default 10 s).
 * @param options.settleMs How long a fallback claim waits for objections (default 50 ms).
 */
export function createDeliveryLock(options: DeliveryLockOptions = {}): DeliveryLock {
  const name = options.name ?? 'heard-outbox';
  const locks = options.locks;
  if (locks) {
    return {
      run: async (task) => {
        let started = false;
        try {
          return (await locks.request(name, { ifAvailable: true }, async (lock) => {
            if (!lock) return false;
            started = true;
            await task();
            return true;
          })) as boolean;
        } catch (error) {
          if (started) throw error;
          // Web Locks refused outright (an opaque origin, a sandboxed frame): deliver anyway;
          // the endpoint's idempotency covers a twin from another tab.
          await task();
          return true;
        }
      },
      close: () => {},
    };
  }
  const Channel = options.BroadcastChannel;
  if (!Channel) return { run: async (task) => (await task(), true), close: () => {} };
  return createLeaseLock(new Channel(name), options);
}

type LeaseMessage =
  | { type: 'claim'; id: string; at: number }
  | { type: 'held'; id: string; until: number }
  | { type: 'release'; id: string };

function createLeaseLock(channel: ChannelLike, options: DeliveryLockOptions): DeliveryLock {
  const leaseMs = options.leaseMs ?? 10_000;
  const settleMs = options.settleMs ?? 50;
  const now = options.now ?? Date.now;
  const self = randomId();
  let holder: { id: string; until: number } | null = null;
  let holding = false;
  let claim: { at: number; objected: boolean } | null = null;

  const post = (message: LeaseMessage): void => channel.postMessage(message);
  const hold = (): void => post({ type: 'held', id: self, until: now() + leaseMs });

  channel.addEventListener('message', (event) => {
    const message = (event as MessageEvent).data as LeaseMessage;
    if (!message || message.id === self) return;
    if (message.type === 'held') {
      holder = { id: message.id, until: message.until };
      if (claim) claim.objected = true;
    } else if (message.type === 'release') {
      if (holder?.id === message.id) holder = null;
    } else if (message.type === 'claim') {
      if (holding) hold();
      // The earlier claim wins; equal times are settled by id so exactly one side yields.
      else if (claim && (message.at < claim.at || (message.at === claim.at && message.id < self))) {
        claim.objected = true;
      }
    }
  });

  return {
    async run(task) {
      if (holding || claim) return false;
      if (holder && holder.until > now()) return false;
      claim = { at: now(), objected: false };
      post({ type: 'claim', id: self, at: claim.at });
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const lost = claim.objected;
      claim = null;
      if (lost) return false;
      holding = true;
      hold();
      const renew = setInterval(hold, Math.max(1, Math.floor(leaseMs / 3)));
      try {
        await task();
      } finally {
        clearInterval(renew);
        holding = false;
        post({ type: 'release', id: self });
      }
      return true;
    },
    close: () => channel.close(),
  };
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// ---------------------------------------------------------------------------------------------
// Types

/** The part of `BroadcastChannel` used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: Event) => void): void;
  close(): void;
}

export type ChannelConstructor = new (name: string) => ChannelLike;

/** The part of `LockManager` used here. */
export interface LocksLike {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

export interface DraftSyncOptions {
  name?: string;
  BroadcastChannel?: ChannelConstructor | undefined;
  onAdopt(draft: Draft): void;
  /** Called when another tab erased the visitor's data: drop the conversation on screen. */
  onErased?(): void;
}

export interface DraftSync {
  /** Tells other tabs about a draft just saved here. */
  announce(draft: Draft): void;
  /** Records a draft this tab already has (e.g. loaded at start-up) without announcing it. */
  note(draft: Draft): void;
  /** Tells other tabs the visitor erased their data here. */
  announceErased(): void;
  close(): void;
}

export interface DeliveryLockOptions {
  name?: string;
  locks?: LocksLike | undefined;
  BroadcastChannel?: ChannelConstructor | undefined;
  leaseMs?: number;
  settleMs?: number;
  now?: () => number;
}

/** Runs a task only if no other tab is running one; resolves whether it ran. */
export interface DeliveryLock {
  run(task: () => Promise<void>): Promise<boolean>;
  close(): void;
}
