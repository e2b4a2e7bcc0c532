// @ts-check
/**
 * The files a visitor attached to an email answer (a photo of the damage, a PDF receipt), kept
 * for the complaint as an upload from the widget is: the type read from the bytes with the same
 * allowlist, the same limits per file and per complaint, under the file's SHA-256. What is not
 * kept is said, for the agent, with the reason; never its bytes, nor its name in the log.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { MAX_FILE_BYTES, noRoomFor } from './routes.mjs';
import { HEAD_BYTES, sniff } from './sniff.mjs';
import { MAX_FILES_PER_REPLY } from './thread-files.mjs';

/**
 * @typedef {{ name: string, content: Buffer }} EmailedFile
 *   An attachment as the mail carried it: the name its sender gave (untrusted text) and its bytes.
 * @typedef {{ name: string, reason: string }} RefusedFile
 *   `reason`: a sentence for the agent.
 */

/**
 * Keeps each file for the complaint; the message names the kept ones, at most five.
 * @param {{
 *   store: import('../store/store.mjs').Store,
 *   storage: import('./storage.mjs').AttachmentStorage,
 *   clock: { now(): number },
 *   log: { info(object: object, message: string): void, error(object: object, message: string): void },
 * }} deps
 * @param {string} complaintId
 * @param {EmailedFile[]} files
 * @returns {Promise<{ kept: string[], refused: RefusedFile[] }>} `kept`: their SHA-256s, in the email's order
 */
export async function keepEmailedFiles({ store, storage, clock, log }, complaintId, files) {
  /** @type {string[]} */
  const kept = [];
  /** @type {RefusedFile[]} */
  const refused = [];
  for (const { name, content } of files) {
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (kept.includes(sha256)) continue;
    const reason = kept.length >= MAX_FILES_PER_REPLY
      ? `A message may send at most ${MAX_FILES_PER_REPLY} files; this one came after them.`
      : await keepOne({ store, storage, clock, log }, complaintId, sha256, content);
    if (reason) refused.push({ name, reason });
    else kept.push(sha256);
  }
  if (refused.length > 0) log.info({ complaintId, kept: kept.length, refused: refused.length }, 'email answer: some attached files were not kept');
  return { kept, refused };
}

/**
 * One file kept, or why not.
 * @param {Parameters<typeof keepEmailedFiles>[0]} deps
 * @param {string} complaintId
 * @param {string} sha256
 * @param {Buffer} content
 * @returns {Promise<string | null>}
 */
async function keepOne({ store, storage, clock, log }, complaintId, sha256, content) {
  if (content.length === 0) return 'The file is empty.';
  if (content.length > MAX_FILE_BYTES) return `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  const kind = await sniff(content.subarray(0, HEAD_BYTES));
  if (!kind.ok) return kind.message;
  if (await store.attachmentOf(complaintId, sha256)) return null;
  const full = await noRoomFor(store, complaintId, content.length);
  if (full) return full.message;
  /** @type {string | undefined} */
  let temporary;
  try {
    temporary = await storage.write(Readable.from([content]), content.length);
    await storage.commit(temporary, sha256);
    // A file committed whose row is not written is no one's: the retention sweep removes it.
    await store.addAttachment(complaintId, { sha256, type: kind.type, size: content.length, width: kind.width ?? null, height: kind.height ?? null, createdAt: new Date(clock.now()).toISOString() });
    return null;
  } catch (error) {
    if (temporary) await storage.discard(temporary).catch(() => {});
    log.error({ err: error, complaintId, storage: storage.kind }, 'attachment storage failed; a file attached to an email answer was not kept');
    return 'The file could not be kept: the storage did not answer.';
  }
}
