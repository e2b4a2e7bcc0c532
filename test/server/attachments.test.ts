import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { Readable } from 'node:stream';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { png } from '../../bench/png.mjs';
import { createApp } from '../../server/app.mjs';
import { diskStorage, s3Storage, type AttachmentStorage } from '../../server/attachments/storage.mjs';
import { createUploadBudget } from '../../server/attachments/upload-budget.mjs';
import { dropUnreferencedFiles, startRetentionSweep } from '../../server/retention.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const newKey = () => randomBytes(16).toString('base64url');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A zip archive's first bytes (a local file header), whatever its name says. */
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]), randomBytes(64)]);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let s3: S3rver;
let s3Dir: string;
let s3Endpoint: string;
beforeAll(async () => {
  s3Dir = mkdtempSync(join(tmpdir(), 'heard-s3-'));
  const port = await freePort();
  s3 = new S3rver({ address: '127.0.0.1', port, silent: true, directory: s3Dir, configureBuckets: [{ name: 'heard-files', configs: [] }] });
  await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3.close();
  rmSync(s3Dir, { recursive: true, force: true });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const storages: [string, () => AttachmentStorage][] = [
  ['disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-files-'));
    dirs.push(dir);
    return diskStorage(join(dir, 'attachments'));
  }],
  ['S3-compatible storage', () => s3Storage({ endpoint: s3Endpoint, bucket: 'heard-files', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' })],
];

describe.each(storages)('attachment storage on %s', (_name, make) => {
  let storage: AttachmentStorage;
  beforeEach(() => {
    storage = make();
  });
  const stream = async function* (bytes: Buffer) {
    yield bytes;
  };
  const readAll = async (body: NodeJS.ReadableStream) => {
    const parts: Buffer[] = [];
    for await (const part of body) parts.push(Buffer.from(part as Buffer));
    return Buffer.concat(parts);
  };

  it('keeps a file under its hash once committed, and once only', async () => {
    const bytes = randomBytes(5000);
    const name = sha(bytes);
    expect(await storage.has(name)).toBe(false);
    const first = await storage.write(Readable.from(stream(bytes)), bytes.length);
    expect(await storage.has(name)).toBe(false);
    expect(await storage.commit(first, name)).toBe('created');
    const second = await storage.write(Readable.from(stream(bytes)), bytes.length);
    expect(await storage.commit(second, name)).toBe('exists');
    expect(await readAll((await storage.open(name))!)).toEqual(bytes);
    expect((await storage.list()).filter((file) => file.sha256 === name)).toHaveLength(1);
    await storage.remove(name);
    expect(await storage.has(name)).toBe(false);
    expect(await storage.open(name)).toBeNull();
  });

  it('deletes an upload never finished once it is older than asked, and nothing else', async () => {
    const bytes = randomBytes(3000);
    const unfinished = await storage.write(Readable.from(stream(bytes)), bytes.length);
    const kept = randomBytes(1000);
    await storage.commit(await storage.write(Readable.from(stream(kept)), kept.length), sha(kept));
    expect(await storage.dropIncoming(Date.now() - 60_000)).toBe(0);
    expect(await storage.dropIncoming(Date.now() + 60_000)).toBeGreaterThanOrEqual(1);
    await expect(storage.commit(unfinished, sha(bytes))).rejects.toThrow();
    expect(await storage.has(sha(kept))).toBe(true);
  });

  it('keeps nothing of a discarded or failed write', async () => {
    const bytes = randomBytes(2000);
    const temporary = await storage.write(Readable.from(stream(bytes)), bytes.length);
    await storage.discard(temporary);
    const failing = new Readable({ read() {} });
    failing.push(randomBytes(100));
    setTimeout(() => failing.destroy(new Error('cut')), 10);
    await expect(storage.write(failing, 5000)).rejects.toThrow();
    expect((await storage.list()).map((file) => file.sha256)).not.toContain(sha(bytes));
  });
});

describe('the upload budget', () => {
  it('counts a bounded number of clients, forgetting the one counted longest', () => {
    const budget = createUploadBudget({ bytesPerMinute: 10, clock: { now: () => 0 }, clients: 2 });
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect(budget.take(client, 10).ok).toBe(true);
    expect(budget.size).toBe(2);
    expect(budget.take('198.51.100.3', 1).ok).toBe(false);
    expect(budget.take('198.51.100.1', 1).ok).toBe(true);
  });
  it('lets one file larger than the budget through an empty minute', () => {
    const budget = createUploadBudget({ bytesPerMinute: 10, clock: { now: () => 0 } });
    expect(budget.take('198.51.100.1', 50).ok).toBe(true);
    expect(budget.take('198.51.100.1', 1)).toEqual({ ok: false, retryAfterSeconds: 60 });
  });
});

describe('attachments on disk', () => {
  it('are kept in a 0700 folder as 0600 files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'heard-files-')), 'attachments');
    dirs.push(dir);
    const storage = diskStorage(dir);
    const bytes = randomBytes(100);
    await storage.commit(await storage.write(Readable.from([bytes]), 100), sha(bytes));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const folder = join(dir, sha(bytes).slice(0, 2));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, sha(bytes))).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });
});

const backends = bothStores();
const cases = backends.flatMap(([db, open]) => storages.map(([kind, make]) => [`${db} with ${kind}`, open, make] as const));

describe.each(cases)('the visitor sends files on %s', (_name, open, make) => {
  let store: Store;
  let storage: AttachmentStorage;
  let app: ReturnType<typeof createApp>;
  let agent: { authorization: string };

  beforeEach(async () => {
    store = await open();
    storage = make();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: storage, jobs: { worker: false } });
    await app.ready();
    agent = (await signedIn(app, store, { name: 'Mia', email: `mia-${randomBytes(4).toString('hex')}@shop.example` })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const receive = async (attachments?: unknown[]) => {
    const record = sampleComplaint({ visitor: { statusKey: newKey() } as never, ...(attachments ? { attachments } : {}) } as never);
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode, response.body).toBe(201);
    return { id: record.id as string, key: (record.visitor as { statusKey: string }).statusKey };
  };
  const put = (id: string, key: string, bytes: Buffer, name = sha(bytes), type = 'image/jpeg') =>
    app.inject({ method: 'PUT', url: `/complaints/${id}/attachments/${name}`, headers: { authorization: `Bearer ${key}`, origin: SHOP, 'content-type': type }, payload: bytes });
  const detail = async (id: string) => (await app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: agent })).json().complaint;
  const kept = async () => (await storage.list()).map((file) => file.sha256);

  it('keeps a photo once, typed and measured from its bytes, and a replay is answered alike', async () => {
    const { id, key } = await receive();
    const photo = png(640, 480);
    const first = await put(id, key, photo, sha(photo), 'application/octet-stream');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ sha256: sha(photo), type: 'image/png', size: photo.length, width: 640, height: 480 });
    expect(first.headers['access-control-allow-origin']).toBe(SHOP);
    const again = await put(id, key, photo);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await kept()).filter((name) => name === sha(photo))).toHaveLength(1);
    expect((await detail(id)).attachments).toEqual([{ sha256: sha(photo), type: 'image/png', size: photo.length, width: 640, height: 480, arrived: true }]);
  });

  it('refuses a body whose hash is not its name, and keeps nothing', async () => {
    const { id, key } = await receive();
    const response = await put(id, key, png(10, 10), sha(Buffer.from('something else')));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('hash-mismatch');
    expect(await kept()).not.toContain(sha(png(10, 10)));
    expect((await detail(id)).attachments).toEqual([]);
  });

  it('answers a wrong key and an unknown complaint alike, with a 404', async () => {
    const { id } = await receive();
    const photo = png(4, 4);
    const wrong = await put(id, newKey(), photo);
    const unknown = await put('no-such-complaint', newKey(), photo);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses what is not an allowed type, whatever it is called: HTML, SVG or a zip named .jpg', async () => {
    const { id, key } = await receive();
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    for (const bytes of [html, svg, ZIP]) {
      const response = await put(id, key, bytes, sha(bytes), 'image/jpeg');
      expect(response.statusCode).toBe(415);
      expect(response.json().message).toMatch(/JPEG, PNG, WebP, GIF and HEIC photos and PDF/);
    }
    expect((await detail(id)).attachments).toEqual([]);
    expect(await kept()).toEqual(expect.not.arrayContaining([sha(html), sha(svg), sha(ZIP)]));
  });

  it('refuses a PNG whose header says impossible dimensions or is damaged', async () => {
    const { id, key } = await receive();
    const zero = png(0, 10);
    const damaged = png(10, 10);
    damaged[20] = (damaged[20] ?? 0) ^ 0xff; // the height, without fixing the header's CRC
    for (const bytes of [zero, damaged]) {
      const response = await put(id, key, bytes);
      expect(response.statusCode).toBe(415);
      expect(response.json().error).toBe('broken-image');
    }
    expect((await detail(id)).attachments).toEqual([]);
  });

  it('refuses a file over 20 MB with a 413 before reading it', async () => {
    const { id, key } = await receive();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    const response = await put(id, key, big, sha(big));
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/20 MB/);
  });

  it('serves a PDF to agents as a download, sandboxed and never cached by others', async () => {
    const { id, key } = await receive();
    expect((await put(id, key, PDF, sha(PDF), 'image/png')).statusCode).toBe(201);
    const response = await app.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(PDF)}`, headers: agent });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(PDF);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe('sandbox');
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const photo = png(8, 8);
    await put(id, key, photo);
    const image = await app.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(photo)}`, headers: agent });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toBe('sandbox');
    const anonymous = await app.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(PDF)}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets the visitor open their own file with the status key, served so a browser never runs it, and no one else', async () => {
    const { id, key } = await receive();
    expect((await put(id, key, PDF)).statusCode).toBe(201);
    const get = (complaint: string, bearer: string, name = sha(PDF)) =>
      app.inject({ method: 'GET', url: `/complaints/${complaint}/attachments/${name}`, headers: { authorization: `Bearer ${bearer}`, origin: SHOP } });
    const opened = await get(id, key);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(PDF);
    expect(opened.headers['x-content-type-options']).toBe('nosniff');
    expect(opened.headers['content-security-policy']).toBe('sandbox');
    expect(opened.headers['content-disposition']).toMatch(/^attachment/);
    expect(opened.headers['access-control-allow-origin']).toBe(SHOP);
    const other = await receive();
    const wrongKey = await get(id, other.key);
    const notTheirs = await get(other.id, other.key);
    const missing = await get(id, key, sha(Buffer.from('never sent')));
    for (const answer of [wrongKey, notTheirs, missing]) expect(answer.statusCode).toBe(404);
    expect(wrongKey.json()).toEqual(notTheirs.json());
  });

  it('stores a record naming a file still travelling, and shows it arriving until it comes', async () => {
    const photo = png(32, 16);
    const { id, key } = await receive([{ id: 'file-0001', sha256: sha(photo), type: 'image/png', size: photo.length, width: 32, height: 16 }]);
    expect((await detail(id)).attachments).toEqual([{ id: 'file-0001', sha256: sha(photo), type: 'image/png', size: photo.length, arrived: false }]);
    expect((await put(id, key, photo)).statusCode).toBe(201);
    expect((await detail(id)).attachments).toEqual([{ id: 'file-0001', sha256: sha(photo), type: 'image/png', size: photo.length, width: 32, height: 16, arrived: true }]);
  });

  it('refuses a record whose attachments are malformed', async () => {
    const record = sampleComplaint({ visitor: { statusKey: newKey() } as never, attachments: [{ id: 'file-0001', sha256: 'not-a-hash', type: 'text/html', size: 10 }] } as never);
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(400);
  });

  it('caps how many files one complaint may have', async () => {
    const { id, key } = await receive();
    for (let n = 1; n <= 25; n += 1) expect((await put(id, key, png(n, 1))).statusCode).toBe(201);
    const one = await put(id, key, png(26, 1));
    expect(one.statusCode).toBe(413);
    expect(one.json().error).toBe('too-many-files');
    expect((await put(id, key, png(3, 1))).statusCode).toBe(200);
  });

  it('answers a client sending more bytes a minute than allowed 429 with Retry-After, and takes the file once the minute is over', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const limited = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: storage, jobs: { worker: false }, clock: { now: () => now }, uploadBytesPerMinute: 250_000, trustProxy: ['127.0.0.1'] });
    await limited.ready();
    const { id, key } = await receive();
    const file = (n: number) => Buffer.concat([png(n, 1), randomBytes(100_000)]);
    const send = (bytes: Buffer, client: string) =>
      limited.inject({ method: 'PUT', url: `/complaints/${id}/attachments/${sha(bytes)}`, headers: { authorization: `Bearer ${key}`, origin: SHOP, 'x-forwarded-for': client }, payload: bytes });
    expect((await send(file(1), '198.51.100.1')).statusCode).toBe(201);
    expect((await send(file(2), '198.51.100.1')).statusCode).toBe(201);
    const third = file(3);
    const refused = await send(third, '198.51.100.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBe(60);
    expect(await kept()).not.toContain(sha(third));
    // Another visitor is counted apart.
    expect((await send(file(4), '203.0.113.9')).statusCode).toBe(201);
    now += 45_000;
    expect(Number((await send(third, '198.51.100.1')).headers['retry-after'])).toBe(15);
    now += 15_000;
    expect((await send(third, '198.51.100.1')).statusCode).toBe(201);
    await limited.close();
  });

  it('tells an admin how many files are kept and their bytes, and no one else', async () => {
    const admin = (await signedIn(app, store, { name: 'Ada', role: 'admin', email: `ada-${randomBytes(4).toString('hex')}@shop.example` })).headers;
    // The S3-compatible bucket is shared by every test here: what these add is counted.
    const before = (await app.inject({ method: 'GET', url: '/api/storage', headers: admin })).json();
    const { id, key } = await receive();
    const photo = Buffer.concat([png(30, 20), randomBytes(500)]);
    const pdf = Buffer.concat([PDF, randomBytes(300)]);
    await put(id, key, photo);
    await put(id, key, pdf);
    const other = await receive();
    await put(other.id, other.key, pdf);
    const usage = await app.inject({ method: 'GET', url: '/api/storage', headers: admin });
    expect(usage.statusCode, usage.body).toBe(200);
    expect(usage.json()).toEqual({ kind: storage.kind, files: before.files + 2, bytes: before.bytes + photo.length + pdf.length });
    expect((await app.inject({ method: 'GET', url: '/api/storage', headers: agent })).statusCode).toBe(403);
  });

  it('deletes a file no record names a day after it came, in the retention sweep, and keeps the named ones', async () => {
    const named = png(20, 10);
    const { id, key } = await receive([{ id: 'file-0001', sha256: sha(named), type: 'image/png', size: named.length, width: 20, height: 10 }]);
    const leftOut = png(21, 10);
    expect((await put(id, key, named)).statusCode).toBe(201);
    expect((await put(id, key, leftOut)).statusCode).toBe(201);
    const sweepAt = async (hoursLater: number) => {
      const retention = startRetentionSweep({ store, days: 730, attachments: storage, now: () => Date.now() + hoursLater * 60 * 60 * 1000 });
      await retention.stop();
    };
    await sweepAt(23);
    expect(await kept()).toEqual(expect.arrayContaining([sha(named), sha(leftOut)]));
    await sweepAt(25);
    expect(await kept()).toContain(sha(named));
    expect(await kept()).not.toContain(sha(leftOut));
    expect((await detail(id)).attachments.map((file: { sha256: string }) => file.sha256)).toEqual([sha(named)]);
  });

  it('deletes a complaint\'s files with it once retention takes the complaint', async () => {
    const { id, key } = await receive();
    const photo = png(12, 12);
    await put(id, key, photo);
    const other = await receive();
    await put(other.id, other.key, PDF);
    const claim = await app.inject({ method: 'POST', url: `/api/complaints/${id}/claim`, headers: agent });
    expect(claim.statusCode).toBe(200);
    const resolve = await app.inject({ method: 'POST', url: `/api/complaints/${id}/resolve`, headers: { ...agent, 'content-type': 'application/json' }, payload: { note: 'Replaced.', reply: 'A new one is on its way.' } });
    expect(resolve.statusCode, resolve.body).toBe(200);
    expect(await store.purgeResolved({ resolvedBefore: new Date(Date.now() + 1000).toISOString() })).toBe(1);
    // Files kept within the last hour are left for a later sweep; this one runs as if later.
    expect(await dropUnreferencedFiles(store, storage, Date.now() + 2 * 60 * 60 * 1000)).toBeGreaterThanOrEqual(1);
    expect(await kept()).not.toContain(sha(photo));
    expect(await kept()).toContain(sha(PDF));
  });
});

describe('two instances sharing PostgreSQL and S3-compatible storage', () => {
  // One database and one bucket, each instance with its own pool and its own S3 client, as a
  // deployment behind one address runs them: a file sent through one is there for the other.
  const [, open, reopen] = backends[1]!;
  const s3 = storages[1]![1];

  it('serve a file the visitor sent through the other one, and take it again as a replay', async () => {
    const a = { store: await open() };
    const b = { store: await reopen!() };
    const apps = [a, b].map(({ store }) => createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: s3(), jobs: { worker: false } }));
    const [first, second] = apps as [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
    try {
      const key = newKey();
      const photo = png(64, 48);
      const record = sampleComplaint({
        visitor: { statusKey: key } as never,
        attachments: [
          { id: crypto.randomUUID(), sha256: sha(photo), type: 'image/png', size: photo.length, width: 64, height: 48 },
          { id: crypto.randomUUID(), sha256: sha(PDF), type: 'application/pdf', size: PDF.length },
        ],
      } as never);
      const id = record.id as string;
      const posted = await first.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
      expect(posted.statusCode, posted.body).toBe(201);
      const put = (app: typeof first, bytes: Buffer) =>
        app.inject({ method: 'PUT', url: `/complaints/${id}/attachments/${sha(bytes)}`, headers: { authorization: `Bearer ${key}`, origin: SHOP, 'content-type': 'application/octet-stream' }, payload: bytes });

      // Both files through the first instance.
      expect((await put(first, photo)).statusCode).toBe(201);
      expect((await put(first, PDF)).statusCode).toBe(201);
      // The device, its answer lost, sends the PDF again and reaches the second: it is there.
      const again = await put(second, PDF);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ sha256: sha(PDF), type: 'application/pdf', size: PDF.length });

      // An agent signed in through the second instance sees both arrived and opens them there.
      const { headers } = await signedIn(second, b.store, { name: 'Mia', email: 'mia@shop.example' });
      const detail = (await second.inject({ method: 'GET', url: `/api/complaints/${id}`, headers })).json().complaint;
      expect(detail.attachments.map(({ sha256, type, arrived }: { sha256: string; type: string; arrived: boolean }) => ({ sha256, type, arrived }))).toEqual([
        { sha256: sha(photo), type: 'image/png', arrived: true },
        { sha256: sha(PDF), type: 'application/pdf', arrived: true },
      ]);
      const pdf = await second.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(PDF)}`, headers });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.equals(PDF)).toBe(true);
      expect(pdf.headers['content-disposition']).toMatch(/^attachment/);
      const image = await second.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(photo)}`, headers });
      expect(image.statusCode).toBe(200);
      expect(image.rawPayload.equals(photo)).toBe(true);
    } finally {
      for (const app of apps) await app.close();
      await a.store.close();
      await b.store.close();
    }
  });
});

describe('an upload cut short, or as large as allowed', () => {
  let store: Store;
  let storage: AttachmentStorage;
  let app: ReturnType<typeof createApp>;
  let dir: string;
  beforeEach(async () => {
    store = await backends[0]![1]();
    dir = mkdtempSync(join(tmpdir(), 'heard-files-'));
    dirs.push(dir);
    storage = diskStorage(join(dir, 'attachments'));
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: storage, jobs: { worker: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });
  const port = () => (app.server.address() as { port: number }).port;
  const keyed = async () => {
    const record = sampleComplaint({ visitor: { statusKey: newKey() } as never });
    await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    return { id: record.id as string, key: (record.visitor as { statusKey: string }).statusKey };
  };

  it('keeps nothing of a body that stops before its length', async () => {
    const { id, key } = await keyed();
    const photo = png(100, 100);
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: port(), method: 'PUT', path: `/complaints/${id}/attachments/${sha(photo)}`, headers: { authorization: `Bearer ${key}`, 'content-length': String(photo.length + 5000) } });
      req.on('error', () => resolve());
      req.write(photo);
      setTimeout(() => { req.destroy(); resolve(); }, 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await storage.list()).toEqual([]);
    expect(readdirSync(join(dir, 'attachments', 'incoming'))).toEqual([]);
    expect(await store.attachmentsOf(id)).toEqual([]);
  });

  it('takes a 20 MB file as it streams in, over real HTTP, and keeps it whole', async () => {
    const { id, key } = await keyed();
    // A PNG header then filler: 20 MB in all, sent in 64 KB pieces made as they go.
    const start = png(2000, 1000);
    const piece = randomBytes(64 * 1024);
    const total = 20 * 1024 * 1024;
    const hash = createHash('sha256').update(start);
    for (let sent = start.length; sent < total; sent += piece.length) hash.update(piece.subarray(0, Math.min(piece.length, total - sent)));
    const name = hash.digest('hex');
    const answer = await new Promise<{ status: number, body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: port(), method: 'PUT', path: `/complaints/${id}/attachments/${name}`, headers: { authorization: `Bearer ${key}`, 'content-length': String(total) } }, (res) => {
        let body = '';
        res.on('data', (part) => (body += part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      let sent = 0;
      const more = () => {
        let ok = true;
        if (sent === 0) { ok = req.write(start); sent = start.length; }
        while (ok && sent < total) {
          const part = piece.subarray(0, Math.min(piece.length, total - sent));
          sent += part.length;
          ok = req.write(part);
        }
        if (sent < total) req.once('drain', more);
        else req.end();
      };
      more();
    });
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ type: 'image/png', size: total, width: 2000, height: 1000 });
    expect(statSync(join(dir, 'attachments', name.slice(0, 2), name)).size).toBe(total);
  });
});

describe('where attachments are kept, from the environment', async () => {
  const { checkConfig } = await import('../../server/config.mjs');
  const s3Env = { HEARD_S3_ENDPOINT: 'https://s3.shop.example', HEARD_S3_BUCKET: 'heard-files', HEARD_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', HEARD_S3_SECRET_ACCESS_KEY: 'very-secret-value', HEARD_S3_REGION: 'eu-west-1' };
  it('is a folder beside the database by default, and S3 with every HEARD_S3_* setting', () => {
    expect(checkConfig({ HEARD_DB: '/srv/heard/heard.db' }).config?.attachments).toEqual({ kind: 'disk', dir: '/srv/heard/attachments' });
    expect(checkConfig(s3Env).config?.attachments).toMatchObject({ kind: 's3', bucket: 'heard-files', region: 'eu-west-1' });
  });
  it('says in one line what is missing or wrong, never repeating a secret', () => {
    const { HEARD_S3_REGION: _region, ...noRegion } = s3Env;
    expect(checkConfig(noRegion).errors).toEqual([expect.stringMatching(/^HEARD_S3_REGION is needed/)]);
    const bad = checkConfig({ ...s3Env, HEARD_S3_ENDPOINT: 'ftp://s3.shop.example' }).errors;
    expect(bad).toEqual([expect.stringMatching(/^HEARD_S3_ENDPOINT must be an http\(s\) URL/)]);
    expect(bad.join(' ')).not.toContain('very-secret-value');
  });
});

/** A storage that is down until `up` is called: its calls go to `broken`, then to `healthy`. */
function switchable(healthy: AttachmentStorage, broken: AttachmentStorage) {
  let current = broken;
  const storage: AttachmentStorage = {
    kind: healthy.kind,
    write: (body, length) => current.write(body, length),
    commit: (temporary, sha256) => current.commit(temporary, sha256),
    discard: (temporary) => current.discard(temporary),
    has: (sha256) => current.has(sha256),
    open: (sha256) => current.open(sha256),
    remove: (sha256) => current.remove(sha256),
    list: () => current.list(),
    dropIncoming: (before) => current.dropIncoming(before),
  };
  return { storage, down: () => (current = broken), up: () => (current = healthy), healthy };
}
const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const failures: [string, () => Promise<ReturnType<typeof switchable>>][] = [
  ['a full disk', async () => {
    const healthy = storages[0]![1]();
    // The disk fills while the file is written: the first bytes go, the rest cannot.
    const full: AttachmentStorage = {
      ...healthy,
      write: (body) => new Promise((_resolve, reject) => body.once('data', () => {
        body.pause();
        reject(noSpace());
      })),
      commit: async () => { throw noSpace(); },
    };
    return switchable(healthy, full);
  }],
  ['S3-compatible storage not answering', async () => {
    const closed = s3Storage({ endpoint: `http://127.0.0.1:${await freePort()}`, bucket: 'heard-files', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' });
    return switchable(storages[1]![1](), closed);
  }],
];
/** A server that takes connections and never answers, as a stuck storage does. */
const silentServer = async () => {
  const server = createServer((socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
};
const silent = silentServer();
failures.push(['S3-compatible storage taking connections and never answering', async () => {
  const stuck = s3Storage({ endpoint: `http://127.0.0.1:${await silent}`, bucket: 'heard-files', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', idleMs: 500 });
  return switchable(storages[1]![1](), stuck);
}]);
const failureCases = backends.flatMap(([db, open]) => failures.map(([what, make]) => [`${what} on ${db}`, open, make] as const));

describe.each(failureCases)('files sent with %s', (_name, open, make) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let agent: { authorization: string };
  let storage: Awaited<ReturnType<typeof make>>;
  beforeEach(async () => {
    store = await open();
    storage = await make();
    storage.up();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: storage.storage, jobs: { worker: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    agent = (await signedIn(app, store, { name: 'Mia', email: `mia-${randomBytes(4).toString('hex')}@shop.example` })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });
  // Over real HTTP, so the storage fails while the body is still arriving.
  const put = async (id: string, key: string, bytes: Buffer) => {
    const { port } = app.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/complaints/${id}/attachments/${sha(bytes)}`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, origin: SHOP, 'content-type': 'image/png' }, body: new Uint8Array(bytes) });
    const body = await response.text();
    return { statusCode: response.status, body, headers: Object.fromEntries(response.headers), json: () => JSON.parse(body) };
  };

  it('are answered 503 with Retry-After and kept once sent again, and no record is lost meanwhile', async () => {
    const first = sampleComplaint({ visitor: { statusKey: newKey() } as never });
    await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(first) });
    const firstKey = (first.visitor as { statusKey: string }).statusKey;
    expect((await put(first.id as string, firstKey, PDF)).statusCode).toBe(201);

    storage.down();
    const photo = Buffer.concat([png(64, 48), randomBytes(2 * 1024 * 1024)]);
    const record = sampleComplaint({ visitor: { statusKey: newKey() } as never, attachments: [{ id: 'file-0001', sha256: sha(photo), type: 'image/png', size: photo.length, width: 64, height: 48 }] } as never);
    const received = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(received.statusCode, received.body).toBe(201);
    const id = record.id as string;
    const key = (record.visitor as { statusKey: string }).statusKey;

    const refused = await put(id, key, photo);
    expect(refused.statusCode, refused.body).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toEqual({ error: 'storage-unavailable', message: expect.stringMatching(/send it again/) });
    const unreadable = await app.inject({ method: 'GET', url: `/api/complaints/${first.id}/attachments/${sha(PDF)}`, headers: agent });
    expect(unreadable.statusCode).toBe(storage.storage.kind === 's3' ? 503 : 200);
    const admin = (await signedIn(app, store, { name: 'Ada', role: 'admin', email: `ada-${randomBytes(4).toString('hex')}@shop.example` })).headers;
    const usage = await app.inject({ method: 'GET', url: '/api/storage', headers: admin });
    expect(usage.statusCode).toBe(storage.storage.kind === 's3' ? 503 : 200);
    const detail = (await app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: agent })).json().complaint;
    expect(detail.attachments).toEqual([expect.objectContaining({ sha256: sha(photo), arrived: false })]);

    storage.up();
    const again = await put(id, key, photo);
    expect(again.statusCode, again.body).toBe(201);
    expect((await storage.healthy.list()).map((file) => file.sha256)).toContain(sha(photo));
    expect((await app.inject({ method: 'GET', url: `/api/complaints/${first.id}/attachments/${sha(PDF)}`, headers: agent })).rawPayload).toEqual(PDF);
  });
});
