// Crockford's base32 without I, L, O, U: nothing a visitor can misread when quoting it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new record id (a UUID v4) and the short reference a visitor quotes, e.g. `HRD-7K3F9Q`. */
export function newRecordIds(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): {
  id: string;
  reference: string;
} {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  let reference = 'HRD-';
  for (let i = 0; i < 6; i++) reference += ALPHABET[bytes[10 + i]! % 32];
  return { id, reference };
}
