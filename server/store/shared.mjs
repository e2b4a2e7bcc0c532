// @ts-check
import { randomInt } from 'node:crypto';

/**
 * What both stores compute the same way: the queue's urgency order, overdue and follow-up
 * flags, and the weeks of the trends view.
 */

/**
 * @typedef {import('./store.mjs').ComplaintSummary} ComplaintSummary
 * @typedef {import('./store.mjs').ComplaintListItem} ComplaintListItem
 * @typedef {import('./store.mjs').Complaint} Complaint
 * @typedef {import('./store.mjs').WorkStatus} WorkStatus
 */

/** Lower is more pressing. */
export const URGENCY_RANK = /** @type {const} */ ({ critical: 0, high: 1, normal: 2, low: 3 });
export const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a rating sent before its complaint waits for it: past this it no longer counts
 * towards the bounds on waiting ratings, and its forwarding stops waiting too.
 */
export const RATING_WAIT_MS = DAY_MS;
/** Seed 000 §2.7: follow up 24–48 h after resolution; the earliest is a day after. */
const FOLLOW_UP_AFTER_MS = DAY_MS;

/** @param {string} urgency */
export function urgencyRank(urgency) {
  return URGENCY_RANK[/** @type {keyof typeof URGENCY_RANK} */ (urgency)] ?? URGENCY_RANK.normal;
}

/**
 * A complaint's work state as both stores read it back, before the flags are worked out.
 * @typedef {{
 *   id: string, reference: string, receivedAt: string, status: WorkStatus,
 *   claimedBy: string | null, claimedById: string | null, claimedAt: string | null, resolvedBy: string | null,
 *   resolvedAt: string | null, followedUpAt: string | null, csat: number | null,
 *   waitingSince: string | null, waitingForUs: boolean,
 *   summary: ComplaintSummary,
 * }} WorkRow
 *   `waitingForUs`: the visitor wrote (at `waitingSince`) after the last reply.
 */

/**
 * @param {WorkRow} row
 * @param {number} now
 * @returns {ComplaintListItem}
 */
export function toListItem(row, now) {
  const { summary } = row;
  const resolved = row.status === 'resolved';
  const resolvedMs = row.resolvedAt === null ? null : Date.parse(row.resolvedAt);
  const planned = summary.followUpAt === null ? 0 : Date.parse(summary.followUpAt);
  // Follow up a day after resolution, or later if the widget planned a later date.
  const followUpMs =
    resolved && resolvedMs !== null && summary.followUpConsent ? Math.max(resolvedMs + FOLLOW_UP_AFTER_MS, planned || 0) : null;
  return {
    ...row,
    escalated: summary.escalated,
    overdue: !resolved && summary.dueBy !== null && Date.parse(summary.dueBy) < now,
    followUpDueAt: followUpMs === null ? null : new Date(followUpMs).toISOString(),
    followUpDue: followUpMs !== null && row.followedUpAt === null && followUpMs <= now,
  };
}

/** Why a claim or resolve did not happen, for the 409's message. @param {Complaint} complaint */
export function describeWork(complaint) {
  if (complaint.status === 'resolved') return `already resolved by ${complaint.resolvedBy}`;
  if (complaint.status === 'claimed') return `claimed by ${complaint.claimedBy}`;
  return complaint.status;
}

/** Monday 00:00 UTC of the week holding `ms`. @param {number} ms */
export function weekStart(ms) {
  const day = new Date(ms);
  day.setUTCHours(0, 0, 0, 0);
  return day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS;
}

/** @param {number} ms */
export function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The weeks the trends view shows, oldest first, and the first one's start.
 * @param {number} weeks
 * @param {number} now
 */
export function trendWeeks(weeks, now) {
  const firstWeek = weekStart(now) - (weeks - 1) * 7 * DAY_MS;
  return { firstWeek, weekKeys: Array.from({ length: weeks }, (_, i) => isoDate(firstWeek + i * 7 * DAY_MS)) };
}

/**
 * In-process live events: what SQLite uses, and what PostgreSQL's listener hands its
 * notifications to.
 * @returns {import('./store.mjs').StoreEvents & { emit: (type: string, data: object) => void }}
 */
export function createLocalEvents() {
  /** @type {Set<(type: string, data: object) => void>} */
  const listeners = new Set();
  /** @param {string} type @param {object} data */
  const emit = (type, data) => {
    for (const listener of listeners) listener(type, data);
  };
  return {
    emit,
    publish: async (type, data) => emit(type, data),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A job id as both stores hold it: a positive whole number written as a string; anything else
 * names no job.
 * @param {string} id
 */
export function jobNumber(id) {
  return /^[1-9]\d{0,17}$/.test(id) ? id : null;
}

/**
 * The text a store keeps for an operator: short, one line.
 * @param {string} error
 */
export function shortError(error) {
  const line = String(error).replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

/**
 * Who did a piece of work, from what a caller passed: an account, or a bare name.
 * @param {string | import('./store.mjs').AgentRef} agent
 * @returns {import('./store.mjs').AgentRef}
 */
export function agentRef(agent) {
  return typeof agent === 'string' ? { id: null, name: agent } : { id: agent.id, name: agent.name };
}

/**
 * Whether a complaint is already claimed by this agent (by account, or by name before accounts).
 * @param {import('./store.mjs').Complaint} complaint
 * @param {import('./store.mjs').AgentRef} agent
 */
export function claimedBySame(complaint, agent) {
  if (complaint.status !== 'claimed') return false;
  return agent.id === null ? complaint.claimedById === null && complaint.claimedBy === agent.name : complaint.claimedById === agent.id;
}

/** The job kind that emails a reply to the visitor (server/jobs/commitments/visitor-mail.mjs). */
export const REPLY_MAIL_JOB = 'visitor.reply-email';

/**
 * Each reply with how its email fared, read from the job written with it: the job carries the
 * reply's complaint and, in its payload, the reply's time and text (a reply and its email are
 * written in one transaction, with the same time). No job: the reply was not emailed.
 * @param {Omit<import('./store.mjs').Reply, 'email'>[]} replies
 * @param {{ at: string, text: string, status: string }[]} jobs the complaint's reply emails
 * @returns {import('./store.mjs').Reply[]}
 */
export function withEmailStates(replies, jobs) {
  const left = jobs.map((job) => ({ ...job, ms: Date.parse(job.at) }));
  return replies.map((reply) => {
    const ms = Date.parse(reply.at);
    const same = left.filter((job) => job.ms === ms);
    const job = same.find((candidate) => candidate.text === reply.text) ?? same[0];
    if (job) left.splice(left.indexOf(job), 1);
    return { ...reply, email: job ? EMAIL_STATE[job.status] ?? 'pending' : 'none' };
  });
}

/** @type {Record<string, import('./store.mjs').ReplyEmail>} */
const EMAIL_STATE = { done: 'sent', pending: 'pending', failed: 'failed' };

/**
 * A complaint's record without the visitor's `userHash`: the receiver checks it once, on arrival,
 * and keeps only `verified`. Anyone holding the hash could send complaints as that verified
 * customer, so it is never stored, and a record stored with one before is read back without it
 * (the inbox API and webhooks give out what this returns).
 * @template {import('./store.mjs').ComplaintRecord} R
 * @param {R} record
 * @returns {R}
 */
export function withoutIdentityProof(record) {
  if (!record?.visitor || !('userHash' in record.visitor)) return record;
  const { userHash: _proof, ...visitor } = record.visitor;
  return { ...record, visitor };
}

/** Crockford's base32 without I, L, O, U, as the widget writes references. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How many fresh references a store tries before it gives up on a record. */
export const REFERENCE_TRIES = 8;

/**
 * A fresh reference in the widget's format (`HRD-7K3F9Q`), for a complaint whose reference
 * another complaint already has.
 */
export function freshReference() {
  let reference = 'HRD-';
  for (let i = 0; i < 6; i += 1) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return reference;
}

/**
 * A complaint's record as the stores give it out: under the reference it is stored with, and
 * without the visitor's `userHash` (see withoutIdentityProof).
 * @param {import('./store.mjs').ComplaintRecord} record the stored body
 * @param {string} reference the stored reference
 * @returns {import('./store.mjs').ComplaintRecord}
 */
export function storedRecord(record, reference) {
  const kept = withoutIdentityProof(record);
  return kept.reference === reference ? kept : { ...kept, reference };
}

/** What a visitor's stream ticket keeps in place of a session: this, then the complaint's id. */
export const VISITOR_TICKET = 'complaint:';
