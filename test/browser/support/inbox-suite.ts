import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './chromium';
import { startInbox } from './inbox-page';

type Inbox = Awaited<ReturnType<typeof startInbox>>;

/**
 * One Chromium for the test file and a fresh inbox server for each test, closed after it. Call
 * it at the top level of the file; read `browser`, `app`, `store` and `base` inside the tests.
 */
export function inboxSuite() {
  const suite = {} as { browser: Browser } & Inbox;
  beforeAll(async () => {
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
  });
  beforeEach(async () => {
    Object.assign(suite, await startInbox());
    return () => suite.app.close();
  });
  return suite;
}
