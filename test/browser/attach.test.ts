import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintRecord } from '../../widget/src/record/record';
import { addAgent } from '../support/agents';
import { inboxAxeViolations, signInOn } from './support/inbox-page';
import { axeViolations, finishComplaint, sendMessages, storedValues } from './support/widget-page';
import { useFilesReceiver } from './support/receiver';

/*
 * A photo of the damage, in real Chromium against the real receiver keeping files on disk: the
 * photo carries a GPS position in its EXIF, and what the receiver keeps has none, at the size the
 * widget draws it, with the photo's pixels; a PDF goes as it is; an HTML page named .jpg is
 * refused with a sentence. A reload before sending keeps the files; the complaint is sent while
 * its endpoint cannot be reached, the page is reloaded, and once the endpoint answers both files
 * arrive, once each. The agent, signed in to the inbox, then sees the photo's thumbnail in the
 * complaint and downloads the PDF, served so that a browser never runs it.
 */

const env = useFilesReceiver();

const u16 = (n: number) => [(n >> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/** An APP1 Exif segment whose GPS IFD says 48°8'30" N, 17°6'45" E (big-endian TIFF). */
function gpsExif(): Buffer {
  const gpsAt = 26;
  const dataAt = 80;
  const rational = (n: number, d: number) => [...u32(n), ...u32(d)];
  const tiff = [
    ...[0x4d, 0x4d, 0, 42, ...u32(8)],
    // IFD0: one entry, the GPS IFD's offset.
    ...[...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsAt), ...u32(0)],
    // The GPS IFD: latitude and longitude with their references.
    ...u16(4),
    ...[...u16(1), ...u16(2), ...u32(2), 0x4e, 0, 0, 0],
    ...[...u16(2), ...u16(5), ...u32(3), ...u32(dataAt)],
    ...[...u16(3), ...u16(2), ...u32(2), 0x45, 0, 0, 0],
    ...[...u16(4), ...u16(5), ...u32(3), ...u32(dataAt + 24)],
    ...u32(0),
    ...rational(48, 1), ...rational(8, 1), ...rational(3000, 100),
    ...rational(17, 1), ...rational(6, 1), ...rational(4500, 100),
  ];
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(tiff)]);
  return Buffer.concat([Buffer.from([0xff, 0xe1, ...u16(body.length + 2)]), body]);
}

/** Whether JPEG bytes hold an APP1 Exif segment. */
const hasExif = (jpeg: Buffer) => jpeg.includes(Buffer.from([0xff, 0xe1])) && jpeg.includes(Buffer.from('Exif\0\0', 'latin1'));

/** A 3,000 × 1,500 photo, red on its left half and blue on its right, with a GPS position. */
async function photoWithPosition(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 1500);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#d00000';
    g.fillRect(0, 0, 1500, 1500);
    g.fillStyle = '#0000d0';
    g.fillRect(1500, 0, 1500, 1500);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  const jpeg = Buffer.from(base64, 'base64');
  // After the start-of-image marker, as a camera writes it.
  return Buffer.concat([jpeg.subarray(0, 2), gpsExif(), jpeg.subarray(2)]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The colour at (x, y) of an image's bytes, decoded by the page. */
function pixel(page: Page, image: Buffer, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ bytes, x, y }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      return [...g.getImageData(x, y, 1, 1).data.slice(0, 3)];
    },
    { bytes: image.toString('base64'), x, y },
  );
}

async function read(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await env.files.open(sha256))!) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('a photo of the damage', () => {
  it('arrives without its position, with a PDF, once each, after the endpoint was unreachable across a reload, and the agent sees the photo and opens the PDF', async () => {
    const { browser, store, base } = env;
    const context = await browser.newContext();
    const page = await context.newPage();
    const uploads: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PUT') uploads.push(response.status());
    });
    await page.goto(`${base}/`);
    const photo = await photoWithPosition(page);
    expect(hasExif(photo)).toBe(true);

    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await sendMessages(page, ['The parcel arrived crushed and the vase inside was broken into pieces.']);
    const attach = page.getByLabel('Attach a photo or PDF');
    // By keyboard: Tab from the message box reaches the control, its focus shows on the button,
    // and Space opens the system's file picker.
    await page.getByRole('textbox', { name: 'Your message' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const root = document.querySelector('heard-root, heard-widget')!.shadowRoot!;
      const input = root.activeElement as HTMLInputElement;
      return { type: input.type, outline: getComputedStyle(input.closest('label')!).outlineStyle };
    });
    expect(focused).toEqual({ type: 'file', outline: 'solid' });
    const picker = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    const chooser = await picker;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([
      { name: 'vase.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.getByRole('button', { name: 'Remove invoice.pdf' }).waitFor();
    await page.getByRole('img', { name: 'vase.jpg' }).waitFor();

    await attach.setInputFiles([{ name: 'label.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>') }]);
    await page.getByText('label.jpg was not attached: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be.').waitFor();
    // The files taken before stay.
    expect(await page.getByRole('list', { name: 'Attached files' }).getByRole('listitem').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    // Removed, then picked again: the visitor decides what goes.
    await page.getByRole('button', { name: 'Remove invoice.pdf' }).click();
    await page.getByRole('button', { name: 'Remove invoice.pdf' }).waitFor({ state: 'detached' });
    await attach.setInputFiles([{ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await page.getByRole('button', { name: 'Remove invoice.pdf' }).waitFor();

    // A reload before sending shows the same files again, from this device.
    await expect.poll(async () => (await storedValues<{ files?: boolean }>(page, 'drafts'))[0]?.files, { timeout: 15_000 }).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await page.getByRole('button', { name: 'Remove invoice.pdf' }).waitFor();
    await page.getByRole('img', { name: 'vase.jpg' }).waitFor();

    // The endpoint cannot be reached: the complaint waits in the outbox, with its files.
    const unreachable = (route: import('playwright-core').Route) =>
      ['POST', 'PUT'].includes(route.request().method()) ? route.abort('internetdisconnected') : route.continue();
    await context.route('**/complaints**', unreachable);
    await finishComplaint(page);
    const [waiting] = await storedValues<{ body: ComplaintRecord }>(page, 'outbox');
    const record = waiting!.body;
    expect(record.attachments?.map((a) => a.type)).toEqual(['image/jpeg', 'application/pdf']);

    await page.reload();
    await context.unroute('**/complaints**', unreachable);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await store.attachmentsOf(record.id)).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => storedValues(page, 'outbox'), { timeout: 30_000 }).toEqual([]);
    // Each file once: no upload was repeated once the receiver had it.
    expect(uploads.filter((status) => status === 201)).toHaveLength(2);
    expect(uploads.filter((status) => status === 200)).toHaveLength(0);

    const kept = await store.attachmentsOf(record.id);
    const image = kept.find((file) => file.type === 'image/jpeg')!;
    expect([image.width, image.height]).toEqual([2048, 1024]);
    const stored = await read(image.sha256);
    expect(hasExif(stored)).toBe(false);
    // The photo's own pixels: red on the left, blue on the right.
    const [r1, , b1] = await pixel(page, stored, 500, 500);
    const [r2, , b2] = await pixel(page, stored, 1500, 500);
    expect(r1).toBeGreaterThan(150);
    expect(b1).toBeLessThan(80);
    expect(b2).toBeGreaterThan(150);
    expect(r2).toBeLessThan(80);
    const pdf = kept.find((file) => file.type === 'application/pdf')!;
    expect((await read(pdf.sha256)).equals(PDF)).toBe(true);
    // The record names exactly the files the receiver has.
    expect(record.attachments!.map((a) => a.sha256).sort()).toEqual(kept.map((file) => file.sha256).sort());
    await context.close();

    // The agent's side: the complaint in the real inbox, its photo shown, its PDF downloaded.
    await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
    const inbox = await signInOn(await browser.newPage(), base, 'mia@shop.example');
    const served = new Map<string, import('playwright-core').Response>();
    inbox.on('response', (response) => {
      const name = new URL(response.url()).pathname.match(/\/attachments\/([0-9a-f]{64})$/)?.[1];
      if (name) served.set(name, response);
    });
    await inbox.locator('#queue-rows tr[data-id]').first().getByRole('button').click();
    const detail = inbox.locator('#detail-view');
    const section = detail.getByRole('region', { name: /^Files/ });
    const thumbnail = section.getByRole('img', { name: 'Photo 1' });
    await thumbnail.waitFor();
    // Loaded, not a broken image with its alternative text.
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 15_000 }).toBeGreaterThan(0);
    const downloading = inbox.waitForEvent('download');
    await section.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    const saved: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) saved.push(chunk as Buffer);
    expect(Buffer.concat(saved).equals(PDF)).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    // As the server sent them: never sniffed, never run, never kept by a cache on the way.
    const pdfResponse = served.get(pdf.sha256)!;
    expect(await pdfResponse.allHeaders()).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': expect.stringMatching(/^attachment/),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'private, no-store',
    });
    expect(await served.get(image.sha256)!.allHeaders()).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' });
    expect(await inboxAxeViolations(inbox)).toEqual([]);
    await inbox.context().close();
  });
});
