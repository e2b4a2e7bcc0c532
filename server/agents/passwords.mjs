// @ts-check
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes with scrypt (memory-hard, in node:crypto). Stored as
 * `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), so the cost can rise later and old hashes
 * still verify.
 */

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
// 128 * N * r bytes of memory; Node's default ceiling (32 MiB) is exactly that at N = 2^15.
const MAX_MEMORY = 64 * 1024 * 1024;

/** The shortest and longest password an account may have. */
export const PASSWORD_LENGTH = { min: 10, max: 200 };

/**
 * @param {string} password
 * @param {Buffer} salt
 * @param {{ N: number, r: number, p: number }} cost
 * @returns {Promise<Buffer>}
 */
function derive(password, salt, cost) {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** @param {string} password @returns {Promise<string>} */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when `password` matches `stored`. Compared in constant time.
 * @param {string} password
 * @param {string} stored
 */
export async function verifyPassword(password, stored) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** @type {Promise<string> | undefined} */
let decoy;

/**
 * Checks a password against a hash no password matches, so signing in with an unknown email
 * costs the same work, and takes the same time, as with a known one.
 * @param {string} password
 */
export async function verifyAgainstNothing(password) {
  decoy ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}

/** A password for the first admin when none was configured: 144 random bits. */
export function generatePassword() {
  return randomBytes(18).toString('base64url');
}
