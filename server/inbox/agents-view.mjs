// @ts-check
import { h, when } from './dom.mjs';

/**
 * @typedef {import('./api.mjs').Agent & { invitePending: boolean, createdAt: string }} Account
 * @typedef {{ email: string, path: string, expiresAt: string }} Invite
 * @typedef {{
 *   action: 'role-changed' | 'password-reset-started' | 'password-reset', agentId: string, agentName: string,
 *   byId: string | null, byName: string | null, at: string, detail: Record<string, unknown> | null,
 * }} AccountEvent
 * @typedef {{ sentTo: string, expiresAt: string } | { reset: { path: string, expiresAt: string } }} ResetAnswer
 * @typedef {{
 *   me: import('./api.mjs').Agent,
 *   invite: Invite | null,
 *   onAdd: (agent: { name: string, email: string, role: string, password?: string }) => Promise<void>,
 *   onRemove: (agent: Account) => Promise<void>,
 *   onRole: (agent: Account, role: 'admin' | 'agent') => Promise<void>,
 *   onResetPassword: (agent: Account) => Promise<ResetAnswer>,
 * }} AgentsActions
 *   `invite`: the link made by the last add, shown once. `onRole` and `onResetPassword` refuse
 *   with the server's sentence (the last admin, an agent removed meanwhile).
 */

/** Words for a role, as the Role control and the history say it. */
const ROLES = { agent: 'Agent', admin: 'Admin' };

/**
 * The admin's Agents page: who can sign in, each one's role and a password reset, adding an
 * agent with a password or an invite link, removing one, and the accounts' history.
 * @param {HTMLElement} container
 * @param {Account[]} agents
 * @param {AgentsActions} actions
 * @param {AccountEvent[]} history newest first
 */
export function renderAgents(container, agents, actions, history) {
  const error = h('p', { class: 'error', role: 'alert', id: 'agents-error' });
  const invite = h('div', { id: 'invite-result', 'aria-live': 'polite' },
    actions.invite
      ? [
          h('p', {}, `Send this link to ${actions.invite.email}; it works once, until ${when(actions.invite.expiresAt)}:`),
          h('p', { class: 'invite-link' }, h('code', { id: 'invite-link' }, new URL(actions.invite.path, location.origin).href)),
        ]
      : null);
  const name = h('input', { id: 'agent-name', name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const email = h('input', { id: 'agent-email', name: 'email', type: 'email', required: true, maxlength: 320, autocomplete: 'off' });
  const role = h('select', { id: 'agent-role', name: 'role' }, h('option', { value: 'agent' }, 'Agent'), h('option', { value: 'admin' }, 'Admin'));
  const password = h('input', { id: 'agent-password', name: 'password', type: 'password', minlength: 10, maxlength: 200, autocomplete: 'new-password', 'aria-describedby': 'agent-password-hint' });

  /** @param {SubmitEvent} event */
  const add = async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await actions.onAdd({
        name: name.value.trim(),
        email: email.value.trim(),
        role: role.value,
        ...(password.value ? { password: password.value } : {}),
      });
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    }
  };

  container.replaceChildren(
    agentsTable(agents, actions, error),
    h('form', { id: 'add-agent', onsubmit: add },
      h('h3', {}, 'Add an agent'),
      h('p', {}, h('label', { for: 'agent-name' }, 'Name'), name),
      h('p', {}, h('label', { for: 'agent-email' }, 'Email'), email),
      h('p', {}, h('label', { for: 'agent-role' }, 'Role'), role),
      h('p', {},
        h('label', { for: 'agent-password' }, 'Password'), password,
        h('span', { class: 'hint', id: 'agent-password-hint' }, ' Leave empty to get a one-time invite link instead.')),
      h('button', { type: 'submit' }, 'Add'),
    ),
    error,
    invite,
    h('div', { id: 'reset-result', 'aria-live': 'polite' }),
    accountHistory(history),
  );
}

/**
 * Who changed whose role or password, and when, newest first.
 * @param {AccountEvent[]} events
 */
export function accountHistory(events) {
  /** @param {AccountEvent} event */
  const said = (event) => {
    const by = event.byName ?? 'Someone';
    if (event.action === 'role-changed') {
      const { from, to } = /** @type {{ from: 'admin' | 'agent', to: 'admin' | 'agent' }} */ (event.detail);
      return `${by} changed the role of ${event.agentName} from ${ROLES[from] ?? from} to ${ROLES[to] ?? to}.`;
    }
    if (event.action === 'password-reset-started') return `${by} reset the password of ${event.agentName}, signing them out.`;
    return `${event.agentName} chose a new password with a reset link.`;
  };
  return h('section', { id: 'account-history', 'aria-labelledby': 'account-history-title' },
    h('h3', { id: 'account-history-title' }, 'Changes to accounts'),
    events.length === 0
      ? h('p', {}, 'No role or password has been changed yet.')
      : h('ul', {}, events.map((event) => h('li', {}, h('time', { datetime: event.at }, when(event.at)), ' ', said(event)))));
}

/**
 * Who can sign in, and a button to remove each but oneself. Redrawn alone when the list changes
 * elsewhere, so nothing typed into the form below is lost.
 * @param {Account[]} agents
 * @param {AgentsActions} actions
 * @param {HTMLElement} [error] where a refused removal is said
 */
export function agentsTable(agents, actions, error = h('p')) {
  return h('table', { id: 'agents' },
      h('caption', {}, 'Everyone who can sign in to this inbox'),
      h('thead', {}, h('tr', {},
        ['Name', 'Email', 'Role', 'Status', 'Since'].map((label) => h('th', { scope: 'col' }, label)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, agents.map((agent) =>
        h('tr', { 'data-id': agent.id },
          h('th', { scope: 'row' }, agent.name),
          h('td', {}, agent.email),
          h('td', {}, roleControl(agent, actions, error)),
          h('td', {}, agent.invitePending ? 'invited' : 'active'),
          h('td', {}, when(agent.createdAt)),
          h('td', {}, agent.id === actions.me.id
            ? 'you'
            : [
                h('button', { type: 'button', 'aria-label': `Reset password for ${agent.name}`, onclick: () => resetPassword(agent, actions, error) }, 'Reset password'),
                ' ',
                h('button', { type: 'button', 'aria-label': `Remove ${agent.name}`, onclick: async () => {
                  error.textContent = '';
                  try {
                    await actions.onRemove(agent);
                  } catch (failure) {
                    error.textContent = failure instanceof Error ? failure.message : String(failure);
                  }
                } }, 'Remove'),
              ]),
        ))),
  );
}

/**
 * The agent's role as a choice; a refused change (the last admin) goes back and says why.
 * @param {Account} agent
 * @param {AgentsActions} actions
 * @param {HTMLElement} error
 */
function roleControl(agent, actions, error) {
  const select = h('select', { 'aria-label': `Role of ${agent.name}`, 'aria-describedby': 'agents-error' },
    Object.entries(ROLES).map(([value, label]) => h('option', { value, selected: value === agent.role }, label)));
  select.addEventListener('change', async () => {
    error.textContent = '';
    const role = /** @type {'admin' | 'agent'} */ (select.value);
    try {
      await actions.onRole(agent, role);
    } catch (failure) {
      select.value = agent.role;
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    }
  });
  return select;
}

/**
 * Resets an agent's password once the admin confirms, and says where the link went (or shows
 * it, once, when no mail server is configured).
 * @param {Account} agent
 * @param {AgentsActions} actions
 * @param {HTMLElement} error
 */
async function resetPassword(agent, actions, error) {
  error.textContent = '';
  const result = document.getElementById('reset-result');
  if (!confirm(`Reset the password of ${agent.name}? They are signed out everywhere, and their password stops working until they choose a new one with the link.`)) return;
  try {
    const answer = await actions.onResetPassword(agent);
    result?.replaceChildren(...('sentTo' in answer
      ? [h('p', {}, `${agent.name} is signed out everywhere. A link to choose a new password went to ${answer.sentTo}; it works once, until ${when(answer.expiresAt)}.`)]
      : [
          h('p', {}, `${agent.name} is signed out everywhere. No mail server is configured, so send them this link yourself; it works once, until ${when(answer.reset.expiresAt)}:`),
          h('p', { class: 'invite-link' }, h('code', { id: 'reset-link' }, new URL(answer.reset.path, location.origin).href)),
        ]));
  } catch (failure) {
    error.textContent = failure instanceof Error ? failure.message : String(failure);
  }
}
