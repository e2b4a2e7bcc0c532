// @ts-check
/**
 * The storage interface the receiver and inbox use. SQLite implements it
 * (`sqlite-store.mjs`); a server database can replace it by providing the same methods.
 * This module holds only the shared types.
 */

/**
 * @typedef {import('../../src/record/record').ComplaintRecord} ComplaintRecord
 * @typedef {import('../../src/record/record').RatingRecord} RatingRecord
 * @typedef {ComplaintRecord | RatingRecord} Deliverable
 */

/**
 * What the receiver answered for a record the first time; a replay gets it again.
 * @typedef {{ id: string, reference: string | null, receivedAt: string }} Receipt
 */

/**
 * @typedef {{ outcome: 'created' | 'replay' | 'conflict', receipt: Receipt }} InsertResult
 */

/** @typedef {'new' | 'claimed' | 'resolved'} WorkStatus */

/**
 * An agent's view of one complaint: the record as delivered plus the work done on it.
 * @typedef {{
 *   id: string,
 *   reference: string,
 *   receivedAt: string,
 *   status: WorkStatus,
 *   claimedBy: string | null,
 *   claimedAt: string | null,
 *   resolvedBy: string | null,
 *   resolvedAt: string | null,
 *   resolutionNote: string | null,
 *   followedUpAt: string | null,
 *   csat: number | null,
 *   escalated: boolean,
 *   overdue: boolean,
 *   followUpDueAt: string | null,
 *   followUpDue: boolean,
 *   record: ComplaintRecord,
 * }} Complaint
 */

/**
 * @typedef {{ status?: WorkStatus | null, category?: string | null, language?: string | null }} Filters
 * @typedef {Filters & { limit?: number, offset?: number, now?: number }} ListFilters
 *   `limit` -1 (the default) means no limit.
 */

/**
 * @typedef {{ error: 'not-found' | 'conflict', message: string, complaint?: Complaint }} WorkError
 * @typedef {{ ok: true, complaint: Complaint } | ({ ok: false } & WorkError)} WorkResult
 */

/**
 * @typedef {{
 *   weeks: string[],
 *   categories: { week: string, category: string, count: number }[],
 *   signals: { field: string, value: string, cue: string, count: number }[],
 * }} Trends
 */

/**
 * @typedef {object} Store
 * @property {(record: Deliverable, meta: { hash: string, receivedAt: string }) => InsertResult} insertRecord
 *   Stores a record once. The same id with the same hash is a replay (the first receipt is
 *   returned); with another hash it is a conflict. Durable when it returns.
 * @property {(id: string, now?: number) => Complaint | null} getRecord
 * @property {(filters?: ListFilters) => Complaint[]} listRecords
 *   Open work first; then handoffs and critical, then urgency, then oldest first.
 * @property {(filters?: Filters) => { total: number, open: number }} countRecords
 *   How many complaints match the filters, and how many of them are not resolved.
 * @property {() => { categories: string[], languages: string[] }} facets
 * @property {(id: string, agent: string, at: string) => WorkResult} claim
 * @property {(id: string, agent: string, note: string, at: string) => WorkResult} resolve
 * @property {(id: string, at: string) => WorkResult} markFollowedUp
 * @property {(options?: { weeks?: number, now?: number, topSignals?: number }) => Trends} trends
 * @property {() => void} close
 */

export {};
