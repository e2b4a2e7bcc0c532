// @ts-check
import { h } from './dom.mjs';

/**
 * @typedef {{ id: string, language: string, title: string, text: string }} FilledReply
 * @typedef {{ language: string, replies: FilledReply[] }} SavedRepliesForComplaint
 */

const LANGUAGE_NAMES = /** @type {Record<string, string>} */ ({ en: 'English', ms: 'Malay', hu: 'Hungarian', sk: 'Slovak' });
let instances = 0;

/**
 * "Insert saved reply" beside a reply box: a button opening a search field over the saved
 * replies (a combobox with a listbox: arrows move, Enter inserts, Escape closes), in the
 * complaint's language first. The chosen reply, with the complaint's details already filled in
 * by the server, goes in at the cursor, where the agent edits it before sending.
 * @param {HTMLTextAreaElement} textarea
 * @param {() => Promise<SavedRepliesForComplaint>} load
 */
export function savedReplyPicker(textarea, load) {
  const n = ++instances;
  const ids = { panel: `saved-replies-${n}`, search: `saved-reply-search-${n}`, list: `saved-reply-list-${n}`, language: `saved-reply-language-${n}`, status: `saved-reply-status-${n}` };
  /** @type {SavedRepliesForComplaint | null} */
  let data = null;
  /** @type {FilledReply[]} */
  let shown = [];
  let active = -1;
  // Where the cursor was in the reply when the list opened.
  let selection = { start: textarea.value.length, end: textarea.value.length };

  const toggle = h('button', { type: 'button', class: 'saved-reply-toggle', 'aria-expanded': 'false', 'aria-controls': ids.panel }, 'Insert saved reply');
  const language = /** @type {HTMLSelectElement} */ (h('select', { id: ids.language }));
  const search = h('input', {
    id: ids.search, type: 'text', role: 'combobox', autocomplete: 'off',
    'aria-autocomplete': 'list', 'aria-expanded': 'true', 'aria-controls': ids.list, 'aria-describedby': ids.status,
  });
  const list = h('ul', { id: ids.list, role: 'listbox', 'aria-label': 'Saved replies', class: 'saved-reply-list' });
  const status = h('p', { id: ids.status, role: 'status', class: 'summary' });
  const panel = h('div', { id: ids.panel, class: 'saved-reply-panel', hidden: true },
    h('p', {}, h('label', { for: ids.language }, 'Language'), language),
    h('p', {}, h('label', { for: ids.search }, 'Search saved replies'), search),
    list,
    status,
  );

  const close = (/** @type {boolean} */ refocus) => {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (refocus) toggle.focus();
  };

  const setActive = (/** @type {number} */ index) => {
    active = shown.length === 0 ? -1 : (index + shown.length) % shown.length;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const option = active >= 0 ? list.children[active] : null;
    if (option) {
      search.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView?.({ block: 'nearest' });
    } else search.removeAttribute('aria-activedescendant');
  };

  const draw = () => {
    const words = search.value.trim().toLowerCase();
    shown = (data?.replies ?? []).filter((reply) => reply.language === language.value && (words === '' || `${reply.title}\n${reply.text}`.toLowerCase().includes(words)));
    list.replaceChildren(...shown.map((reply, i) => h('li', {
      id: `${ids.list}-${i}`, role: 'option', 'aria-selected': 'false', class: 'saved-reply-option',
      onmousedown: (/** @type {MouseEvent} */ event) => event.preventDefault(),
      onclick: () => insert(reply),
    }, h('span', { class: 'saved-reply-title' }, reply.title), ' ', h('span', { class: 'saved-reply-preview' }, reply.text.length > 80 ? `${reply.text.slice(0, 80)}…` : reply.text))));
    status.textContent = shown.length === 0
      ? `No saved reply in ${LANGUAGE_NAMES[language.value] ?? language.value}${words ? ' matches the search' : ''}.`
      : `${shown.length} saved ${shown.length === 1 ? 'reply' : 'replies'}: arrows move, Enter inserts, Escape closes.`;
    setActive(0);
  };

  /** @param {FilledReply} reply */
  const insert = (reply) => {
    const { start, end } = selection;
    textarea.setRangeText(reply.text, start, end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    close(false);
    textarea.focus();
  };

  toggle.addEventListener('click', async () => {
    if (!panel.hidden) return close(true);
    selection = { start: textarea.selectionStart ?? textarea.value.length, end: textarea.selectionEnd ?? textarea.value.length };
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    status.textContent = 'Reading the saved replies…';
    search.focus();
    try {
      data = await load();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'The saved replies could not be read; try again.';
      return;
    }
    const languages = [...new Set([data.language, 'en', 'ms', 'hu', 'sk', ...data.replies.map((reply) => reply.language)])];
    language.replaceChildren(...languages.map((code) => h('option', { value: code }, LANGUAGE_NAMES[code] ?? code)));
    language.value = data.language;
    draw();
  });
  language.addEventListener('change', draw);
  search.addEventListener('input', draw);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const reply = shown[active];
      if (reply) insert(reply);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });

  return h('div', { class: 'saved-reply-picker' }, toggle, panel);
}
