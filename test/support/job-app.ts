import { createApp } from '../../server/app.mjs';
import { createMailer } from '../../server/jobs/forwarding/email.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import type { Store } from '../../server/store/store.mjs';

/** How the shop in the mail tests sends: its From, its team address, two quick retries. */
export const SHOP_MAIL = { retrySchedule: [5, 5], mailFrom: 'Shop care <care@shop.example>', teamEmail: 'team@shop.example' };

type AppOptions = Parameters<typeof createApp>[0];

/**
 * A server whose jobs run only when the test runs them (`runDue`), on the test's clock.
 * Closing it closes `store`. Wrapped in an object: a Fastify instance is itself awaitable.
 */
export async function jobApp(
  store: Store,
  { jobs = {}, mailer = null, clock }: { jobs?: AppOptions['jobs']; mailer?: AppOptions['mailer']; clock: { now(): number } },
) {
  const app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { worker: false, ...jobs }, mailer, clock });
  app.addHook('onClose', async () => store.close());
  await app.ready();
  const worker = (app as unknown as { jobWorker: ReturnType<typeof createWorker> }).jobWorker;
  /** Runs every job due now, and any they make due, until none is. */
  const runDue = async () => {
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
  };
  return { app, runDue };
}

/** A job server that sends the shop's mail to `smtpUrl` (null: no mail server configured). */
export function mailApp(store: Store, { smtpUrl, clock }: { smtpUrl: string | null; clock: { now(): number } }) {
  return jobApp(store, { jobs: SHOP_MAIL, mailer: smtpUrl ? createMailer(smtpUrl) : null, clock });
}
