import type { PastStatus } from '../machine/context';
import type { MessageRecord } from '../record/record';
import type { HistoryEntry, OutboxItem } from '../storage/store';
import { newMessage, sendMessage, waitingMessages, WINDOW_CLOSED, type WaitingMessage } from '../transport/messages';
import type { ComplaintStatus, FileRef, PastComplaint } from '../transport/status';
import type { Locale } from '../triage/types';
import type { UiEvent } from './bridge';
import { adoptSheet, keepsFiles, statusSentences } from './PastStatuses';
import { loadThreadLines, type ThreadTranslate } from './threadLines';
import type { ThreadPort, Translate, WidgetContextValue } from './widgetContext';

/*
 * A complaint's thread: its status line, every reply and every follow-up, and a box to write
 * another. Only a visitor with a complaint to follow downloads this, with its own lines and
 * stylesheet. Like the status view it builds plain DOM and takes what it needs of the widget
 * through `ThreadPort`, so it shares no code with the widget's download (a shared module would
 * be split off the widget into a third download every visitor fetches). Every word from the team
 * or the visitor is set with `textContent`: text, never markup.
 */

/** What the slot hands the view on every render: the widget's shared values, and its own. */
interface ThreadInput {
  /** The complaints the status reader found, newest first. */
  past: readonly PastStatus[];
  /** The widget's catalog lines (for the status sentence). */
  t: Translate;
  locale: Locale;
  idPrefix: string;
  /** Whether the panel is open (a thread on screen is read). */
  open: boolean;
  /** Whether the conversation is at its thanks step (a new complaint starts with `complaint.new`). */
  finished: boolean;
  /** The conversation on screen (a new complaint is another one). */
  conversation: string;
  /** Whether the visitor has told this conversation anything yet. */
  told: boolean;
  /** The words in the new-complaint composer now. */
  draft(): string;
  send(event: UiEvent): void;
  port: ThreadPort;
}

/** The view's input, from the widget's shared values as they are now. */
function inputOf(widget: WidgetContextValue): ThreadInput {
  const { bridge, t, locale, idPrefix } = widget;
  const snapshot = bridge.snapshot.value;
  return {
    past: snapshot.context.pastStatuses ?? [],
    t,
    locale,
    idPrefix,
    open: snapshot.matches({ panel: 'open' }),
    finished: snapshot.hasTag('finished'),
    conversation: snapshot.context.id,
    told: snapshot.context.messages.some((m) => m.from === 'visitor'),
    draft: () => widget.draft.peek(),
    send: (event) => bridge.send(event),
    port: widget.thread!,
  };
}

/** One line of the thread, oldest first. */
export interface Line {
  from: 'team' | 'visitor';
  at: string;
  text: string;
  /** A follow-up still in the outbox: waiting to go, or refused. */
  waiting?: OutboxItem['state'];
  id?: string;
  /** The files it sent, as the server lists them. */
  files?: FileRef[] | undefined;
}

/**
 * Whether a complaint has a thread to show: open, or resolved with a reply window (open or
 * closed); a server that keeps no threads lists no follow-ups and has none.
 */
export function hasThread(status: ComplaintStatus): boolean {
  return !!status.messages && (status.status !== 'resolved' || !!status.answerableUntil);
}

/** Whether the complaint can still be written to at `now`. */
function answerable(status: ComplaintStatus, now: number): boolean {
  return status.status !== 'resolved' || (!!status.answerableUntil && Date.parse(status.answerableUntil) > now);
}

/**
 * Shows the thread in `slot` (the slot's own element: Preact renders nothing into it).
 *
 * @returns `update` to call with each new input, and `destroy` to take everything away
 */
export function showThread(slot: HTMLElement, widget: WidgetContextValue): { update(widget: WidgetContextValue): void; destroy(): void } {
  const first = inputOf(widget);
  let ctx = widget;
  const doc = slot.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  let input = first;
  let lines: ThreadTranslate | null = null;
  let linesLocale: Locale | null = null;
  let chosen: string | null = null;
  let history: HistoryEntry[] = [];
  let outbox: OutboxItem[] = [];
  /** Follow-ups delivered while this page is open, until the next status read lists them. */
  const sent: MessageRecord[] = [];
  let empty = false;
  let destroyed = false;
  /** The conversation whose composer is put aside (`null`: none; not yet decided). */
  let asideFor: string | null | undefined;
  /** The conversation the last render saw. */
  let shownFor: string | undefined;
  const panel = slot.closest('.heard-panel');
  const newBox = (): HTMLElement | null => (slot.getRootNode() as ShadowRoot | Document).getElementById(`${input.idPrefix}-composer`);

  const section = el('section', 'heard-thread');
  const choice = el('div', 'heard-thread-choice');
  const chooseLabel = el('p', 'heard-label');
  const choices = el('ul', 'heard-actions');
  choice.append(chooseLabel, choices);
  const title = el('h3', 'heard-label');
  const log = el('div', 'heard-thread-lines');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.tabIndex = 0;
  const online = el('p', 'heard-note');
  const offer = el('div', 'heard-offer');
  const offerText = el('p');
  const offerButton = el('button', 'heard-button heard-primary');
  offerButton.type = 'button';
  offer.append(offerText, offerButton);
  const form = el('form', 'heard-composer');
  const windowNote = el('p', 'heard-note');
  const label = el('label', 'heard-label');
  const box = el('textarea', 'heard-textarea');
  box.rows = 2;
  const error = el('p', 'heard-error');
  const actions = el('div', 'heard-actions');
  const submit = el('button', 'heard-button heard-primary');
  submit.type = 'submit';
  const other = el('button', 'heard-button heard-secondary');
  other.type = 'button';
  actions.append(submit, other);
  // The attach control, as in the conversation's composer: a file input behind its label, whose
  // work (and the list of files it keeps) is the files' download, fetched on use.
  const picker = el('div', 'heard-files');
  const pickLabel = el('label', 'heard-button heard-secondary');
  const pickText = doc.createTextNode('');
  const pick = el('input', 'heard-sr');
  pick.type = 'file';
  pick.multiple = true;
  pick.accept = first.port.attach?.types?.join() ?? 'image/*,application/pdf';
  pickLabel.append(pickText, pick);
  picker.append(pickLabel);
  picker.hidden = !first.port.attach;
  form.append(windowNote, label, box, error, picker, actions);
  section.append(choice, title, log, online, offer, form);
  slot.replaceChildren(section);
  const undoSheet = adoptSheet(slot, CSS);

  /** Statuses read by the live stream, newer than the ones the panel read when it opened. */
  const fresh = new Map<string, ComplaintStatus>();
  const past = (): PastStatus[] => input.past.map((p) => ({ id: p.id, status: fresh.get(p.id) ?? p.status }));
  const threads = (): PastStatus[] => past().filter((p) => hasThread(p.status));
  const current = (): PastStatus | undefined => {
    const all = threads();
    return all.find((p) => p.id === chosen) ?? (all.length === 1 ? all[0] : undefined);
  };
  const waitingFor = (id: string): WaitingMessage[] => waitingMessages(outbox, id);
  const refusedFor = (id: string): WaitingMessage | undefined => waitingFor(id).find((w) => w.state === 'rejected' && w.status === WINDOW_CLOSED);

  /** The files' download, once fetched: for a line's files, and the box's. */
  let filesCode: typeof import('../attach/attach') | undefined;
  const files = (): Promise<typeof import('../attach/attach')> => import('../attach/attach').then((m) => (filesCode = m));
  /** The complaint whose box's files are shown. */
  let filesFor: string | undefined;
  /** Shows the files kept in complaint `id`'s box, first taking those `picked`. */
  const take = (id: string, picked?: FileList | null): Promise<unknown> =>
    files()
      .then((m) => m.attach(ctx, picker, picked, `thread:${id}`))
      .catch(() => {});
  // (The same file picked again after a removal is a change too.)
  pick.onchange = () => void take(current()!.id, pick.files).then(() => (pick.value = ''));

  const reread = async (): Promise<void> => {
    [outbox, history] = await Promise.all([input.port.store.listOutbox(), input.port.store.listHistory()]);
    render();
  };

  const send = async (): Promise<void> => {
    const complaint = current();
    const words = box.value.trim();
    empty = !words;
    if (complaint && !history.some((h) => h.id === complaint.id)) history = await input.port.store.listHistory();
    const statusKey = complaint && history.find((h) => h.id === complaint.id)?.statusKey;
    if (!complaint || !statusKey || !words) return render();
    const message = newMessage(input.port.newRecordIds().id, { id: complaint.id, statusKey }, words, new Date().toISOString());
    box.value = '';
    // The box's files (none before their download is here) become the message's: uploaded
    // before it, and named by it.
    if (filesCode) {
      message.attachments = (await filesCode.named(ctx, `thread:${complaint.id}`, message.id))?.map((f) => f.sha256);
      void take(complaint.id);
    }
    // Shown as "sending" at once: it is in the outbox before the first try.
    const sending = sendMessage(input.port, message);
    outbox = [...outbox, { id: message.id, endpoint: input.port.endpoint, body: message, state: 'pending', transcriptOfferedAt: null, attempts: 0, nextAttemptAt: 0, lastStatus: null, createdAt: Date.now() }];
    render();
    if ((await sending) === 'delivered') sent.push(message);
    await reread();
  };

  const startNew = async (): Promise<void> => {
    const complaint = current();
    if (!complaint) return;
    const refused = refusedFor(complaint.id);
    if (input.finished) input.send({ type: 'complaint.new', ...input.port.newRecordIds() });
    input.send({ type: 'complaint.continues', reference: complaint.status.reference });
    // The words the window closed on are not lost: they open the new complaint.
    if (refused) {
      input.send({ type: 'visitor.say', text: refused.message.text });
      await input.port.store.removeOutbox(refused.message.id);
    }
    await reread();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  box.addEventListener('keydown', (event) => {
    // Enter makes a new line, as in any text box; Ctrl or ⌘ with Enter sends.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  });
  offerButton.addEventListener('click', () => void startNew());
  other.addEventListener('click', () => {
    asideFor = null;
    render();
    newBox()?.focus();
  });
  const onNetwork = (): void => render();
  doc.defaultView?.addEventListener('online', onNetwork);
  doc.defaultView?.addEventListener('offline', onNetwork);

  function render(): void {
    if (destroyed) return;
    const all = threads();
    section.hidden = !lines || all.length === 0;
    if (!lines || all.length === 0) return aside(false), follow(null);
    const say = lines;
    const complaint = current();
    const { idPrefix } = input;

    choice.hidden = all.length < 2;
    chooseLabel.textContent = say('thread.choose');
    const buttons = all.map((p) => {
      const button = el('button', 'heard-button heard-secondary', p.status.reference);
      button.type = 'button';
      button.setAttribute('aria-pressed', String(p.id === complaint?.id));
      button.addEventListener('click', () => {
        chosen = p.id;
        render();
      });
      const item = el('li');
      item.append(button);
      return item;
    });
    if (!sameNodes(choices, buttons)) choices.replaceChildren(...buttons);

    for (const node of [title, log, online, offer, form]) node.hidden = !complaint;
    if (!complaint) return aside(false), follow(null);
    const { status } = complaint;
    const reference = status.reference;
    const closed = !!refusedFor(complaint.id) || !answerable(status, Date.now());
    title.id = `${idPrefix}-thread-title`;
    section.setAttribute('aria-labelledby', title.id);
    title.textContent = say('thread.title', { reference });
    log.setAttribute('aria-label', say('thread.log', { reference }));
    const offline = doc.defaultView?.navigator.onLine === false;
    const now = new Date().toISOString();
    const sentence = (s: ComplaintStatus): string => statusSentences(s, now).map(([key, params]) => input.t(key, params)).join(' ');
    // The panel's status view says where the complaint stands, from the same read: a screen
    // reader hears it once. Only a newer status, brought by the live stream, is said here.
    const said = sentence(status);
    const read = input.past.find((p) => p.id === complaint.id);
    const items = read && sentence(read.status) === said ? [] : [el('p', 'heard-note', said)];
    for (const line of threadLines(status, waitingFor(complaint.id), sent)) {
      const item = el('div', `heard-thread-line heard-thread-${line.from}`);
      item.append(el('p', 'heard-note', say(line.from === 'team' ? 'thread.team' : 'thread.you', { date: { date: line.at } })), el('p', 'heard-thread-text', line.text));
      // Its files, once their download is here (the log is drawn again then).
      if (line.files) {
        if (filesCode) item.append(filesCode.sentFiles(ctx, slot, complaint.id, line.files));
        else void files().then(render, () => {});
      }
      if (line.waiting === 'pending') item.append(el('p', 'heard-note', say(offline ? 'thread.offline' : 'thread.sending')));
      if (line.waiting === 'rejected' && !closed) item.append(el('p', 'heard-error', say('thread.refused')));
      items.push(item);
    }
    // The same thread again leaves the log untouched, so nothing is read out twice.
    if (!sameNodes(log, items)) {
      log.replaceChildren(...items);
      log.scrollTop = log.scrollHeight;
    }
    // How a reply will come, as far as the data says: someone is there now, or the date promised.
    online.hidden = closed || !(status.teamOnline || (status.dueBy && status.status !== 'resolved'));
    online.textContent = status.teamOnline ? say('thread.online') : status.dueBy ? say('thread.expect', { due: { date: status.dueBy, from: new Date().toISOString() } }) : '';
    offer.hidden = !closed;
    offerText.textContent = say('thread.closed', { reference });
    offerButton.textContent = say('thread.new');
    form.hidden = closed;
    windowNote.hidden = !(status.status === 'resolved' && status.answerableUntil);
    if (status.answerableUntil) windowNote.textContent = say('thread.answerable', { date: { date: status.answerableUntil } });
    box.id = `${idPrefix}-thread-box`;
    label.htmlFor = box.id;
    label.textContent = say('thread.label', { reference });
    error.id = `${box.id}-error`;
    error.hidden = !empty;
    error.textContent = say('thread.empty');
    if (empty) {
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', error.id);
    } else {
      box.removeAttribute('aria-invalid');
      box.removeAttribute('aria-describedby');
    }
    pickText.data = input.t('ui.attach');
    // Files a reload left in this complaint's box are shown again (none to look for on a device
    // that never kept one).
    if (input.port.attach && filesFor !== complaint.id) {
      filesFor = complaint.id;
      if (filesCode) void take(complaint.id);
      else void keepsFiles().then((yes) => void (yes && take(complaint.id)));
    }
    submit.textContent = say('thread.send');
    other.textContent = say('thread.other');
    aside(!closed);
    markRead(complaint);
    follow(complaint);
  }

  /**
   * One box to write in: while the thread's box shows, the new-complaint composer is put aside
   * (the stylesheet hides it, out of the accessibility tree too, while the panel has
   * `ASIDE`), and "Write about something else" brings it back. Decided once, when the thread's
   * box first shows: a composer holding words, or in a conversation the visitor has already
   * told something, stays; so does the composer of a complaint started afterwards (from the
   * thanks step), which also takes the focus the panel gave the thread's box.
   */
  function aside(writable: boolean): void {
    if (writable && asideFor === undefined) asideFor = input.draft() === '' && !input.told ? input.conversation : null;
    const put = writable && asideFor === input.conversation && input.draft() === '';
    const composer = newBox();
    const active = (slot.getRootNode() as ShadowRoot | Document).activeElement;
    const started = shownFor !== undefined && shownFor !== input.conversation;
    shownFor = input.conversation;
    panel?.toggleAttribute(ASIDE, put);
    other.hidden = !put || !composer;
    if (put && composer && active === composer) box.focus();
    else if (started && !put && composer && active === box) composer.focus();
  }

  /** The open thread's live stream, while the panel shows it. */
  let live: { id: string; stop(): void } | null = null;
  function follow(complaint: PastStatus | null): void {
    const id = complaint && input.open && history.some((h) => h.id === complaint.id && h.statusKey) ? complaint.id : null;
    if (live?.id === id) return;
    live?.stop();
    live = id ? connect(id) : null;
  }

  /**
   * Listens to complaint `id`'s changes: a one-use ticket for its status key, then a stream whose
   * every event (and every (re)connection, for what came meanwhile) reads its status again. A
   * lost stream is opened again with a new ticket, waiting longer each time it fails.
   */
  function connect(id: string): { id: string; stop(): void } {
    const win = doc.defaultView!;
    const base = `${input.port.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let tries = 0;
    const key = (): string | undefined => history.find((h) => h.id === id)?.statusKey;
    const again = (): void => {
      source?.close();
      if (!stopped) timer = setTimeout(open, Math.min(30_000, 1000 * 2 ** tries++));
    };
    const read = async (): Promise<void> => {
      const entry = history.find((h) => h.id === id);
      if (!entry?.statusKey) return;
      const { readStatus } = await import('../transport/status');
      const answer = await readStatus({ id, reference: entry.reference, endpoint: input.port.endpoint, statusKey: entry.statusKey });
      if (answer.kind === 'status' && !stopped) fresh.set(id, answer.status), render();
    };
    const open = async (): Promise<void> => {
      if (stopped || !win.EventSource) return;
      try {
        const answer = await fetch(`${base}/stream-ticket`, { method: 'POST', headers: { Authorization: `Bearer ${key()}` } });
        // The server does not know this complaint and key (a 404): nothing to listen to.
        if (answer.status === 404) return;
        if (!answer.ok) return again();
        const { ticket } = (await answer.json()) as { ticket: string };
        if (stopped) return;
        source = new win.EventSource(`${base}/stream?ticket=${encodeURIComponent(ticket)}`);
        source.onopen = () => {
          tries = 0;
          void read();
        };
        source.addEventListener('changed', () => void read());
        // The ticket is used up: an EventSource's own retry would be refused.
        source.onerror = again;
      } catch {
        again();
      }
    };
    void open();
    return {
      id,
      stop() {
        stopped = true;
        clearTimeout(timer);
        source?.close();
      },
    };
  }

  /** The visitor has the thread on screen: its replies are no longer new. */
  function markRead(complaint: PastStatus): void {
    const entry = history.find((h) => h.id === complaint.id);
    const last = complaint.status.replies[complaint.status.replies.length - 1]?.at;
    if (input.open && entry && last && entry.readAt !== last) {
      const read = { ...entry, readAt: last };
      history = history.map((h) => (h === entry ? read : h));
      void input.port.store.addHistory(read);
    }
    if (lines) showUnreadCount(input.port, unreadReplies(past(), history), lines);
  }

  const update = (next: ThreadInput): void => {
    input = next;
    if (destroyed) return;
    if (linesLocale !== next.locale) {
      const locale = (linesLocale = next.locale);
      void loadThreadLines(locale, next.port.translate).then((loaded) => {
        if (linesLocale === locale) (lines = loaded), render();
      }, () => {});
    }
    render();
  };
  update(first);
  // Every outcome of the delivery (and now, first): read again what still waits.
  const unsubscribe = first.port.changes.subscribe(() => void reread());

  return {
    update: (next) => update(inputOf((ctx = next))),
    destroy() {
      destroyed = true;
      live?.stop();
      unsubscribe();
      doc.defaultView?.removeEventListener('online', onNetwork);
      doc.defaultView?.removeEventListener('offline', onNetwork);
      slot.replaceChildren();
      panel?.removeAttribute(ASIDE);
      undoSheet();
    },
  };
}

/** Whether `parent` already holds exactly `nodes` (same markup and text). */
function sameNodes(parent: Element, nodes: readonly Node[]): boolean {
  return parent.childNodes.length === nodes.length && nodes.every((node, n) => parent.childNodes[n]!.isEqualNode(node));
}

/**
 * The thread's lines, oldest first: the team's replies, the follow-ups the server lists, those
 * delivered since, and those still in the outbox (each follow-up once, by its id).
 */
export function threadLines(status: ComplaintStatus, waiting: readonly WaitingMessage[], sent: readonly MessageRecord[]): Line[] {
  const visitor = new Map<string, Line>();
  for (const m of sent) visitor.set(m.id, { from: 'visitor', at: m.at, text: m.text, id: m.id });
  for (const m of status.messages ?? []) visitor.set(m.id, { from: 'visitor', at: m.at, text: m.text, id: m.id, files: m.attachments });
  for (const w of waiting) visitor.set(w.message.id, { from: 'visitor', at: w.message.at, text: w.message.text, id: w.message.id, waiting: w.state });
  const team: Line[] = status.replies.map((r) => ({ from: 'team', at: r.at, text: r.text, files: r.attachments }));
  return [...team, ...visitor.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * How many replies arrived since the visitor last read each thread: a reply is new when it is
 * later than the `readAt` kept with the complaint on this device (all are, before a first read).
 * Only complaints with a thread count: the others' replies are read in their status.
 */
export function unreadReplies(past: readonly PastStatus[], history: readonly HistoryEntry[]): number {
  let count = 0;
  for (const { id, status } of past) {
    if (!hasThread(status)) continue;
    const readAt = history.find((h) => h.id === id)?.readAt;
    count += status.replies.filter((r) => !readAt || Date.parse(r.at) > Date.parse(readAt)).length;
  }
  return count;
}

function showUnreadCount(port: ThreadPort, count: number, lines: ThreadTranslate): void {
  const label = lines('thread.unread', { count });
  const shown = port.unread.value;
  if (count > 0 ? shown?.count !== count || shown.label !== label : shown) port.unread.value = count > 0 ? { count, label } : null;
}

/**
 * At start-up, for a visitor this device already knows: reads their complaints' status (through
 * the widget's status reader) and puts the count of unread replies on the bubble.
 *
 * @param port the widget's thread port, whose `unread` the bubble shows
 * @param reader gives the widget's status reader
 * @param history the complaints kept on this device
 * @param locale the widget's language, for the bubble's label
 * @param root the widget's shadow root, for the badge's style
 */
export async function showUnread(
  port: ThreadPort,
  reader: () => Promise<(history: readonly PastComplaint[]) => Promise<PastStatus[]>>,
  history: readonly HistoryEntry[],
  locale: Locale,
  root: ShadowRoot,
): Promise<void> {
  const [statuses, lines] = await Promise.all([reader().then((read) => read(history)), loadThreadLines(locale, port.translate)]);
  const count = unreadReplies(statuses, history);
  if (count > 0) adoptSheet(root, CSS);
  showUnreadCount(port, count, lines);
}

/** Set on the panel while the new-complaint composer is put aside. */
const ASIDE = 'data-heard-thread';

const CSS = `
[${ASIDE}] .heard-step>.heard-composer{display:none}
.heard-thread{display:flex;flex-direction:column;gap:8px;padding:12px 16px;border-bottom:1px solid var(--heard-border);max-height:60%;overflow:auto;overflow-wrap:anywhere}
.heard-thread [hidden]{display:none}
.heard-thread-lines{display:flex;flex-direction:column;gap:8px;margin:0;padding:0;list-style:none}
.heard-thread-line{display:flex;flex-direction:column;gap:2px}
.heard-thread-text{margin:0;padding:8px 12px;border-radius:4px;background:var(--heard-surface);white-space:pre-wrap}
.heard-thread-team .heard-thread-text{border-left:3px solid var(--heard-accent)}
.heard-thread-choice ul{list-style:none;margin:0;padding:0}
.heard-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#b3261e;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}
@media (forced-colors:active){.heard-thread-text,.heard-badge{border:1px solid CanvasText}}
`;
