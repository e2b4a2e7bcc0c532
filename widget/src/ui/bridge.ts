import { signal, type ReadonlySignal } from '@preact/signals';
import type { Actor, SnapshotFrom } from 'xstate';
import type { ComplaintMachine } from '../machine/complaintMachine';
import type { ComplaintEvent } from '../machine/events';

/** A running complaint machine, as the embed creates it and the UI reads it. */
export type ComplaintActor = Actor<ComplaintMachine>;

/** What the UI reads: state, tags, context and `can()`. */
export type ComplaintSnapshot = SnapshotFrom<ComplaintMachine>;

type TimedType = Extract<ComplaintEvent, { at: string }>['type'];

/** An event as a component sends it: without `at`, which the bridge stamps. */
export type UiEvent = ComplaintEvent extends infer E ? (E extends { at: string } ? Omit<E, 'at'> : E) : never;

/**
 * The events that carry no time (fewer than those that do). Typed as a record over every other
 * event so that a new event in `events.ts` fails the type check here until it is sorted.
 */
const UNTIMED: Readonly<Record<Exclude<ComplaintEvent['type'], TimedType>, 0>> = {
  'panel.open': 0,
  'panel.close': 0,
  'visitor.identify': 0,
  'contact.edit': 0,
  'locale.set': 0,
  'locale.dismiss': 0,
};

/** The UI's only way to the machine: a signal to read, and `send` to change things. */
export interface Bridge {
  /** The latest snapshot; components that read `.value` re-render when it changes. */
  snapshot: ReadonlySignal<ComplaintSnapshot>;
  /** Sends an event, stamping `at` (now, ISO 8601) on the events that carry a time. */
  send(event: UiEvent): void;
  /** Whether the machine would take this event now (`snapshot.can`, with `at` stamped). */
  can(event: UiEvent): boolean;
  /** Stops listening to the actor. The actor itself keeps running: its owner stops it. */
  dispose(): void;
}

/**
 * Connects the UI to a running complaint actor.
 *
 * @param actor the started actor
 * @param now the clock used to stamp events; tests pass a fixed one
 * @returns the bridge; call `dispose()` when the UI goes away
 */
export function createBridge(actor: ComplaintActor, now: () => Date = () => new Date()): Bridge {
  const snapshot = signal<ComplaintSnapshot>(actor.getSnapshot());
  const subscription = actor.subscribe({
    next: (next) => {
      snapshot.value = next;
    },
    // An actor error must not surface as an uncaught exception in the host page; the last good
    // snapshot stays on screen.
    error: () => {},
  });
  const stamp = (event: UiEvent): ComplaintEvent =>
    (event.type in UNTIMED ? event : { ...event, at: now().toISOString() }) as ComplaintEvent;
  let disposed = false;
  return {
    snapshot,
    send(event) {
      if (disposed) return;
      actor.send(stamp(event));
    },
    can(event) {
      return snapshot.peek().can(stamp(event));
    },
    dispose() {
      disposed = true;
      subscription.unsubscribe();
    },
  };
}
