import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createStatusReader,
  parseStatus,
  readLatestStatuses,
  readStatus,
  statusUrl,
  type ComplaintStatus,
  type PastComplaint,
} from '../../widget/src/transport/status';

/*
 * The status reader against a real HTTP server on loopback, through Node's own fetch: what the
 * widget sends, and what it makes of every kind of answer.
 */

const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const REFERENCE = 'HRD-7K3F9Q';

const RESOLVED: ComplaintStatus = {
  reference: REFERENCE,
  status: 'resolved',
  receivedAt: '2026-03-01T09:00:00.000Z',
  resolvedAt: '2026-03-03T14:05:00.000Z',
  dueBy: '2026-03-04T17:00:00.000Z',
  dueByReason: null,
  replies: [{ at: '2026-03-03T14:00:00.000Z', text: 'A new kettle is on its way.' }],
};

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let handler: Handler;
let seen: Seen[];
let closedEarly: number;
let origin: string;
const server = createServer((request, response) => {
  seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
  response.on('close', () => {
    if (!response.writableFinished) closedEarly += 1;
  });
  handler(request, response);
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_, response) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
  closedEarly = 0;
  handler = json(200, RESOLVED);
});

const complaint = (over: Partial<PastComplaint> = {}) => ({
  id: ID,
  reference: REFERENCE,
  endpoint: `${origin}/complaints`,
  statusKey: KEY,
  at: 1,
  ...over,
});

describe('reading one complaint\'s status', () => {
  it('asks GET <endpoint>/<id>/status with the status key as a bearer token and nothing else to identify the visitor', async () => {
    const answer = await readStatus(complaint());
    expect(answer).toEqual({ kind: 'status', status: RESOLVED });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe(`/complaints/${ID}/status`);
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it('builds the status URL from any form of endpoint: trailing slash, query, fragment', () => {
    expect(statusUrl('https://shop.example/complaints', ID)).toBe(`https://shop.example/complaints/${ID}/status`);
    expect(statusUrl('https://shop.example/complaints/', ID)).toBe(`https://shop.example/complaints/${ID}/status`);
    expect(statusUrl('https://shop.example/api/complaints?site=eu#x', ID)).toBe(`https://shop.example/api/complaints/${ID}/status?site=eu`);
  });

  it('keeps reply text exactly as written, markup included, for the view to show as text', async () => {
    const text = '<img src=x onerror=alert(1)> Your refund of <b>€89.99</b> is sent.\nThank you.';
    handler = json(200, { ...RESOLVED, replies: [{ at: '2026-03-03T14:00:00.000Z', text }] });
    const answer = await readStatus(complaint());
    expect(answer.kind === 'status' && answer.status.replies[0]!.text).toBe(text);
  });

  it('ignores fields it does not know, so a newer server does not silence the status', async () => {
    handler = json(200, { ...RESOLVED, agent: 'Eva', extra: { nested: true } });
    expect(await readStatus(complaint())).toEqual({ kind: 'status', status: RESOLVED });
  });

  it('takes a 404 as "not known here" (not delivered yet, or a wrong key): nothing to show, nothing forgotten', async () => {
    handler = json(404, { error: 'not-found' });
    expect(await readStatus(complaint())).toEqual({ kind: 'unknown' });
  });

  it.each([500, 502, 503, 429, 401, 403, 204])('shows nothing after a %i', async (status) => {
    handler = json(status, status === 204 ? '' : { error: 'no' }, status === 429 ? { 'Retry-After': '30' } : {});
    expect(await readStatus(complaint())).toEqual({ kind: 'unavailable' });
  });

  it('shows nothing for an answer that is not the contract\'s: garbage, HTML, wrong types', async () => {
    const bodies: unknown[] = [
      '{"reference": "HRD-7K3F9Q", "status": ',
      '<!doctype html><title>Sign in to the proxy</title>',
      'null',
      '[]',
      { ...RESOLVED, reference: '<b>HRD</b>' },
      { ...RESOLVED, status: 'closed' },
      { ...RESOLVED, receivedAt: 'yesterday' },
      { ...RESOLVED, resolvedAt: 12 },
      { ...RESOLVED, dueBy: 'soon' },
      { ...RESOLVED, dueByReason: { text: 'x' } },
      { ...RESOLVED, replies: 'Thanks' },
      { ...RESOLVED, replies: [{ at: '2026-03-03T14:00:00.000Z', text: 42 }] },
      { ...RESOLVED, replies: [{ text: 'no time' }] },
      { ...RESOLVED, resolvedAt: null },
    ];
    for (const body of bodies) {
      handler = json(200, body);
      expect(await readStatus(complaint()), JSON.stringify(body)).toEqual({ kind: 'unavailable' });
    }
  });

  it('keeps a huge answer within bounds: the latest 50 replies, each at most 5,000 characters', async () => {
    const replies = Array.from({ length: 60 }, (_, n) => ({ at: new Date(Date.UTC(2026, 2, 1, n)).toISOString(), text: `${n} ${'x'.repeat(9_000)}` }));
    handler = json(200, { ...RESOLVED, replies, dueByReason: 'y'.repeat(9_000) });
    const answer = await readStatus(complaint());
    if (answer.kind !== 'status') throw new Error(`expected a status, got ${answer.kind}`);
    expect(answer.status.replies).toHaveLength(50);
    expect(answer.status.replies[0]!.text.startsWith('10 ')).toBe(true);
    expect(answer.status.replies.every((r) => r.text.length === 5_000)).toBe(true);
    expect(answer.status.dueByReason).toHaveLength(5_000);
  });

  it('gives up quietly on a server that never answers, and closes the request', async () => {
    handler = () => {};
    expect(await readStatus(complaint(), { timeoutMs: 200 })).toEqual({ kind: 'unavailable' });
    await expect.poll(() => closedEarly).toBe(1);
  });

  it('gives up quietly when the network is down (nothing listening)', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    expect(await readStatus(complaint({ endpoint: `http://127.0.0.1:${port}/complaints` }))).toEqual({ kind: 'unavailable' });
  });

  it('stops when the panel closes (its signal aborts)', async () => {
    handler = () => {};
    const controller = new AbortController();
    const reading = readStatus(complaint(), { signal: controller.signal });
    await expect.poll(() => seen.length).toBe(1);
    controller.abort();
    expect(await reading).toEqual({ kind: 'unavailable' });
    await expect.poll(() => closedEarly).toBe(1);
  });

  it('does not follow a redirect, which could carry the key elsewhere', async () => {
    handler = (_, response) => {
      response.writeHead(302, { Location: `${origin}/elsewhere` });
      response.end();
    };
    expect(await readStatus(complaint())).toEqual({ kind: 'unavailable' });
    expect(seen.map((s) => s.url)).toEqual([`/complaints/${ID}/status`]);
  });

  it('sends nothing for a malformed key or endpoint', async () => {
    expect(await readStatus(complaint({ statusKey: 'short' }))).toEqual({ kind: 'unavailable' });
    expect(await readStatus(complaint({ statusKey: `${KEY}\r\nX-Evil: 1`.slice(0, 22) + '\n' }))).toEqual({ kind: 'unavailable' });
    expect(await readStatus(complaint({ endpoint: 'not a url' }))).toEqual({ kind: 'unavailable' });
    expect(seen).toEqual([]);
  });
});

describe('reading the latest complaints', () => {
  const history = (): PastComplaint[] => [
    { id: 'a0000000-0000-4000-8000-000000000001', reference: 'HRD-AAAAA1', at: 1, endpoint: `${origin}/complaints`, statusKey: KEY },
    { id: 'a0000000-0000-4000-8000-000000000002', reference: 'HRD-AAAAA2', at: 5, endpoint: `${origin}/complaints`, statusKey: KEY },
    // Sent to another widget on this site.
    { id: 'a0000000-0000-4000-8000-000000000003', reference: 'HRD-AAAAA3', at: 6, endpoint: `${origin}/other`, statusKey: KEY },
    // From before status keys.
    { id: 'a0000000-0000-4000-8000-000000000004', reference: 'HRD-AAAAA4', at: 7 },
    { id: 'a0000000-0000-4000-8000-000000000005', reference: 'HRD-AAAAA5', at: 3, endpoint: `${origin}/complaints`, statusKey: KEY },
    { id: 'a0000000-0000-4000-8000-000000000006', reference: 'HRD-AAAAA6', at: 4, endpoint: `${origin}/complaints`, statusKey: KEY },
    { id: 'a0000000-0000-4000-8000-000000000007', reference: 'HRD-AAAAA7', at: 8, endpoint: `${origin}/complaints`, statusKey: KEY },
  ];

  it('asks about the newest three sent to this endpoint with a key', async () => {
    handler = (request, response) => {
      const id = request.url!.split('/')[2]!;
      json(200, { ...RESOLVED, reference: `HRD-AAAAA${id.slice(-1)}` })(request, response);
    };
    const readings = await readLatestStatuses(history(), { endpoint: `${origin}/complaints` });
    expect(readings.map((r) => r.id.slice(-1))).toEqual(['7', '2', '6']);
    expect(readings.every((r) => r.answer.kind === 'status')).toBe(true);
    expect(seen.map((s) => s.url.split('/')[2]!.slice(-1)).sort()).toEqual(['2', '6', '7']);
  });
});

describe('the widget\'s reader', () => {
  const one = (): PastComplaint[] => [complaint()];

  it('keeps the last status it read when a later read fails or the server no longer knows it', async () => {
    let clock = 0;
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => clock, freshForMs: 10 });
    expect(await read(one())).toEqual([{ id: ID, status: RESOLVED }]);
    for (const failure of [json(500, {}), json(404, { error: 'not-found' }), json(200, 'garbage')]) {
      clock += 100;
      handler = failure;
      expect(await read(one())).toEqual([{ id: ID, status: RESOLVED }]);
    }
  });

  it('answers from memory for a while after a complete read, then asks again', async () => {
    let clock = 0;
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => clock, freshForMs: 30_000 });
    await read(one());
    clock += 29_000;
    await read(one());
    expect(seen).toHaveLength(1);
    clock += 2_000;
    const inProgress: ComplaintStatus = { ...RESOLVED, status: 'in-progress', resolvedAt: null, replies: [] };
    handler = json(200, inProgress);
    expect(await read(one())).toEqual([{ id: ID, status: inProgress }]);
    expect(seen).toHaveLength(2);
  });

  it('asks again, memory or not, once an open thread has read a newer status since', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => 0 });
    await read(one());
    const replied: ComplaintStatus = { ...RESOLVED, replies: [...RESOLVED.replies, { at: '2026-03-03T15:00:00.000Z', text: 'It left the warehouse.' }] };
    handler = json(200, replied);
    // What the thread does when its stream says the complaint changed.
    expect(await readStatus(complaint())).toEqual({ kind: 'status', status: replied });
    expect(await read(one())).toEqual([{ id: ID, status: replied }]);
    expect(seen).toHaveLength(3);
  });

  it('asks once when the bubble and the panel want the same statuses at the same moment', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => 0 });
    const [first, second] = await Promise.all([read(one()), read(one())]);
    expect(first).toEqual([{ id: ID, status: RESOLVED }]);
    expect(second).toEqual(first);
    expect(seen).toHaveLength(1);
  });

  it('reads again when the read under way was cancelled, rather than answer with the cancelled one', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => 0 });
    const panel = new AbortController();
    const cancelled = read(one(), panel.signal);
    panel.abort();
    expect(await read(one(), new AbortController().signal)).toEqual([{ id: ID, status: RESOLVED }]);
    expect(await cancelled).toEqual([]);
  });

  it('reads at once, memory or not, when a complaint was sent since', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => 0 });
    await read(one());
    const next = complaint({ id: 'b0000000-0000-4000-8000-000000000001', reference: 'HRD-BBBBBB', at: 2 });
    handler = (request, response) => json(200, { ...RESOLVED, reference: request.url!.includes(next.id) ? 'HRD-BBBBBB' : REFERENCE })(request, response);
    const statuses = await read([...one(), next]);
    expect(statuses.map((s) => s.status.reference)).toEqual(['HRD-BBBBBB', REFERENCE]);
    expect(seen).toHaveLength(3);
  });

  it('shows a complaint the server stored under another reference by the server\'s, and says so to keep it', async () => {
    const kept: [string, string][] = [];
    const read = createStatusReader({ endpoint: `${origin}/complaints`, keepReference: (id, reference) => kept.push([id, reference]) });
    handler = json(200, { ...RESOLVED, reference: 'HRD-SRV001' });
    const statuses = await read(one());
    expect(statuses.map((s) => s.status.reference)).toEqual(['HRD-SRV001']);
    expect(kept).toEqual([[ID, 'HRD-SRV001']]);
  });

  it('keeps the whole thread: every reply with something in it and the visitor\'s own follow-ups, oldest first, and the reply window', async () => {
    const replies = [
      { at: '2026-03-03T14:00:00.000Z', text: 'Newest with words' },
      { at: '2026-03-02T10:00:00.000Z', text: 'Older' },
      { at: '2026-03-04T10:00:00.000Z', text: '   ' },
    ];
    const messages = [
      { id: 'b', at: '2026-03-03T16:00:00.000Z', text: 'And the lid?' },
      { id: 'a', at: '2026-03-02T12:00:00.000Z', text: 'It was the kettle.' },
    ];
    handler = json(200, { ...RESOLVED, replies, messages, answerableUntil: '2026-03-17T14:05:00.000Z', teamOnline: true });
    const read = createStatusReader({ endpoint: `${origin}/complaints` });
    const [past] = await read(one());
    expect(past!.status.replies).toEqual([replies[1], replies[0]]);
    expect(past!.status.messages).toEqual([messages[1], messages[0]]);
    expect(past!.status.answerableUntil).toBe('2026-03-17T14:05:00.000Z');
    expect(past!.status.teamOnline).toBe(true);
  });

  it('takes no answer whose follow-ups or reply window do not look like the contract\'s', async () => {
    handler = json(200, { ...RESOLVED, messages: [{ at: '2026-03-02T12:00:00.000Z', text: 'no id' }] });
    expect(await readStatus(complaint())).toEqual({ kind: 'unavailable' });
    handler = json(200, { ...RESOLVED, answerableUntil: 'soon' });
    expect(await readStatus(complaint())).toEqual({ kind: 'unavailable' });
  });

  it('tries again at once after a read that failed', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints`, now: () => 0 });
    handler = json(503, {});
    expect(await read(one())).toEqual([]);
    handler = json(200, RESOLVED);
    expect(await read(one())).toEqual([{ id: ID, status: RESOLVED }]);
    expect(seen).toHaveLength(2);
  });

  it('reads nothing for a visitor without complaints sent here', async () => {
    const read = createStatusReader({ endpoint: `${origin}/complaints` });
    expect(await read([{ id: ID, reference: REFERENCE, at: 1 }])).toEqual([]);
    expect(seen).toEqual([]);
  });
});

describe('the files a reply or a follow-up sent', () => {
  const SHA = 'a1'.repeat(32);
  const PDF = { sha256: SHA, type: 'application/pdf', size: 122_880 };
  const OPEN = { ...RESOLVED, status: 'in-progress', resolvedAt: null, messages: [] };

  it('keeps each file of a reply and of a follow-up, by its hash, type and size only', () => {
    const status = parseStatus({
      ...OPEN,
      replies: [{ at: '2026-03-03T14:00:00.000Z', text: 'Your return label.', attachments: [{ ...PDF, width: 10, url: 'https://evil.example/x' }] }],
      messages: [{ id: 'm1', at: '2026-03-03T15:00:00.000Z', text: 'The photo.', attachments: [{ sha256: 'b2'.repeat(32), type: 'image/jpeg', size: 2048 }] }],
    });
    expect(status?.replies).toEqual([{ at: '2026-03-03T14:00:00.000Z', text: 'Your return label.', attachments: [PDF] }]);
    expect(status?.messages).toEqual([{ id: 'm1', at: '2026-03-03T15:00:00.000Z', text: 'The photo.', attachments: [{ sha256: 'b2'.repeat(32), type: 'image/jpeg', size: 2048 }] }]);
  });

  it('keeps a reply that sent only a file, without words', () => {
    const status = parseStatus({ ...OPEN, replies: [{ at: '2026-03-03T14:00:00.000Z', text: '', attachments: [PDF] }] });
    expect(status?.replies).toEqual([{ at: '2026-03-03T14:00:00.000Z', text: '', attachments: [PDF] }]);
  });

  it.each([
    ['a hash that is not lowercase hex', { ...PDF, sha256: '../../status' }],
    ['a short hash', { ...PDF, sha256: 'a1' }],
    ['an uppercase hash', { ...PDF, sha256: SHA.toUpperCase() }],
    ['no type', { sha256: SHA, size: 1 }],
    ['a size that is not a number', { ...PDF, size: '120 KB' }],
    ['a negative size', { ...PDF, size: -1 }],
    ['a file that is not an object', SHA],
  ])('takes an answer listing %s as not the contract’s', (_, file) => {
    expect(parseStatus({ ...OPEN, replies: [{ at: '2026-03-03T14:00:00.000Z', text: 'Here.', attachments: [file] }] })).toBeNull();
    expect(parseStatus({ ...OPEN, messages: [{ id: 'm1', at: '2026-03-03T15:00:00.000Z', text: 'Here.', attachments: [file] }] })).toBeNull();
    expect(parseStatus({ ...OPEN, replies: [{ at: '2026-03-03T14:00:00.000Z', text: 'Here.', attachments: file }] })).toBeNull();
  });
});
