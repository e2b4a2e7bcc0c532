import type { PastStatus } from '../machine/context';
import type { FetchLike } from './deliver';

/**
 * Statuses this page has read, by any reader: a complaint's open thread reads its status again
 * when its live stream says it changed, and a reader answering from memory would then show an
 * older status than the thread did.
 */
let statusesRead = 0;

/**
 * Reads what became of a visitor's earlier complaints: `GET <endpoint>/<id>/status` with the
 * complaint's status key as a bearer token. Never rejects and never logs: the status is a
 * courtesy shown when it can be read, so a network failure, a timeout, a refusal or an answer
 * that does not look like the contract's all mean "nothing to show". A 404 means the server does
 * not know the complaint under that key (not delivered yet, or another server): nothing on this
 * device is forgotten because of it.
 *
 * @param complaint the complaint as kept on this device
 * @param options.fetch the fetch to use (default `globalThis.fetch`)
 * @param options.timeoutMs give up after this long (default 10 s)
 * @param options.signal cancels the read (the panel closed)
 *
 * @example
 * const answer = await readStatus({ id, reference: 'HRD-7K3F9Q', endpoint: 'https://shop.example/complaints', statusKey });
 * if (answer.kind === 'status') show(answer.status);
 */
export async function readStatus(complaint: StatusTarget, options: ReadOptions = {}): Promise<StatusAnswer> {
  if (!STATUS_KEY.test(complaint.statusKey)) return UNAVAILABLE;
  let url: string;
  try {
    url = statusUrl(complaint.endpoint, complaint.id);
  } catch {
    return UNAVAILABLE;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  const onAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const response = await fetchImpl(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${complaint.statusKey}` },
      // The key is the only credential: no cookies, nothing cached, and never followed
      // elsewhere by a redirect.
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: controller.signal,
    });
    if (response.status === 404) {
      response.body?.cancel().catch(() => {});
      return UNKNOWN;
    }
    if (response.status !== 200) {
      response.body?.cancel().catch(() => {});
      return UNAVAILABLE;
    }
    const status = parseStatus(JSON.parse(await response.text()));
    if (status) statusesRead += 1;
    return status ? { kind: 'status', status } : UNAVAILABLE;
  } catch {
    return UNAVAILABLE;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Reads the status of the visitor's latest complaints sent to `endpoint` (those this device kept
 * a status key for), newest first, at most `limit`. The reads run side by side.
 *
 * @param history the complaints kept on this device, in any order
 * @param options.endpoint only complaints sent to this endpoint are read
 * @param options.limit how many complaints at most (default {@link LATEST_COMPLAINTS})
 */
export async function readLatestStatuses(
  history: readonly PastComplaint[],
  options: ReadOptions & { endpoint: string; limit?: number },
): Promise<StatusReading[]> {
  const latest = latestTargets(history, options.endpoint, options.limit);
  return Promise.all(latest.map(async (entry) => ({ id: entry.id, answer: await readStatus(entry, options) })));
}

function latestTargets(history: readonly PastComplaint[], endpoint: string, limit = LATEST_COMPLAINTS): (StatusTarget & PastComplaint)[] {
  return history
    .filter((entry): entry is StatusTarget & PastComplaint => entry.endpoint === endpoint && typeof entry.statusKey === 'string')
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}

/**
 * The widget's reader: the latest status of each of the visitor's latest complaints, newest
 * first, with its thread (every reply and the visitor's own follow-ups). Only an answer changes what it reports: a complaint the server did not know or could
 * not speak about this time keeps the status read before. It answers again from memory for
 * `freshForMs` after a complete read, so a visitor opening and closing the panel does not spend
 * the status endpoint's rate limit; a read with a failure in it is tried again next time.
 *
 * @param options.endpoint only complaints sent here are read
 * @param options.freshForMs how long a complete read is reused (default 30 s)
 * @param options.now clock (default `Date.now`)
 * @param options.keepReference told of a complaint the server names by another reference than
 *   the one kept, to keep the server's
 */
export function createStatusReader(
  options: ReadOptions & { endpoint: string; freshForMs?: number; now?: () => number; keepReference?: (id: string, reference: string) => void },
) {
  const now = options.now ?? Date.now;
  const known = new Map<string, ComplaintStatus>();
  let last: { at: number; ids: string; statuses: PastStatus[]; read: number } | null = null;
  let reading: { ids: string; statuses: Promise<PastStatus[]>; signal: AbortSignal | undefined } | null = null;
  const read = async (history: readonly PastComplaint[], ids: string, signal?: AbortSignal): Promise<PastStatus[]> => {
    const readings = await readLatestStatuses(history, { ...options, signal });
    const statuses: PastStatus[] = [];
    for (const { id, answer } of readings) {
      if (answer.kind === 'status') {
        known.set(id, answer.status);
        if (answer.status.reference !== history.find((entry) => entry.id === id)?.reference) options.keepReference?.(id, answer.status.reference);
      }
      const status = known.get(id);
      if (status) statuses.push({ id, status });
    }
    last = readings.every((r) => r.answer.kind !== 'unavailable') ? { at: now(), ids, statuses, read: statusesRead } : null;
    return statuses;
  };
  return (history: readonly PastComplaint[], signal?: AbortSignal): Promise<PastStatus[]> => {
    // A complaint sent since the last read is read at once.
    const ids = latestTargets(history, options.endpoint).map((entry) => entry.id).join();
    // Unless a status was read since elsewhere (an open thread, told it changed).
    if (last && last.ids === ids && last.read === statusesRead && now() - last.at < (options.freshForMs ?? 30_000)) return Promise.resolve(last.statuses);
    // The bubble's unread count and the panel opened at once share one read, unless the one
    // under way was cancelled (the panel read again): that one reads nothing.
    if (reading?.ids === ids && !reading.signal?.aborted) return reading.statuses;
    const statuses = read(history, ids, signal).finally(() => {
      if (reading?.statuses === statuses) reading = null;
    });
    reading = { ids, statuses, signal };
    return statuses;
  };
}

/** The status URL of a complaint: the complaint endpoint, then `/<id>/status`. */
export function statusUrl(endpoint: string, id: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}/status`;
  url.hash = '';
  return url.href;
}

/** How many of a visitor's latest complaints the widget reports on. */
export const LATEST_COMPLAINTS = 3;
/** Replies, and follow-ups, kept from one answer (the latest), and the longest text kept of each. */
const MAX_LINES = 50;
const MAX_TEXT = 5_000;
const STATUS_KEY = /^[A-Za-z0-9_-]{22}$/;
/** A reference as the record schema has it. */
const REFERENCE = /^[A-Z0-9-]{4,20}$/;
const STATES: readonly string[] = ['received', 'in-progress', 'resolved'];
const UNKNOWN: StatusAnswer = { kind: 'unknown' };
const UNAVAILABLE: StatusAnswer = { kind: 'unavailable' };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isTimeOrNull = (v: unknown): v is string | null => v === null || isTime(v);
/**
 * A line's files, when it lists any: each named by its SHA-256 in lowercase hex, with its type
 * and size. The hash goes into the address the file is fetched from, so nothing else passes.
 */
const isFiles = (v: unknown): v is FileRef[] =>
  v === undefined || (Array.isArray(v) && v.every((f) => isObject(f) && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) && typeof f.type === 'string' && typeof f.size === 'number' && f.size >= 0));
const isLines = (v: unknown): v is { at: string; text: string; attachments?: FileRef[] }[] =>
  Array.isArray(v) && v.every((r) => isObject(r) && isTime(r.at) && typeof r.text === 'string' && isFiles(r.attachments));
/** A line's files as kept: the three fields the thread uses, none other. */
const files = (line: { attachments?: FileRef[] }): { attachments?: FileRef[] } =>
  line.attachments?.length ? { attachments: line.attachments.map(({ sha256, type, size }) => ({ sha256, type: type.slice(0, 100), size })) } : {};

/** The lines with something in them (words or files), oldest first, the latest {@link MAX_LINES} of them. */
function said<T extends { at: string; text: string; attachments?: FileRef[] }>(lines: T[]): T[] {
  return lines
    .filter((line) => line.text.trim() || line.attachments?.length)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-MAX_LINES);
}

/**
 * The contract's answer, checked field by field; `null` for anything else (a proxy's error page,
 * a field of the wrong type). Extra fields are ignored.
 */
export function parseStatus(body: unknown): ComplaintStatus | null {
  if (!isObject(body)) return null;
  const { status, receivedAt, resolvedAt, dueBy, dueByReason, replies, messages = [], answerableUntil = null } = body;
  // The receiver may have stored the complaint under another reference than the widget chose
  // (references are unique): its own is the one the team knows, so it is taken.
  if (typeof body.reference !== 'string' || !REFERENCE.test(body.reference) || typeof status !== 'string' || !STATES.includes(status)) return null;
  if (!isTime(receivedAt) || !isTimeOrNull(resolvedAt) || !isTimeOrNull(dueBy)) return null;
  // "Resolved" with no date of resolution is not an answer the visitor can be told.
  if (status === 'resolved' && resolvedAt === null) return null;
  if (dueByReason !== null && typeof dueByReason !== 'string') return null;
  if (!isLines(replies) || !isTimeOrNull(answerableUntil)) return null;
  // The visitor's own follow-ups and the reply window are newer than the contract's first
  // version: a server without them answers as before.
  if (!isLines(messages) || !messages.every((m) => typeof (m as { id?: unknown }).id === 'string')) return null;
  return {
    reference: body.reference,
    status: status as ComplaintStatus['status'],
    receivedAt,
    resolvedAt,
    dueBy,
    dueByReason: dueByReason === null ? null : dueByReason.slice(0, MAX_TEXT),
    replies: said(replies).map((r) => ({ at: r.at, text: r.text.slice(0, MAX_TEXT), ...files(r) })),
    // Said only by a server that knows them, so an older one's answer reads as it always did.
    ...('messages' in body ? { messages: said(messages as { id: string; at: string; text: string; attachments?: FileRef[] }[]).map((m) => ({ id: m.id, at: m.at, text: m.text.slice(0, MAX_TEXT), ...files(m) })) } : {}),
    ...('answerableUntil' in body ? { answerableUntil } : {}),
    ...(typeof body.teamOnline === 'boolean' ? { teamOnline: body.teamOnline } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Types

/** What the status endpoint says about one complaint (the contract's 200 answer). */
export interface ComplaintStatus {
  reference: string;
  status: 'received' | 'in-progress' | 'resolved';
  receivedAt: string;
  resolvedAt: string | null;
  /** When the team expects to answer; moved with a reason when it could not be kept. */
  dueBy: string | null;
  /** Why `dueBy` moved, in the agent's words; `null` when it never did. */
  dueByReason: string | null;
  /** The agents' replies to the visitor, oldest first, with the files each sent. Untrusted text: render as text. */
  replies: { at: string; text: string; attachments?: FileRef[] }[];
  /** The visitor's own follow-ups, oldest first (`[]` from a server that does not say). */
  messages?: { id: string; at: string; text: string; attachments?: FileRef[] }[];
  /** Until when a resolved complaint can still be answered; `null` when not said. */
  answerableUntil?: string | null;
  /** Whether someone from the team is online now. */
  teamOnline?: boolean;
}

/** A file a reply or a follow-up sent, opened with the status key at `<endpoint>/<id>/attachments/<sha256>`. */
export interface FileRef {
  /** Lowercase hex: the file's name at the receiver. */
  sha256: string;
  /** Its media type as the receiver says it (not trusted: the download decides what it is). */
  type: string;
  /** Bytes. */
  size: number;
}

/** The outcome of one read: a status, "the server does not know it" (404), or nothing usable. */
export type StatusAnswer = { kind: 'status'; status: ComplaintStatus } | { kind: 'unknown' } | { kind: 'unavailable' };

/** One complaint's answer, by complaint id. */
export interface StatusReading {
  id: string;
  answer: StatusAnswer;
}

/** What a read needs to know of a complaint. */
export interface StatusTarget {
  id: string;
  reference: string;
  endpoint: string;
  statusKey: string;
}

/** A complaint as this device remembers it (the storage's history entry). */
export interface PastComplaint {
  id: string;
  reference: string;
  /** When it was sent, epoch ms. */
  at: number;
  endpoint?: string;
  statusKey?: string;
}

export interface ReadOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  signal?: AbortSignal;
}
