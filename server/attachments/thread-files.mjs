// @ts-check
/**
 * The files sent with an entry of a complaint's thread (an agent's reply, a visitor's message),
 * as their routes check them and as the visitor's status and the inbox describe them.
 */

/** A file's name: its SHA-256 in lowercase hex. */
export const SHA256 = /^[0-9a-f]{64}$/;

/**
 * An attachment as the API and the receiver describe it.
 * @param {import('../store/attachments/attachments.mjs').Attachment} attachment
 */
export const describeAttachment = ({ sha256, type, size, width, height }) => ({ sha256, type, size, ...(width !== null && height !== null ? { width, height } : {}) });

/** The most files one reply, or one message, may send. */
export const MAX_FILES_PER_REPLY = 5;

/**
 * Why a reply or a message cannot send these files (a sentence for whoever sends it), or null
 * when it can: at most five, each named by its SHA-256 once and already kept for this complaint.
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {string[]} hashes
 * @param {'reply' | 'message'} [what] what sends them, as the sentences name it
 */
export async function threadFilesRefused(store, complaintId, hashes, what = 'reply') {
  const one = what === 'reply' ? 'A reply' : 'A message';
  if (hashes.length > MAX_FILES_PER_REPLY) return `${one} may send at most ${MAX_FILES_PER_REPLY} files; this one names ${hashes.length}.`;
  if (new Set(hashes).size !== hashes.length) return `${one} names each file once; one is named twice.`;
  if (!hashes.every((hash) => SHA256.test(hash))) return 'Name each file by its SHA-256 in lowercase hex, as its upload did.';
  const kept = new Set((await store.attachmentsOf(complaintId)).map((file) => file.sha256));
  const missing = hashes.filter((hash) => !kept.has(hash)).length;
  const then = `then send the ${what}.`;
  if (missing > 0) return missing === 1 ? `One of the files is not uploaded to this complaint; upload it first, ${then}` : `${missing} of the files are not uploaded to this complaint; upload them first, ${then}`;
  return null;
}

/**
 * Replies or messages with the files each sends described (`{ sha256, type, size, width?,
 * height? }`, in the order they were given), as the visitor's status and the inbox show them.
 * @template {{ attachments?: string[] }} R
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {R[]} entries
 */
export async function withThreadFiles(store, complaintId, entries) {
  const kept = entries.some((entry) => (entry.attachments ?? []).length > 0) ? await store.attachmentsOf(complaintId) : [];
  const byHash = new Map(kept.map((file) => [file.sha256, file]));
  return entries.map((entry) => ({
    ...entry,
    attachments: (entry.attachments ?? []).flatMap((sha256) => {
      const file = byHash.get(sha256);
      return file ? [describeAttachment(file)] : [];
    }),
  }));
}
