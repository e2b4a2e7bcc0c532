import type { ChannelLike, LocksLike } from '../../widget/src/storage/tabs';

/** BroadcastChannels of several "tabs" in one process: a message reaches every other instance. */
export function channelHub() {
  const members = new Map<string, Set<FakeChannel>>();
  class FakeChannel implements ChannelLike {
    #listeners = new Set<(event: Event) => void>();
    constructor(readonly name: string) {
      if (!members.has(name)) members.set(name, new Set());
      members.get(name)!.add(this);
    }
    postMessage(message: unknown): void {
      const data = structuredClone(message);
      for (const other of members.get(this.name) ?? []) {
        if (other === this) continue;
        // Delivered as a task, as browsers do.
        setTimeout(() => other.receive(data), 0);
      }
    }
    addEventListener(_type: 'message', listener: (event: Event) => void): void {
      this.#listeners.add(listener);
    }
    receive(data: unknown): void {
      for (const listener of this.#listeners) listener({ data } as MessageEvent);
    }
    close(): void {
      members.get(this.name)?.delete(this);
    }
  }
  return FakeChannel;
}

/** A Web Locks manager shared by several "tabs": `ifAvailable` grants or refuses at once. */
export function sharedLocks(): LocksLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}
