import type { MessageRecord } from '../record/record';
import type { HeardStore, OutboxItem } from '../storage/store';
import type { Delivery, SendOutcome } from './flush';

/*
 * A visitor's follow-ups to a complaint already sent. They travel through the same outbox and
 * delivery as complaints (bound to the endpoint, kept in IndexedDB, retried with backoff, the
 * message id as `Idempotency-Key`), so nothing here posts anything itself: it writes the message
 * down, asks the delivery to try it, and reads back what still waits.
 */

/** The complaint a follow-up answers: its id and the status key that authorises it. */
export interface ThreadTarget {
  id: string;
  statusKey: string;
}

/**
 * A new follow-up to `complaint`.
 *
 * @param id the message's own id (a new UUID), its `Idempotency-Key`
 * @param complaint the complaint it answers
 * @param text the visitor's words, as typed
 * @param at when it was written, ISO 8601
 */
export function newMessage(id: string, complaint: ThreadTarget, text: string, at: string): MessageRecord {
  return { type: 'message', id, complaintId: complaint.id, statusKey: complaint.statusKey, text, at };
}

/**
 * Keeps `message` in the outbox for `endpoint`, then tries it at once. Resolves as the delivery's
 * `send` does: `delivered` after a 2xx, `queued` while it keeps trying (offline, 404, 429, 5xx),
 * `rejected` when the server refused it for good (400, 409, 410).
 *
 * @param port the widget's outbox and delivery
 * @param message from {@link newMessage}
 */
export async function sendMessage(port: OutboxPort, message: MessageRecord): Promise<SendOutcome> {
  await port.store.enqueue(message, port.endpoint, Date.now());
  return port.delivery.send(message.id);
}

/** A follow-up still in the outbox: waiting to go, or refused (`status` says why). */
export interface WaitingMessage {
  message: MessageRecord;
  state: OutboxItem['state'];
  /** The last answer's HTTP status; `null` for a network error or no try yet. */
  status: number | null;
}

/**
 * The follow-ups to `complaintId` this device still holds, oldest first: pending ones are the
 * "sending" lines of the thread; a refused one with 410 means the reply window has closed.
 *
 * @param items the outbox, as `store.listOutbox()` gives it
 * @param complaintId the complaint whose thread is shown
 */
export function waitingMessages(items: readonly OutboxItem[], complaintId: string): WaitingMessage[] {
  return items.flatMap((item) =>
    item.body.type === 'message' && item.body.complaintId === complaintId
      ? [{ message: item.body, state: item.state, status: item.lastStatus }]
      : [],
  );
}

/** The server said the complaint can no longer be answered (410 `window-closed`). */
export const WINDOW_CLOSED = 410;

/** What the thread needs of the widget's storage and delivery. */
export interface OutboxPort {
  store: HeardStore;
  delivery: Pick<Delivery, 'send'>;
  endpoint: string;
}
