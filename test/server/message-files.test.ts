/**
 * A visitor's message in a complaint's thread carries files, as an agent's reply does: at most
 * five, each already uploaded to the complaint, listed in the visitor's status and the inbox,
 * kept by the sweep of orphans, and linked in what is forwarded about the message.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { png } from '../../bench/png.mjs';
import { createApp } from '../../server/app.mjs';
import { diskStorage, type AttachmentStorage } from '../../server/attachments/storage.mjs';
import { createMailer } from '../../server/jobs/forwarding/email.mjs';
import { generateWebhookSecret } from '../../server/jobs/forwarding/webhook.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import { startRetentionSweep } from '../../server/retention.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { receiveComplaint } from '../support/thread-files';
import { startChatEndpoint, startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../support/forwarding-peers';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const PUBLIC = 'https://heard.shop.example';
const secret = generateWebhookSecret();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% receipt\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
let smtp: MailPeer;
let hooks: HttpPeer;
let chat: HttpPeer;
beforeAll(async () => {
  [smtp, hooks, chat] = await Promise.all([startMailServer(), startWebhookReceiver(secret), startChatEndpoint()]);
});
afterAll(async () => {
  await Promise.all([smtp.close(), hooks.close(), chat.close()]);
});

describe.each(bothStores())('a visitor sends files with a message on %s', (_name, open) => {
  /** A server with mail, files on disk and destinations for messages, and an agent signed in to it, fresh for each test. */
  let at: { store: Store; storage: AttachmentStorage; app: ReturnType<typeof createApp>; agent: { authorization: string }; agentEmail: string };
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-message-files-'));
    dirs.push(dir);
    smtp.mail.length = 0;
    smtp.recipients.length = 0;
    hooks.arrivals.length = 0;
    chat.arrivals.length = 0;
    const [store, storage] = [await open(), diskStorage(join(dir, 'attachments'))];
    const server = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      attachments: storage,
      mailer: createMailer(smtp.url),
      jobs: {
        worker: false,
        allowPrivate: true,
        publicUrl: PUBLIC,
        destinations: [
          { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: hooks.url, secret }, events: ['message.created'] },
          { id: 'env-slack', kind: 'slack', name: 'Chat', config: { url: chat.url, personalData: false }, events: ['message.created'] },
          { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['message.created'] },
        ],
      },
    });
    await server.ready();
    const agentEmail = `mia-${randomBytes(4).toString('hex')}@shop.example`;
    const { headers } = await signedIn(server, store, { name: 'Mia', email: agentEmail });
    at = { store, storage, app: server, agent: headers, agentEmail };
    return async () => {
      await server.close();
      await store.close();
    };
  });

  const receive = () => receiveComplaint(at.app, SHOP);
  const upload = async (id: string, key: string, bytes: Buffer) => {
    const response = await at.app.inject({ method: 'PUT', url: `/complaints/${id}/attachments/${sha(bytes)}`, headers: { authorization: `Bearer ${key}`, origin: SHOP }, payload: bytes });
    expect(response.statusCode, response.body).toBe(201);
  };
  const write = (id: string, key: string, body: { id?: string; text?: string; at?: string; attachments?: unknown }) => {
    const message = { id: body.id ?? `message-${randomUUID()}`, text: body.text ?? 'Here is the photo of the box.', at: body.at ?? '2026-12-07T10:00:00.000Z', ...('attachments' in body ? { attachments: body.attachments } : {}) };
    return at.app.inject({
      method: 'POST',
      url: `/complaints/${id}/messages`,
      headers: { 'content-type': 'application/json', origin: SHOP, authorization: `Bearer ${key}`, 'idempotency-key': message.id },
      payload: JSON.stringify(message),
    });
  };
  const status = async (id: string, key: string) =>
    (await at.app.inject({ method: 'GET', url: `/complaints/${id}/status`, headers: { authorization: `Bearer ${key}`, origin: SHOP } })).json();
  const kept = async () => (await at.storage.list()).map((file) => file.sha256);
  const drain = async () => {
    const worker = (at.app as unknown as { jobWorker: ReturnType<typeof createWorker> }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
  };

  it('lists a message\'s files in the visitor\'s status and in the inbox, described, and an empty list for a message without', async () => {
    const { id, key } = await receive();
    const photo = png(30, 20);
    await upload(id, key, photo);
    await upload(id, key, RECEIPT);
    expect((await write(id, key, { text: 'Nothing to show yet.', at: '2026-12-07T09:00:00.000Z' })).statusCode).toBe(201);
    const sent = await write(id, key, { attachments: [sha(RECEIPT), sha(photo)] });
    expect(sent.statusCode, sent.body).toBe(201);
    const files = [
      { sha256: sha(RECEIPT), type: 'application/pdf', size: RECEIPT.length },
      { sha256: sha(photo), type: 'image/png', size: photo.length, width: 30, height: 20 },
    ];
    const { messages } = await status(id, key);
    expect(messages.map((message: { text: string; attachments: unknown }) => [message.text, message.attachments])).toEqual([
      ['Nothing to show yet.', []],
      ['Here is the photo of the box.', files],
    ]);
    const inbox = (await at.app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: at.agent })).json();
    expect(inbox.complaint.messages.map((message: { attachments: unknown }) => message.attachments)).toEqual([[], files]);
    // The agent opens each through the signed-in API.
    const opened = await at.app.inject({ method: 'GET', url: `/api/complaints/${id}/attachments/${sha(photo)}`, headers: at.agent });
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(photo);
  });

  it('refuses a message naming a file not uploaded to this complaint, too many files, a file twice or a list that is not one, with a sentence, and keeps no message', async () => {
    const { id, key } = await receive();
    const other = await receive();
    await upload(other.id, other.key, RECEIPT);
    const unknown = await write(id, key, { attachments: [sha(RECEIPT)] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('One of the files is not uploaded to this complaint; upload it first, then send the message.');
    const six = Array.from({ length: 6 }, (_, n) => png(n + 1, 1));
    for (const file of six) await upload(id, key, file);
    const tooMany = await write(id, key, { attachments: six.map(sha) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toBe('A message may send at most 5 files; this one names 6.');
    expect((await write(id, key, { attachments: [sha(six[0]!), sha(six[0]!)] })).json().message).toBe('A message names each file once; one is named twice.');
    expect((await write(id, key, { attachments: ['NOT-A-HASH'] })).json().message).toMatch(/SHA-256 in lowercase hex/);
    const notAList = await write(id, key, { attachments: sha(six[0]!) });
    expect(notAList.statusCode).toBe(400);
    expect(notAList.json().message).toMatch(/^attachments must be a list/);
    expect((await status(id, key)).messages).toEqual([]);
    expect(await at.store.listJobs({ status: 'pending' })).not.toContainEqual(expect.objectContaining({ kind: 'forward' }));
  });

  it('answers the same message with the same files again as the first time, and the same id with other files as a conflict', async () => {
    const { id, key } = await receive();
    const [first, second] = [png(7, 7), png(8, 8)];
    await upload(id, key, first);
    await upload(id, key, second);
    const message = { id: `message-${randomUUID()}`, attachments: [sha(first), sha(second)] };
    const sent = await write(id, key, message);
    expect(sent.statusCode).toBe(201);
    const again = await write(id, key, message);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(sent.json());
    expect((await write(id, key, { ...message, attachments: [sha(second), sha(first)] })).statusCode).toBe(409);
    expect((await write(id, key, { ...message, attachments: [sha(first)] })).statusCode).toBe(409);
    expect((await write(id, key, { id: message.id })).statusCode).toBe(409);
    const { messages } = await status(id, key);
    expect(messages).toHaveLength(1);
    expect(messages[0].attachments.map((file: { sha256: string }) => file.sha256)).toEqual(message.attachments);
  });

  it('keeps the files a message names through the sweep of orphans, and deletes an upload no message sent', async () => {
    const { id, key } = await receive();
    const [named, unsent] = [png(9, 9), png(10, 10)];
    await upload(id, key, named);
    await upload(id, key, unsent);
    expect((await write(id, key, { attachments: [sha(named)] })).statusCode).toBe(201);
    const retention = startRetentionSweep({ store: at.store, days: 730, attachments: at.storage, now: () => Date.now() + 25 * 60 * 60 * 1000 });
    await retention.stop();
    expect(await kept()).toContain(sha(named));
    expect(await kept()).not.toContain(sha(unsent));
    expect((await status(id, key)).messages[0].attachments.map((file: { sha256: string }) => file.sha256)).toEqual([sha(named)]);
  });

  it('links a message\'s files, signed and expiring, in its webhook event, the team\'s and the claimant\'s emails and the chat message', async () => {
    const { id, key } = await receive();
    expect((await at.app.inject({ method: 'POST', url: `/api/complaints/${id}/claim`, headers: at.agent })).statusCode).toBe(200);
    const photo = png(40, 30, 2000);
    await upload(id, key, photo);
    await upload(id, key, RECEIPT);
    expect((await write(id, key, { attachments: [sha(photo), sha(RECEIPT)] })).statusCode).toBe(201);
    await drain();

    const event = hooks.accepted()[0]!.verified as { type: string; data: { message: { text: string; attachments: { sha256: string; url: string; expiresAt: string }[] } } };
    expect(event.type).toBe('message.created');
    const files = event.data.message.attachments;
    expect(files).toEqual([
      { sha256: sha(photo), type: 'image/png', size: photo.length, width: 40, height: 30, arrived: true, url: expect.stringMatching(new RegExp(`^${PUBLIC}/files/${id}/${sha(photo)}\\?expires=\\d+&signature=`)), expiresAt: expect.any(String) },
      { sha256: sha(RECEIPT), type: 'application/pdf', size: RECEIPT.length, arrived: true, url: expect.stringContaining(`/files/${id}/${sha(RECEIPT)}?`), expiresAt: expect.any(String) },
    ]);
    const opened = await at.app.inject({ method: 'GET', url: files[1]!.url.slice(PUBLIC.length) });
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(RECEIPT);

    const mails = await smtp.waitForMail(2);
    const to = (address: string) => mails[smtp.recipients.findIndex((recipients) => recipients.includes(address))];
    const team = to('team@shop.example');
    expect(team?.text).toContain(`Files sent with this message:\nPNG photo, 40×30, 2 KB (attached): ${files[0]!.url}\nPDF, 1 KB (attached): ${files[1]!.url}`);
    expect(team?.attachments.map((file) => file.content)).toEqual([photo, RECEIPT]);
    const claimant = to(at.agentEmail);
    expect(claimant?.text).toContain('Files sent with this message:');
    expect(claimant?.text).toMatch(new RegExp(`PDF, 1 KB: ${PUBLIC}/files/${id}/${sha(RECEIPT)}\\?expires=`));

    const { text } = JSON.parse(chat.arrivals[0]!.body);
    expect(text).toContain(`Sent with the message: <${files[0]!.url}|PNG photo, 40×30, 2 KB> · <${files[1]!.url}|PDF, 1 KB>`);
  });
});
