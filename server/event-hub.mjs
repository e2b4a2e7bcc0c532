// @ts-check

/**
 * Server-Sent Events fan-out for the inbox: every open inbox hears about new and changed
 * complaints and refetches what it shows.
 * @returns {{
 *   add: (res: import('node:http').ServerResponse) => void,
 *   publish: (event: string, data: unknown) => void,
 *   closeAll: () => void,
 *   disconnectAll: () => void,
 *   size: () => number,
 * }}
 */
export function createEventHub({ heartbeatMs = 25_000 } = {}) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const clients = new Set();
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  /** Ends every open stream; each inbox reconnects and reads the queue again. */
  const disconnectAll = () => {
    for (const res of clients) res.end();
    clients.clear();
  };

  return {
    add(res) {
      res.writeHead(200, {
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
      clients.add(res);
      res.on('close', () => clients.delete(res));
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
