// @ts-check
/**
 * Upload throughput to the receiver: visitors' files (`PUT /complaints/:id/attachments/:sha256`)
 * over real HTTP on 127.0.0.1, each hashed, typed from its bytes and kept on disk as
 * `npm start` keeps them (SQLite and the attachments folder beside it, in a temporary folder).
 * The files are distinct photos of a few megabytes, made before the clock starts; several go at
 * once, as from several visitors.
 *
 *   node bench/uploads.mjs      # prints the figures as JSON
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { createApp } from '../server/app.mjs';
import { diskStorage } from '../server/attachments/storage.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';

/**
 * A PNG header for a 1,024 × 768 photo, then `size` bytes in all: the receiver reads a file's
 * first bytes for its type and dimensions and hashes the rest, as for a real photo.
 * @param {number} size
 */
function photo(size) {
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
  header.writeUInt32BE(1024, 0);
  header.writeUInt32BE(768, 4);
  header[8] = 8;
  const start = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(16)))]);
  return Buffer.concat([start, randomBytes(size - start.length)]);
}

/**
 * @param {{ files?: number, sizeMb?: number, concurrency?: number }} [options]
 * @returns {Promise<{ files: number, bytes: number, concurrency: number, seconds: number, mbPerSecond: number, filesPerSecond: number, kept: number, refused: number }>}
 *   `kept`: answered 201; `refused`: any other answer.
 */
export async function measureUploads({ files = 40, sizeMb = 2, concurrency = 4 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'heard-upload-bench-'));
  const store = createSqliteStore({ path: join(dir, 'heard.db') });
  const app = createApp({ store, allowedOrigins: [], rateLimit: 0, uploadBytesPerMinute: 0, logger: false, attachments: diskStorage(join(dir, 'attachments')), jobs: { worker: false } });
  app.addHook('onClose', async () => store.close());
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`;
    // One complaint per visitor; each sends its share of the files.
    const complaints = [];
    for (let n = 0; n < concurrency; n += 1) {
      const statusKey = randomBytes(16).toString('base64url');
      const record = sampleComplaint({ visitor: /** @type {never} */ ({ statusKey }) });
      const received = await fetch(`${origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      if (received.status !== 201) throw new Error(`The receiver answered ${received.status}`);
      complaints.push({ id: /** @type {string} */ (record.id), statusKey });
    }
    const size = Math.round(sizeMb * 1024 * 1024);
    const bodies = Array.from({ length: files }, () => {
      const bytes = photo(size);
      return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    let kept = 0;
    let refused = 0;
    let next = 0;
    const start = performance.now();
    await Promise.all(complaints.map(async ({ id, statusKey }) => {
      while (next < bodies.length) {
        const { bytes, sha256 } = /** @type {{ bytes: Buffer, sha256: string }} */ (bodies[next++]);
        const answer = await fetch(`${origin}/complaints/${id}/attachments/${sha256}`, { method: 'PUT', headers: { authorization: `Bearer ${statusKey}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
        await answer.arrayBuffer();
        if (answer.status === 201) kept += 1;
        else refused += 1;
      }
    }));
    const seconds = (performance.now() - start) / 1000;
    const bytes = files * size;
    return { files, bytes, concurrency, seconds: Number(seconds.toFixed(3)), mbPerSecond: Number((bytes / 1024 / 1024 / seconds).toFixed(1)), filesPerSecond: Number((files / seconds).toFixed(1)), kept, refused };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureUploads(), null, 2));
}
