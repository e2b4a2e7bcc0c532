// @ts-check
import { h, orDash, when } from './dom.mjs';
import { fileSize, replyFiles } from './reply-files.mjs';

/**
 * @typedef {import('../store/store.mjs').Complaint & { replyDelivery?: import('../jobs/commitments/visitor-mail.mjs').ReplyDelivery }} Complaint
 * @typedef {{
 *   agent: import('./api.mjs').Agent,
 *   onClaim: () => Promise<void>,
 *   onRelease: () => Promise<void>,
 *   assignees?: { id: string, name: string }[],
 *   onAssign?: (agentId: string) => Promise<void>,
 *   onResolve: (note: string, reply: string) => Promise<void>,
 *   onReply: (text: string, attachments: string[]) => Promise<void>,
 *   onNote?: (text: string, id: string) => Promise<void>,
 *   onMoveDue: (dueBy: string, reason: string) => Promise<void>,
 *   onFollowUp: () => Promise<void>,
 *   replyTools?: (textarea: HTMLTextAreaElement) => Node,
 *   openFile?: (sha256: string) => Promise<Blob>,
 *   uploadFile?: import('./reply-files.mjs').Upload,
 * }} DetailActions
 *   `onReply`: sends a reply with the SHA-256s of the files already uploaded for it
 *   (`uploadFile`). `replyTools`: controls placed beside the reply box, given the box itself. `onNote`: keeps an
 *   internal note, with the id the box made for it (sent again, it is kept once).
 */

/**
 * Everything an agent needs so the customer never repeats themselves: the transcript, the
 * restatement and whether it was confirmed, triage with its signals, what they want, how to
 * reach them, and what was promised by when.
 * @param {HTMLElement} container
 * @param {Complaint} complaint
 * @param {DetailActions} actions
 */
export function renderDetail(container, complaint, actions) {
  const { record } = complaint;
  const outcome = record.desiredOutcome;
  // A help desk's layout: the thread with the reply box under it, and beside it what the agent
  // checks while answering. On a narrow screen the two follow one another.
  container.replaceChildren(
    h('div', { class: 'complaint-thread' },
      h('section', { 'aria-labelledby': 'transcript-title' },
        h('h3', { id: 'transcript-title' }, `Transcript (${record.messages.length} messages)`),
        h('ol', { class: 'transcript' },
          record.messages.map((message) =>
            h('li', { class: `message ${message.from === 'bot' ? 'bot' : 'visitor'}` },
              h('p', { class: 'message-from' }, message.from === 'bot' ? 'Heard' : 'Visitor', ' · ', h('time', { datetime: message.at }, when(message.at))),
              h('p', { class: 'message-text' }, message.text),
            ),
          ),
        ),
      ),
      ...ratingComment(complaint),
      filesSection(complaint, actions),
      repliesSection(complaint, actions),
      workSection(complaint, actions),
      auditSection(complaint),
    ),
    h('aside', { class: 'complaint-facts', 'aria-labelledby': 'facts-summary' },
      facts('Summary', [
        // A complaint raised after an earlier one could no longer be answered names it.
        ['Reference', record.previousReference ? `${complaint.reference} — continues ${record.previousReference}` : complaint.reference],
        ['Status', complaint.waitingForUs ? `${complaint.status} — waiting for us: the visitor wrote again` : complaint.status],
        ['Claimed by', orDash(complaint.claimedBy)],
        ['Submitted', when(record.submittedAt)],
        // Present when a person takes over: asked for by the visitor, or escalated by triage.
        ['Handoff', record.handoff ? `${record.handoff.requested ? 'asked for by the visitor' : `escalated (${record.handoff.reason})`} at ${when(record.handoff.at)}` : 'no'],
        ['Identity', complaint.summary.verified ? 'verified by the site' : 'not verified'],
        ['Category', complaint.summary.category],
        ['Urgency', complaint.summary.urgency],
        ['Mood', complaint.summary.mood],
        ['Customer type', complaint.summary.customerType],
        ['Language', `${complaint.summary.language} (conversation in ${record.locale})`],
        ['Desired outcome', outcome ? describeOutcome(outcome) : '—'],
        ['Commitment', record.commitment ? record.commitment.action : '—'],
        ['Due by', complaint.summary.dueBy
          ? `${when(complaint.summary.dueBy)}${complaint.overdue ? ' — overdue' : ''}${complaint.dueByReason ? ` (moved: ${complaint.dueByReason})` : ''}`
          : '—'],
        ['Follow-up', followUpText(complaint)],
        ['Satisfaction', complaint.csat === null ? '—' : `${complaint.csat} of 5${complaint.ratedFrom === 'follow-up' ? ' (from the follow-up email)' : ''}`],
        ['Page', [record.page.title, record.page.url].filter(Boolean).join(' — ')],
      ]),
      facts('Contact', [
        ['Name', orDash(record.visitor.name)],
        ['Email', orDash(record.visitor.email)],
        ['Phone', orDash(record.visitor.phone)],
        ['Account or order', orDash(record.visitor.accountRef)],
        ['May we follow up', record.visitor.followUpConsent ? 'yes' : 'no'],
        ['Earlier complaints', String(record.visitor.previousComplaints)],
        ['Traits', Object.keys(record.visitor.traits).length ? JSON.stringify(record.visitor.traits) : '—'],
      ]),
      h('section', { 'aria-labelledby': 'restatement-title' },
        h('h3', { id: 'restatement-title' }, 'Restatement'),
        record.restatement
          ? [
              h('blockquote', { class: 'message-text', id: 'restatement-text' }, record.restatement.text),
              h('p', { id: 'restatement-confirmed' },
                record.restatement.confirmed ? 'The visitor confirmed this.' : 'The visitor did not confirm this.',
                record.restatement.corrections ? ` Corrected ${record.restatement.corrections} time(s).` : ''),
            ]
          : h('p', {}, 'No restatement was made.'),
      ),
      triageComparison(complaint),
      signalsTable(record.triage.signals),
      facts('Details the visitor mentioned', [
        ['Order references', record.triage.entities.orderRefs.join(', ') || '—'],
        ['Emails', record.triage.entities.emails.join(', ') || '—'],
        ['Phones', record.triage.entities.phones.join(', ') || '—'],
        ['Amounts', record.triage.entities.amounts.map((amount) => amount.text).join(', ') || '—'],
        ['Dates', record.triage.entities.dates.join(', ') || '—'],
      ]),
    ),
  );
}

/**
 * The visitor's files: a thumbnail for each photo that arrived, a row for each other file or one
 * still arriving. Nothing when there are none.
 * @param {Complaint & { attachments?: { sha256: string, type: string, size: number, arrived: boolean }[] }} complaint
 * @param {DetailActions} actions
 */
function filesSection(complaint, actions) {
  const files = complaint.attachments ?? [];
  if (files.length === 0) return '';
  let photos = 0;
  return h('section', { 'aria-labelledby': 'files-title' },
    h('h3', { id: 'files-title' }, `Files (${files.length})`),
    h('ul', { class: 'files' },
      files.map((file) => {
        const label = file.type.startsWith('image/') ? `Photo ${++photos}` : file.type === 'application/pdf' ? 'PDF' : 'File';
        return file.arrived ? fileRow(file, label, actions.openFile) : h('li', { class: 'file' }, `${label} · ${fileSize(file.size)} · still arriving`);
      }),
    ),
  );
}

/**
 * One kept file: its label and size, a thumbnail for a photo, and a button that opens it (or
 * downloads it), read with the session as a Blob.
 * @param {{ sha256: string, type: string, size: number }} file
 * @param {string} label
 * @param {DetailActions['openFile']} openFile
 */
function fileRow(file, label, openFile) {
  const image = file.type.startsWith('image/');
  const item = h('li', { class: 'file' }, `${label} · ${fileSize(file.size)} · `);
  const open = h('button', { type: 'button' }, image ? 'Open' : 'Download');
  const blob = openFile ? openFile(file.sha256) : null;
  blob?.then((data) => {
    const url = URL.createObjectURL(data);
    if (image) item.prepend(h('img', { src: url, alt: label, class: 'thumbnail', width: '160' }), ' ');
    open.addEventListener('click', () => Object.assign(document.createElement('a'), { href: url, download: image ? '' : `${label}.pdf`, target: '_blank' }).click());
  }).catch(() => item.append(' (could not be opened)'));
  item.append(open);
  return item;
}

/**
 * What the visitor wrote with their follow-up rating, as text; nothing when they wrote nothing.
 * @param {Complaint} complaint
 */
function ratingComment(complaint) {
  const comment = complaint.ratingComment;
  if (!comment) return [];
  return [h('section', { 'aria-labelledby': 'rating-comment-title' },
    h('h3', { id: 'rating-comment-title' }, 'Comment with the rating'),
    h('blockquote', { class: 'message-text', id: 'rating-comment' }, comment.text),
    h('p', {}, `Sent with a rating of ${complaint.csat ?? '?'} of 5 from the follow-up email, `, h('time', { datetime: comment.at }, when(comment.at)), '.'),
  )];
}

/** @param {string} title @param {[string, string][]} rows */
function facts(title, rows) {
  const id = `facts-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return h('section', { 'aria-labelledby': id },
    h('h3', { id }, title),
    h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
  );
}

/** @param {NonNullable<Complaint['record']['desiredOutcome']>} outcome */
function describeOutcome(outcome) {
  const wanted = outcome.detail ? `${outcome.kind}: ${outcome.detail}` : outcome.kind;
  // "Something else" in the visitor's own words is not one of the outcomes the team offers.
  if (outcome.kind === 'other') return wanted;
  if (outcome.offered) return `${wanted} (we offer this)`;
  return `${wanted} (not offered${outcome.alternative ? `; offered ${outcome.alternative} instead` : ''})`;
}

/** @param {Complaint} complaint */
function followUpText(complaint) {
  if (complaint.followedUpAt) return `done ${when(complaint.followedUpAt)}`;
  if (complaint.followUpDueAt) return `${complaint.followUpDue ? 'due since' : 'due'} ${when(complaint.followUpDueAt)}`;
  if (complaint.summary.followUpAt) return `planned ${when(complaint.summary.followUpAt)}, once resolved`;
  return complaint.record.visitor.followUpConsent ? 'a day after resolution' : 'the visitor did not ask for one';
}

/**
 * The receiver triages what the visitor wrote itself and orders the queue by that; the widget's
 * triage is kept as sent. Where they disagree the agent sees both: a forged record, traits a
 * visitor claimed without the site vouching for them, or categories only the widget knows.
 * @param {Complaint} complaint
 */
function triageComparison(complaint) {
  const { summary, record } = complaint;
  const widgetEscalation = record.handoff ? record.handoff.reason : 'none';
  /** @type {[string, string, string][]} */
  const rows = [
    ['Urgency', summary.urgency, record.triage.urgency],
    ['Category', summary.category, record.triage.category],
    ['Mood', summary.mood, record.triage.mood],
    ['Customer type', summary.customerType, record.triage.customerType],
    ['Language', summary.language, record.triage.language],
    ['Handoff', summary.handoffReason ?? 'none', widgetEscalation],
  ];
  const differing = rows.filter(([, ours, theirs]) => ours !== theirs).length;
  return h('section', { 'aria-labelledby': 'triage-compare-title' },
    h('h3', { id: 'triage-compare-title' }, 'Triage: receiver and widget'),
    h('p', { id: 'triage-compare-summary' },
      differing === 0
        ? 'The widget and the receiver agree.'
        : `The widget and the receiver disagree on ${differing === 1 ? 'one point' : `${differing} points`}; the queue follows the receiver.`),
    // The tables are there to check a decision, not to read every time: folded until asked for.
    h('details', { class: 'signals' },
      h('summary', {}, 'Compare decision by decision'),
      h('table', { id: 'triage-compare' },
      h('caption', {}, 'What the receiver decided, and what the widget sent'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'Receiver'), h('th', { scope: 'col' }, 'Widget'), h('th', { scope: 'col' }, 'Same?'))),
      h('tbody', {}, rows.map(([field, ours, theirs]) =>
        h('tr', { class: ours === theirs ? null : 'differs' },
          h('th', { scope: 'row' }, field), h('td', {}, ours), h('td', {}, theirs), h('td', {}, ours === theirs ? 'yes' : 'differs')))),
      ),
    ),
  );
}

/** @param {Complaint['record']['triage']['signals']} signals */
function signalsTable(signals) {
  return h('section', { 'aria-labelledby': 'signals-title' },
    h('h3', { id: 'signals-title' }, "The widget's triage signals"),
    signals.length === 0
      ? h('p', {}, 'No signals.')
      : h('details', { class: 'signals' },
          h('summary', {}, `Why triage decided what it did (${signals.length === 1 ? 'one signal' : `${signals.length} signals`})`),
          h('table', {},
            h('caption', {}, 'Why triage decided what it did'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Cue'))),
            h('tbody', {}, signals.map((signal) => h('tr', {}, h('td', {}, signal.field), h('td', {}, signal.value), h('td', {}, signal.cue)))),
          ),
        ),
  );
}

/** @param {Complaint} complaint @param {DetailActions} actions */
function workSection(complaint, actions) {
  const error = h('p', { class: 'error', role: 'alert', id: 'work-error' });
  /** @param {() => Promise<void>} task */
  const run = async (task) => {
    error.textContent = '';
    try {
      await task();
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    }
  };

  if (complaint.status === 'resolved') {
    return h('section', { 'aria-labelledby': 'work-title' },
      h('h3', { id: 'work-title' }, 'Resolution'),
      h('p', { id: 'resolution' }, `Resolved by ${complaint.resolvedBy} on ${when(complaint.resolvedAt)}:`),
      h('blockquote', { class: 'message-text', id: 'resolution-note' }, orDash(complaint.resolutionNote)),
      complaint.followUpDue && !complaint.followedUpAt
        ? h('button', { type: 'button', onclick: () => run(actions.onFollowUp) }, 'Mark followed up')
        : null,
      error,
    );
  }

  const { agent } = actions;
  const mine = complaint.status === 'claimed' && complaint.claimedById === agent.id;
  // The server decides; this only spares an agent a button that would be refused.
  const mayWork = complaint.status === 'new' || mine || agent.role === 'admin';
  const note = h('textarea', { id: 'resolution-note-input', name: 'note', required: true, rows: 3, maxlength: 5000, });
  const outcome = h('textarea', { id: 'outcome-reply-input', name: 'reply', required: true, rows: 3, maxlength: 5000, 'aria-describedby': 'outcome-delivery' });
  const noteError = h('span', { class: 'error field-error', id: 'resolution-note-error' });
  const outcomeError = h('span', { class: 'error field-error', id: 'outcome-reply-error' });
  const resolve = () => {
    const badOutcome = outcome.value.trim() === '' ? WORDS.outcome : null;
    const badNote = note.value.trim() === '' ? WORDS.note : null;
    mark(outcome, outcomeError, badOutcome);
    mark(note, noteError, badNote);
    if (badOutcome || badNote) {
      (badOutcome ? outcome : note).focus();
      return;
    }
    void run(() => actions.onResolve(note.value, outcome.value));
  };
  const dueBy = h('input', { id: 'due-by-input', name: 'dueBy', type: 'datetime-local', required: true });
  const reason = h('input', { id: 'due-reason-input', name: 'reason', required: true, maxlength: 500, 'aria-describedby': 'due-delivery' });
  const dueByError = h('span', { class: 'error field-error', id: 'due-by-error' });
  const reasonError = h('span', { class: 'error field-error', id: 'due-reason-error' });
  /** Checks the move as the server will, so the agent reads why beside the field. */
  const moveDue = () => {
    const dueMs = new Date(dueBy.value).getTime();
    const badDate = Number.isNaN(dueMs) || dueMs <= Date.now() ? WORDS.past : null;
    const badReason = reason.value.trim() === '' ? WORDS.reason : null;
    mark(dueBy, dueByError, badDate);
    mark(reason, reasonError, badReason);
    if (badDate || badReason) {
      (badDate ? dueBy : reason).focus();
      return;
    }
    // The input holds the agent's local time; the server takes an instant.
    void run(async () => {
      try {
        await actions.onMoveDue(new Date(dueMs).toISOString(), reason.value);
      } catch (failure) {
        // The clock moved on, or the server's and this one disagree: still said beside the date.
        if (/** @type {{ status?: number }} */ (failure).status !== 400) throw failure;
        mark(dueBy, dueByError, WORDS.past);
        dueBy.focus();
      }
    });
  };
  return h('section', { 'aria-labelledby': 'work-title' },
    h('h3', { id: 'work-title' }, 'Work on it'),
    h('div', { class: 'work' },
      complaint.status === 'new'
        ? h('form', { id: 'claim-form', onsubmit: (/** @type {SubmitEvent} */ event) => { event.preventDefault(); void run(actions.onClaim); } },
            h('p', {}, 'Nobody has claimed it yet.'),
            h('button', { type: 'submit', id: 'claim', 'aria-keyshortcuts': 'c' }, 'Claim'),
          )
        : h('div', {},
            h('p', { id: 'claimed-by' }, `Claimed by ${mine ? 'you' : complaint.claimedBy} on ${when(complaint.claimedAt)}.`),
            mayWork ? h('button', { type: 'button', id: 'release', onclick: () => run(actions.onRelease) }, 'Release') : null,
          ),
      mayWork ? assignForm(complaint, actions, run) : null,
      mayWork
        ? h('form', { id: 'resolve-form', onsubmit: (/** @type {SubmitEvent} */ event) => { event.preventDefault(); resolve(); } },
            h('p', {}, h('label', { for: 'outcome-reply-input' }, 'Reply to the visitor: the outcome'), outcome, outcomeError),
            deliveryNote(complaint, 'outcome-delivery'),
            h('p', {}, h('label', { for: 'resolution-note-input' }, 'Resolution note (internal)'), note, noteError),
            h('button', { type: 'submit', id: 'resolve', 'aria-keyshortcuts': 'e' }, 'Resolve'),
          )
        : h('p', { id: 'resolve-not-yours' }, `Only ${complaint.claimedBy} or an admin can resolve it.`),
      mayWork
        ? h('form', { id: 'due-form', onsubmit: (/** @type {SubmitEvent} */ event) => {
              event.preventDefault();
              moveDue();
            } },
            h('p', {}, h('label', { for: 'due-by-input' }, 'New due date'), dueBy, dueByError),
            h('p', {}, h('label', { for: 'due-reason-input' }, 'Why it moves (the visitor reads this)'), reason, reasonError),
            deliveryNote(complaint, 'due-delivery', 'The visitor will see the new date and why'),
            h('button', { type: 'submit' }, 'Move the due date'),
          )
        : null,
    ),
    error,
  );
}

/**
 * Hands the complaint to another agent: it becomes theirs as if they had claimed it.
 * @param {Complaint} complaint @param {DetailActions} actions @param {(task: () => Promise<void>) => Promise<void>} run
 */
function assignForm(complaint, actions, run) {
  const { onAssign } = actions;
  const others = (actions.assignees ?? []).filter((agent) => agent.id !== complaint.claimedById);
  if (!onAssign || others.length === 0) return null;
  const select = h('select', { id: 'assign-to', name: 'agentId', required: true },
    others.map((agent) => h('option', { value: agent.id }, agent.id === actions.agent.id ? `${agent.name} (you)` : agent.name)));
  return h('form', { id: 'assign-form', onsubmit: (/** @type {SubmitEvent} */ event) => {
      event.preventDefault();
      void run(() => onAssign(select.value));
    } },
    h('p', {}, h('label', { for: 'assign-to' }, 'Hand it to'), select),
    h('button', { type: 'submit' }, 'Assign'),
  );
}

/** A note's id, made here: 128 random bits in hex (the page may be served where `randomUUID` is not). */
const newNoteId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Whether the box under the thread last wrote a reply or a note, per complaint: it stays so when
 * the complaint is drawn again (after sending, or a live update), so an agent writing notes is
 * not switched back to replying to the visitor without seeing it.
 * The files picked for the reply stay too: a live update (one of them arriving, say) draws the
 * same control again, not an empty one.
 * @type {{ id: string | null, mode: 'reply' | 'note', files: { id: string, control: ReturnType<typeof replyFiles> } | null }}
 */
const composing = { id: null, mode: 'reply', files: null };

/**
 * What the visitor has been told, the team's internal notes, and one box to tell the visitor more
 * or to add a note: a choice above it says which, and so does its button. Replies reach the
 * visitor in the widget's status (and by email); notes and the resolution note never do.
 * @param {Complaint} complaint
 * @param {DetailActions} actions
 */
function repliesSection(complaint, actions) {
  const error = h('p', { class: 'error', role: 'alert', id: 'reply-error' });
  const text = h('textarea', { id: 'reply-input', name: 'text', required: true, rows: 3, maxlength: 5000, 'aria-describedby': 'reply-delivery' });
  const textError = h('span', { class: 'error field-error', id: 'reply-input-error' });
  const mayReply = complaint.status !== 'claimed' || complaint.claimedById === actions.agent.id || actions.agent.role === 'admin';
  const { onNote } = actions;
  // Who may not reply (another agent has it) may still add a note.
  /** @type {('reply' | 'note')[]} */
  const modes = [...(mayReply ? /** @type {const} */ (['reply']) : []), ...(onNote ? /** @type {const} */ (['note']) : [])];
  let mode = composing.id === complaint.id && modes.includes(composing.mode) ? composing.mode : modes[0];
  const label = h('label', { for: 'reply-input' });
  const button = h('button', { type: 'submit', id: 'reply-send' });
  const noteHint = h('p', { id: 'note-hint', class: 'reply-delivery' }, 'Only agents see internal notes: they are never shown or sent to the visitor.');
  const delivery = deliveryNote(complaint, 'reply-delivery');
  const tools = mayReply ? actions.replyTools?.(text) : null;
  // Files go with a reply only, never with a note.
  if (composing.files?.id !== complaint.id) composing.files = null;
  if (mayReply && actions.uploadFile && !composing.files) composing.files = { id: complaint.id, control: replyFiles(actions.uploadFile) };
  const files = mayReply ? composing.files?.control ?? null : null;
  /** Sets the box to write a reply or a note: its label, its help, its button. @param {'reply' | 'note'} next */
  const setMode = (next) => {
    mode = next;
    composing.id = complaint.id;
    composing.mode = next;
    const note = next === 'note';
    label.textContent = note ? 'Internal note' : 'Reply';
    button.textContent = note ? 'Add internal note' : 'Send reply to visitor';
    text.classList.toggle('note-input', note);
    text.setAttribute('aria-describedby', [textError.textContent ? textError.id : '', note ? 'note-hint' : 'reply-delivery'].filter(Boolean).join(' '));
    noteHint.hidden = !note;
    delivery.hidden = note;
    if (tools instanceof HTMLElement) tools.hidden = note;
    if (files) files.element.hidden = note;
  };
  // A new id per note written here: sending the same note again (a lost answer) keeps it once.
  let noteId = newNoteId();
  const choice = modes.length > 1
    ? h('fieldset', { class: 'compose-mode' },
        h('legend', {}, 'Write'),
        modes.map((value) => h('label', {},
          h('input', { type: 'radio', name: 'compose-mode', value, id: `compose-${value}`, checked: value === mode, 'aria-keyshortcuts': value === 'note' ? 'n' : 'r', onchange: () => setMode(value) }),
          value === 'note' ? ' Internal note (team only)' : ' Reply to visitor')))
    : null;
  if (mode) setMode(mode);
  return h('section', { 'aria-labelledby': 'replies-title' },
    h('h3', { id: 'replies-title' }, 'Conversation with the visitor'),
    thread(complaint).length === 0
      ? h('p', {}, 'Nothing sent yet.')
      : h('ol', { class: 'transcript', id: 'replies' }, thread(complaint).map((item) => threadItem(item, actions.openFile))),
    mode
      ? h('form', { id: 'reply-form', onsubmit: async (/** @type {SubmitEvent} */ event) => {
            event.preventDefault();
            error.textContent = '';
            const empty = text.value.trim() === '';
            mark(text, textError, empty ? (mode === 'note' ? WORDS.noteText : WORDS.reply) : null);
            if (empty) {
              text.focus();
              return;
            }
            try {
              if (mode === 'note' && onNote) {
                await onNote(text.value, noteId);
                noteId = newNoteId();
              } else if (files?.busy()) {
                error.textContent = WORDS.uploading;
              } else {
                await actions.onReply(text.value, files?.hashes() ?? []);
                files?.clear();
              }
            } catch (failure) {
              error.textContent = failure instanceof Error ? failure.message : String(failure);
            }
          } },
          choice,
          h('p', {}, label, text, textError),
          tools,
          files?.element,
          delivery,
          noteHint,
          button,
        )
      : null,
    error,
  );
}

/**
 * The conversation after the complaint, in time order: the agents' replies, what the visitor
 * wrote back (by when the server received it) and the team's internal notes.
 * @param {Complaint} complaint
 * @returns {({ from: 'team', reply: import('../store/store.mjs').Reply, at: string }
 *   | { from: 'visitor', message: import('../store/messages/thread-messages.mjs').ThreadMessage, at: string }
 *   | { from: 'note', note: import('../store/notes/internal-notes.mjs').InternalNote, at: string })[]}
 */
function thread(complaint) {
  const items = [
    ...complaint.replies.map((reply) => ({ from: /** @type {const} */ ('team'), reply, at: reply.at })),
    ...(complaint.messages ?? []).map((message) => ({ from: /** @type {const} */ ('visitor'), message, at: message.receivedAt })),
    ...(complaint.notes ?? []).map((note) => ({ from: /** @type {const} */ ('note'), note, at: note.at })),
  ];
  // Stable: a reply and a message at the same moment keep replies first.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The files a reply or a visitor's message sent, each a thumbnail or a file row opened through
 * the signed-in API; nothing when it sent none. The API describes each file (the store keeps
 * only their hashes).
 * @param {string[] | undefined} attachments
 * @param {string} label what the list is, for a screen reader
 * @param {DetailActions['openFile']} openFile
 */
function sentFiles(attachments, label, openFile) {
  const files = /** @type {{ sha256: string, type: string, size: number }[]} */ (/** @type {unknown} */ (attachments ?? []));
  let photos = 0;
  return files.length > 0
    ? h('ul', { class: 'files', 'aria-label': label },
        files.map((file) => fileRow(file, file.type.startsWith('image/') ? `Photo ${++photos}` : file.type === 'application/pdf' ? 'PDF' : 'File', openFile)))
    : null;
}

/**
 * One entry of the conversation, as text; a reply or a message with the files it sent.
 * @param {ReturnType<typeof thread>[number]} item
 * @param {DetailActions['openFile']} openFile
 */
function threadItem(item, openFile) {
  if (item.from === 'note') {
    return h('li', { class: 'message note' },
      h('p', { class: 'message-from' }, h('strong', {}, 'Internal note — not shown to the visitor'), ' · ', item.note.agentName, ' · ', h('time', { datetime: item.at }, when(item.at))),
      h('p', { class: 'message-text' }, item.note.text));
  }
  if (item.from === 'visitor') {
    const { email } = item.message;
    return h('li', { class: 'message visitor' },
      h('p', { class: 'message-from' }, 'Visitor', ' · ', h('time', { datetime: item.at }, when(item.at)), email ? ' · by email' : null),
      h('p', { class: 'message-text' }, item.message.text),
      sentFiles(item.message.attachments, 'Files sent with this message', openFile),
      email ? emailOrigin(email) : null);
  }
  const { reply } = item;
  return h('li', { class: 'message bot' },
    h('p', { class: 'message-from' }, reply.agentName ?? 'Heard', ' · ', h('time', { datetime: reply.at }, when(reply.at))),
    h('p', { class: 'message-text' }, reply.text),
    sentFiles(reply.attachments, 'Files sent with this reply', openFile),
    h('p', { class: 'reply-email', 'data-email': reply.email }, EMAILED[reply.email] ?? EMAILED.none));
}

/**
 * Under an email answer: a flag when it came from another address than the visitor's, and the
 * whole email (subject and full text, quoted history included) folded away, as text.
 * @param {import('../store/messages/thread-messages.mjs').EmailOrigin} email
 */
function emailOrigin(email) {
  return [
    email.senderDiffers ? h('p', { class: 'sender-differs' }, "From another address than the visitor's") : null,
    h('details', { class: 'full-email' },
      h('summary', {}, 'Whole email'),
      h('p', { class: 'email-subject' }, 'Subject: ', email.subject || '(none)'),
      h('pre', { class: 'email-text' }, email.text)),
  ];
}

/** What is wrong with what an agent wrote, said beside the field. */
const WORDS = {
  past: 'Choose a date and time still to come: the visitor is told the new date.',
  reason: 'Say why the date moves: the visitor reads it with the new date.',
  outcome: 'Write what the visitor is told about the outcome.',
  note: 'Write a note for the team about how it was resolved.',
  reply: 'Write the reply first: it is empty.',
  noteText: 'Write the note first: it is empty.',
  uploading: 'Wait a moment: a file is still uploading, and the reply is sent with it.',
};

/**
 * Says beside a field what is wrong with it, or clears it (`message` null).
 * @param {HTMLElement} field @param {HTMLElement} beside @param {string | null} message
 */
function mark(field, beside, message) {
  beside.textContent = message ?? '';
  // The field is described by its error only while it has one.
  const others = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((ref) => ref && ref !== beside.id);
  const refs = message ? [beside.id, ...others] : others;
  if (refs.length > 0) field.setAttribute('aria-describedby', refs.join(' '));
  else field.removeAttribute('aria-describedby');
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
}

/** What became of each reply's email, said in words (the state is never told by colour alone). */
const EMAILED = {
  sent: 'Email: sent.',
  pending: 'Email: waiting to be sent.',
  failed: 'Email: failed after retries; the visitor sees this reply only in the widget.',
  none: 'Email: not emailed; the visitor sees this reply only in the widget.',
};

/** Why a reply would go only to the widget. */
const WIDGET_ONLY = {
  'no-email': 'no email was given',
  'unusable-email': 'the email given cannot be used',
  'mail-not-configured': 'email is not set up on this server',
};

/**
 * Before an agent sends a reply or moves the date: how it will reach the visitor (a moved date
 * is emailed like a reply).
 * @param {Complaint} complaint
 * @param {string} id
 * @param {string} [what]
 */
function deliveryNote(complaint, id, what = 'The visitor will see this') {
  const delivery = complaint.replyDelivery;
  if (!delivery) return h('p', { id, class: 'reply-delivery' }, `${what} in the widget.`);
  return h('p', { id, class: 'reply-delivery' },
    delivery.email !== null
      ? `${what} in the widget and by email to ${delivery.email}.`
      : `${what} only in the widget: ${WIDGET_ONLY[delivery.why]}.`);
}

/** What each entry of the trail says an agent did. */
const DID = {
  claimed: 'claimed it',
  released: 'released it',
  assigned: 'handed it to',
  resolved: 'resolved it',
  'followed-up': 'followed up',
  replied: 'replied to the visitor',
  'due-moved': 'moved the due date',
  noted: 'added an internal note',
};

/** @param {Complaint} complaint */
function auditSection(complaint) {
  return h('section', { 'aria-labelledby': 'audit-title' },
    h('h3', { id: 'audit-title' }, 'History'),
    complaint.audit.length === 0
      ? h('p', {}, 'Nobody has worked on it yet.')
      : h('ol', { class: 'audit', id: 'audit' },
          complaint.audit.map((event) =>
            h('li', {},
              h('time', { datetime: event.at }, when(event.at)), ' — ',
              event.action === 'reopened' ? 'The visitor' : event.agentName ?? 'Heard', ' ',
              event.action === 'reopened' ? 'wrote again, reopening it' : DID[event.action] ?? event.action,
              event.action === 'assigned' && typeof event.detail?.to === 'string' ? ` ${event.detail.to}` : '',
              event.detail && typeof event.detail.reason === 'string' ? `: ${event.detail.reason}` : ''))),
  );
}
