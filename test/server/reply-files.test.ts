import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { png } from '../../bench/png.mjs';
import { createApp } from '../../server/app.mjs';
import { diskStorage, type AttachmentStorage } from '../../server/attachments/storage.mjs';
import { createMailer } from '../../server/jobs/forwarding/email.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import { startRetentionSweep } from '../../server/retention.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { receiveComplaint } from '../support/thread-files';
import { startMailServer, type MailPeer } from '../support/forwarding-peers';
import { SHOP_MAIL } from '../support/job-app';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const newKey = () => randomBytes(16).toString('base64url');
const LABEL = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% return label\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(() => smtp.close());

describe.each(bothStores())('an agent sends files with a reply on %s', (_name, open) => {
  /** A server with mail and files on disk, and an agent signed in to it, fresh for each test. */
  let at: { store: Store; storage: AttachmentStorage; app: ReturnType<typeof createApp>; agent: { authorization: string } };
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-files-'));
    dirs.push(dir);
    smtp.mail.length = 0;
    const [store, storage] = [await open(), diskStorage(join(dir, 'attachments'))];
    const server = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, attachments: storage, jobs: { worker: false, ...SHOP_MAIL }, mailer: createMailer(smtp.url) });
    await server.ready();
    const { headers } = await signedIn(server, store, { name: 'Mia', email: `mia-${randomBytes(4).toString('hex')}@shop.example` });
    at = { store, storage, app: server, agent: headers };
    return async () => {
      await server.close();
      await store.close();
    };
  });

  const receive = () => receiveComplaint(at.app, SHOP);
  const upload = (id: string, bytes: Buffer, headers: Record<string, string> = at.agent) =>
    at.app.inject({ method: 'PUT', url: `/api/complaints/${id}/attachments/${sha(bytes)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: bytes });
  const replyWith = (id: string, attachments: string[], text = 'Here is your return label.') =>
    at.app.inject({ method: 'POST', url: `/api/complaints/${id}/replies`, headers: { ...at.agent, 'content-type': 'application/json' }, payload: { text, attachments } });
  const status = async (id: string, key: string) =>
    (await at.app.inject({ method: 'GET', url: `/complaints/${id}/status`, headers: { authorization: `Bearer ${key}`, origin: SHOP } })).json();
  const kept = async () => (await at.storage.list()).map((file) => file.sha256);

  it('keeps a file an agent uploads, typed from its bytes, and only for a signed-in agent', async () => {
    const { id } = await receive();
    const first = await upload(id, LABEL);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ sha256: sha(LABEL), type: 'application/pdf', size: LABEL.length });
    expect((await upload(id, LABEL)).statusCode).toBe(200);
    const anonymous = await upload(id, png(4, 4), {});
    expect(anonymous.statusCode).toBe(401);
    expect(await kept()).not.toContain(sha(png(4, 4)));
    expect((await upload('no-such-complaint', png(5, 5))).statusCode).toBe(404);
  });

  it('refuses an agent\'s file that is not an allowed type, whatever it is called, and keeps nothing', async () => {
    const { id } = await receive();
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const response = await upload(id, html);
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toMatch(/JPEG, PNG, WebP, GIF and HEIC photos and PDF/);
    expect(await kept()).not.toContain(sha(html));
  });

  it('refuses a reply naming a file not uploaded to this complaint, or too many files, with a sentence, and keeps no reply', async () => {
    const { id, key } = await receive();
    const other = await receive();
    expect((await upload(other.id, LABEL)).statusCode).toBe(201);
    const unknown = await replyWith(id, [sha(LABEL)]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('One of the files is not uploaded to this complaint; upload it first, then send the reply.');
    const six = Array.from({ length: 6 }, (_, n) => png(n + 1, 1));
    for (const file of six) expect((await upload(id, file)).statusCode).toBe(201);
    const tooMany = await replyWith(id, six.map(sha));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toBe('A reply may send at most 5 files; this one names 6.');
    expect((await replyWith(id, ['not-a-hash'])).json().message).toMatch(/SHA-256 in lowercase hex/);
    expect((await status(id, key)).replies).toEqual([]);
  });

  it('shows a reply\'s files in the inbox and in the visitor\'s status, and the visitor opens them with the key only', async () => {
    const { id, key } = await receive();
    const photo = png(30, 20);
    expect((await upload(id, LABEL)).statusCode).toBe(201);
    expect((await upload(id, photo)).statusCode).toBe(201);
    const sent = await replyWith(id, [sha(LABEL), sha(photo)]);
    expect(sent.statusCode, sent.body).toBe(201);
    const files = [
      { sha256: sha(LABEL), type: 'application/pdf', size: LABEL.length },
      { sha256: sha(photo), type: 'image/png', size: photo.length, width: 30, height: 20 },
    ];
    expect(sent.json().complaint.replies.map((reply: { attachments: unknown }) => reply.attachments)).toEqual([files]);
    const { replies } = await status(id, key);
    expect(replies).toEqual([{ at: expect.any(String), text: 'Here is your return label.', attachments: files }]);

    const get = (bearer: string | null) =>
      at.app.inject({ method: 'GET', url: `/complaints/${id}/attachments/${sha(LABEL)}`, headers: { origin: SHOP, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) } });
    const opened = await get(key);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(LABEL);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(opened.headers['x-content-type-options']).toBe('nosniff');
    expect(opened.headers['content-security-policy']).toBe('sandbox');
    expect(opened.headers['content-disposition']).toMatch(/^attachment/);
    expect((await get(null)).statusCode).toBe(404);
    expect((await get(newKey())).statusCode).toBe(404);
  });

  it('keeps the files a reply names through the sweep of orphans, and deletes an agent\'s upload no reply sent', async () => {
    const { id } = await receive();
    const unsent = png(9, 9);
    expect((await upload(id, LABEL)).statusCode).toBe(201);
    expect((await upload(id, unsent)).statusCode).toBe(201);
    expect((await replyWith(id, [sha(LABEL)])).statusCode).toBe(201);
    const retention = startRetentionSweep({ store: at.store, days: 730, attachments: at.storage, now: () => Date.now() + 25 * 60 * 60 * 1000 });
    await retention.stop();
    expect(await kept()).toContain(sha(LABEL));
    expect(await kept()).not.toContain(sha(unsent));
    const opened = await at.app.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(LABEL)}`, headers: at.agent });
    expect(opened.statusCode).toBe(200);
  });

  it('emails the visitor the reply with a signed link to each file it sent, which opens the file', async () => {
    const { id } = await receive();
    expect((await upload(id, LABEL)).statusCode).toBe(201);
    expect((await replyWith(id, [sha(LABEL)])).statusCode).toBe(201);
    const worker = (at.app as unknown as { jobWorker: ReturnType<typeof createWorker> }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
    const [mail] = await smtp.waitForMail(1);
    const links = [...(mail?.text ?? '').matchAll(/https?:\/\/\S+\/files\/\S+/g)].map((match) => match[0]);
    expect(mail?.text).toContain('Files sent with this reply:');
    expect(links).toHaveLength(1);
    expect(mail?.attachments ?? []).toEqual([]);
    const opened = await at.app.inject({ method: 'GET', url: new URL(links[0]!).pathname + new URL(links[0]!).search });
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(LABEL);
  });
});
