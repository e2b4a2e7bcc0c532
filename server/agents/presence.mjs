// @ts-check
/**
 * Whether someone from the team is there now, as the widget may say it: an agent with a live
 * session whose inbox was active in the last few minutes. An agent's activity is written at most
 * once per `writeEveryMs` per instance, so a busy inbox does not write on every request.
 */

/** How recent an agent's activity must be for them to count as online. */
export const ONLINE_WITHIN_MS = 5 * 60 * 1000;
const WRITE_EVERY_MS = 30 * 1000;

/**
 * @param {{
 *   store: Pick<import('../store/store.mjs').Store, 'markAgentSeen' | 'agentOnline'>,
 *   clock?: { now(): number },
 *   log?: { warn(object: object, message: string): void },
 *   writeEveryMs?: number,
 * }} options
 */
export function createPresence({ store, clock = { now: () => Date.now() }, log, writeEveryMs = WRITE_EVERY_MS }) {
  /** @type {Map<string, number>} */
  const written = new Map();
  return {
    /** The agent just used their inbox. Never fails the request it comes with. @param {string} agentId */
    async seen(agentId) {
      const now = clock.now();
      if (now - (written.get(agentId) ?? -Infinity) < writeEveryMs) return;
      written.set(agentId, now);
      try {
        await store.markAgentSeen(agentId, new Date(now).toISOString());
      } catch (error) {
        written.delete(agentId);
        log?.warn({ err: error }, 'agent activity not recorded');
      }
    },
    /** True when an agent with a live session was active within the last five minutes. */
    async teamOnline() {
      const now = clock.now();
      return store.agentOnline({ now: new Date(now).toISOString(), since: new Date(now - ONLINE_WITHIN_MS).toISOString() });
    },
  };
}
