import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ComplaintRecord } from '../../../widget/src/record/record';
import type { ComplaintStatus } from '../../../widget/src/transport/status';

/**
 * A small complaint endpoint on loopback that keeps the visitor-status contract
 * (SERVER-CONTRACT.md): `POST /complaints` stores a record and only the SHA-256 of its status
 * key; `GET /complaints/:id/status` with `Authorization: Bearer <statusKey>` answers the status,
 * 404 alike for an unknown id and a wrong key; CORS for the allowed page origins, `GET` and the
 * `Authorization` header included. Tests move a complaint along with `update`.
 */
export async function startStatusEndpoint(allowedOrigins: () => string[]): Promise<StatusEndpoint> {
  const complaints = new Map<string, { record: ComplaintRecord; keyHash: Buffer | null; status: ComplaintStatus }>();
  const statusRequests: StatusRequest[] = [];

  const cors = (request: IncomingMessage, response: ServerResponse): boolean => {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    if (!allowedOrigins().includes(origin)) return false;
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    return true;
  };
  const send = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const hash = (key: string): Buffer => createHash('sha256').update(key).digest();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    if (!cors(request, response)) return send(response, 403, { error: 'origin-not-allowed' });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Heard-Site-Key, Authorization',
        'Access-Control-Max-Age': '600',
      });
      return response.end();
    }
    if (request.method === 'POST' && url.pathname === '/complaints') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ComplaintRecord;
        if (record.type === 'complaint' && !complaints.has(record.id)) {
          const key = record.visitor.statusKey;
          complaints.set(record.id, {
            record,
            keyHash: key ? hash(key) : null,
            status: { reference: record.reference, status: 'received', receivedAt: new Date().toISOString(), resolvedAt: null, dueBy: record.commitment?.dueBy ?? null, dueByReason: null, replies: [] },
          });
        }
        send(response, 201, { id: record.id });
      });
      return;
    }
    const match = /^\/complaints\/([^/]+)\/status$/.exec(url.pathname);
    if (request.method === 'GET' && match) {
      const id = decodeURIComponent(match[1]!);
      const authorization = request.headers.authorization ?? '';
      statusRequests.push({ id, authorization, cookie: request.headers.cookie ?? null, origin: request.headers.origin ?? null });
      const complaint = complaints.get(id);
      const given = authorization.startsWith('Bearer ') ? hash(authorization.slice(7)) : null;
      if (!complaint?.keyHash || !given || !timingSafeEqual(given, complaint.keyHash)) return send(response, 404, { error: 'not-found' });
      return send(response, 200, complaint.status);
    }
    send(response, 404, { error: 'not-found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    endpoint: `${origin}/complaints`,
    records: () => [...complaints.values()].map((c) => c.record),
    storedKeyHash: (id) => complaints.get(id)?.keyHash?.toString('hex') ?? null,
    statusRequests,
    update(id, change) {
      const complaint = complaints.get(id);
      if (!complaint) throw new Error(`no complaint ${id}`);
      complaint.status = { ...complaint.status, ...change };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface StatusRequest {
  id: string;
  authorization: string;
  cookie: string | null;
  origin: string | null;
}

export interface StatusEndpoint {
  origin: string;
  /** What the widget's `data-endpoint` points at. */
  endpoint: string;
  records(): ComplaintRecord[];
  /** The hex SHA-256 kept for a complaint's status key (the key itself is not kept). */
  storedKeyHash(id: string): string | null;
  statusRequests: StatusRequest[];
  /** What an agent's work would change: status, dates, replies. */
  update(id: string, change: Partial<ComplaintStatus>): void;
  close(): Promise<void>;
}
