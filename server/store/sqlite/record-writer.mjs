// @ts-check
/**
 * Incoming records are committed on a thread of their own. better-sqlite3 is synchronous, and
 * with `synchronous=FULL` every commit waits for the disk: on the request thread that wait
 * stopped everything else (parsing, validating, answering) for about a third of ingest time.
 * Here the thread that waits for the disk is not the one serving requests, and the records
 * that arrive while it waits share its next commit.
 *
 * The thread opens its own connection to the same file (WAL lets the request thread read and
 * write alongside; a write there waits for the lock with `busy_timeout`). It stores through the
 * same store code, so a record is written exactly as it is in-process, with its summary,
 * signals, receipt and jobs in one transaction.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * @typedef {import('../store.mjs').Deliverable} Deliverable
 * @typedef {import('../store.mjs').InsertMeta} InsertMeta
 * @typedef {import('../store.mjs').InsertResult} InsertResult
 * @typedef {{ seq: number, record: Deliverable, meta: InsertMeta }} WriteRequest
 * @typedef {{ seq: number, result?: InsertResult, error?: { message: string, code?: string } }} WriteAnswer
 */

/**
 * Starts the writer thread for the database at `path` (already created and migrated).
 * @param {string} path
 * @returns {{ insert: (record: Deliverable, meta: InsertMeta) => Promise<InsertResult>, close: () => Promise<void> }}
 */
export function startRecordWriter(path) {
  let seq = 0;
  /**
   * The thread taking records now, with the records it holds. Each thread answers only its own:
   * the end of one that failed must not refuse records already handed to the next.
   * @type {{ thread: Worker, pending: Map<number, { resolve: (result: InsertResult) => void, reject: (error: Error) => void }> } | null}
   */
  let current = null;
  let closing = false;

  const spawn = () => {
    /** @type {Map<number, { resolve: (result: InsertResult) => void, reject: (error: Error) => void }>} */
    const pending = new Map();
    const thread = new Worker(new URL(import.meta.url), { workerData: { path } });
    const writer = { thread, pending };
    thread.unref();
    thread.on('message', (/** @type {WriteAnswer} */ answer) => {
      const waiter = pending.get(answer.seq);
      if (!waiter) return;
      pending.delete(answer.seq);
      if (pending.size === 0) thread.unref();
      if (answer.error) waiter.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else waiter.resolve(/** @type {InsertResult} */ (answer.result));
    });
    // A thread that dies takes only the records it held: they are answered with an error (the
    // widget keeps them and retries), and the next record starts a new thread.
    const fail = (/** @type {Error} */ error) => {
      if (current === writer) current = null;
      for (const [key, waiter] of pending) {
        pending.delete(key);
        waiter.reject(error);
      }
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`The record writer stopped (exit code ${code}).`)));
    return writer;
  };

  return {
    insert: (record, meta) => {
      if (closing) return Promise.reject(new Error('The store is closed.'));
      current ??= spawn();
      const { thread, pending } = current;
      const key = ++seq;
      // The event is the request thread's to announce; nothing else in meta needs it.
      const { event: _event, ...forThread } = meta;
      return new Promise((resolve, reject) => {
        pending.set(key, { resolve, reject });
        // Held open only while a record waits: an idle writer never keeps the process alive.
        if (pending.size === 1) thread.ref();
        thread.postMessage(/** @type {WriteRequest} */ ({ seq: key, record, meta: forThread }));
      });
    },
    close: async () => {
      closing = true;
      const writer = current;
      current = null;
      if (!writer) return;
      // Records already handed over are committed and answered before the thread ends. A thread
      // that fails instead has answered them with its error; closing goes on all the same.
      // The process stays up until it has: an idle thread is unreferenced.
      const exited = new Promise((resolve) => writer.thread.once('exit', resolve));
      writer.thread.ref();
      writer.thread.postMessage('close');
      await exited;
    },
  };
}

if (!isMainThread && parentPort && workerData?.path) {
  // Not a top-level await: the store imports this module, and would wait for it forever.
  void import('./sqlite-store.mjs').then(({ createSqliteStore }) => serveWrites(/** @type {import('node:worker_threads').MessagePort} */ (parentPort), createSqliteStore({ path: workerData.path, writer: 'inline' })));
}

/**
 * The thread's side: stores each record it is handed and answers with the outcome.
 * @param {import('node:worker_threads').MessagePort} port
 * @param {import('../store.mjs').Store} store
 */
function serveWrites(port, store) {
  let inFlight = 0;
  let closeAsked = false;
  const finish = async () => {
    await store.close();
    port.close();
  };
  port.on('message', (/** @type {WriteRequest | 'close'} */ message) => {
    if (message === 'close') {
      closeAsked = true;
      if (inFlight === 0) void finish();
      return;
    }
    inFlight++;
    store.insertRecord(message.record, message.meta).then(
      (result) => port.postMessage(/** @type {WriteAnswer} */ ({ seq: message.seq, result })),
      (/** @type {any} */ error) => port.postMessage(/** @type {WriteAnswer} */ ({ seq: message.seq, error: { message: String(error?.message ?? error), code: error?.code } })),
    ).finally(() => {
      inFlight--;
      if (closeAsked && inFlight === 0) void finish();
    });
  });
}
