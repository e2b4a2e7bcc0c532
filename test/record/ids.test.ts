import { describe, expect, it } from 'vitest';
import { newRecordIds, newStatusKey } from '../../widget/src/record/ids';

const fromBase64url = (key: string): Uint8Array => Uint8Array.from(atob(key.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

describe('a complaint\'s status key', () => {
  it('is 22 base64url characters carrying all 128 random bits it was made from', () => {
    for (const fill of [0x00, 0xff, 0xfb, 0x3e]) {
      const bytes = new Uint8Array(16).fill(fill);
      bytes[0] = 0xfa;
      bytes[15] = 0x01;
      const key = newStatusKey((b) => (b.set(bytes), b));
      expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect([...fromBase64url(key)]).toEqual([...bytes]);
    }
  });

  it('comes from the browser\'s cryptographic random source, different for every complaint', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newRecordIds().statusKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('shares no bits with the id and reference, which travel and are shown openly', () => {
    let call = 0;
    // The first draw (id and reference) is all zeros; a key made from the same draw would be too.
    const ids = newRecordIds((b) => b.fill(call++ === 0 ? 0 : 0xab));
    expect(ids.id).toBe('00000000-0000-4000-8000-000000000000');
    expect([...fromBase64url(ids.statusKey)]).toEqual(new Array(16).fill(0xab));
  });
});
