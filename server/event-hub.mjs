// @ts-check

/**
 * Starts a Server-Sent Events answer on `res`, with `headers` besides its own.
 * @param {import('node:http').ServerResponse} res
 * @param {Record<string, string>} [headers]
 */
export function beginEventStream(res, headers = {}) {
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // The connection ends with the stream, so a closing server is not held up by it.
    Connection: 'close',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  // A stream is quiet between events by design: the server's idle timeout is not for it.
  // Its heartbeat keeps proxies from closing it, and a write after the client has gone
  // ends it.
  res.socket?.setTimeout(0);
}

/** Live streams one agent may hold open on one instance. */
export const DEFAULT_STREAMS_PER_AGENT = 10;

/**
 * Server-Sent Events fan-out for the inbox: every open inbox hears about new and changed
 * complaints and refetches what it shows. One agent holds at most `perAgent` streams on this
 * instance: one more ends the agent's oldest (its inbox, if still open, reconnects), so a
 * reconnecting inbox always gets its stream while one account cannot pile up hundreds.
 * @param {{ heartbeatMs?: number, perAgent?: number }} [options]
 * @returns {{
 *   add: (res: import('node:http').ServerResponse, agentId: string) => void,
 *   publish: (event: string, data: unknown) => void,
 *   closeAll: () => void,
 *   disconnectAll: () => void,
 *   size: () => number,
 * }}
 */
export function createEventHub({ heartbeatMs = 25_000, perAgent = DEFAULT_STREAMS_PER_AGENT } = {}) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const clients = new Set();
  /** Each agent's open streams, oldest first. @type {Map<string, Set<import('node:http').ServerResponse>>} */
  const byAgent = new Map();
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  /** Ends every open stream; each inbox reconnects and reads the queue again. */
  const disconnectAll = () => {
    for (const res of clients) res.end();
    clients.clear();
    byAgent.clear();
  };

  return {
    add(res, agentId) {
      const theirs = byAgent.get(agentId) ?? new Set();
      byAgent.set(agentId, theirs);
      for (const oldest of theirs) {
        if (theirs.size < perAgent) break;
        theirs.delete(oldest);
        clients.delete(oldest);
        oldest.end();
      }
      beginEventStream(res);
      clients.add(res);
      theirs.add(res);
      res.on('close', () => {
        clients.delete(res);
        theirs.delete(res);
        if (theirs.size === 0 && byAgent.get(agentId) === theirs) byAgent.delete(agentId);
      });
    },
    publish(event, data) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    closeAll() {
      clearInterval(heartbeat);
      disconnectAll();
    },
    disconnectAll,
    size: () => clients.size,
  };
}
