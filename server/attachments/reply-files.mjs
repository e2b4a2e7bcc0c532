// @ts-check
/**
 * The files an agent sends with a reply, as the reply route checks them and as the visitor's
 * status and the inbox describe them.
 */

/** A file's name: its SHA-256 in lowercase hex. */
export const SHA256 = /^[0-9a-f]{64}$/;

/**
 * An attachment as the API and the receiver describe it.
 * @param {import('../store/attachments/attachments.mjs').Attachment} attachment
 */
export const describeAttachment = ({ sha256, type, size, width, height }) => ({ sha256, type, size, ...(width !== null && height !== null ? { width, height } : {}) });

/** The most files one reply may send. */
export const MAX_FILES_PER_REPLY = 5;

/**
 * Why a reply cannot send these files (a sentence for the agent), or null when it can: at most
 * five, each named by its SHA-256 once and already kept for this complaint.
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {string[]} hashes
 */
export async function replyFilesRefused(store, complaintId, hashes) {
  if (hashes.length > MAX_FILES_PER_REPLY) return `A reply may send at most ${MAX_FILES_PER_REPLY} files; this one names ${hashes.length}.`;
  if (new Set(hashes).size !== hashes.length) return 'A reply names each file once; one is named twice.';
  if (!hashes.every((hash) => SHA256.test(hash))) return 'Name each file by its SHA-256 in lowercase hex, as its upload did.';
  const kept = new Set((await store.attachmentsOf(complaintId)).map((file) => file.sha256));
  const missing = hashes.filter((hash) => !kept.has(hash)).length;
  if (missing > 0) return missing === 1 ? 'One of the files is not uploaded to this complaint; upload it first, then send the reply.' : `${missing} of the files are not uploaded to this complaint; upload them first, then send the reply.`;
  return null;
}

/**
 * Replies with the files each sends described (`{ sha256, type, size, width?, height? }`, in
 * the order the agent gave them), as the visitor's status and the inbox show them.
 * @template {{ attachments?: string[] }} R
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {R[]} replies
 */
export async function withReplyFiles(store, complaintId, replies) {
  const kept = replies.some((reply) => (reply.attachments ?? []).length > 0) ? await store.attachmentsOf(complaintId) : [];
  const byHash = new Map(kept.map((file) => [file.sha256, file]));
  return replies.map((reply) => ({
    ...reply,
    attachments: (reply.attachments ?? []).flatMap((sha256) => {
      const file = byHash.get(sha256);
      return file ? [describeAttachment(file)] : [];
    }),
  }));
}
