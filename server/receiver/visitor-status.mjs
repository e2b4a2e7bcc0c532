// @ts-check

/**
 * A work status in the visitor's words, as the status endpoint and a message's receipt say it.
 * @param {import('../store/store.mjs').WorkStatus} status
 */
export function visitorStatus(status) {
  return status === 'new' ? 'received' : status === 'claimed' ? 'in-progress' : 'resolved';
}
