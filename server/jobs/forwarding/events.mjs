// @ts-check
/**
 * What forwarding sends: events about a complaint, and the jobs that carry them to each
 * destination. A job holds only the event (its id, type, time and the few details of the change,
 * such as who claimed); the record itself is read when the job runs, so a queue of thousands of
 * jobs stays small and a purge of personal data is not undone by a copy in the queue.
 */
import { randomUUID } from 'node:crypto';

/** Every event type, in the order the admin's settings list them. */
export const EVENT_TYPES = /** @type {const} */ ([
  'complaint.created',
  'complaint.escalated',
  'complaint.claimed',
  'complaint.resolved',
  'rating.created',
  'rating.commented',
  'complaint.overdue',
  'message.created',
]);

/** The job kind forwarding runs. */
export const FORWARD_JOB = 'forward';

/**
 * @typedef {typeof EVENT_TYPES[number]} EventType
 * @typedef {{ agent?: { id?: string | null, name: string }, note?: string, csat?: number, comment?: string, reason?: string, dueBy?: string, message?: { id: string, at: string, text: string, attachments?: string[] }, reopened?: boolean }} EventDetails
 *   `comment`: what the visitor wrote after rating from the follow-up email (`rating.commented`).
 *   `message`: what the visitor wrote back from the widget (`message.created`), with the SHA-256s
 *   of the files they sent with it; `reopened`: it reopened the resolved complaint.
 * @typedef {{ id: string, type: EventType, timestamp: string, complaintId: string, details: EventDetails }} ForwardEvent
 *   `id` is the Standard Webhooks message id: the same on every retry and for every destination.
 * @typedef {{ reference: string, urgency: string, category: string, verified: boolean }} ComplaintSummary
 *   The server's own view of a complaint (its re-triage, not the widget's).
 * @typedef {{ sha256: string, type: string, size: number, width?: number, height?: number, arrived: boolean, url: string, expiresAt: string }} LinkedFile
 *   One of the complaint's files with its signed download link, good until `expiresAt`;
 *   `arrived: false` while it is still on its way (the link works once it has come).
 * @typedef {{ event: ForwardEvent, record: import('../../store/store.mjs').ComplaintRecord, summary: ComplaintSummary, inboxUrl: string, attachments?: LinkedFile[] }} EventContext
 *   Everything a destination needs to describe one event. `attachments`: the files the
 *   complaint has, linked (none when the server keeps no files).
 * @typedef {'webhook' | 'email' | 'slack'} DestinationKind
 * @typedef {{ url: string, secret: string }} WebhookConfig
 * @typedef {{ to: string }} EmailConfig
 * @typedef {{ url: string, personalData: boolean }} SlackConfig
 * @typedef {{ id: string, kind: DestinationKind, name: string, config: WebhookConfig | EmailConfig | SlackConfig, events: EventType[], paused: boolean }} Destination
 */

/**
 * @param {unknown} value
 * @returns {value is EventType}
 */
export function isEventType(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (EVENT_TYPES).includes(value);
}

/**
 * A new event about a complaint.
 * @param {EventType} type
 * @param {string} complaintId
 * @param {{ at: string, details?: EventDetails, id?: string }} options
 * @returns {ForwardEvent}
 */
export function createEvent(type, complaintId, { at, details = {}, id = `msg_${randomUUID().replace(/-/g, '')}` }) {
  return { id, type, timestamp: at, complaintId, details };
}

/**
 * One job per destination that wants this event and is not paused, due at once, ordered per
 * destination and complaint so a complaint's events arrive in the order they happened.
 * @param {ForwardEvent} event
 * @param {Destination[]} destinations
 * @returns {import('../../store/store.mjs').JobSpec[]}
 */
export function eventJobs(event, destinations) {
  return destinations
    .filter((destination) => destination.events.includes(event.type))
    .map((destination) => ({
      kind: FORWARD_JOB,
      payload: { event },
      dueAt: event.timestamp,
      orderKey: `${destination.id}:${event.complaintId}`,
      complaintId: event.complaintId,
      destinationId: destination.id,
    }));
}

/**
 * The link to a complaint in the inbox.
 * @param {string} publicUrl the server's public origin, e.g. `https://heard.shop.example`
 * @param {string} complaintId
 */
export function inboxLink(publicUrl, complaintId) {
  return `${publicUrl.replace(/\/$/, '')}/inbox/#complaint=${encodeURIComponent(complaintId)}`;
}

/**
 * The first words the visitor wrote, cut at a word boundary.
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 * @param {number} max characters
 */
export function firstWords(record, max) {
  const text = (record.messages.find((message) => message.from === 'visitor')?.text ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * One line saying what happened, for subjects and chat messages.
 * @param {ForwardEvent} event
 */
export function headline(event) {
  const { details } = event;
  switch (event.type) {
    case 'complaint.created':
      return 'New complaint';
    case 'complaint.escalated':
      // The receiver names a visitor's own request for a person 'visitor'.
      return `Escalated${details.reason ? ` (${details.reason === 'visitor' ? 'the visitor asked for a person' : details.reason})` : ''}`;
    case 'complaint.claimed':
      return `Claimed by ${details.agent?.name ?? 'an agent'}`;
    case 'complaint.resolved':
      return `Resolved by ${details.agent?.name ?? 'an agent'}`;
    case 'rating.created':
      return `Rated ${details.csat ?? '?'}/5`;
    case 'rating.commented':
      return `Comment with the rating ${details.csat ?? '?'}/5`;
    case 'complaint.overdue':
      return `Overdue${details.dueBy ? ` since ${details.dueBy.slice(0, 16).replace('T', ' ')} UTC` : ''}`;
    case 'message.created':
      return details.reopened ? 'The visitor wrote again, reopening it' : 'The visitor wrote again';
  }
}

/**
 * The files the event's message sent, linked as the complaint's files are, in the visitor's
 * order: none for another event, or where the server keeps no files.
 * @param {Pick<EventContext, 'event' | 'attachments'>} context
 * @returns {LinkedFile[]}
 */
export function messageFiles({ event, attachments = [] }) {
  const byHash = new Map(attachments.map((file) => [file.sha256, file]));
  return (event.details.message?.attachments ?? []).flatMap((sha256) => byHash.get(sha256) ?? []);
}

/**
 * How a file reads in a message: its kind, its size, an image's dimensions.
 * @param {LinkedFile} file
 */
export function fileLabel({ type, size, width, height }) {
  const kind = type === 'application/pdf' ? 'PDF' : `${(type.split('/')[1] ?? 'file').toUpperCase()} photo`;
  const bytes = size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;
  return `${kind}${width && height ? `, ${width}×${height}` : ''}, ${bytes}`;
}
