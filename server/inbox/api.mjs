// @ts-check

/**
 * @typedef {{ id: string, name: string, email: string, role: 'admin' | 'agent' }} Agent
 * @typedef {{ token: string, expiresAt: string, agent: Agent }} Session
 */

/**
 * One call to the server; a refusal becomes an Error carrying the server's message, status and the field it names.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {string | null} [token] the session, sent as a Bearer header
 */
async function request(method, path, body, token = null) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  // `field`: the part of the request the refusal is about, when the server names one.
  if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { status: response.status, field: typeof data.field === 'string' ? data.field : null });
  return data;
}

/**
 * Signs in with email and password. @param {string} email @param {string} password
 * @returns {Promise<Session>}
 */
export const signIn = (email, password) => request('POST', '/api/session', { email, password });

/**
 * Sets an invited agent's password and signs them in. @param {string} token @param {string} password
 * @returns {Promise<Session>}
 */
export const acceptInvite = (token, password) => request('POST', '/api/invites/accept', { token, password });

/**
 * Whether an agent can get a password-reset link by email here (a mail server is configured).
 * @returns {Promise<{ available: boolean, minutes: number, message?: string }>}
 */
export const resetOptions = () => request('GET', '/api/password-reset');

/**
 * Asks for a password-reset link by email; the answer is the same whether or not the address has an account.
 * @param {string} email @returns {Promise<{ message: string }>}
 */
export const requestReset = (email) => request('POST', '/api/password-reset/request', { email });

/**
 * Chooses a new password with a reset link's token; every session of the agent ends.
 * @param {string} token @param {string} password @returns {Promise<{ message: string, email: string }>}
 */
export const resetPassword = (token, password) => request('POST', '/api/password-reset', { token, password });

/**
 * The inbox's calls to the server as a signed-in agent, all carrying the session token as a
 * Bearer header. `onSessionEnded` runs when the server no longer knows the session (it expired,
 * or the agent signed out or was removed elsewhere).
 * @param {string} token
 * @param {() => void} [onSessionEnded]
 */
export function createApi(token, onSessionEnded = () => {}) {
  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = (method, path, body) =>
    request(method, path, body, token).catch((error) => {
      if (/** @type {{ status?: number }} */ (error).status === 401) onSessionEnded();
      throw error;
    });

  return {
    /** @returns {Promise<{ agent: Agent }>} */
    me: () => call('GET', '/api/me'),
    signOut: () => call('DELETE', '/api/session'),
    listAgents: () => call('GET', '/api/agents'),
    /** @param {{ name: string, email: string, role: string, password?: string }} agent */
    addAgent: (agent) => call('POST', '/api/agents', agent),
    /** @param {string} id */
    removeAgent: (id) => call('DELETE', `/api/agents/${encodeURIComponent(id)}`),
    /** @param {string} id @param {'admin' | 'agent'} role */
    setRole: (id, role) => call('POST', `/api/agents/${encodeURIComponent(id)}/role`, { role }),
    /**
     * Signs the agent out and ends their password: the link to choose a new one went to them by
     * email (`sentTo`), or is here to pass on (`reset`) when no mail server is configured.
     * @param {string} id @returns {Promise<{ sentTo: string, expiresAt: string } | { reset: { path: string, expiresAt: string } }>}
     */
    resetPassword: (id) => call('POST', `/api/agents/${encodeURIComponent(id)}/password-reset`),
    /** @returns {Promise<{ events: import('./agents-view.mjs').AccountEvent[] }>} */
    accountHistory: () => call('GET', '/api/agents/history'),
    /** @param {{ status?: string, category?: string, language?: string, q?: string, limit?: number, offset?: number }} query `q`: the search box's text */
    list: (query) =>
      call('GET', `/api/complaints?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))}`),
    /** @param {string} id */
    get: (id) => call('GET', `/api/complaints/${encodeURIComponent(id)}`),
    /**
     * One of a complaint's files, as a Blob (the session goes as a header, which an <img> cannot send).
     * @param {string} id @param {string} sha256 @returns {Promise<Blob>}
     */
    file: async (id, sha256) => {
      const response = await fetch(`/api/complaints/${encodeURIComponent(id)}/attachments/${encodeURIComponent(sha256)}`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.status === 401) onSessionEnded();
      if (!response.ok) throw Object.assign(new Error('The file could not be opened.'), { status: response.status });
      return response.blob();
    },
    /** @param {string} id */
    claim: (id) => call('POST', `/api/complaints/${encodeURIComponent(id)}/claim`),
    /** @param {string} id @param {string} agentId who it is handed to */
    assign: (id, agentId) => call('POST', `/api/complaints/${encodeURIComponent(id)}/assign`, { agentId }),
    /** @returns {Promise<{ agents: { id: string, name: string }[] }>} */
    assignees: () => call('GET', '/api/assignees'),
    /** @param {string} id */
    release: (id) => call('POST', `/api/complaints/${encodeURIComponent(id)}/release`),
    /** @param {string} id @param {string} note internal @param {string} reply what the visitor reads */
    resolve: (id, note, reply) => call('POST', `/api/complaints/${encodeURIComponent(id)}/resolve`, { note, reply }),
    /** @param {string} id @param {string} text @param {string[]} [attachments] the SHA-256s of files uploaded for it */
    reply: (id, text, attachments = []) =>
      call('POST', `/api/complaints/${encodeURIComponent(id)}/replies`, attachments.length > 0 ? { text, attachments } : { text }),
    /**
     * Uploads a file an agent will send with a reply, named by its SHA-256; a refusal (type,
     * size) rejects with the server's sentence.
     * @param {string} id @param {File} file
     * @returns {Promise<import('./reply-files.mjs').KeptFile>}
     */
    upload: async (id, file) => {
      // The hash needs a secure page (HTTPS, or localhost).
      if (!crypto.subtle) throw new Error('Files can be sent only when the inbox is opened over HTTPS.');
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
      const response = await fetch(`/api/complaints/${encodeURIComponent(id)}/attachments/${sha256}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      if (response.status === 401) onSessionEnded();
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { status: response.status });
      return data;
    },
    /** @param {string} id @param {string} text @param {string} noteId the inbox's own id for it, so a note sent again is kept once */
    note: (id, text, noteId) => call('POST', `/api/complaints/${encodeURIComponent(id)}/notes`, { text, id: noteId }),
    /** @param {string} id @param {string} dueBy @param {string} reason */
    moveDue: (id, dueBy, reason) => call('POST', `/api/complaints/${encodeURIComponent(id)}/due`, { dueBy, reason }),
    /** @param {string} id */
    followUp: (id) => call('POST', `/api/complaints/${encodeURIComponent(id)}/follow-up`),
    trends: () => call('GET', '/api/trends'),
    /** @param {string} id @returns {Promise<import('./saved-reply-picker.mjs').SavedRepliesForComplaint>} */
    savedRepliesFor: (id) => call('GET', `/api/complaints/${encodeURIComponent(id)}/saved-replies`),
    /** Settings → Saved replies (admins change them). @type {import('./saved-replies-view.mjs').SavedRepliesApi} */
    savedReplies: {
      list: () => call('GET', '/api/saved-replies'),
      add: (reply) => call('POST', '/api/saved-replies', reply),
      update: (id, reply) => call('PUT', `/api/saved-replies/${encodeURIComponent(id)}`, reply),
      remove: (id) => call('DELETE', `/api/saved-replies/${encodeURIComponent(id)}`),
    },
    /** Settings → Files (admins only). @type {import('./settings-view.mjs').StorageApi} */
    storage: { usage: () => call('GET', '/api/storage') },
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
     * `agents`: an invited agent signed in, so the list of agents changed.
     * `reading`: whether the visitor has the complaint's thread open in the widget now.
     * `message`: the visitor wrote on the complaint (it changed, as with `updated`).
     * `noted`: an agent added an internal note to the complaint.
     * @param {(event: 'created' | 'updated' | 'message' | 'noted' | 'agents' | 'reading', id: string, reading?: boolean) => void} onEvent
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
          source.addEventListener('created', (event) => onEvent('created', JSON.parse(/** @type {MessageEvent} */ (event).data).id));
          source.addEventListener('updated', (event) => {
            const { id, visitorMessage } = JSON.parse(/** @type {MessageEvent} */ (event).data);
            onEvent(visitorMessage === true ? 'message' : 'updated', id);
          });
          source.addEventListener('noted', (event) => onEvent('noted', JSON.parse(/** @type {MessageEvent} */ (event).data).id));
          source.addEventListener('agents', () => onEvent('agents', ''));
          source.addEventListener('reading', (event) => {
            const { id, reading } = JSON.parse(/** @type {MessageEvent} */ (event).data);
            onEvent('reading', id, reading === true);
          });
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
