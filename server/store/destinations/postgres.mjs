// @ts-check
/**
 * Forwarding destinations on PostgreSQL (table `destinations`), and the queries on their jobs
 * the admin's Settings page needs.
 */
import { HELD_UNTIL } from '../../jobs/forwarding/handler.mjs';
import { toDestination, toJob } from './rows.mjs';

const COLUMNS = 'id, kind, name, config, events, paused, paused_reason, source, created_at';

/**
 * `read` shared by the callers who ask before it starts: one read at a time, and those who ask
 * while it runs share the next. Under load the records arriving together cost one query, not
 * one each, and still every caller's read starts after it asked, so it sees every change
 * committed before then (a destination just added gets the next record's jobs).
 * @template T
 * @param {() => Promise<T>} read
 * @returns {() => Promise<T>}
 */
export function sharedRead(read) {
  /** @type {Promise<T> | null} */
  let next = null;
  /** @type {Promise<unknown>} */
  let running = Promise.resolve();
  return () => {
    if (next === null) {
      const started = running.then(() => {
        next = null;
        return read();
      });
      next = started;
      running = started.catch(() => undefined);
    }
    return next;
  };
}

/**
 * @param {import('pg').Pool} pool
 * @returns {import('../../jobs/forwarding/service.mjs').DestinationStore}
 */
export function postgresDestinations(pool) {
  /**
   * @template T
   * @param {(client: import('pg').PoolClient) => Promise<T>} work
   */
  const transaction = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  /** @param {import('./rows.mjs').StoredDestination} destination */
  const values = (destination) => [
    destination.id,
    destination.kind,
    destination.name,
    JSON.stringify(destination.config),
    JSON.stringify(destination.events),
    destination.paused,
    destination.pausedReason,
    destination.source,
    destination.createdAt,
  ];

  return {
    // Every record asks for them (which destinations its jobs go to): callers share one read.
    listDestinations: sharedRead(async () => (await pool.query(`SELECT ${COLUMNS} FROM destinations ORDER BY created_at, id`)).rows.map(toDestination)),
    getDestination: async (id) => {
      const { rows } = await pool.query(`SELECT ${COLUMNS} FROM destinations WHERE id = $1`, [id]);
      return rows[0] ? toDestination(rows[0]) : null;
    },
    addDestination: async (destination) => {
      await pool.query(`INSERT INTO destinations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, values(destination));
    },
    replaceEnvironmentDestinations: (destinations) => transaction(async (client) => {
      const keep = destinations.map((destination) => destination.id);
      const gone = await client.query("SELECT id FROM destinations WHERE source = 'environment' AND NOT (id = ANY($1::text[]))", [keep]);
      for (const { id } of gone.rows) {
        await client.query("DELETE FROM jobs WHERE destination_id = $1 AND status IN ('pending', 'failed')", [id]);
        await client.query('DELETE FROM destinations WHERE id = $1', [id]);
      }
      for (const destination of destinations) {
        await client.query(`INSERT INTO destinations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
          ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, config = excluded.config,
            events = excluded.events, source = excluded.source`, values(destination));
      }
    }),
    setDestinationPaused: (id, paused, { reason, at }) => transaction(async (client) => {
      if (paused) {
        return ((await client.query('UPDATE destinations SET paused = true, paused_reason = $1 WHERE id = $2 AND NOT paused', [reason, id])).rowCount ?? 0) > 0;
      }
      const changed = ((await client.query('UPDATE destinations SET paused = false, paused_reason = NULL WHERE id = $1 AND paused', [id])).rowCount ?? 0) > 0;
      // Held events go out now, in the order they were written.
      if (changed) await client.query("UPDATE jobs SET due_at = $1 WHERE destination_id = $2 AND status = 'pending' AND due_at = $3", [at, id, HELD_UNTIL]);
      return changed;
    }),
    removeDestination: (id) => transaction(async (client) => {
      await client.query("DELETE FROM jobs WHERE destination_id = $1 AND status IN ('pending', 'failed')", [id]);
      return ((await client.query('DELETE FROM destinations WHERE id = $1', [id])).rowCount ?? 0) > 0;
    }),
    listDestinationJobs: async (id, { limit }) => {
      const { rows } = await pool.query('SELECT * FROM jobs WHERE destination_id = $1 ORDER BY id DESC LIMIT $2', [id, limit]);
      return rows.map(toJob);
    },
  };
}
