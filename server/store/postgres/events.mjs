// @ts-check
import pg from 'pg';
import { createLocalEvents } from '../shared.mjs';

const CHANNEL = 'heard_events';
/** PostgreSQL refuses a payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7000;
const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

/**
 * Live events across instances: `publish` is a `NOTIFY` through the pool, and one dedicated
 * connection per instance `LISTEN`s and hands every notification (its own included) to the
 * local subscribers. When that connection drops it is opened again; subscribers then get a
 * `resync` event, because notifications sent meanwhile are lost.
 *
 * Events published together go in one notification (a JSON array), sent without waiting for a
 * disk flush: a notification is not data, and PostgreSQL serialises notifying commits, so each
 * one must be cheap.
 * @param {{ connectionString: string, pool: pg.Pool, onError: (error: Error) => void }} options
 * @returns {import('../store.mjs').StoreEvents & { ready: Promise<void>, close: () => Promise<void> }}
 */
export function createPostgresEvents({ connectionString, pool, onError }) {
  const local = createLocalEvents();
  let closed = false;
  /** @type {pg.Client | null} */
  let client = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;
  let failures = 0;

  /** @param {boolean} again */
  const connect = async (again) => {
    const listener = new pg.Client({ connectionString });
    listener.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let events;
      try {
        events = JSON.parse(message.payload);
      } catch {
        return; // Not one of ours.
      }
      if (!Array.isArray(events)) return;
      for (const event of events) if (event && typeof event.type === 'string') local.emit(event.type, event.data ?? {});
    });
    listener.on('error', (error) => onError(error));
    listener.on('end', () => {
      if (client !== listener || closed) return;
      client = null;
      schedule();
    });
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
    if (closed) {
      await listener.end();
      return;
    }
    client = listener;
    failures = 0;
    if (again) local.emit('resync', {});
  };

  const schedule = () => {
    if (closed) return;
    const delay = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)];
    retry = setTimeout(() => {
      connect(true).catch((error) => {
        onError(error);
        schedule();
      });
    }, delay);
    retry.unref();
  };

  /** @type {{ json: string, resolve: () => void, reject: (error: unknown) => void }[]} */
  let queued = [];
  /** The notifications in flight; the next batch waits for them. @type {Promise<void>} */
  let sending = Promise.resolve();
  // One batch at a time, taken when the one before has gone: the events published meanwhile
  // (under load, every record stored during that round trip) share the next notification.
  const send = () => {
    sending = sending.then(async () => {
      const batch = queued;
      queued = [];
      while (batch.length > 0) {
        /** @type {typeof batch} */
        const chunk = [];
        let size = 2;
        while (batch.length > 0 && (chunk.length === 0 || size + /** @type {(typeof batch)[number]} */ (batch[0]).json.length + 1 <= MAX_PAYLOAD)) {
          const next = /** @type {(typeof batch)[number]} */ (batch.shift());
          size += next.json.length + 1;
          chunk.push(next);
        }
        // One notification at a time: two sent side by side on different pooled connections can
        // arrive in either order, and an inbox must hear "created" before that complaint's "updated".
        try {
          await pool.query("SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)", [CHANNEL, `[${chunk.map((e) => e.json).join(',')}]`]);
          chunk.forEach((e) => e.resolve());
        } catch (error) {
          chunk.forEach((e) => e.reject(error));
        }
      }
    });
  };

  return {
    ready: connect(false),
    publish(type, data) {
      const json = JSON.stringify({ type, data });
      if (json.length + 2 > MAX_PAYLOAD) return Promise.reject(new Error(`The ${type} event is too large to announce.`));
      return new Promise((resolve, reject) => {
        queued.push({ json, resolve, reject });
        if (queued.length === 1) setImmediate(send);
      });
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      clearTimeout(retry);
      const listener = client;
      client = null;
      await listener?.end();
    },
  };
}
