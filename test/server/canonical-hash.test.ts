import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../../server/receiver/canonical-hash.mjs';

// The hash is stored with each record and compared with a retry's: a body received by an
// earlier version and sent again now must hash the same, or its retry would be a conflict.
const SENT = {
  type: 'complaint',
  id: 'c-1',
  messages: [{ from: 'visitor', text: 'Le colis est arrivé cassé 📦\u2028"ok"', at: '2026-01-02T03:04:05.000Z' }],
  visitor: { name: null, traits: { plan: 'pro', seats: 3 }, previousComplaints: 0 },
  csat: null,
  tags: [],
  n: -1.5e-7,
};
/** What earlier versions stored for SENT. */
const STORED_BEFORE = 'qKQjPCYprHDU8eLf69XsYNGChNmxpYjyI9RA_-M5T2U';

/** The same value with every object's keys in reverse order, as another serialiser may send it. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

describe('canonicalHash', () => {
  it('gives a body the hash earlier versions stored for it, whatever its key order or spacing', () => {
    expect(canonicalHash(SENT)).toBe(STORED_BEFORE);
    expect(canonicalHash(reversed(SENT))).toBe(STORED_BEFORE);
    expect(canonicalHash(JSON.parse(JSON.stringify(SENT, null, 2)))).toBe(STORED_BEFORE);
  });

  it('tells apart bodies that differ in one value', () => {
    expect(canonicalHash({ ...SENT, csat: 4 })).not.toBe(STORED_BEFORE);
    expect(canonicalHash({ ...SENT, tags: [''] })).not.toBe(STORED_BEFORE);
  });
});
