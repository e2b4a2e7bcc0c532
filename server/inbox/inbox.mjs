// @ts-check
import { createApi } from './api.mjs';
import { renderDetail } from './detail-view.mjs';
import { fillOptions, renderQueue } from './queue-view.mjs';
import { renderSettings } from './settings-view.mjs';
import { renderTrends } from './trends-view.mjs';

const TOKEN_KEY = 'heard.agentToken';
/** Rows fetched per page, and the most the receiver gives in one answer (`MAX_PAGE` there). */
const PAGE = 100;
const MAX_PAGE = 500;
const AGENT_KEY = 'heard.agentName';

/** @template {HTMLElement} T @param {string} id @returns {T} */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

const ui = {
  signInView: byId('sign-in-view'),
  signIn: /** @type {HTMLFormElement} */ (byId('sign-in')),
  token: /** @type {HTMLInputElement} */ (byId('token')),
  agentName: /** @type {HTMLInputElement} */ (byId('agent-name')),
  signInError: byId('sign-in-error'),
  signOut: byId('sign-out'),
  main: byId('main'),
  liveState: byId('live-state'),
  announcer: byId('announcer'),
  filters: /** @type {HTMLFormElement} */ (byId('filters')),
  status: /** @type {HTMLSelectElement} */ (byId('filter-status')),
  category: /** @type {HTMLSelectElement} */ (byId('filter-category')),
  language: /** @type {HTMLSelectElement} */ (byId('filter-language')),
  rows: /** @type {HTMLTableSectionElement} */ (byId('queue-rows')),
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
  settingsView: byId('settings-view'),
  settingsBody: byId('settings-body'),
  showSettings: byId('show-settings'),
};

/** @type {{ api: ReturnType<typeof createApi> | null, agent: string, openId: string | null, stop: (() => void) | null, view: 'queue' | 'trends' | 'settings', shown: number }} */
const state = { api: null, agent: '', openId: null, stop: null, view: 'queue', shown: PAGE };

async function boot() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  ui.agentName.value = sessionStorage.getItem(AGENT_KEY) ?? '';
  if (token && (await trySignIn(token, ui.agentName.value))) return;
  showSignIn();
}

/** @param {string} token @param {string} agent */
async function trySignIn(token, agent) {
  const api = createApi(token);
  try {
    await api.session();
  } catch (error) {
    ui.signInError.textContent = /** @type {{ status?: number }} */ (error).status === 401 ? 'That token is not right.' : 'The server did not answer; try again.';
    return false;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(AGENT_KEY, agent);
  Object.assign(state, { api, agent });
  ui.signInView.hidden = true;
  ui.main.hidden = false;
  ui.signOut.hidden = false;
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

/**
 * Forwarded webhooks, emails and chat messages link to `/inbox/#complaint=<id>`: open it.
 */
async function openLinkedComplaint() {
  const id = new URLSearchParams(location.hash.slice(1)).get('complaint');
  if (!id) return;
  await openDetail(id, { focus: true }).catch(() => {
    ui.announcer.textContent = 'The linked complaint was not found.';
  });
}

function showSignIn() {
  ui.signInView.hidden = false;
  ui.main.hidden = true;
  ui.signOut.hidden = true;
  ui.token.focus();
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

/** @param {'created' | 'updated'} event @param {string} id */
async function onServerEvent(event, id) {
  if (event === 'created') ui.announcer.textContent = 'A new complaint arrived.';
  await scheduleRefresh();
  // Re-render an open complaint only when the agent is not halfway through a note.
  const note = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('resolution-note-input'));
  if (id === state.openId && !note?.value) await openDetail(id, { focus: false });
}

/**
 * Re-reads the queue as far as the agent has paged: live updates keep every row they have
 * loaded, in the server's order.
 */
async function refreshQueue() {
  if (!state.api) return;
  const filters = { status: ui.status.value, category: ui.category.value, language: ui.language.value };
  /** @type {import('./queue-view.mjs').Summary[]} */
  const complaints = [];
  let answer;
  let offset = 0;
  do {
    answer = await state.api.list({ ...filters, limit: Math.min(MAX_PAGE, state.shown - offset), offset });
    offset += answer.complaints.length;
    // A complaint that moved up between two pages would otherwise be listed twice.
    const seen = new Set(complaints.map((c) => c.id));
    complaints.push(...answer.complaints.filter((/** @type {{ id: string }} */ c) => !seen.has(c.id)));
  } while (offset < state.shown && offset < answer.total && answer.complaints.length > 0);
  fillOptions(ui.category, answer.facets.categories);
  fillOptions(ui.language, answer.facets.languages);
  renderQueue(ui.rows, complaints, (id) => void openDetail(id, { focus: true }));
  ui.empty.hidden = complaints.length > 0;
  const remaining = answer.total - complaints.length;
  ui.summary.textContent =
    remaining > 0 ? `${complaints.length} of ${answer.total} shown, ${answer.open} open.` : `${answer.total} shown, ${answer.open} open.`;
  ui.more.hidden = remaining <= 0;
  ui.more.textContent = `Show ${Math.min(PAGE, remaining)} more`;
}

/** @param {string} id @param {{ focus: boolean }} options */
async function openDetail(id, { focus }) {
  if (!state.api) return;
  const api = state.api;
  const { complaint } = await api.get(id);
  state.openId = id;
  ui.detailTitle.textContent = `Complaint ${complaint.reference}`;
  const after = async (/** @type {Promise<unknown>} */ work) => {
    await work;
    await refreshQueue();
    await openDetail(id, { focus: false });
  };
  renderDetail(ui.detailBody, complaint, {
    agent: state.agent,
    onClaim: (agent) => after(api.claim(id, agent)),
    onResolve: (agent, note) => after(api.resolve(id, agent, note)),
    onFollowUp: () => after(api.followUp(id)),
  });
  ui.detailView.hidden = false;
  if (focus) ui.detailView.focus();
}

async function refreshTrends() {
  if (state.api) renderTrends(ui.trendsBody, await state.api.trends());
}

/** @param {'queue' | 'trends' | 'settings'} view */
async function show(view) {
  state.view = view;
  ui.queueView.hidden = view !== 'queue';
  ui.detailView.hidden = view !== 'queue' || state.openId === null;
  ui.trendsView.hidden = view !== 'trends';
  ui.showQueue.setAttribute('aria-pressed', String(view === 'queue'));
  ui.showTrends.setAttribute('aria-pressed', String(view === 'trends'));
  ui.settingsView.hidden = view !== 'settings';
  ui.showSettings.setAttribute('aria-pressed', String(view === 'settings'));
  if (view === 'trends') await refreshTrends();
  if (view === 'settings' && state.api) {
    await renderSettings(ui.settingsBody, state.api.destinations).catch((error) => {
      ui.settingsBody.textContent = error.status === 403 ? 'Only an admin can change settings.' : 'The settings could not be read; try again.';
    });
  }
}

ui.signIn.addEventListener('submit', (event) => {
  event.preventDefault();
  void trySignIn(ui.token.value.trim(), ui.agentName.value.trim());
});
ui.signOut.addEventListener('click', () => {
  state.stop?.();
  sessionStorage.removeItem(TOKEN_KEY);
  Object.assign(state, { api: null, openId: null, stop: null });
  ui.detailView.hidden = true;
  ui.token.value = '';
  ui.liveState.textContent = 'Offline';
  showSignIn();
});
ui.filters.addEventListener('change', () => {
  state.shown = PAGE;
  void refreshQueue();
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
ui.showQueue.addEventListener('click', () => void show('queue'));
ui.showTrends.addEventListener('click', () => void show('trends'));
ui.showSettings.addEventListener('click', () => void show('settings'));
window.addEventListener('hashchange', () => {
  if (state.api) void show('queue').then(openLinkedComplaint);
});

void boot();
