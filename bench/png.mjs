// @ts-check
/**
 * Real PNG files made in memory, for the upload bench and the attachment tests: a header the
 * receiver reads for the type and dimensions, grey pixels, and optionally random bytes after the
 * image's end, so files of any size are distinct and cost their size to hash and keep.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * @param {number} width
 * @param {number} height
 * @param {number} [padding] random bytes after the image's end
 */
export function png(width, height, padding = 0) {
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * Math.max(height, 1), 0x80);
  // Each row starts with its filter type: 0, none (a browser refuses to decode any other byte).
  for (let row = 0; row < raw.length; row += width + 1) raw[row] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
    randomBytes(padding),
  ]);
}
