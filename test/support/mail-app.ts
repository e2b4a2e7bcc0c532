import { createApp } from '../../server/app.mjs';
import { createMailer } from '../../server/jobs/forwarding/email.mjs';
import type { Store } from '../../server/store/store.mjs';

/** How the shop in the mail tests sends: its From, its team address, two quick retries. */
export const SHOP_MAIL = { retrySchedule: [5, 5], mailFrom: 'Shop care <care@shop.example>', teamEmail: 'team@shop.example' };

/**
 * A server whose jobs run only when the test runs them, on the test's clock, sending mail to
 * `smtpUrl` (null: no mail server configured). Closing it closes `store`. Wrapped in an object:
 * a Fastify instance is itself awaitable.
 */
export async function mailApp(store: Store, { smtpUrl, clock }: { smtpUrl: string | null; clock: { now(): number } }) {
  const app = createApp({
    store,
    allowedOrigins: [],
    rateLimit: 0,
    jobs: { worker: false, ...SHOP_MAIL },
    mailer: smtpUrl ? createMailer(smtpUrl) : null,
    clock,
  });
  app.addHook('onClose', async () => store.close());
  await app.ready();
  return { app };
}
