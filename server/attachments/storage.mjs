// @ts-check
/**
 * Where attachments' bytes are kept: one interface, two kinds. Files are content-addressed (a
 * file's name is its SHA-256), so the same photo sent twice is kept once. An upload goes first to
 * a temporary object, written as it streams in; only once its hash and type are checked is it
 * committed under its address, so a body cut short or refused leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/**
 * @typedef {{
 *   kind: 'disk' | 's3',
 *   write(body: import('node:stream').Readable, length: number): Promise<string>,
 *   commit(temporary: string, sha256: string): Promise<'created' | 'exists'>,
 *   discard(temporary: string): Promise<void>,
 *   has(sha256: string): Promise<boolean>,
 *   open(sha256: string): Promise<import('node:stream').Readable | null>,
 *   remove(sha256: string): Promise<void>,
 *   list(): Promise<{ sha256: string, size: number, modifiedAt: number }[]>,
 *   dropIncoming(before: number): Promise<number>,
 * }} AttachmentStorage
 *   `write`: streams a body of `length` bytes into a temporary object and names it; rejects when
 *   the body ends early or fails. `commit`: moves it under its content address ('exists': the
 *   same file was already kept; the temporary one is dropped). `list`: every committed file.
 *   `dropIncoming`: deletes the temporary objects begun before `before` (ms) that were never
 *   committed nor discarded (the server stopped mid-upload); how many.
 */

const SHA256 = /^[0-9a-f]{64}$/;
/** @param {string} sha256 */
const checked = (sha256) => {
  if (!SHA256.test(sha256)) throw new Error('An attachment is named by its SHA-256 in lowercase hex.');
  return sha256;
};

/**
 * Files on disk under `dir`: `dir/ab/abcdef…` for each file, `dir/incoming/` while one arrives.
 * The folders are 0700 and the files 0600: only the server's own user reads them.
 * @param {string} dir
 * @returns {AttachmentStorage}
 */
export function diskStorage(dir) {
  const incoming = join(dir, 'incoming');
  /** @param {string} path */
  const privateFolder = async (path) => {
    await mkdir(path, { recursive: true, mode: 0o700 });
    await chmod(path, 0o700);
  };
  /** @param {string} sha256 */
  const pathOf = (sha256) => join(dir, checked(sha256).slice(0, 2), sha256);
  /** @param {string} temporary */
  const temporaryPath = (temporary) => {
    if (!/^[0-9a-f-]{36}$/.test(temporary)) throw new Error('Not a temporary attachment.');
    return join(incoming, temporary);
  };
  /** @param {string} path */
  const exists = (path) => stat(path).then(() => true, () => false);
  let ready = /** @type {Promise<void> | null} */ (null);
  const prepare = () => (ready ??= privateFolder(dir).then(() => privateFolder(incoming)));

  return {
    kind: 'disk',
    async write(body) {
      await prepare();
      const temporary = randomUUID();
      const path = temporaryPath(temporary);
      try {
        await pipeline(body, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return temporary;
    },
    async commit(temporary, sha256) {
      const target = pathOf(sha256);
      await privateFolder(join(dir, sha256.slice(0, 2)));
      if (await exists(target)) {
        await rm(temporaryPath(temporary), { force: true });
        return 'exists';
      }
      await rename(temporaryPath(temporary), target);
      return 'created';
    },
    async discard(temporary) {
      await rm(temporaryPath(temporary), { force: true });
    },
    has: (sha256) => exists(pathOf(sha256)),
    async open(sha256) {
      const path = pathOf(sha256);
      if (!(await exists(path))) return null;
      return createReadStream(path);
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async dropIncoming(before) {
      await prepare();
      let dropped = 0;
      for (const name of await readdir(incoming)) {
        const info = await stat(join(incoming, name)).catch(() => null);
        if (!info || info.mtimeMs >= before) continue;
        await rm(join(incoming, name), { force: true });
        dropped += 1;
      }
      return dropped;
    },
    async list() {
      await prepare();
      /** @type {{ sha256: string, size: number, modifiedAt: number }[]} */
      const files = [];
      for (const folder of await readdir(dir)) {
        if (!/^[0-9a-f]{2}$/.test(folder)) continue;
        for (const name of await readdir(join(dir, folder))) {
          if (!SHA256.test(name)) continue;
          const info = await stat(join(dir, folder, name)).catch(() => null);
          if (info) files.push({ sha256: name, size: info.size, modifiedAt: info.mtimeMs });
        }
      }
      return files;
    },
  };
}

/**
 * @typedef {{ endpoint: string, bucket: string, accessKeyId: string, secretAccessKey: string, region: string, connectMs?: number, idleMs?: number }} S3Settings
 *   `connectMs`, `idleMs`: how long a connection may take to open, and sit silent, before the
 *   storage counts as down (5 s and 20 s): an upload is then answered 503, not held open.
 */

/**
 * Objects in an S3-compatible bucket: `files/<sha256>` for each file, `incoming/<uuid>` while one
 * arrives. Path-style addressing, which S3-compatible servers expect.
 * @param {S3Settings} settings
 * @returns {AttachmentStorage}
 */
export function s3Storage({ endpoint, bucket, accessKeyId, secretAccessKey, region, connectMs = 5000, idleMs = 20_000 }) {
  // Checksums only where S3 requires them: a streamed body is then sent as it is, without the
  // aws-chunked framing many S3-compatible servers do not take.
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A storage that takes the connection and then says nothing is down too.
    requestHandler: { connectionTimeout: connectMs, socketTimeout: idleMs },
  });
  /** @param {string} sha256 */
  const keyOf = (sha256) => `files/${checked(sha256)}`;
  /** @param {unknown} error */
  const missing = (error) => {
    const e = /** @type {{ name?: string, $metadata?: { httpStatusCode?: number } }} */ (error);
    return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
  };
  /** @param {string} key */
  const exists = async (key) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  };
  /** @param {string} key */
  const drop = async (key) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };

  return {
    kind: 's3',
    async write(body, length) {
      const temporary = randomUUID();
      // A body that fails (its client went away) ends the request to S3, so nothing is kept.
      const abort = new AbortController();
      /** @type {(error: Error) => void} */
      let failed = () => {};
      const failure = new Promise((_resolve, reject) => {
        failed = (error) => {
          abort.abort(error);
          reject(error);
        };
        body.once('error', failed);
      });
      try {
        await Promise.race([client.send(new PutObjectCommand({ Bucket: bucket, Key: `incoming/${temporary}`, Body: body, ContentLength: length }), { abortSignal: abort.signal }), failure]);
      } finally {
        body.off('error', failed);
        failure.catch(() => {});
      }
      return temporary;
    },
    async commit(temporary, sha256) {
      const key = keyOf(sha256);
      if (await exists(key)) {
        await drop(`incoming/${temporary}`);
        return 'exists';
      }
      await client.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/incoming/${temporary}` }));
      await drop(`incoming/${temporary}`);
      return 'created';
    },
    discard: (temporary) => drop(`incoming/${temporary}`).catch(() => {}),
    has: (sha256) => exists(keyOf(sha256)),
    async open(sha256) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
        return /** @type {import('node:stream').Readable} */ (object.Body);
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    remove: (sha256) => drop(keyOf(sha256)),
    async dropIncoming(before) {
      let dropped = 0;
      /** @type {string | undefined} */
      let token;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'incoming/', ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          if (!object.Key || (object.LastModified?.getTime() ?? 0) >= before) continue;
          await drop(object.Key);
          dropped += 1;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return dropped;
    },
    async list() {
      /** @type {{ sha256: string, size: number, modifiedAt: number }[]} */
      const files = [];
      /** @type {string | undefined} */
      let token;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'files/', ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          const sha256 = (object.Key ?? '').slice('files/'.length);
          if (SHA256.test(sha256)) files.push({ sha256, size: object.Size ?? 0, modifiedAt: object.LastModified?.getTime() ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return files;
    },
  };
}
