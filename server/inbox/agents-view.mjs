// @ts-check
import { h, when } from './dom.mjs';

/**
 * @typedef {import('./api.mjs').Agent & { invitePending: boolean, createdAt: string }} Account
 * @typedef {{ email: string, path: string, expiresAt: string }} Invite
 * @typedef {{
 *   me: import('./api.mjs').Agent,
 *   invite: Invite | null,
 *   onAdd: (agent: { name: string, email: string, role: string, password?: string }) => Promise<void>,
 *   onRemove: (agent: Account) => Promise<void>,
 * }} AgentsActions
 *   `invite`: the link made by the last add, shown once.
 */

/**
 * The admin's Agents page: who can sign in, adding an agent with a password or an invite link,
 * and removing one.
 * @param {HTMLElement} container
 * @param {Account[]} agents
 * @param {AgentsActions} actions
 */
export function renderAgents(container, agents, actions) {
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
  );
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
          h('td', {}, agent.role),
          h('td', {}, agent.invitePending ? 'invited' : 'active'),
          h('td', {}, when(agent.createdAt)),
          h('td', {}, agent.id === actions.me.id
            ? 'you'
            : h('button', { type: 'button', 'aria-label': `Remove ${agent.name}`, onclick: async () => {
                error.textContent = '';
                try {
                  await actions.onRemove(agent);
                } catch (failure) {
                  error.textContent = failure instanceof Error ? failure.message : String(failure);
                }
              } }, 'Remove')),
        ))),
  );
}
