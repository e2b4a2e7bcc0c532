import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../bench/png.mjs';
import { createApp } from '../../server/app.mjs';
import { diskStorage } from '../../server/attachments/storage.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent } from '../support/agents';
import { launchChromium } from './support/chromium';
import { inboxAxeViolations, postComplaint, signInOn } from './support/inbox-page';

const LABEL = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% return label\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'heard-reply-files-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('files with a reply in Chromium', () => {
  it('an agent picks files by keyboard, sees refusals as sentences, removes one, and the reply shows and sends the rest', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [], rateLimit: 0, attachments: diskStorage(join(dir, 'attachments')), jobs: { worker: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
      const key = randomBytes(16).toString('base64url');
      const record = await postComplaint(base, sampleComplaint({ visitor: { statusKey: key } as never } as never));
      const page = await signInOn(await browser.newPage(), base, mia.email);
      await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
      await page.locator('#reply-input').waitFor();

      // Reached by Tab from the reply box, and named by its label.
      await page.locator('#reply-input').focus();
      for (let n = 0; n < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'reply-files-input'; n += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-files-input');
      const control = page.getByLabel('Attach files');
      expect(await control.getAttribute('type')).toBe('file');

      const error = page.locator('#reply-files-error');
      // A web page named like a PDF: refused by the server from its bytes, said beside the control.
      await control.setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
      await page.waitForFunction(() => document.querySelector('#reply-files-error')?.textContent !== '');
      expect(await error.textContent()).toMatch(/^invoice\.pdf is not attached\. .*JPEG, PNG, WebP, GIF and HEIC photos and PDF/);
      await control.setInputFiles({ name: 'archive.zip', mimeType: 'application/zip', buffer: randomBytes(100) });
      expect(await error.textContent()).toBe('archive.zip is not attached: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDFs can be sent.');

      const photo = png(40, 30);
      await control.setInputFiles([
        { name: 'return-label.pdf', mimeType: 'application/pdf', buffer: LABEL },
        { name: 'parcel.png', mimeType: 'image/png', buffer: photo },
      ]);
      const rows = page.locator('#reply-files li');
      await page.waitForFunction(() => document.querySelectorAll('#reply-files li').length === 2);
      expect(await error.textContent()).toBe('');
      expect(await rows.allTextContents()).toEqual(['return-label.pdf · 1 KB Remove', 'parcel.png · 1 KB Remove']);
      await page.getByRole('button', { name: 'Remove parcel.png' }).press('Enter');
      expect(await rows.allTextContents()).toEqual(['return-label.pdf · 1 KB Remove']);
      expect(await inboxAxeViolations(page)).toEqual([]);

      // A note takes no files: the control is not there while writing one.
      await page.getByRole('radio', { name: 'Internal note (team only)' }).check();
      expect(await control.isVisible()).toBe(false);
      await page.getByRole('radio', { name: 'Reply to visitor' }).check();

      await page.locator('#reply-input').fill('Here is your return label.');
      await page.locator('#reply-send').click();
      const sent = page.locator('#replies li.bot');
      await sent.locator('.files li').waitFor();
      expect(await sent.locator('.message-text').textContent()).toBe('Here is your return label.');
      expect(await sent.locator('.files li').allTextContents()).toEqual(['PDF · 1 KB · Download']);
      // The next reply starts with no files.
      expect(await rows.count()).toBe(0);

      // The visitor's status lists it, to open with their key.
      const status = await (await fetch(`${base}/complaints/${record.id}/status`, { headers: { authorization: `Bearer ${key}` } })).json();
      expect(status.replies[0].attachments).toEqual([{ sha256: sha(LABEL), type: 'application/pdf', size: LABEL.length }]);
      expect(await inboxAxeViolations(page)).toEqual([]);
      await page.close();
    } finally {
      await app.close();
      await store.close();
    }
  });
});
