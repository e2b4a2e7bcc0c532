// @ts-check
import { acceptInvite, createApi, signIn } from './api.mjs';
import { accountHistory, agentsTable, renderAgents } from './agents-view.mjs';
import { renderDetail } from './detail-view.mjs';
import { createNotifier } from './notifications.mjs';
import { showForgot, showReset, wirePasswordReset } from './password-reset-view.mjs';
import { fillOptions, renderQueue } from './queue-view.mjs';
import { renderSavedReplies } from './saved-replies-view.mjs';
import { savedReplyPicker } from './saved-reply-picker.mjs';
import { renderSettings } from './settings-view.mjs';
import { renderTrends } from './trends-view.mjs';

/** The session token, kept for this tab only. */
const TOKEN_KEY = 'heard.session';
/** Rows fetched per page, and the most the receiver gives in one answer (`MAX_PAGE` there). */
const PAGE = 100;
const MAX_PAGE = 500;

/** @template {HTMLElement} T @param {string} id @returns {T} */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

const ui = {
  signInView: byId('sign-in-view'),
  signIn: /** @type {HTMLFormElement} */ (byId('sign-in')),
  email: /** @type {HTMLInputElement} */ (byId('email')),
  password: /** @type {HTMLInputElement} */ (byId('password')),
  signInError: byId('sign-in-error'),
  inviteView: byId('invite-view'),
  acceptInvite: /** @type {HTMLFormElement} */ (byId('accept-invite')),
  newPassword: /** @type {HTMLInputElement} */ (byId('new-password')),
  inviteError: byId('invite-error'),
  who: byId('who'),
  signOut: byId('sign-out'),
  main: byId('main'),
  liveState: byId('live-state'),
  announcer: byId('announcer'),
  search: /** @type {HTMLFormElement} */ (byId('search')),
  searchInput: /** @type {HTMLInputElement} */ (byId('search-input')),
  searchStatus: byId('search-status'),
  filters: /** @type {HTMLFormElement} */ (byId('filters')),
  status: /** @type {HTMLSelectElement} */ (byId('filter-status')),
  category: /** @type {HTMLSelectElement} */ (byId('filter-category')),
  language: /** @type {HTMLSelectElement} */ (byId('filter-language')),
  rows: /** @type {HTMLTableSectionElement} */ (byId('queue-rows')),
  table: byId('queue-table'),
  empty: byId('queue-empty'),
  summary: byId('queue-summary'),
  more: byId('queue-more'),
  queueView: byId('queue-view'),
  detailView: byId('detail-view'),
  detailTitle: byId('detail-title'),
  detailBody: byId('detail-body'),
  trendsView: byId('trends-view'),
  trendsBody: byId('trends-body'),
  showQueue: byId('show-queue'),
  showTrends: byId('show-trends'),
  showAgents: byId('show-agents'),
  agentsView: byId('agents-view'),
  agentsBody: byId('agents-body'),
  settingsView: byId('settings-view'),
  settingsBody: byId('settings-body'),
  showSettings: byId('show-settings'),
  backToList: byId('back-to-list'),
  shortcuts: /** @type {HTMLDialogElement} */ (byId('shortcuts')),
  showShortcuts: byId('show-shortcuts'),
};

/**
 * @type {{
 *   api: ReturnType<typeof createApi> | null, agent: import('./api.mjs').Agent | null, openId: string | null,
 *   stop: (() => void) | null, view: 'queue' | 'trends' | 'agents' | 'settings', shown: number,
 *   invite: import('./agents-view.mjs').Invite | null, notifier: import('./notifications.mjs').Notifier | null,
 *   searched: boolean,
 * }}
 *   `searched`: the queue last shown was a search's results.
 */
const state = { api: null, agent: null, openId: null, stop: null, view: 'queue', shown: PAGE, invite: null, notifier: null, searched: false };

async function boot() {
  const invite = /^#invite=([\w-]+)$/.exec(location.hash)?.[1];
  if (invite) return showInvite(invite);
  const reset = /^#reset=([\w-]+)$/.exec(location.hash)?.[1];
  if (reset) return showReset(reset);
  if (location.hash === '#forgot') return showForgot();
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    const api = createApi(token);
    try {
      const { agent } = await api.me();
      return enter(token, agent);
    } catch {
      sessionStorage.removeItem(TOKEN_KEY);
    }
  }
  showSignIn();
}

/** @param {string} token @param {import('./api.mjs').Agent} agent */
async function enter(token, agent) {
  const api = createApi(token, () => {
    if (state.api !== api) return;
    leave();
    ui.signInError.textContent = 'Your session has ended; sign in again.';
  });
  sessionStorage.setItem(TOKEN_KEY, token);
  Object.assign(state, { api, agent });
  for (const view of document.querySelectorAll('main.sign-in')) /** @type {HTMLElement} */ (view).hidden = true;
  ui.main.hidden = false;
  ui.signOut.hidden = false;
  ui.who.hidden = false;
  ui.liveState.hidden = false;
  ui.liveState.textContent = 'Connecting…';
  showRole(agent);
  state.notifier?.button.remove();
  state.notifier = createNotifier({
    agentId: agent.id,
    // Through the address, as a link would: the hash change opens it, and Back works.
    open: (id) => {
      if (linkedId() === id) void show('queue').then(openLinkedComplaint);
      else location.hash = `complaint=${encodeURIComponent(id)}`;
    },
    say: (text) => {
      ui.announcer.textContent = text;
    },
  });
  ui.signOut.before(state.notifier.button);
  state.stop = api.listen(onServerEvent, (live) => {
    // Whatever arrived or changed while the stream was down sent no event: read it all again.
    if (live === 'live' && document.body.dataset.live === 'reconnecting') void onServerEvent('updated', state.openId ?? '');
    ui.liveState.textContent = live === 'live' ? 'Live' : 'Reconnecting…';
    document.body.dataset.live = live;
  });
  await refreshQueue();
  ui.main.focus();
  await openLinkedComplaint();
  return true;
}

/** Who is signed in, and the pages only an admin has. @param {import('./api.mjs').Agent} agent */
function showRole(agent) {
  ui.who.textContent = `Signed in as ${agent.name}${agent.role === 'admin' ? ' (admin)' : ''}`;
  ui.showAgents.hidden = agent.role !== 'admin';
  ui.showSettings.hidden = agent.role !== 'admin';
}

/**
 * The accounts changed: when this agent's own role did, the admin's pages appear or go at once,
 * as the server already grants or refuses them.
 */
async function checkRole() {
  const { api, agent } = state;
  if (!api || !agent) return;
  const { agent: now } = await api.me();
  if (now.role === agent.role || state.api !== api) return;
  state.agent = now;
  showRole(now);
  if (now.role !== 'admin' && (state.view === 'agents' || state.view === 'settings')) await show('queue');
  ui.announcer.textContent = now.role === 'admin' ? 'You are now an admin.' : 'You are now an agent; an admin manages the team.';
}

/**
 * Forwarded webhooks, emails and chat messages link to `/inbox/#complaint=<id>`: open it.
 */
async function openLinkedComplaint() {
  const id = linkedId();
  if (!id) return;
  await openDetail(id, { focus: true }).catch(() => {
    ui.announcer.textContent = 'The linked complaint was not found.';
  });
}

/**
 * The sign-in form; `after` a new password was set, what to say and the email to fill in.
 * @param {{ email: string, notice: string }} [after]
 */
function showSignIn(after) {
  for (const view of document.querySelectorAll('main.sign-in')) /** @type {HTMLElement} */ (view).hidden = view !== ui.signInView;
  byId('sign-in-notice').textContent = after?.notice ?? '';
  if (after) ui.email.value = after.email;
  ui.main.hidden = true;
  ui.signOut.hidden = true;
  ui.who.hidden = true;
  (after ? ui.password : ui.email).focus();
}

/** @param {string} token the invite, from the link's fragment */
function showInvite(token) {
  ui.signInView.hidden = true;
  ui.inviteView.hidden = false;
  ui.main.hidden = true;
  ui.acceptInvite.dataset.token = token;
  ui.newPassword.focus();
}

/** @type {{ running: Promise<void> | null, again: boolean }} */
const refresh = { running: null, again: false };

/**
 * Coalesces refreshes: a burst of events while one refresh is in flight causes exactly one
 * more, not one per event.
 */
function scheduleRefresh() {
  if (refresh.running) {
    refresh.again = true;
    return refresh.running;
  }
  refresh.running = (async () => {
    do {
      refresh.again = false;
      await refreshQueue();
      if (state.view === 'trends') await refreshTrends();
    } while (refresh.again);
  })().finally(() => {
    refresh.running = null;
  });
  return refresh.running;
}

/**
 * Complaints whose visitor has the thread open in the widget now, until when that holds: a
 * visitor's stream says so when it opens and every 20 seconds, so one closed without a word
 * (the visitor's connection lost) stops counting within 45 seconds.
 * @type {Map<string, ReturnType<typeof setTimeout>>}
 */
const readingNow = new Map();
const READING_FOR_MS = 45_000;

/** Says in the open complaint whether its visitor is reading it now. */
function showReading() {
  let note = document.getElementById('visitor-reading');
  if (!note && state.openId) {
    note = document.createElement('p');
    note.id = 'visitor-reading';
    note.setAttribute('role', 'status');
    ui.detailBody.prepend(note);
  }
  if (note) note.textContent = state.openId && readingNow.has(state.openId) ? 'The visitor is reading this complaint now.' : '';
}

/**
 * Notifies the agent in a background tab, if they opted in, of a new complaint (critical ones
 * only) or of the visitor writing (on complaints they hold only).
 * @param {'created' | 'message'} event @param {string} id
 */
async function notifyOf(event, id) {
  const { notifier, api } = state;
  if (!notifier?.enabled() || !document.hidden || !api) return;
  const { complaint } = await api.get(id);
  if (event === 'created') notifier.created(complaint);
  else notifier.visitorWrote(complaint);
}

/** @param {'created' | 'updated' | 'message' | 'noted' | 'agents' | 'reading'} event @param {string} id @param {boolean} [reading] */
async function onServerEvent(event, id, reading) {
  if (event === 'reading') {
    clearTimeout(readingNow.get(id));
    readingNow.delete(id);
    if (reading) readingNow.set(id, setTimeout(() => (readingNow.delete(id), showReading()), READING_FOR_MS));
    if (id === state.openId) showReading();
    return;
  }
  if (event === 'agents') {
    await checkRole();
    if (state.view === 'agents' && state.agent?.role === 'admin') await redrawAgentsTable();
    return;
  }
  if (event === 'created') ui.announcer.textContent = 'A new complaint arrived.';
  if (event === 'created' || event === 'message') void notifyOf(event, id).catch(() => undefined);
  // A note changes nothing in the queue: only the open complaint's thread is read again.
  if (event !== 'noted') await scheduleRefresh();
  // Re-render an open complaint only when the agent is not halfway through a note.
  const typing = ['resolution-note-input', 'outcome-reply-input', 'reply-input', 'due-reason-input'].some(
    (field) => /** @type {HTMLInputElement | null} */ (document.getElementById(field))?.value,
  );
  if (id === state.openId && !typing) await openDetail(id, { focus: false });
}

/**
 * Re-reads the queue as far as the agent has paged: live updates keep every row they have
 * loaded, in the server's order.
 */
async function refreshQueue() {
  if (!state.api) return;
  const q = ui.searchInput.value.trim();
  const filters = { status: ui.status.value, category: ui.category.value, language: ui.language.value, q };
  /** @type {import('./queue-view.mjs').Summary[]} */
  const complaints = [];
  let answer;
  let offset = 0;
  try {
    do {
      answer = await state.api.list({ ...filters, limit: Math.min(MAX_PAGE, state.shown - offset), offset });
      offset += answer.complaints.length;
      // A complaint that moved up between two pages would otherwise be listed twice.
      const seen = new Set(complaints.map((c) => c.id));
      complaints.push(...answer.complaints.filter((/** @type {{ id: string }} */ c) => !seen.has(c.id)));
    } while (offset < state.shown && offset < answer.total && answer.complaints.length > 0);
  } catch (error) {
    // A search the server cannot take says why, beside the box; the rows stay as they were.
    if (q && /** @type {{ status?: number }} */ (error).status === 400) return sayFound(/** @type {Error} */ (error).message);
    throw error;
  }
  fillOptions(ui.category, answer.facets.categories);
  fillOptions(ui.language, answer.facets.languages);
  renderQueue(ui.rows, complaints, (id) => void openFromQueue(id));
  markOpen();
  ui.empty.hidden = complaints.length > 0;
  // An empty table says nothing the line below it does not, and on a phone it would scroll
  // sideways with nothing in it to reach by keyboard.
  ui.table.hidden = complaints.length === 0;
  const remaining = answer.total - complaints.length;
  ui.summary.textContent =
    remaining > 0 ? `${complaints.length} of ${answer.total} shown, ${answer.open} open.` : `${answer.total} shown, ${answer.open} open.`;
  ui.more.hidden = remaining <= 0;
  ui.more.textContent = `Show ${Math.min(PAGE, remaining)} more`;
  if (q) sayFound(answer.total === 1 ? '1 complaint found.' : `${answer.total === 0 ? 'No' : answer.total} complaints found.`);
  else if (ui.searchStatus.textContent) sayFound(state.searched ? 'Search cleared: the whole queue is shown.' : '');
  state.searched = Boolean(q);
}

/**
 * What the search found, in its live status: set only when it changes, so a live update of the
 * same results is not read out again.
 * @param {string} text
 */
function sayFound(text) {
  if (ui.searchStatus.textContent !== text) ui.searchStatus.textContent = text;
}

/** The complaint the address names (`#complaint=<id>`), if any. */
const linkedId = () => new URLSearchParams(location.hash.slice(1)).get('complaint');

/**
 * Opens a complaint from the queue and gives it its own address: a new history entry, so Back
 * returns to the one before and a reload opens it again.
 * @param {string} id
 */
async function openFromQueue(id) {
  if (linkedId() !== id) history.pushState(null, '', `#complaint=${encodeURIComponent(id)}`);
  await openDetail(id, { focus: true });
}

/** Back to the queue alone, as at an address that names no complaint. */
function closeDetail() {
  state.openId = null;
  ui.detailView.hidden = true;
  ui.detailBody.replaceChildren();
  markOpen();
}

/** Marks the open complaint's row in the queue, in words for a screen reader and in colour. */
function markOpen() {
  for (const row of ui.rows.rows) {
    if (row.dataset.id === state.openId) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

/** @param {string} id @param {{ focus: boolean }} options */
async function openDetail(id, { focus }) {
  if (!state.api) return;
  const api = state.api;
  const [{ complaint }, { agents }] = await Promise.all([api.get(id), api.assignees()]);
  state.openId = id;
  ui.detailTitle.textContent = `Complaint ${complaint.reference}`;
  const after = async (/** @type {Promise<unknown>} */ work) => {
    await work;
    await refreshQueue();
    await openDetail(id, { focus: false });
  };
  renderDetail(ui.detailBody, complaint, {
    agent: /** @type {import('./api.mjs').Agent} */ (state.agent),
    onClaim: () => after(api.claim(id)),
    onRelease: () => after(api.release(id)),
    assignees: agents,
    onAssign: (agentId) => after(api.assign(id, agentId)),
    onResolve: (note, reply) => after(api.resolve(id, note, reply)),
    onReply: (text, attachments) => after(api.reply(id, text, attachments)),
    onNote: (text, noteId) => after(api.note(id, text, noteId)),
    onMoveDue: (dueBy, reason) => after(api.moveDue(id, dueBy, reason)),
    onFollowUp: () => after(api.followUp(id)),
    replyTools: (textarea) => savedReplyPicker(textarea, () => api.savedRepliesFor(id)),
    openFile: (sha256) => api.file(id, sha256),
    ...(complaint.acceptsFiles ? { uploadFile: (/** @type {File} */ file) => api.upload(id, file) } : {}),
  });
  showReading();
  ui.detailView.hidden = false;
  markOpen();
  // Focus moves to the complaint's heading, so a screen reader starts reading from its name.
  if (focus) {
    ui.detailTitle.tabIndex = -1;
    ui.detailTitle.focus();
  }
}

async function refreshTrends() {
  if (state.api) renderTrends(ui.trendsBody, await state.api.trends());
}

/**
 * What the Agents page does, for the signed-in admin `me`.
 * @param {ReturnType<typeof createApi>} api @param {import('./api.mjs').Agent} me
 * @returns {import('./agents-view.mjs').AgentsActions}
 */
const agentActions = (api, me) => ({
    me,
    invite: state.invite,
    onAdd: async (account) => {
      const answer = await api.addAgent(account);
      state.invite = answer.invite ? { email: answer.agent.email, ...answer.invite } : null;
      await refreshAgents();
      ui.announcer.textContent = `${answer.agent.name} was added.`;
    },
    onRemove: async (account) => {
      await api.removeAgent(account.id);
      state.invite = null;
      await refreshAgents();
      ui.announcer.textContent = `${account.name} was removed.`;
    },
    onRole: async (account, role) => {
      await api.setRole(account.id, role);
      ui.announcer.textContent = `${account.name} is now ${role === 'admin' ? 'an admin' : 'an agent'}.`;
      // An admin who made themselves an agent has no Agents or Settings page any more.
      if (account.id === me.id) return checkRole();
      await redrawAgentsTable();
    },
    onResetPassword: (account) => api.resetPassword(account.id),
});

async function refreshAgents() {
  const { api, agent } = state;
  if (!api || !agent) return;
  const [{ agents }, { events }] = await Promise.all([api.listAgents(), api.accountHistory()]);
  renderAgents(ui.agentsBody, agents, agentActions(api, agent), events);
}

/** The list of agents changed elsewhere: redraws it, leaving the form and what is typed in it. */
async function redrawAgentsTable() {
  const { api, agent } = state;
  if (!api || !agent) return;
  const [{ agents }, { events }] = await Promise.all([api.listAgents(), api.accountHistory()]);
  const table = ui.agentsBody.querySelector('#agents');
  if (!table || state.view !== 'agents') return;
  table.replaceWith(agentsTable(agents, agentActions(api, agent), document.getElementById('agents-error') ?? undefined));
  ui.agentsBody.querySelector('#account-history')?.replaceWith(accountHistory(events));
}

/** @param {'queue' | 'trends' | 'agents' | 'settings'} view */
async function show(view) {
  // What was said about one view is not news in another; the invite link is shown only once.
  if (view !== state.view) ui.announcer.textContent = '';
  if (view !== 'agents') {
    state.invite = null;
    // Not left in the page to show again, for a moment, when the admin comes back.
    ui.agentsBody.querySelector('#invite-result')?.replaceChildren();
    ui.agentsBody.querySelector('#reset-result')?.replaceChildren();
  }
  state.view = view;
  ui.queueView.hidden = view !== 'queue';
  ui.detailView.hidden = view !== 'queue' || state.openId === null;
  ui.trendsView.hidden = view !== 'trends';
  ui.agentsView.hidden = view !== 'agents';
  ui.showQueue.setAttribute('aria-pressed', String(view === 'queue'));
  ui.showTrends.setAttribute('aria-pressed', String(view === 'trends'));
  ui.showAgents.setAttribute('aria-pressed', String(view === 'agents'));
  ui.settingsView.hidden = view !== 'settings';
  ui.showSettings.setAttribute('aria-pressed', String(view === 'settings'));
  if (view === 'trends') await refreshTrends();
  if (view === 'agents') await refreshAgents();
  if (view === 'settings' && state.api) {
    await renderSettings(ui.settingsBody, state.api.destinations, state.api.storage).catch((error) => {
      ui.settingsBody.textContent = error.status === 403 ? 'Only an admin can change settings.' : 'The settings could not be read; try again.';
    });
    await renderSavedReplies(byId('saved-replies-body'), state.api.savedReplies).catch(() => {
      byId('saved-replies-body').textContent = 'The saved replies could not be read; try again.';
    });
  }
}

ui.signIn.addEventListener('submit', async (event) => {
  event.preventDefault();
  ui.signInError.textContent = '';
  try {
    const session = await signIn(ui.email.value.trim(), ui.password.value);
    ui.password.value = '';
    await enter(session.token, session.agent);
  } catch (error) {
    const status = /** @type {{ status?: number }} */ (error).status;
    ui.signInError.textContent =
      status === 401 || status === 429 ? /** @type {Error} */ (error).message : 'The server did not answer; try again.';
  }
});
ui.acceptInvite.addEventListener('submit', async (event) => {
  event.preventDefault();
  ui.inviteError.textContent = '';
  try {
    const session = await acceptInvite(ui.acceptInvite.dataset.token ?? '', ui.newPassword.value);
    ui.newPassword.value = '';
    // The invite is used up: take it out of the address bar and the history.
    history.replaceState(null, '', location.pathname);
    await enter(session.token, session.agent);
  } catch (error) {
    ui.inviteError.textContent = /** @type {Error} */ (error).message;
  }
});
/** Back to the sign-in form, forgetting the session in this tab. */
function leave() {
  state.stop?.();
  state.notifier?.button.remove();
  state.notifier = null;
  sessionStorage.removeItem(TOKEN_KEY);
  Object.assign(state, { api: null, agent: null, openId: null, stop: null, invite: null });
  ui.detailView.hidden = true;
  ui.liveState.textContent = '';
  ui.liveState.hidden = true;
  void show('queue');
  showSignIn();
}

ui.signOut.addEventListener('click', async () => {
  // Ends the session on the server too, so the token is worthless even if it was copied.
  const { api } = state;
  state.api = null;
  await api?.signOut().catch(() => undefined);
  leave();
});
ui.filters.addEventListener('change', () => {
  state.shown = PAGE;
  void refreshQueue();
});

/** How long typing pauses before the queue is searched. */
const SEARCH_PAUSE_MS = 250;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let searchSoon;
/** Searches the queue for what the box holds now (the whole queue when it is empty). */
const search = () => {
  clearTimeout(searchSoon);
  state.shown = PAGE;
  void scheduleRefresh();
};
ui.searchInput.addEventListener('input', () => {
  clearTimeout(searchSoon);
  searchSoon = setTimeout(search, SEARCH_PAUSE_MS);
});
ui.search.addEventListener('submit', (event) => {
  event.preventDefault();
  search();
});
ui.searchInput.addEventListener('keydown', (event) => {
  // Escape empties the box and shows the whole queue again.
  if (event.key !== 'Escape' || ui.searchInput.value === '') return;
  event.preventDefault();
  ui.searchInput.value = '';
  search();
});
ui.more.addEventListener('click', async () => {
  const first = ui.rows.rows.length;
  state.shown += PAGE;
  await scheduleRefresh();
  // Keyboard and screen-reader users carry on from the first new row, not from the top.
  // If nothing new came (complaints were resolved meanwhile), the button is gone: say so.
  const next = /** @type {HTMLElement | null | undefined} */ (ui.rows.rows[first]?.querySelector('button'));
  (next ?? ui.summary).focus();
});
ui.backToList.addEventListener('click', () => {
  const id = state.openId;
  history.pushState(null, '', location.pathname + location.search);
  closeDetail();
  const row = id ? ui.rows.querySelector(`tr[data-id="${CSS.escape(id)}"] button`) : null;
  /** @type {HTMLElement} */ (row ?? ui.summary).focus();
});
ui.showShortcuts.addEventListener('click', () => ui.shortcuts.showModal());

/**
 * The shortcuts, as help desks have them. They never act while the agent types in a field, nor
 * with a modifier held (the browser's and the screen reader's own keys stay theirs).
 * @type {Record<string, () => void>}
 */
const SHORTCUTS = {
  j: () => void step(1),
  k: () => void step(-1),
  c: () => /** @type {HTMLElement | null} */ (ui.detailBody.querySelector('#claim'))?.click(),
  r: () => compose('reply'),
  n: () => compose('note'),
  // Resolving asks for the outcome and a note first: the key takes the agent there, it sends nothing.
  e: () => /** @type {HTMLElement | null} */ (ui.detailBody.querySelector('#outcome-reply-input'))?.focus(),
  '/': () => {
    ui.searchInput.focus();
    ui.searchInput.select();
  },
  '?': () => {
    if (!ui.shortcuts.open) ui.shortcuts.showModal();
  },
};

/**
 * Takes the agent to the box under the open complaint's thread, set to write a reply or an
 * internal note (the choice above the box says which, as its button does).
 * @param {'reply' | 'note'} mode
 */
function compose(mode) {
  const box = /** @type {HTMLElement | null} */ (ui.detailBody.querySelector('#reply-input'));
  const choice = /** @type {HTMLInputElement | null} */ (ui.detailBody.querySelector(`#compose-${mode}`));
  if (choice) {
    if (!choice.checked) choice.click();
  } else {
    // No choice: the box writes the one thing this agent may here; the other key does nothing.
    const writesNotes = ui.detailBody.querySelector('#note-hint:not([hidden])') !== null;
    if (writesNotes !== (mode === 'note')) return;
  }
  box?.focus();
}

/** Opens the next (1) or previous (-1) complaint of the queue, or the first when none is open. @param {1 | -1} by */
async function step(by) {
  const ids = [...ui.rows.rows].map((row) => row.dataset.id ?? '');
  if (ids.length === 0) return;
  const at = state.openId ? ids.indexOf(state.openId) : -1;
  const next = at === -1 ? (by === 1 ? 0 : ids.length - 1) : at + by;
  if (next < 0 || next >= ids.length) {
    ui.announcer.textContent = by === 1 ? 'That was the last complaint in the queue.' : 'That was the first complaint in the queue.';
    return;
  }
  await openFromQueue(ids[next] ?? '');
}

document.addEventListener('keydown', (event) => {
  if (!state.api || ui.main.hidden || state.view !== 'queue') return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return;
  const target = /** @type {HTMLElement} */ (event.target);
  if (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') || ui.shortcuts.open) return;
  const action = SHORTCUTS[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});
ui.showQueue.addEventListener('click', () => void show('queue'));
ui.showTrends.addEventListener('click', () => void show('trends'));
ui.showAgents.addEventListener('click', () => void show('agents'));
ui.showSettings.addEventListener('click', () => void show('settings'));
// Back, Forward or a pasted link: the address says which complaint is open, or none.
window.addEventListener('hashchange', () => {
  if (!state.api) return;
  if (!linkedId()) closeDetail();
  void show('queue').then(openLinkedComplaint);
});

wirePasswordReset({ showSignIn, signedIn: () => state.api !== null });

void boot();
