/**
 * A complaint's files in what is forwarded: webhook events list them with signed links that
 * expire, the team's email carries them up to a total size and links the rest, chat messages
 * link them; the links open the file, served so a browser never runs it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { png } from '../../../bench/png.mjs';
import { createApp } from '../../../server/app.mjs';
import { diskStorage } from '../../../server/attachments/storage.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { startChatEndpoint, startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../../support/forwarding-peers.ts';
import { bothStores } from '../../support/postgres.ts';

const SHOP = 'https://shop.example';
const PUBLIC = 'https://heard.shop.example';
const secret = generateWebhookSecret();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), randomBytes(2000)]);

type App = ReturnType<typeof createApp>;
type Worker = ReturnType<typeof createWorker>;

describe.each(bothStores())('forwarded files on %s', (_name, open) => {
  let receiver: HttpPeer;
  let chat: HttpPeer;
  let smtp: MailPeer;
  let store: Store;
  let app: App;
  let dir: string;
  let later: number;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
    chat = await startChatEndpoint();
    smtp = await startMailServer();
  });
  afterAll(async () => {
    await receiver.close();
    await chat.close();
    await smtp.close();
  });
  beforeEach(async () => {
    store = await open();
    dir = mkdtempSync(join(tmpdir(), 'heard-files-'));
    later = 0;
    app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      attachments: diskStorage(join(dir, 'attachments')),
      clock: { now: () => Date.now() + later },
      mailer: createMailer(smtp.url),
      jobs: {
        allowPrivate: true,
        publicUrl: PUBLIC,
        worker: false,
        // The first photo fits in the email; the second would take it over.
        emailAttachmentsMaxMb: 0.005,
        destinations: [
          { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: receiver.url, secret }, events: ['complaint.created'] },
          { id: 'env-slack', kind: 'slack', name: 'Chat', config: { url: chat.url, personalData: false }, events: ['complaint.created'] },
          { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['complaint.created'] },
        ],
      },
    });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const drain = async () => {
    const worker = (app as unknown as { jobWorker: Worker }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // keep going
    }
  };
  const fetchLink = (url: string) => app.inject({ method: 'GET', url: url.slice(PUBLIC.length) });

  it('lists the files with links that open them until they expire, attaches what fits in the email and links the rest', async () => {
    const photo = png(64, 48, 4000);
    const second = png(10, 10, 3000);
    const record = sampleComplaint({ visitor: { statusKey: randomBytes(16).toString('base64url') } as never, attachments: [
      { id: 'file-0001', sha256: sha(photo), type: 'image/png', size: photo.length, width: 64, height: 48 },
      { id: 'file-0002', sha256: sha(PDF), type: 'application/pdf', size: PDF.length },
      { id: 'file-0003', sha256: sha(second), type: 'image/png', size: second.length, width: 10, height: 10 },
    ] } as never);
    const key = (record.visitor as { statusKey: string }).statusKey;
    expect((await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) })).statusCode).toBe(201);
    const put = async (bytes: Buffer) => {
      const answer = await app.inject({ method: 'PUT', url: `/complaints/${record.id}/attachments/${sha(bytes)}`, headers: { authorization: `Bearer ${key}`, origin: SHOP }, payload: bytes });
      expect(answer.statusCode, answer.body).toBe(201);
    };
    // The photos arrive before the event goes; the PDF is still on its way.
    await put(photo);
    await put(second);
    await drain();
    const event = receiver.accepted()[0]!.verified as { data: { attachments: { sha256: string, type: string, size: number, url: string, expiresAt: string }[] } };
    const files = event.data.attachments;
    expect(files).toEqual([
      { sha256: sha(photo), type: 'image/png', size: photo.length, width: 64, height: 48, arrived: true, url: expect.stringMatching(new RegExp(`^${PUBLIC}/files/${record.id}/${sha(photo)}\\?expires=\\d+&signature=`)), expiresAt: expect.any(String) },
      { sha256: sha(PDF), type: 'application/pdf', size: PDF.length, arrived: false, url: expect.stringContaining(`/files/${record.id}/${sha(PDF)}?`), expiresAt: expect.any(String) },
      expect.objectContaining({ sha256: sha(second), arrived: true }),
    ]);
    // A link to a file still travelling works once it has come.
    expect((await fetchLink(files[1]!.url)).statusCode).toBe(404);
    await put(PDF);
    expect(Date.parse(files[0]!.expiresAt) - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    expect(Date.parse(files[0]!.expiresAt) - Date.now()).toBeLessThanOrEqual(7 * DAY);

    const opened = await fetchLink(files[1]!.url);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload).toEqual(PDF);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(opened.headers['x-content-type-options']).toBe('nosniff');
    expect(opened.headers['content-security-policy']).toBe('sandbox');
    expect(opened.headers['cache-control']).toBe('private, no-store');
    expect(opened.headers['content-disposition']).toMatch(/^attachment/);

    // A link is for its file alone, and only as the server made it.
    const signature = new URL(files[0]!.url).search;
    expect((await fetchLink(`${PUBLIC}/files/${record.id}/${sha(PDF)}${signature}`)).statusCode).toBe(404);
    // One character of the signature changed (to another one, whatever it was).
    const altered = files[0]!.url.replace(/signature=(.)/, (_, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    expect(altered).not.toBe(files[0]!.url);
    expect((await fetchLink(altered)).statusCode).toBe(404);
    expect((await fetchLink(`${PUBLIC}/files/${record.id}/${sha(photo)}`)).statusCode).toBe(404);

    const [mail] = await smtp.waitForMail(1);
    expect(mail!.attachments.map((file) => ({ type: file.contentType, bytes: file.content }))).toEqual([{ type: 'image/png', bytes: photo }]);
    expect(mail!.text).toContain(`PNG photo, 64×48, 4 KB (attached): ${files[0]!.url}`);
    expect(mail!.text).toContain(`PDF, 2 KB: ${files[1]!.url}`);
    // The second photo would take the email over its total: it is linked, not attached.
    expect(mail!.text).toContain(`PNG photo, 10×10, 3 KB: ${files[2]!.url}`);

    const { text } = JSON.parse(chat.arrivals[0]!.body);
    expect(text).toContain(`<${files[0]!.url}|PNG photo, 64×48, 4 KB>`);
    expect(text).toContain(`<${files[1]!.url}|PDF, 2 KB>`);

    later = 7 * DAY;
    const expired = await fetchLink(files[1]!.url);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().message).toMatch(/expired/);
  });
});
