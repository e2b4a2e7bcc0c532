// Crockford's base32 without I, L, O, U: nothing a visitor can misread when quoting it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

type Random = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
const systemRandom: Random = (b) => crypto.getRandomValues(b);

/**
 * A new record id (a UUID v4), the short reference a visitor quotes (e.g. `HRD-7K3F9Q`) and the
 * complaint's status key (see {@link newStatusKey}).
 */
export function newRecordIds(random: Random = systemRandom): {
  id: string;
  reference: string;
  statusKey: string;
} {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  let reference = 'HRD-';
  for (let i = 0; i < 6; i++) reference += ALPHABET[bytes[10 + i]! % 32];
  return { id, reference, statusKey: newStatusKey(random) };
}

/**
 * A complaint's status key: 128 random bits, base64url without padding (22 characters). The
 * widget sends it once, in the record, and keeps it on this device; with it, and nothing else,
 * it later reads the complaint's status. The server keeps only its hash.
 */
export function newStatusKey(random: Random = systemRandom): string {
  const bytes = random(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
