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
