import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, PASSWORD } from '../support/agents';
import { launchChromium } from './support/chromium';
import { inboxAxeViolations, signInOn } from './support/inbox-page';

interface Sent {
  to: string;
  text: string;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The inbox on a loopback port; with `mail`, a mail server that keeps what it is given. */
async function startServer({ mail }: { mail: boolean }) {
  const store = createSqliteStore({ path: ':memory:' });
  const sent: Sent[] = [];
  const app = createApp({
    store,
    allowedOrigins: [],
    rateLimit: 0,
    jobs: { worker: false },
    mailer: mail ? { sendMail: async (message) => (sent.push(message as Sent), { accepted: [message.to] }) } : null,
  });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, store, sent, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

describe('a forgotten password in Chromium', () => {
  it('is reset from the sign-in page by an emailed link that works once, and the agent signs in with the new one', async () => {
    const { app, store, sent, base } = await startServer({ mail: true });
    try {
      await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
      const page = await browser.newPage();
      await page.goto(`${base}/inbox/`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      const email = page.locator('#forgot-view').getByLabel('Email');
      await expect.poll(() => email.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(await page.locator('#forgot').textContent()).toContain('for 30 minutes');
      await email.fill('mia@shop.example');
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'If an account' }).textContent()).toBe(
        'If an account exists for that address, we have sent a link to choose a new password. It works once, for 30 minutes.',
      );
      expect(await inboxAxeViolations(page)).toEqual([]);

      await expect.poll(() => sent.length).toBe(1);
      const link = /http:\/\/127\.0\.0\.1:\d+\/inbox\/#reset=[\w-]+/.exec(sent[0]!.text)![0];
      const opened = await browser.newPage();
      await opened.goto(link);
      await opened.locator('#reset-view').getByLabel('Choose a password').fill('mia chose a new one');
      expect(await inboxAxeViolations(opened)).toEqual([]);
      await opened.getByRole('button', { name: 'Set new password' }).click();
      // Back at sign-in, told so, the email filled in and the link gone from the address bar.
      await expect.poll(() => opened.locator('#sign-in-notice').textContent()).toContain('Your password is changed');
      expect(opened.url()).toBe(`${base}/inbox/`);
      expect(await opened.locator('#sign-in-view').getByLabel('Email').inputValue()).toBe('mia@shop.example');
      await opened.locator('#sign-in-view').getByLabel('Password').fill('mia chose a new one');
      await opened.getByRole('button', { name: 'Sign in' }).click();
      await opened.locator('body[data-live="live"]').waitFor();

      // The link works once.
      const again = await browser.newPage();
      await again.goto(link);
      await again.locator('#reset-view').getByLabel('Choose a password').fill('someone else tries');
      await again.getByRole('button', { name: 'Set new password' }).click();
      await expect.poll(() => again.locator('#reset-error').textContent()).toContain('used already or has expired');
      await Promise.all([page.close(), opened.close(), again.close()]);
    } finally {
      await app.close();
    }
  });

  it('says to ask an admin when no mail server is configured', async () => {
    const { app, base } = await startServer({ mail: false });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/inbox/`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await expect.poll(() => page.locator('#forgot-unavailable').textContent()).toBe('Resetting a password by email is not available here: ask an admin to reset yours.');
      expect(await page.locator('#forgot').isVisible()).toBe(false);
      expect(await inboxAxeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Back to sign in' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      await page.close();
    } finally {
      await app.close();
    }
  });
});

describe('roles and password resets on the Agents page in Chromium', () => {
  it("an admin changes an agent's role, cannot demote the last admin, resets a password, and sees it all in the history", async () => {
    const { app, store, base } = await startServer({ mail: false });
    try {
      await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
      await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
      const mia = await signInOn(await browser.newPage(), base, 'mia@shop.example');
      const page = await signInOn(await browser.newPage(), base, 'ada@shop.example');
      await page.getByRole('button', { name: 'Agents' }).click();

      const own = page.getByLabel('Role of Ada');
      await own.selectOption('agent');
      await expect.poll(() => page.locator('#agents-error').textContent()).toContain('This is the only admin');
      expect(await own.inputValue()).toBe('admin');

      await page.getByLabel('Role of Mia').selectOption('admin');
      await expect.poll(() => page.locator('#account-history li').first().textContent()).toContain('Ada changed the role of Mia from Agent to Admin.');
      expect(await page.getByLabel('Role of Mia').inputValue()).toBe('admin');
      // Mia's open inbox shows an admin's pages at once, without a reload.
      await expect.poll(() => mia.getByRole('button', { name: 'Agents' }).isVisible()).toBe(true);
      await expect.poll(() => mia.locator('#who').textContent()).toBe('Signed in as Mia (admin)');
      expect(await inboxAxeViolations(page)).toEqual([]);

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Reset password for Mia' }).click();
      await expect.poll(() => page.locator('#reset-result').textContent()).toContain('Mia is signed out everywhere');
      expect(await page.locator('#reset-link').textContent()).toMatch(/\/inbox\/#reset=[\w-]{43}$/);
      await expect.poll(() => page.locator('#account-history li').first().textContent()).toContain('Ada reset the password of Mia');
      expect(await inboxAxeViolations(page)).toEqual([]);
      // Mia's session has ended: her open inbox goes back to sign-in, saying so.
      await expect.poll(() => mia.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(await mia.locator('#sign-in-error').textContent()).toBe('Your session has ended; sign in again.');
      expect((await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mia@shop.example', password: PASSWORD }) })).status).toBe(401);
      await Promise.all([page.close(), mia.close()]);
    } finally {
      await app.close();
    }
  });
});
