import type { MessageKey, Params } from '../i18n/translate';
import type { PastStatus } from '../machine/context';
import type { ComplaintStatus } from '../transport/status';
import type { Translate } from './widgetContext';

/*
 * Only a returning visitor sees this, so it is fetched with the status reader, in a download of
 * its own, and brings its own stylesheet. It builds plain DOM (no Preact here) so that download
 * shares nothing with the widget's and the widget's stays as it was. Every agent's word is set
 * with `textContent`: text, never markup.
 */

/**
 * Shows what became of the visitor's earlier complaints in `slot`, newest first. The slot sits in
 * the conversation's polite live region, so a screen reader reads it once it arrives; the same
 * status shown again leaves the DOM untouched, so nothing is read twice.
 *
 * @param slot the element the view owns (Preact renders nothing into it)
 * @param past the statuses, from the machine
 * @param t renders catalog lines in the widget's language
 * @returns undoes what the view added to the shadow root (its stylesheet)
 */
export function showPastStatuses(slot: HTMLElement, past: readonly PastStatus[], t: Translate): () => void {
  const doc = slot.ownerDocument;
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const section = el('div', 'heard-status');
  const now = new Date().toISOString();
  for (const { status } of past) {
    const item = el('div', 'heard-status-item');
    item.append(el('p', '', statusSentences(status, now).map(([key, params]) => t(key, params)).join(' ')));
    // The reader keeps only the latest reply.
    const reply = status.replies[status.replies.length - 1];
    if (reply) item.append(el('p', 'heard-note', t('status.reply', { date: { date: reply.at } })), el('p', 'heard-status-reply', reply.text));
    section.append(item);
  }
  const shown = slot.firstElementChild;
  if (!shown || !shown.isEqualNode(section)) slot.replaceChildren(section);
  return adoptSheet(slot);
}

/**
 * The catalog lines that tell one complaint's status, in order; its date as a promise made
 * `now` (a date, or a time with its zone named when it is less than a day away).
 */
export function statusSentences(status: ComplaintStatus, now: string): [MessageKey, Params][] {
  const reference = status.reference;
  if (status.status === 'resolved' && status.resolvedAt) return [['status.resolved', { reference, date: { date: status.resolvedAt } }]];
  const lines: [MessageKey, Params][] = [[status.status === 'received' ? 'status.received' : 'status.progress', { reference }]];
  if (status.dueBy) {
    lines.push(['status.due', { due: { date: status.dueBy, from: now } }]);
    if (status.dueByReason?.trim()) lines.push(['status.moved', { reason: status.dueByReason.trim() }]);
  }
  return lines;
}

const CSS = `
.heard-status{display:flex;flex-direction:column;gap:8px;margin-bottom:12px;padding-bottom:12px;border-bottom:1px solid var(--heard-border)}
.heard-status-item{display:flex;flex-direction:column;gap:4px;overflow-wrap:anywhere}
.heard-status-reply{padding:8px 12px;border-left:3px solid var(--heard-accent);border-radius:4px;background:var(--heard-surface);white-space:pre-wrap}
@media (forced-colors:active){.heard-status-reply{border:1px solid CanvasText}}
`;
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds a stylesheet of `css` (this view's by default) to the shadow root `node` is in, or is;
 * the returned function takes it away. One sheet per text, made once.
 */
export function adoptSheet(node: Node, css = CSS): () => void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return () => {};
  let own = sheets.get(css);
  if (!own) {
    own = new CSSStyleSheet();
    own.replaceSync(css);
    sheets.set(css, own);
  }
  if (!root.adoptedStyleSheets.includes(own)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, own];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== own);
  };
}

/**
 * Whether this device may keep a visitor's files (where the browser cannot say, it may): a
 * thread's box then looks for those a reload left in it. Here, in the download every thread
 * comes after, rather than in the thread's own, which has no bytes to spare.
 */
export const keepsFiles = (): Promise<boolean> =>
  Promise.resolve()
    .then(() => indexedDB.databases?.())
    .then((all) => !all || all.some((db) => db.name === 'heard-files'), () => false);
