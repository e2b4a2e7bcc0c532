import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { signRatingToken } from '../../../server/jobs/commitments/rating-link.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { bothStores } from '../../support/postgres';

const DAY = 24 * 3600_000;
const backends = bothStores();

describe.each(backends)('rating links with HEARD_LINK_SECRET on %s', (_name, open) => {
  const linkSecret = randomBytes(32).toString('base64url');
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { worker: false, publicUrl: 'https://heard.shop.example', linkSecret } });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  /** A resolved complaint; with `followedUp`, its follow-up email was sent. */
  const resolved = async (followedUp: boolean) => {
    const record = sampleComplaint({ visitor: { followUpConsent: true } });
    const received = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(received.statusCode).toBe(201);
    await store.resolve(record.id, 'Mia', 'Replaced.', new Date().toISOString());
    if (followedUp) await store.markFollowedUp(record.id, new Date().toISOString());
    return record;
  };
  const rate = (complaintId: string, secret: string) =>
    app.inject({ url: `/rate?token=${signRatingToken({ complaintId, expiresAt: Date.now() + 28 * DAY, secret })}&score=2` });

  it('takes a link signed with the configured secret for a follow-up that was sent', async () => {
    const record = await resolved(true);
    const page = await rate(record.id, linkSecret);
    expect(page.statusCode).toBe(200);
    expect((await store.getRecord(record.id))?.csat).toBe(2);
  });

  it('refuses a link signed with the secret kept in the database', async () => {
    const record = await resolved(true);
    const inDatabase = await store.serverSecret('link-signing', () => randomBytes(32).toString('base64url'));
    expect((await rate(record.id, inDatabase)).statusCode).toBe(404);
    expect((await store.getRecord(record.id))?.csat).toBeNull();
  });

  it('refuses a link for a complaint no follow-up was sent for, and its follow-up is still sent', async () => {
    const record = await resolved(false);
    const sent = await resolved(true);
    expect((await rate(record.id, linkSecret)).statusCode).toBe(404);
    expect((await rate(sent.id, linkSecret)).statusCode).toBe(200);
    const complaint = await store.getRecord(record.id);
    expect(complaint?.csat).toBeNull();
    expect(complaint?.followedUpAt).toBeNull();
  });
});
