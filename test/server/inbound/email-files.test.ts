/**
 * A visitor answers a reply email with a photo or a PDF attached: each file is kept for the
 * complaint as an upload from the widget is (its type read from its bytes, the same allowlist
 * and limits) and listed with the message; one refused is dropped, and an internal note in the
 * thread tells the agent which and why, never its bytes or its name in the log. On SQLite and
 * PostgreSQL, with the server's own thread storage.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../../bench/png.mjs';
import { createApp } from '../../../server/app.mjs';
import { diskStorage, type AttachmentStorage } from '../../../server/attachments/storage.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';
import { SHOP_MAIL } from '../../support/job-app.ts';
import { bothStores } from '../../support/postgres.ts';

const SECRET = randomBytes(32).toString('base64url');
const SHOP = 'https://shop.example';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% receipt\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PAGE = Buffer.from('<!doctype html><html><body><script>alert("hi")</script></body></html>');

let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(() => smtp.close());

describe.each(bothStores())('files attached to an email answer on %s', (_name, open) => {
  let app: ReturnType<typeof createApp>;
  let store: Store;
  let storage: AttachmentStorage;
  let agent: { authorization: string };
  let dir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    store = await open();
    dir = mkdtempSync(join(tmpdir(), 'heard-email-files-'));
    storage = diskStorage(join(dir, 'attachments'));
    app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      attachments: storage,
      jobs: { worker: false, ...SHOP_MAIL, inboundAddress: 'reply@inbound.shop.example' },
      mailer: createMailer(smtp.url),
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
      inbound: { smtp: null, secret: SECRET, webhookSecret: null },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    ({ headers: agent } = await signedIn(app, store, { name: 'Bea' }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const drain = async () => {
    const worker = (app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
  };
  /** A complaint answered by an agent; resolves to its record, status key and reply address. */
  const answered = async () => {
    const statusKey = randomBytes(16).toString('base64url');
    const record = sampleComplaint({ visitor: { statusKey } as never });
    expect((await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) })).statusCode).toBe(201);
    const before = smtp.mail.length;
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/replies`, headers: agent, payload: { text: 'Could you send a photo?' } })).statusCode).toBe(201);
    await drain();
    const mails = await smtp.waitForMail(before + 1);
    const mail = mails.slice(before).find((candidate) => candidate.text?.includes(record.reference))!;
    return { id: record.id, statusKey, replyTo: mail.replyTo!.value[0]!.address! };
  };
  const email = (to: string, text: string, attachments: { filename: string; content: Buffer; contentType: string }[]) =>
    new MailComposer({ from: 'Ana Novak <ana@example.com>', to, subject: 'Re: We replied', messageId: `<${randomBytes(8).toString('hex')}@mail.example>`, text, attachments }).compile().build();
  const post = (raw: Buffer) =>
    app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` }, payload: raw });
  const status = async (id: string, key: string) =>
    (await app.inject({ url: `/complaints/${id}/status`, headers: { origin: SHOP, authorization: `Bearer ${key}` } })).json();

  it('keeps a photo and a PDF attached to the answer and lists them with its message, opened by the visitor and the agent', async () => {
    const { id, statusKey, replyTo } = await answered();
    const photo = png(32, 24);
    const raw = await email(replyTo, 'Here is the box and the receipt.', [
      { filename: 'box.png', content: photo, contentType: 'image/png' },
      { filename: 'receipt.pdf', content: RECEIPT, contentType: 'application/pdf' },
    ]);
    expect((await post(raw)).statusCode).toBe(202);
    expect((await post(raw)).statusCode).toBe(202);
    const { messages } = await status(id, statusKey);
    expect(messages).toEqual([{ id: expect.any(String), at: expect.any(String), text: 'Here is the box and the receipt.', attachments: [
      { sha256: sha(photo), type: 'image/png', size: photo.length, width: 32, height: 24 },
      { sha256: sha(RECEIPT), type: 'application/pdf', size: RECEIPT.length },
    ] }]);
    const opened = await app.inject({ url: `/complaints/${id}/attachments/${sha(RECEIPT)}`, headers: { origin: SHOP, authorization: `Bearer ${statusKey}` } });
    expect(opened.rawPayload).toEqual(RECEIPT);
    const detail = (await app.inject({ url: `/api/complaints/${id}`, headers: agent })).json().complaint;
    expect(detail.messages[0].attachments.map((file: { sha256: string }) => file.sha256)).toEqual([sha(photo), sha(RECEIPT)]);
    expect(detail.notes).toEqual([]);
  });

  it('drops a file that is not a photo or a PDF, whatever it is called, keeps the rest, and tells the agent in a note, never in the log', async () => {
    const { id, statusKey, replyTo } = await answered();
    const photo = png(12, 12);
    const raw = await email(replyTo, 'Photo attached.', [
      { filename: 'photo-of-damage.jpg', content: PAGE, contentType: 'image/jpeg' },
      { filename: 'box.png', content: photo, contentType: 'image/png' },
    ]);
    expect((await post(raw)).statusCode).toBe(202);
    expect((await post(raw)).statusCode).toBe(202);
    const { messages } = await status(id, statusKey);
    expect(messages.map((message: { attachments: { sha256: string }[] }) => message.attachments.map((file) => file.sha256))).toEqual([[sha(photo)]]);
    expect((await storage.list()).map((file) => file.sha256)).not.toContain(sha(PAGE));
    const detail = (await app.inject({ url: `/api/complaints/${id}`, headers: agent })).json().complaint;
    expect(detail.notes.map((note: { text: string }) => note.text)).toEqual([
      "The visitor's email answer came with a file that could not be kept:\n- photo-of-damage.jpg: Only JPEG, PNG, WebP, GIF and HEIC photos and PDF files can be attached.",
    ]);
    // The visitor never sees the note.
    expect(JSON.stringify(await status(id, statusKey))).not.toContain('could not be kept');
    expect(logs.join('')).toContain('some attached files were not kept');
    expect(logs.join('')).not.toContain('photo-of-damage');
    expect(logs.join('')).not.toContain('alert(');
  });
});
