// @ts-check

/**
 * The inbox's calls to the server, all carrying the agent token as a Bearer header.
 * @param {string} token
 */
export function createApi(token) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  async function call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { status: response.status });
    return data;
  }

  return {
    session: () => call('GET', '/api/session'),
    /** @param {{ status?: string, category?: string, language?: string, limit?: number, offset?: number }} query */
    list: (query) =>
      call('GET', `/api/complaints?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))}`),
    /** @param {string} id */
    get: (id) => call('GET', `/api/complaints/${encodeURIComponent(id)}`),
    /** @param {string} id @param {string} agent */
    claim: (id, agent) => call('POST', `/api/complaints/${encodeURIComponent(id)}/claim`, { agent }),
    /** @param {string} id @param {string} agent @param {string} note */
    resolve: (id, agent, note) => call('POST', `/api/complaints/${encodeURIComponent(id)}/resolve`, { agent, note }),
    /** @param {string} id */
    followUp: (id) => call('POST', `/api/complaints/${encodeURIComponent(id)}/follow-up`),
    trends: () => call('GET', '/api/trends'),
    /** Settings → Destinations (admins only). @type {import('./settings-view.mjs').DestinationsApi} */
    destinations: {
      list: () => call('GET', '/api/destinations'),
      add: (body) => call('POST', '/api/destinations', body),
      test: (id) => call('POST', `/api/destinations/${encodeURIComponent(id)}/test`),
      setPaused: (id, paused) => call('POST', `/api/destinations/${encodeURIComponent(id)}/${paused ? 'pause' : 'resume'}`),
      remove: (id) => call('DELETE', `/api/destinations/${encodeURIComponent(id)}`),
      deliveries: (id) => call('GET', `/api/destinations/${encodeURIComponent(id)}/deliveries`),
      retry: (jobId) => call('POST', `/api/jobs/${encodeURIComponent(jobId)}/retry`),
    },
    /**
     * Listens for new and changed complaints. `EventSource` cannot send headers, so each
     * connection trades the token for a one-use ticket; after a drop it takes a new one.
     * @param {(event: 'created' | 'updated', id: string) => void} onEvent
     * @param {(state: 'live' | 'reconnecting') => void} onState
     * @returns {() => void} stops listening
     */
    listen(onEvent, onState) {
      /** @type {EventSource | null} */
      let source = null;
      let stopped = false;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let retry;
      const connect = async () => {
        if (stopped) return;
        try {
          const { ticket } = await call('POST', '/api/stream-ticket');
          if (stopped) return;
          source = new EventSource(`/api/stream?ticket=${encodeURIComponent(ticket)}`);
          source.addEventListener('open', () => onState('live'));
          for (const name of /** @type {const} */ (['created', 'updated'])) {
            source.addEventListener(name, (event) => onEvent(name, JSON.parse(/** @type {MessageEvent} */ (event).data).id));
          }
          source.addEventListener('error', () => {
            source?.close();
            onState('reconnecting');
            retry = setTimeout(connect, 2000);
          });
        } catch {
          onState('reconnecting');
          retry = setTimeout(connect, 2000);
        }
      };
      void connect();
      return () => {
        stopped = true;
        clearTimeout(retry);
        source?.close();
      };
    },
  };
}
