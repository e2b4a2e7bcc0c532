import { describe, expect, it } from 'vitest';
import { RATING_LINK_DAYS, signRatingToken, verifyRatingToken } from '../../../server/jobs/commitments/rating-link.mjs';

const secret = 'a-link-secret-of-enough-length-0123456789';
const now = Date.parse('2026-03-01T00:00:00Z');
const expiresAt = now + RATING_LINK_DAYS * 24 * 3600_000;

describe('rating links', () => {
  it('names the complaint it was made for', () => {
    const token = signRatingToken({ complaintId: 'c-1', expiresAt, secret });
    expect(verifyRatingToken(token, { secret, now })).toEqual({ ok: true, complaintId: 'c-1' });
  });

  it('stops working after 28 days, still naming its complaint so the page can speak its language', () => {
    const token = signRatingToken({ complaintId: 'c-1', expiresAt, secret });
    expect(verifyRatingToken(token, { secret, now: expiresAt + 1000 })).toEqual({ ok: false, reason: 'expired', complaintId: 'c-1' });
  });

  it('refuses a link edited to name another complaint or signed with another secret', () => {
    const token = signRatingToken({ complaintId: 'c-1', expiresAt, secret });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ c: 'c-2', e: expiresAt / 1000 })).toString('base64url')}.${signature}`;
    expect(verifyRatingToken(forged, { secret, now })).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRatingToken(signRatingToken({ complaintId: 'c-1', expiresAt, secret: 'another-secret-another-secret-0000' }), { secret, now })).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRatingToken('garbage', { secret, now })).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRatingToken(`${token}.x`, { secret, now })).toEqual({ ok: false, reason: 'invalid' });
  });
});
