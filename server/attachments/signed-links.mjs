// @ts-check
/**
 * Download links for the files forwarded to the team (webhooks, email, chat): a capability
 * signed with HMAC-SHA256 under the server's link secret, over the complaint id, the file's
 * SHA-256 and when the link expires. No sign-in: whoever holds the link may download that one
 * file until then. The signature is compared in constant time and never logged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a forwarded file's link works by default (`HEARD_ATTACHMENT_LINK_DAYS`). */
export const ATTACHMENT_LINK_DAYS = 7;

/**
 * @param {{ secret: string, complaintId: string, sha256: string, expires: number }} input `expires` in Unix seconds
 */
function signature({ secret, complaintId, sha256, expires }) {
  return createHmac('sha256', secret).update(`heard-attachment:${complaintId}:${sha256}:${expires}`).digest('base64url');
}

/**
 * The public link to one file: `<publicUrl>/files/<complaint id>/<sha256>?expires=…&signature=…`.
 * @param {{ publicUrl: string, secret: string, complaintId: string, sha256: string, expiresAt: number }} input `expiresAt` in ms
 * @returns {{ url: string, expiresAt: string }}
 */
export function signedFileLink({ publicUrl, secret, complaintId, sha256, expiresAt }) {
  const expires = Math.floor(expiresAt / 1000);
  const query = new URLSearchParams({ expires: String(expires), signature: signature({ secret, complaintId, sha256, expires }) });
  return {
    url: `${publicUrl.replace(/\/$/, '')}/files/${encodeURIComponent(complaintId)}/${sha256}?${query}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/**
 * Whether a link's `expires` and `signature` are the server's for this file, and still good.
 * @param {{ secret: string, complaintId: string, sha256: string, expires: unknown, signature: unknown, now: number }} input
 * @returns {'ok' | 'invalid' | 'expired'}
 */
export function checkFileLink({ secret, complaintId, sha256, expires, signature: given, now }) {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof given !== 'string') return 'invalid';
  const expected = Buffer.from(signature({ secret, complaintId, sha256, expires: Number(expires) }));
  const sent = Buffer.from(given);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return 'invalid';
  return Number(expires) * 1000 <= now ? 'expired' : 'ok';
}
