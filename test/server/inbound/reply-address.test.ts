/**
 * A complaint's reply address names it and cannot be guessed or altered: it reads back even
 * after a mail system folds its case, and any change to it, or another server's secret, names
 * no complaint.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { complaintForAddress, replyAddress, splitInboundAddress } from '../../../server/inbound/reply-address.mjs';

const INBOUND = splitInboundAddress('reply@inbound.shop.example')!;
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('reply addresses', () => {
  it('names the complaint, also when the mail system changed its case, within the 64 characters of a local part', () => {
    for (const id of [randomUUID(), 'K7-order-2026-0042']) {
      const address = replyAddress(INBOUND, SECRET, id)!;
      expect(address).toMatch(/^reply\+[a-z2-7]+@inbound\.shop\.example$/);
      expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
      expect(complaintForAddress(INBOUND, SECRET, address)).toEqual({ complaintId: id });
      expect(complaintForAddress(INBOUND, SECRET, address.toUpperCase())).toEqual({ complaintId: id });
    }
  });

  it('names no complaint once any character of the token is changed', () => {
    const address = replyAddress(INBOUND, SECRET, randomUUID())!;
    const token = address.slice('reply+'.length, address.indexOf('@'));
    for (let index = 0; index < token.length; index += 1) {
      const changed = token.slice(0, index) + (token[index] === 'a' ? 'b' : 'a') + token.slice(index + 1);
      expect(complaintForAddress(INBOUND, SECRET, `reply+${changed}@inbound.shop.example`).complaintId).toBeNull();
    }
  });

  it('names no complaint for a token made with another secret, or for no token', () => {
    const address = replyAddress(INBOUND, 'another-secret-of-thirty-two-characters!', randomUUID())!;
    expect(complaintForAddress(INBOUND, SECRET, address)).toEqual({ complaintId: null, why: 'forged-token' });
    expect(complaintForAddress(INBOUND, SECRET, 'reply@inbound.shop.example')).toEqual({ complaintId: null, why: 'no-token' });
    expect(complaintForAddress(INBOUND, SECRET, 'someone@shop.example')).toEqual({ complaintId: null, why: 'not-ours' });
  });

  it('gives no address for an id too long to carry, so the email goes without one', () => {
    expect(replyAddress(INBOUND, SECRET, 'x'.repeat(40))).toBeNull();
  });
});
