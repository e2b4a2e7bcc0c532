// @ts-check
import { createHash } from 'node:crypto';

/**
 * A hash of a JSON value that ignores key order and whitespace, so a retry that
 * re-serialises the same record is recognised as the same body.
 * @param {unknown} value
 * @returns {string}
 */
export function canonicalHash(value) {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url');
}

/**
 * Keys sorted, no whitespace. Built in one string by loops: every record passes here on its way
 * in, and arrays of pieces joined at each level cost the receiver more than the hash itself.
 * The text must never change, for hashes already stored are compared with it.
 * @param {unknown} value
 * @returns {string}
 */
function canonicalJson(value) {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = /** @type {string} */ (keys[i]);
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(/** @type {Record<string, unknown>} */ (value)[key])}`;
  }
  return `${out}}`;
}
