// @ts-check
import { h } from './dom.mjs';

/**
 * @typedef {{ id: string, language: string, title: string, text: string, updatedAt: string }} SavedReply
 * @typedef {{ language: string, title: string, text: string }} SavedReplyInput
 * @typedef {{
 *   list: () => Promise<{ replies: SavedReply[] }>,
 *   add: (reply: SavedReplyInput) => Promise<unknown>,
 *   update: (id: string, reply: SavedReplyInput) => Promise<unknown>,
 *   remove: (id: string) => Promise<unknown>,
 * }} SavedRepliesApi
 */

const LANGUAGES = [['en', 'English'], ['ms', 'Malay'], ['hu', 'Hungarian'], ['sk', 'Slovak']];
const languageName = (/** @type {string} */ code) => LANGUAGES.find(([value]) => value === code)?.[1] ?? code;

/**
 * Settings → Saved replies: the replies agents insert from the reply box, per language, each
 * with a title and a text where `{name}`, `{reference}` and `{dueBy}` become the complaint's.
 * @param {HTMLElement} container
 * @param {SavedRepliesApi} api
 */
export async function renderSavedReplies(container, api) {
  const status = h('p', { id: 'saved-replies-status', role: 'status', class: 'summary' });
  const listArea = h('div', { id: 'saved-replies-list' });
  /** @type {string | null} */
  let editing = null;

  const language = /** @type {HTMLSelectElement} */ (h('select', { id: 'saved-reply-language', name: 'language' }, LANGUAGES.map(([value, name]) => h('option', { value }, name))));
  const title = /** @type {HTMLInputElement} */ (h('input', { id: 'saved-reply-title', name: 'title', type: 'text', required: true, maxlength: 120, 'aria-describedby': 'saved-reply-title-error' }));
  const text = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'saved-reply-text', name: 'text', required: true, rows: 4, maxlength: 5000, 'aria-describedby': 'saved-reply-text-hint saved-reply-text-error' }));
  const errors = /** @type {Record<string, HTMLElement>} */ ({
    language: h('span', { class: 'error field-error', id: 'saved-reply-language-error' }),
    title: h('span', { class: 'error field-error', id: 'saved-reply-title-error' }),
    text: h('span', { class: 'error field-error', id: 'saved-reply-text-error' }),
  });
  const legend = h('legend', {}, 'New saved reply');
  const submit = h('button', { type: 'submit' }, 'Save reply');
  const cancel = h('button', { type: 'button', hidden: true, onclick: () => reset() }, 'Cancel editing');

  const clearErrors = () => {
    for (const [field, node] of Object.entries(errors)) {
      node.textContent = '';
      byField(field)?.removeAttribute('aria-invalid');
    }
  };
  /** @param {string} field */
  const byField = (field) => ({ language, title, text })[field];
  const reset = () => {
    editing = null;
    title.value = '';
    text.value = '';
    legend.textContent = 'New saved reply';
    submit.textContent = 'Save reply';
    cancel.hidden = true;
    clearErrors();
  };

  const redraw = async () => {
    const { replies } = await api.list();
    listArea.replaceChildren(replies.length === 0
      ? h('p', {}, 'No saved replies yet.')
      : h('table', {},
          h('caption', {}, 'Saved replies by language'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Language'), h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Text'), h('th', { scope: 'col' }, 'Actions'))),
          h('tbody', {}, replies.map((reply) => h('tr', {},
            h('td', {}, languageName(reply.language)),
            h('th', { scope: 'row' }, reply.title),
            h('td', { class: 'saved-reply-preview' }, reply.text),
            h('td', {},
              h('button', { type: 'button', 'aria-label': `Edit ${reply.title}`, onclick: () => {
                editing = reply.id;
                language.value = reply.language;
                title.value = reply.title;
                text.value = reply.text;
                legend.textContent = `Edit saved reply: ${reply.title}`;
                submit.textContent = 'Save changes';
                cancel.hidden = false;
                clearErrors();
                title.focus();
              } }, 'Edit'),
              ' ',
              h('button', { type: 'button', 'aria-label': `Delete ${reply.title}`, onclick: async () => {
                try {
                  await api.remove(reply.id);
                  if (editing === reply.id) reset();
                  status.textContent = `"${reply.title}" was deleted.`;
                  await redraw();
                } catch (error) {
                  status.textContent = error instanceof Error ? error.message : 'That did not work; try again.';
                }
              } }, 'Delete'),
            ))))));
  };

  const form = h('form', { id: 'saved-reply-form', novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    clearErrors();
    const body = { language: language.value, title: title.value, text: text.value };
    try {
      if (editing) await api.update(editing, body);
      else await api.add(body);
      status.textContent = `"${body.title.trim()}" was saved.`;
      reset();
      await redraw();
    } catch (error) {
      const field = /** @type {{ field?: string | null }} */ (error).field;
      const message = error instanceof Error ? error.message : 'That did not work; try again.';
      const input = field ? byField(field) : undefined;
      if (field && input && errors[field]) {
        errors[field].textContent = message;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      } else status.textContent = message;
    }
  } },
    h('fieldset', {}, legend,
      h('p', {}, h('label', { for: 'saved-reply-language' }, 'Language'), language, errors.language),
      h('p', {}, h('label', { for: 'saved-reply-title' }, 'Title'), title, errors.title),
      h('p', {}, h('label', { for: 'saved-reply-text' }, 'Text'), text,
        h('span', { id: 'saved-reply-text-hint', class: 'hint' }, 'Write {name}, {reference} or {dueBy} where the visitor\'s name, the complaint\'s reference or its due date should go.'),
        errors.text),
      submit, ' ', cancel,
    ),
  );

  container.replaceChildren(h('section', { 'aria-labelledby': 'saved-replies-title' }, h('h3', { id: 'saved-replies-title' }, 'Saved replies'), status, listArea, form));
  await redraw();
}
