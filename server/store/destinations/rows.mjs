// @ts-check
/**
 * Destinations as both stores keep them: one row each, the kind's settings (the secret among
 * them) in a JSON column that is never logged and never sent back whole.
 */

/**
 * @typedef {import('../../jobs/forwarding/destinations.mjs').StoredDestination} StoredDestination
 * @typedef {{ id: string, kind: string, name: string, config: string | object, events: string | string[], paused: number | boolean, paused_reason: string | null, source: string, created_at: string | Date }} DestinationRow
 */

/**
 * @param {DestinationRow} row
 * @returns {StoredDestination}
 */
export function toDestination(row) {
  return {
    id: row.id,
    kind: /** @type {StoredDestination['kind']} */ (row.kind),
    name: row.name,
    config: typeof row.config === 'string' ? JSON.parse(row.config) : row.config,
    events: typeof row.events === 'string' ? JSON.parse(row.events) : row.events,
    paused: Boolean(row.paused),
    pausedReason: row.paused_reason,
    source: /** @type {StoredDestination['source']} */ (row.source),
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  };
}

/**
 * A jobs row from either database as the contract's `Job`.
 * @param {{ id: number | string, kind: string, payload: string | Record<string, unknown>, due_at: string | Date, order_key: string | null, complaint_id: string | null, destination_id: string | null, status: string, attempts: number, last_error: string | null, created_at: string | Date, updated_at: string | Date, locked_until: string | Date | null }} row
 * @returns {import('../store.mjs').Job}
 */
export function toJob(row) {
  /** @param {string | Date} value */
  const iso = (value) => (value instanceof Date ? value.toISOString() : value);
  return {
    id: String(row.id),
    kind: row.kind,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    dueAt: iso(row.due_at),
    orderKey: row.order_key,
    complaintId: row.complaint_id,
    destinationId: row.destination_id,
    status: /** @type {import('../store.mjs').Job['status']} */ (row.status),
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lockedUntil: row.locked_until === null ? null : iso(row.locked_until),
  };
}
