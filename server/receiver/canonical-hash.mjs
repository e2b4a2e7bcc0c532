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

/** @param {unknown} value @returns {string} */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(/** @type {Record<string, unknown>} */ (value)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
