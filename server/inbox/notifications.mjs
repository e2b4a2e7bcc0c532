// @ts-check
import { h } from './dom.mjs';

/**
 * Browser notifications while the inbox is in a background tab, for an agent who opts in: a new
 * critical complaint, and a visitor's message on a complaint they hold. A notification can show
 * on a lock screen, so it says only the reference and the category: never what the visitor
 * wrote, nor who they are. Clicking it brings the tab forward with the complaint open.
 */

/** Where each agent's choice is kept in this browser, by their account's id. @param {string} agentId */
const storageKey = (agentId) => `heard.notifications.${agentId}`;

/**
 * @typedef {{ id: string, reference: string, summary: { urgency: string, category: string }, claimedById: string | null }} Notifiable
 *   what a notification reads of a complaint (as the inbox API gives it)
 * @typedef {{
 *   button: HTMLButtonElement,
 *   created: (complaint: Notifiable) => void,
 *   visitorWrote: (complaint: Notifiable) => void,
 *   enabled: () => boolean,
 * }} Notifier
 */

/**
 * The opt-in button and what tells the agent. Without the Notification API in this browser the
 * button stays hidden and nothing is ever shown.
 * @param {{ agentId: string, open: (id: string) => void, say: (text: string) => void }} options
 *   `open` shows a complaint; `say` tells the agent something (a live region).
 * @returns {Notifier}
 */
export function createNotifier({ agentId, open, say }) {
  const supported = typeof Notification === 'function';
  const button = h('button', { type: 'button', id: 'notifications-toggle', 'aria-pressed': 'false' }, 'Notify me in a background tab');
  button.hidden = !supported;

  const enabled = () => supported && Notification.permission === 'granted' && localStorage.getItem(storageKey(agentId)) === 'on';
  const showState = () => button.setAttribute('aria-pressed', String(enabled()));
  showState();

  button.addEventListener('click', async () => {
    if (enabled()) {
      localStorage.setItem(storageKey(agentId), 'off');
      showState();
      say('Notifications are off.');
      return;
    }
    // Asked from the click itself: browsers ask for permission only from a user's gesture.
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    if (permission !== 'granted') {
      say('This browser blocks notifications from the inbox; allow them in its site settings, then try again.');
      return;
    }
    localStorage.setItem(storageKey(agentId), 'on');
    showState();
    say('Notifications are on: a new critical complaint, and a visitor writing on a complaint you hold, while the inbox is in the background.');
  });

  /** @param {string} title @param {Notifiable} complaint @param {string} kind */
  const show = (title, complaint, kind) => {
    if (!enabled() || !document.hidden) return;
    const notification = new Notification(title, {
      body: `${complaint.reference} · ${complaint.summary.category}`,
      tag: `${kind}:${complaint.id}`,
    });
    notification.addEventListener('click', () => {
      window.focus();
      open(complaint.id);
      notification.close();
    });
  };

  return {
    button,
    enabled,
    created: (complaint) => {
      if (complaint.summary.urgency === 'critical') show('New critical complaint', complaint, 'created');
    },
    visitorWrote: (complaint) => {
      if (complaint.claimedById === agentId) show('The visitor wrote on your complaint', complaint, 'message');
    },
  };
}
