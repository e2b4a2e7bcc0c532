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
import { createApp } from '../server/app.mjs';
import { diskStorage } from '../server/attachments/storage.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { png } from './png.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';

/**
 * A 1,024 × 768 PNG, then random bytes to `size` in all: the receiver reads a file's first bytes
 * for its type and dimensions and hashes the rest, as for a real photo.
 * @param {number} size
 */
function photo(size) {
  const image = png(1024, 768);
  return Buffer.concat([image, randomBytes(size - image.length)]);
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
