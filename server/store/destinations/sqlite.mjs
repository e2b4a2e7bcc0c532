// @ts-check
/**
 * Forwarding destinations on SQLite (table `destinations`), and the queries on their jobs the
 * admin's Settings page needs.
 */
import { HELD_UNTIL } from '../../jobs/forwarding/handler.mjs';
import { toDestination, toJob } from './rows.mjs';

/**
 * @param {import('better-sqlite3').Database} db
 * @returns {import('../../jobs/forwarding/service.mjs').DestinationStore}
 */
export function sqliteDestinations(db) {
  const q = {
    list: db.prepare('SELECT * FROM destinations ORDER BY created_at, id'),
    get: db.prepare('SELECT * FROM destinations WHERE id = ?'),
    add: db.prepare(`INSERT INTO destinations (id, kind, name, config, events, paused, paused_reason, source, created_at)
      VALUES (@id, @kind, @name, @config, @events, @paused, @pausedReason, @source, @createdAt)`),
    upsert: db.prepare(`INSERT INTO destinations (id, kind, name, config, events, paused, paused_reason, source, created_at)
      VALUES (@id, @kind, @name, @config, @events, @paused, @pausedReason, @source, @createdAt)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, config = excluded.config,
        events = excluded.events, source = excluded.source`),
    environmentIds: db.prepare("SELECT id FROM destinations WHERE source = 'environment'"),
    pause: db.prepare('UPDATE destinations SET paused = 1, paused_reason = ? WHERE id = ? AND paused = 0'),
    resume: db.prepare('UPDATE destinations SET paused = 0, paused_reason = NULL WHERE id = ? AND paused = 1'),
    release: db.prepare("UPDATE jobs SET due_at = ? WHERE destination_id = ? AND status = 'pending' AND due_at = ?"),
    remove: db.prepare('DELETE FROM destinations WHERE id = ?'),
    // Unsent and failed jobs go with their destination; the record of what was delivered stays.
    dropUnsent: db.prepare("DELETE FROM jobs WHERE destination_id = ? AND status IN ('pending', 'failed')"),
    jobs: db.prepare('SELECT * FROM jobs WHERE destination_id = ? ORDER BY id DESC LIMIT ?'),
  };

  /** @param {import('./rows.mjs').StoredDestination} destination */
  const params = (destination) => ({
    ...destination,
    config: JSON.stringify(destination.config),
    events: JSON.stringify(destination.events),
    paused: destination.paused ? 1 : 0,
  });

  const replaceEnvironment = db.transaction((/** @type {import('./rows.mjs').StoredDestination[]} */ destinations) => {
    const keep = new Set(destinations.map((destination) => destination.id));
    for (const { id } of /** @type {{ id: string }[]} */ (q.environmentIds.all())) {
      if (!keep.has(id)) {
        q.dropUnsent.run(id);
        q.remove.run(id);
      }
    }
    for (const destination of destinations) q.upsert.run(params(destination));
  });

  const setPaused = db.transaction((/** @type {string} */ id, /** @type {boolean} */ paused, /** @type {string | null} */ reason, /** @type {string} */ at) => {
    if (paused) return q.pause.run(reason, id).changes > 0;
    const changed = q.resume.run(id).changes > 0;
    // Held events go out now, in the order they were written.
    if (changed) q.release.run(at, id, HELD_UNTIL);
    return changed;
  });

  const remove = db.transaction((/** @type {string} */ id) => {
    q.dropUnsent.run(id);
    return q.remove.run(id).changes > 0;
  });

  return {
    listDestinations: async () => q.list.all().map((row) => toDestination(/** @type {any} */ (row))),
    getDestination: async (id) => {
      const row = q.get.get(id);
      return row ? toDestination(/** @type {any} */ (row)) : null;
    },
    addDestination: async (destination) => {
      q.add.run(params(destination));
    },
    replaceEnvironmentDestinations: async (destinations) => {
      replaceEnvironment.immediate(destinations);
    },
    setDestinationPaused: async (id, paused, { reason, at }) => setPaused.immediate(id, paused, reason, at),
    removeDestination: async (id) => remove.immediate(id),
    listDestinationJobs: async (id, { limit }) => q.jobs.all(id, limit).map((row) => toJob(/** @type {any} */ (row))),
  };
}
