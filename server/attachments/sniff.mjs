// @ts-check
/**
 * What a file is, decided from its bytes alone (never its name or declared type), and whether an
 * image's header is well formed with sane dimensions. Without a native image library the check
 * reads each format's header: PNG's IHDR chunk with its CRC, GIF's logical screen, JPEG's
 * start-of-frame marker (found by walking the segments), WebP's VP8/VP8L/VP8X header and
 * HEIC's `ispe` property. A file whose header is missing, truncated or says 0 or absurd
 * dimensions is refused.
 */
import { crc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';

/** The types a visitor may send, by the MIME type file-type names. */
export const ALLOWED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf']);
/** How much of a file's start is read to decide its type and dimensions (a JPEG's EXIF may take 64 KB). */
export const HEAD_BYTES = 256 * 1024;
const MAX_SIDE = 30_000;
const MAX_PIXELS = 200_000_000;

/**
 * @param {Buffer} head the file's first bytes (up to HEAD_BYTES)
 * @returns {Promise<{ ok: true, type: string, width?: number, height?: number } | { ok: false, error: 'type' | 'image', message: string }>}
 */
export async function sniff(head) {
  // Only the file's start is given: a format whose parser reads past it (a zip) is not allowed anyway.
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  const type = found?.mime === 'image/heic-sequence' ? 'image/heic' : found?.mime;
  if (!type || !ALLOWED_TYPES.has(type)) {
    return { ok: false, error: 'type', message: 'Only JPEG, PNG, WebP, GIF and HEIC photos and PDF files can be attached.' };
  }
  if (type === 'application/pdf') return { ok: true, type };
  const size = dimensions(type, head);
  if (!size || size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_PIXELS) {
    return { ok: false, error: 'image', message: 'This image is damaged or its dimensions are not possible, so it cannot be shown.' };
  }
  return { ok: true, type, ...size };
}

/**
 * @param {string} type
 * @param {Buffer} b
 * @returns {{ width: number, height: number } | null}
 */
function dimensions(type, b) {
  switch (type) {
    case 'image/png': {
      if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR' || b.readUInt32BE(8) !== 13) return null;
      if (crc32(b.subarray(12, 29)) !== b.readUInt32BE(29)) return null;
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    }
    case 'image/gif':
      return b.length < 10 ? null : { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    case 'image/jpeg':
      return jpegDimensions(b);
    case 'image/webp':
      return webpDimensions(b);
    case 'image/heic': {
      const at = b.indexOf('ispe', 0, 'latin1');
      return at < 0 || at + 16 > b.length ? null : { width: b.readUInt32BE(at + 8), height: b.readUInt32BE(at + 12) };
    }
  }
  return null;
}

/** @param {Buffer} b */
function jpegDimensions(b) {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = /** @type {number} */ (b[at + 1]);
    if (marker === 0xff) { at += 1; continue; }
    // Start-of-frame markers, not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

/** @param {Buffer} b */
function webpDimensions(b) {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}
