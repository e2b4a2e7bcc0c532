import type { Deliverable } from '../../widget/src/record/record';

/** What the scripted endpoint does with one request. */
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** The connection fails before the server sees the request. */
  | { kind: 'network' }
  /** The server stores the record, then the answer is lost. */
  | { kind: 'lost-answer' }
  /** No answer until the client gives up; `stored` says whether the server got it first. */
  | { kind: 'hang'; stored: boolean };

export interface RequestSeen {
  id: string | null;
  headers: Record<string, string>;
  keepalive: boolean;
  behaviour: Behaviour['kind'];
}

/**
 * A fake endpoint behind a `fetch`: stores records by `Idempotency-Key` as a real receiver
 * would, and does what `script` says for each request.
 */
export function createFakeEndpoint(script: (request: number, id: string) => Behaviour = () => ({ kind: 'ok' })) {
  const stored = new Map<string, Deliverable>();
  const requests: RequestSeen[] = [];
  const countById = new Map<string, number>();
  const store = (id: string, body: Deliverable): void => {
    if (!stored.has(id)) stored.set(id, body);
  };

  const fetch = (input: string, init: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const id = headers['Idempotency-Key'] ?? null;
    const body = JSON.parse(String(init.body)) as Deliverable;
    const behaviour = script(requests.length, id ?? '');
    requests.push({ id, headers, keepalive: init.keepalive === true, behaviour: behaviour.kind });
    if (id) countById.set(id, (countById.get(id) ?? 0) + 1);
    if (id !== body.id) return Promise.resolve(new Response('{"error":"key mismatch"}', { status: 400 }));
    switch (behaviour.kind) {
      case 'ok': {
        const fresh = !stored.has(id);
        store(id, body);
        return Promise.resolve(new Response('{}', { status: fresh ? 201 : 200 }));
      }
      case 'status': {
        const responseHeaders = behaviour.retryAfter ? { 'Retry-After': behaviour.retryAfter } : undefined;
        return Promise.resolve(new Response('{}', { status: behaviour.status, headers: responseHeaders }));
      }
      case 'network':
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'lost-answer':
        store(id, body);
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'hang':
        if (behaviour.stored) store(id, body);
        return new Promise((_, reject) => {
          const signal = init.signal;
          signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        });
    }
  };

  return { fetch, stored, requests, countById };
}
