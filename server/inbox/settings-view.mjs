// @ts-check
import { h, when } from './dom.mjs';

/**
 * Settings → Destinations, for admins: where complaints are forwarded (signed webhooks, a team
 * address, a chat channel), each one's recent deliveries and failures, and the failed jobs to
 * retry. Secrets come back from the server cut to their last four characters; a secret the
 * server made is shown once, right after adding.
 */

const EVENT_LABELS = /** @type {const} */ ([
  ['complaint.created', 'New complaint'],
  ['complaint.escalated', 'Escalated (handoff or critical)'],
  ['complaint.claimed', 'Claimed'],
  ['complaint.resolved', 'Resolved'],
  ['rating.created', 'Rating'],
  ['rating.commented', 'Comment with a rating'],
  ['complaint.overdue', 'Overdue commitment'],
  ['message.created', 'The visitor wrote again'],
]);
const KIND_LABELS = { webhook: 'Webhook (Standard Webhooks)', email: 'Email', slack: 'Chat (Slack-compatible)' };

/**
 * @typedef {{
 *   id: string, kind: 'webhook' | 'email' | 'slack', name: string, url?: string, secret?: string, to?: string,
 *   personalData?: boolean, events: string[], paused: boolean, pausedReason: string | null, source: 'admin' | 'environment', createdAt: string,
 * }} Destination
 * @typedef {import('../store/store.mjs').WaitingJobs} Waiting
 * @typedef {{ jobId: string, type: string, complaintId: string | null, status: string, attempts: number, lastError: string | null, updatedAt: string, nextAttemptAt: string | null }} Delivery
 * @typedef {{
 *   list(): Promise<{ destinations: Destination[], jobs: { pending: number, failed: number, done: number }, waiting?: Waiting[], mailConfigured: boolean }>,
 *   add(body: Record<string, unknown>): Promise<{ destination: Destination, secret?: string }>,
 *   test(id: string): Promise<{ ok: boolean, error?: string }>,
 *   setPaused(id: string, paused: boolean): Promise<unknown>,
 *   remove(id: string): Promise<unknown>,
 *   deliveries(id: string): Promise<{ deliveries: Delivery[] }>,
 *   retry(jobId: string): Promise<unknown>,
 * }} DestinationsApi
 */

/** @param {number} n @param {string} one @param {string} many */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * One line of what waits: what it is, for whom, and why it has not gone yet.
 * @param {Waiting} job
 * @param {Destination[]} destinations
 */
function waitingLine({ kind, destinationId, later, count: n }, destinations) {
  if (kind === 'forward') {
    const destination = destinations.find((candidate) => candidate.id === destinationId);
    if (!destination) return `${count(n, 'event', 'events')} for a destination that is no longer configured: they will not be sent`;
    const why = destination.paused ? 'held while it is paused' : later ? 'waiting for the next try after a failed one' : 'being sent now';
    return `${count(n, 'event', 'events')} for ${destination.name}, ${why}`;
  }
  if (kind === 'commitment.overdue' || kind === 'commitment.overdue.claimant') {
    return `${count(n, 'check whether a promised date was kept', 'checks whether promised dates were kept')}, ${later ? 'not due yet' : 'being made now'}`;
  }
  if (kind === 'commitment.follow-up') return `${count(n, 'follow-up email', 'follow-up emails')} to visitors, ${later ? 'not due yet (a day or more after resolution)' : 'being sent now'}`;
  if (kind.startsWith('visitor.')) return `${count(n, 'email', 'emails')} to visitors, ${later ? 'waiting for the next try after a failed one' : 'being sent now'}`;
  return `${count(n, 'other job', 'other jobs')}, ${later ? 'not due yet' : 'being done now'}`;
}

/**
 * Failed jobs, and what waits to be sent, in words: never a bare count that leaves an admin
 * guessing what is waiting, for which destination, and why.
 * @param {number} failed
 * @param {Waiting[]} waiting
 * @param {Destination[]} destinations
 */
function waitingSection(failed, waiting, destinations) {
  /** @type {Map<string, Waiting>} */
  const lines = new Map();
  for (const job of waiting) {
    // The team's and the claimant's checks for one date read as one.
    const key = `${job.kind.replace(/\.claimant$/, '')}\u0000${job.destinationId}\u0000${job.later}`;
    const seen = lines.get(key);
    lines.set(key, seen && job.kind.endsWith('.claimant') ? seen : seen ? { ...seen, count: seen.count + job.count } : job);
  }
  return [
    h('p', { id: 'job-counts' }, `${count(failed, 'failed job', 'failed jobs')}. ${lines.size === 0 ? 'Nothing is waiting to be sent.' : 'Waiting:'}`),
    ...(lines.size === 0 ? [] : [h('ul', { id: 'jobs-waiting' }, [...lines.values()].map((job) => h('li', {}, `${waitingLine(job, destinations)}.`)))]),
  ];
}

/**
 * Draws the settings page into `container` and keeps it current after each action.
 * @param {HTMLElement} container
 * @param {DestinationsApi} api
 * @param {StorageApi | null} [storage] how much the visitors' files take, when the server keeps files
 */
export async function renderSettings(container, api, storage = null) {
  const status = h('p', { id: 'settings-status', role: 'status', class: 'summary' });
  const listArea = h('div', { id: 'destinations-list' });
  const deliveriesArea = h('div', { id: 'destination-deliveries' });
  /** @type {boolean} */
  let mailConfigured = false;

  /** @param {string} message */
  const say = (message) => {
    status.textContent = message;
  };

  /** @param {() => Promise<unknown>} work */
  const act = async (work) => {
    try {
      await work();
    } catch (error) {
      say(error instanceof Error ? error.message : 'That did not work; try again.');
    }
  };

  async function refresh() {
    const answer = await api.list();
    mailConfigured = answer.mailConfigured;
    const { jobs } = answer;
    listArea.replaceChildren(
      ...waitingSection(jobs.failed, answer.waiting ?? [], answer.destinations),
      answer.destinations.length === 0
        ? h('p', {}, 'No destinations yet: complaints stay in this inbox only.')
        : h('div', { class: 'table-wrap' }, h('table', { id: 'destinations' },
            h('caption', {}, 'Where complaints are forwarded'),
            h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Sends to', 'Events', 'State', 'Actions'].map((label) => h('th', { scope: 'col' }, label)))),
            h('tbody', {}, answer.destinations.map(destinationRow)),
          )),
    );
  }

  /** @param {Destination} destination */
  function destinationRow(destination) {
    const target = destination.kind === 'email' ? destination.to : `${destination.url}${destination.secret ? ` (secret ${destination.secret})` : ''}`;
    return h('tr', { 'data-destination': destination.id },
      h('th', { scope: 'row' }, destination.name, destination.source === 'environment' ? h('span', { class: 'badge' }, 'from the environment') : null),
      h('td', {}, KIND_LABELS[destination.kind]),
      h('td', { class: 'excerpt' }, target),
      h('td', {}, destination.events.map((type) => EVENT_LABELS.find(([value]) => value === type)?.[1] ?? type).join(', ')),
      h('td', {}, destination.paused ? h('span', { class: 'badge warn' }, destination.pausedReason ?? 'Paused') : 'Active'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', onclick: () => act(async () => {
          say(`Sending a test to ${destination.name}…`);
          const result = await api.test(destination.id);
          say(result.ok ? `${destination.name} accepted the test.` : `${destination.name} did not accept the test: ${result.error}.`);
        }) }, 'Send a test'), ' ',
        h('button', { type: 'button', onclick: () => act(async () => {
          await api.setPaused(destination.id, !destination.paused);
          say(`${destination.name} ${destination.paused ? 'resumed: waiting events go out now' : 'paused: events wait until it is resumed'}.`);
          await refresh();
        }) }, destination.paused ? 'Resume' : 'Pause'), ' ',
        h('button', { type: 'button', onclick: () => act(() => showDeliveries(destination)) }, 'Deliveries'), ' ',
        destination.source === 'admin'
          ? h('button', { type: 'button', class: 'link', onclick: () => act(async () => {
              if (!window.confirm(`Remove ${destination.name}? Events not yet sent to it are dropped.`)) return;
              await api.remove(destination.id);
              say(`${destination.name} removed.`);
              deliveriesArea.replaceChildren();
              await refresh();
            }) }, 'Remove')
          : null,
      ),
    );
  }

  /** @param {Destination} destination */
  async function showDeliveries(destination) {
    const { deliveries } = await api.deliveries(destination.id);
    const heading = h('h3', { tabindex: '-1' }, `Recent deliveries to ${destination.name}`);
    deliveriesArea.replaceChildren(
      heading,
      deliveries.length === 0
        ? h('p', {}, 'Nothing sent yet.')
        : h('div', { class: 'table-wrap' }, h('table', { id: 'deliveries' },
            h('caption', {}, 'Newest first'),
            h('thead', {}, h('tr', {},
              ['Event', 'Complaint', 'State', 'Attempts', 'Last error', 'Updated'].map((label) => h('th', { scope: 'col' }, label)),
              h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Action')))),
            h('tbody', {}, deliveries.map((delivery) => h('tr', {},
              h('td', {}, delivery.type),
              h('td', {}, delivery.complaintId ?? '—'),
              h('td', {}, delivery.status === 'pending' && delivery.nextAttemptAt ? `waiting, next try ${when(delivery.nextAttemptAt)}` : delivery.status),
              h('td', {}, delivery.attempts),
              h('td', {}, delivery.lastError ?? '—'),
              h('td', {}, when(delivery.updatedAt)),
              h('td', {}, delivery.status === 'failed'
                ? h('button', { type: 'button', onclick: () => act(async () => {
                    await api.retry(delivery.jobId);
                    say('The job will be tried again now.');
                    await refresh();
                    await showDeliveries(destination);
                  }) }, 'Retry')
                : null),
            ))),
          )),
    );
    heading.focus();
  }

  const form = addForm(async (body) => {
    const { destination, secret } = await api.add(body);
    say(`${destination.name} added.`);
    await refresh();
    return secret ?? null;
  }, () => mailConfigured, say);

  const files = storage ? h('section', { id: 'storage-usage', 'aria-labelledby': 'storage-usage-title' }, h('h3', { id: 'storage-usage-title' }, 'Files'), h('p', {}, 'Counting the files kept…')) : null;
  container.replaceChildren(h('h3', {}, 'Destinations'), status, listArea, deliveriesArea, form, ...(files ? [files] : []));
  await Promise.all([refresh(), files && storage ? showStorageUsage(files, storage) : null]);
}

/** @typedef {{ usage(): Promise<{ kind: 'disk' | 's3', files: number, bytes: number }> }} StorageApi */

/** @param {number} bytes */
const megabytes = (bytes) => (bytes === 0 ? '0 MB' : bytes < 100 * 1024 ? '0.1 MB or less' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Settings → Files: what the visitors' files take where they are kept.
 * @param {HTMLElement} section
 * @param {StorageApi} storage
 */
async function showStorageUsage(section, storage) {
  const line = /** @type {HTMLElement} */ (section.querySelector('p'));
  try {
    const { kind, files, bytes } = await storage.usage();
    line.textContent = `${count(files, 'file', 'files')}, ${megabytes(bytes)}, kept ${kind === 's3' ? 'in S3-compatible storage' : 'on this server\'s disk'}.`;
  } catch (error) {
    const status = /** @type {{ status?: number }} */ (error).status;
    line.textContent = status === 404 ? 'This server takes no files.' : error instanceof Error ? error.message : 'The files kept could not be counted; try again.';
  }
}

/**
 * The form that adds a destination. The fields shown follow the kind chosen.
 * @param {(body: Record<string, unknown>) => Promise<string | null>} onAdd resolves to a secret the server made, if any
 * @param {() => boolean} mailConfigured
 * @param {(message: string) => void} say
 */
function addForm(onAdd, mailConfigured, say) {
  const kind = /** @type {HTMLSelectElement} */ (h('select', { id: 'destination-kind', name: 'kind' },
    Object.entries(KIND_LABELS).map(([value, label]) => h('option', { value }, label))));
  const name = h('input', { id: 'destination-name', name: 'name', required: true, maxlength: '100' });
  const url = h('input', { id: 'destination-url', name: 'url', type: 'url', placeholder: 'https://desk.shop.example/heard' });
  const secret = h('input', { id: 'destination-secret', name: 'secret', autocomplete: 'off', placeholder: 'whsec_… (leave empty to have one made)' });
  const to = h('input', { id: 'destination-to', name: 'to', type: 'email', placeholder: 'team@shop.example' });
  const personal = h('input', { id: 'destination-personal', name: 'personalData', type: 'checkbox' });
  const error = h('p', { class: 'error', role: 'alert' });
  const shownSecret = h('div', { id: 'new-secret' });
  /** A refusal about one field is said beside it. */
  const fieldErrors = {
    name: h('span', { class: 'error field-error', id: 'destination-name-error' }),
    url: h('span', { class: 'error field-error', id: 'destination-url-error' }),
    secret: h('span', { class: 'error field-error', id: 'destination-secret-error' }),
    to: h('span', { class: 'error field-error', id: 'destination-to-error' }),
  };
  const inputs = { name, url, secret, to };
  for (const [field, input] of Object.entries(inputs)) input.setAttribute('aria-describedby', `destination-${field}-error`);
  const clearFieldErrors = () => {
    for (const [field, input] of Object.entries(inputs)) {
      fieldErrors[/** @type {keyof typeof fieldErrors} */ (field)].textContent = '';
      input.removeAttribute('aria-invalid');
    }
  };
  const rows = {
    url: h('p', {}, h('label', { for: 'destination-url' }, 'URL'), url, fieldErrors.url),
    secret: h('p', {}, h('label', { for: 'destination-secret' }, 'Signing secret ', h('span', { class: 'hint' }, '(optional)')), secret, fieldErrors.secret),
    to: h('p', {}, h('label', { for: 'destination-to' }, 'Team address'), to, fieldErrors.to),
    personal: h('p', {}, h('label', { for: 'destination-personal' }, personal, ' Include contact details (email, phone, account) in messages')),
  };
  const events = EVENT_LABELS.map(([value, label], index) => {
    const box = h('input', { type: 'checkbox', name: 'events', value, id: `destination-event-${index}`, checked: index < 2 });
    return { box, row: h('label', { for: `destination-event-${index}`, class: 'hint' }, box, ` ${label}`) };
  });
  const syncKind = () => {
    rows.url.hidden = kind.value === 'email';
    rows.secret.hidden = kind.value !== 'webhook';
    rows.to.hidden = kind.value !== 'email';
    rows.personal.hidden = kind.value !== 'slack';
    error.textContent = kind.value === 'email' && !mailConfigured() ? 'Email needs a mail server: set HEARD_SMTP_URL and restart the server.' : '';
  };
  kind.addEventListener('change', syncKind);
  syncKind();

  const form = h('form', { id: 'add-destination', 'aria-labelledby': 'add-destination-title' },
    h('h3', { id: 'add-destination-title' }, 'Add a destination'),
    h('p', {}, h('label', { for: 'destination-kind' }, 'Kind'), kind),
    h('p', {}, h('label', { for: 'destination-name' }, 'Name'), name, fieldErrors.name),
    rows.url, rows.secret, rows.to, rows.personal,
    h('fieldset', {}, h('legend', {}, 'Events to send'), events.map(({ row }) => h('p', {}, row))),
    error,
    h('button', { type: 'submit' }, 'Add destination'),
    shownSecret,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    clearFieldErrors();
    /** @type {Record<string, unknown>} */
    const body = { kind: kind.value, name: name.value, events: events.filter(({ box }) => box.checked).map(({ box }) => box.value) };
    if (kind.value !== 'email') body.url = url.value.trim();
    if (kind.value === 'webhook' && secret.value.trim()) body.secret = secret.value.trim();
    if (kind.value === 'email') body.to = to.value.trim();
    if (kind.value === 'slack') body.personalData = personal.checked;
    try {
      const made = await onAdd(body);
      for (const input of [name, url, secret, to]) input.value = '';
      shownSecret.replaceChildren(...(made
        ? [h('p', {}, 'The signing secret for this webhook, shown only now: copy it into the receiving system.'), h('output', { id: 'new-secret-value', class: 'secret' }, made)]
        : []));
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : 'The destination was not added.';
      const field = /** @type {{ field?: string | null }} */ (caught).field;
      if (field && field in inputs) {
        const key = /** @type {keyof typeof inputs} */ (field);
        fieldErrors[key].textContent = message;
        inputs[key].setAttribute('aria-invalid', 'true');
        inputs[key].focus();
      } else {
        error.textContent = message;
      }
      say('');
    }
  });
  return form;
}
