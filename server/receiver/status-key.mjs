// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The visitor's status key (`visitor.statusKey`, 128 random bits the widget made) is a
 * capability: whoever holds it may read how their complaint is going. The server keeps only its
 * SHA-256, so neither the database nor anything read from it (the inbox, an export) can open a
 * status; the record is stored without the key.
 */

/** @param {string} key */
const hashKey = (key) => createHash('sha256').update(key).digest('base64url');

/**
 * The record to store, without its status key, and the key's hash.
 * @param {import('../store/store.mjs').ComplaintRecord} record
 * @returns {{ record: import('../store/store.mjs').ComplaintRecord, statusKeyHash: string | null }}
 */
export function takeStatusKey(record) {
  const { statusKey, ...visitor } = /** @type {typeof record.visitor & { statusKey?: string }} */ (record.visitor);
  if (statusKey === undefined) return { record, statusKeyHash: null };
  return { record: { ...record, visitor }, statusKeyHash: hashKey(statusKey) };
}

/**
 * True when `header` (`Authorization: Bearer <statusKey>`) carries the key whose hash is
 * `stored`. The same work whether or not there is a stored hash, and compared in constant time.
 * @param {string | undefined} header
 * @param {string | null | undefined} stored
 */
export function statusKeyMatches(header, stored) {
  const match = /^Bearer\s+([A-Za-z0-9_-]{22})\s*$/i.exec(header ?? '');
  return ratingKeyMatches(match ? hashKey(/** @type {string} */ (match[1])) : null, stored);
}

/**
 * A widget's rating without the status key it carries (`statusKey`), and the key's hash: only
 * the key's holder may rate its complaint, and the rating is stored without the key.
 * @param {import('../store/store.mjs').RatingRecord} record
 * @returns {{ record: import('../store/store.mjs').RatingRecord, keyHash: string | null }}
 */
export function takeRatingKey(record) {
  const { statusKey, ...rating } = record;
  return { record: rating, keyHash: statusKey === undefined ? null : hashKey(statusKey) };
}

/**
 * True when a key's hash (a rating's, or the one a status read's bearer gives) is the one stored
 * with its complaint. The same work whether or not either is there, compared in constant time.
 * @param {string | null} given
 * @param {string | null | undefined} stored
 */
export function ratingKeyMatches(given, stored) {
  const a = Buffer.from(given ?? hashKey('no key given'));
  const b = Buffer.from(stored ?? hashKey('no key stored'));
  return Boolean(given && stored) && a.length === b.length && timingSafeEqual(a, b);
}
