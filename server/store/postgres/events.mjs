// @ts-check
import pg from 'pg';
import { createLocalEvents } from '../shared.mjs';

const CHANNEL = 'heard_events';
export const EVENTS_CHANNEL = CHANNEL;

/**
 * An event as its notification's payload, or null for none.
 * @param {{ type: string, data: object } | undefined} event
 */
export function eventParameter(event) {
  return event ? JSON.stringify({ type: event.type, data: event.data }) : null;
}
const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

/**
 * Live events across instances: `publish` is a `NOTIFY` through the pool, and one dedicated
 * connection per instance `LISTEN`s and hands every notification (its own included) to the
 * local subscribers. When that connection drops it is opened again; subscribers then get a
 * `resync` event, because notifications sent meanwhile are lost.
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
      try {
        const { type, data } = JSON.parse(message.payload);
        local.emit(type, data);
      } catch {
        // Not one of ours: ignore it.
      }
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

  return {
    ready: connect(false),
    async publish(type, data) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, eventParameter({ type, data })]);
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
