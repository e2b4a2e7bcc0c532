import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../server/app.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from './agents';

/**
 * For each test, a store from `open`, an app on it and an agent signed in as Mia (`auth`, the
 * headers their calls carry); both closed after the test. Call it inside the describe block.
 */
export function apiSuite(open: () => Promise<Store>) {
  const suite = {} as { store: Store, app: ReturnType<typeof createApp>, auth: { authorization: string } };
  beforeEach(async () => {
    suite.store = await open();
    suite.app = createApp({ store: suite.store, allowedOrigins: [], rateLimit: 0 });
    await suite.app.ready();
    suite.auth = (await signedIn(suite.app, suite.store, { name: 'Mia' })).headers;
  });
  afterEach(async () => {
    await suite.app.close();
    await suite.store.close();
  });
  return suite;
}
