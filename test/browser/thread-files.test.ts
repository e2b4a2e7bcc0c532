import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../bench/png.mjs';
import { signedIn } from '../support/agents';
import { axeViolations, finishComplaint, sendMessages, storedValues } from './support/widget-page';
import { useFilesReceiver } from './support/receiver';

/*
 * Files in a complaint's thread, in real Chromium against the real receiver keeping files on
 * disk: an agent sends a return label (a PDF) with a reply; the visitor sees it in the thread by
 * its kind and size, and downloads it with their status key, the same bytes. The visitor then
 * attaches a photo in the thread's box and sends a message: the photo is uploaded before the
 * message, which names it, and the agent's inbox lists it with that message.
 */

const env = useFilesReceiver({ jobs: { worker: false } });

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const LABEL = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% return label\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe("files in a complaint's thread", () => {
  it("downloads the label an agent sent with the status key, and sends a photo from the thread's box with the message that names it", async () => {
    const { browser, app, store, base } = env;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await sendMessages(page, ['The kettle arrived with a cracked lid and I would like to send it back.']);
    const filed = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/complaints');
    await finishComplaint(page);
    const { id, reference } = (await (await filed).json()) as { id: string; reference: string };
    const threadBox = page.getByRole('textbox', { name: `Write to us about ${reference}` });
    await threadBox.waitFor();

    // The agent uploads the label and sends it with a reply.
    const { headers: agent } = await signedIn(app, store, { name: 'Mia', email: 'mia@shop.example' });
    const uploaded = await app.inject({ method: 'PUT', url: `/api/complaints/${id}/attachments/${sha(LABEL)}`, headers: { ...agent, 'content-type': 'application/octet-stream' }, payload: LABEL });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const replied = await app.inject({ method: 'POST', url: `/api/complaints/${id}/replies`, headers: { ...agent, 'content-type': 'application/json' }, payload: { text: 'Here is your return label.', attachments: [sha(LABEL)] } });
    expect(replied.statusCode, replied.body).toBeLessThan(300);

    // The visitor sees the reply and its file, by kind and size, as text, in the thread.
    const log = page.getByRole('log', { name: `Conversation about your complaint ${reference}` });
    await log.getByText('Here is your return label.').waitFor({ timeout: 30_000 });
    const save = log.getByRole('button', { name: /^Download: PDF, / });
    await save.waitFor();
    const downloading = page.waitForEvent('download');
    await save.focus();
    await page.keyboard.press('Enter');
    const download = await downloading;
    const saved: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) saved.push(chunk as Buffer);
    expect(Buffer.concat(saved).equals(LABEL)).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // A photo from the thread's box goes before the message that names it.
    const requests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(`/complaints/${id}/`)) requests.push(`${request.method()} ${path.split('/').slice(3, 4)[0]}`);
    });
    const form = page.locator('form').filter({ has: threadBox });
    await form.getByLabel('Attach a photo or PDF').setInputFiles([{ name: 'lid.png', mimeType: 'image/png', buffer: png(64, 48) }]);
    await form.getByRole('button', { name: 'Remove lid.png' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await threadBox.fill('Here is the crack in the lid.');
    await form.getByRole('button', { name: 'Send' }).click();

    type Message = { text: string; attachments: { sha256: string; type: string; width?: number }[] };
    const [{ statusKey }] = (await storedValues<{ statusKey: string }>(page, 'history')) as [{ statusKey: string }];
    const status = async () =>
      (await app.inject({ method: 'GET', url: `/complaints/${id}/status`, headers: { authorization: `Bearer ${statusKey}`, origin: base } })).json() as { messages?: Message[] };
    await expect.poll(async () => (await status()).messages?.find((m) => m.text === 'Here is the crack in the lid.')?.attachments.length ?? 0, { timeout: 30_000 }).toBe(1);
    const [photo] = (await status()).messages!.find((m) => m.text === 'Here is the crack in the lid.')!.attachments;
    // Drawn again by the widget before it left the device, and kept by the receiver.
    expect(photo!.type).toMatch(/^image\/(jpeg|webp)$/);
    expect(photo!.width).toBe(64);
    expect((await store.attachmentsOf(id)).map((file) => file.sha256)).toContain(photo!.sha256);
    expect(requests.indexOf('PUT attachments')).toBeGreaterThanOrEqual(0);
    expect(requests.indexOf('PUT attachments')).toBeLessThan(requests.indexOf('POST messages'));
    // The agent's inbox lists the photo with that message.
    const detail = await app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: agent });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(JSON.stringify(detail.json())).toContain(photo!.sha256);
    // The visitor's own message shows its photo in the thread.
    await log.getByRole('button', { name: /^Download: Photo, / }).waitFor();
    await context.close();
  });
});
