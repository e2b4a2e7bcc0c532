import { signal } from '@preact/signals';
import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDue } from '../../widget/src/i18n/due';
import { translate } from '../../widget/src/i18n/translate';
import type { PastStatus } from '../../widget/src/machine/context';
import { newRecordIds } from '../../widget/src/record/ids';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import type { ComplaintStatus } from '../../widget/src/transport/status';
import { unreadReplies } from '../../widget/src/ui/Thread';
import type { ThreadPort } from '../../widget/src/ui/widgetContext';
import { newFakes, sendComplaint } from '../machine/harness';
import { mountWidget, openStatus, settled } from './support';
import { ENDPOINT, freshIndexedDB, quietLogger } from '../storage/fixtures';

/*
 * The thread of a complaint in the panel: what the visitor reads, and writing back from the
 * keyboard, through a real outbox (fake IndexedDB) and a fetch the test controls.
 */

const KEY = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const HOSTILE = '<img src=x onerror="globalThis.__heardPwned = true"> Refunded: <b>€89.99</b>';

const status = (over: Partial<ComplaintStatus> = {}): ComplaintStatus => openStatus({ replies: [{ at: '2026-03-02T10:00:00.000Z', text: HOSTILE }], messages: [{ id: 'm1', at: '2026-03-02T11:00:00.000Z', text: 'It was the <i>kettle</i>.' }], ...over });

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function mountThread(past: PastStatus[], answer: () => number | 'network' = () => 201) {
  const store: HeardStore = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
  for (const p of past) await store.addHistory({ id: p.id, reference: p.status.reference, at: 1, endpoint: ENDPOINT, statusKey: KEY });
  const posted: { url: string; body: unknown }[] = [];
  const changes = signal(0);
  const delivery = createDelivery({
    endpoint: ENDPOINT,
    store,
    answerWithinMs: 2_000,
    onEvent: () => changes.value++,
    fetch: async (url, init) => {
      const outcome = answer();
      if (outcome === 'network') throw new TypeError('Failed to fetch');
      posted.push({ url, body: JSON.parse(String(init.body)) });
      return new Response('{}', { status: outcome });
    },
  });
  const port: ThreadPort = { store, delivery, endpoint: ENDPOINT, changes, unread: signal(null), translate, newRecordIds };
  const { ui, actor, root } = mountWidget({ thread: port }, {}, { ...newFakes(), statuses: past });
  cleanups.push(() => {
    delivery.dispose();
    store.close();
  });
  return { root, ui, actor, store, posted, port };
}

describe('the thread of an open complaint', () => {
  it('shows the status line, the team\'s reply and the visitor\'s follow-up with their times, as text in a polite log', async () => {
    const { ui, actor } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const log = await ui.findByRole('log', { name: 'Conversation about your complaint HRD-7K3F9Q' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(log.textContent).toContain(HOSTILE));
    expect(log.querySelector('img, b, i')).toBeNull();
    expect((globalThis as { __heardPwned?: boolean }).__heardPwned).toBeUndefined();
    expect(log.textContent).toContain('It was the <i>kettle</i>.');
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse('2026-03-02T10:00:00.000Z'));
    expect(log.textContent).toContain(`Our team, ${when}`);
  });

  it('sends a follow-up written and sent from the keyboard, once, and shows it in the thread', async () => {
    const { ui, actor, posted } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const box = (await ui.findByLabelText('Write to us about HRD-7K3F9Q')) as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'The lid is cracked too.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ url: `${ENDPOINT}/c1/messages`, body: { id: expect.any(String), text: 'The lid is cracked too.', at: expect.any(String) } });
    await waitFor(() => expect(ui.getByRole('log', { name: /HRD-7K3F9Q/ }).textContent).toContain('The lid is cracked too.'));
    expect(box.value).toBe('');
    expect(within(box.closest('form')!).getByRole('button', { name: 'Send' }).getAttribute('type')).toBe('submit');
  });

  it('says an empty follow-up needs words, beside the box, and sends nothing', async () => {
    const { ui, actor, posted } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const box = await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    fireEvent.submit(box.closest('form')!);
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(ui.getByText('Please write something first.').id).toBe(box.getAttribute('aria-describedby'));
    expect(posted).toEqual([]);
  });

  it('shows a follow-up written offline as waiting, in the visitor\'s words', async () => {
    const { ui, actor, store } = await mountThread([{ id: 'c1', status: status() }], () => 'network');
    act(() => void actor.send({ type: 'panel.open' }));
    const box = await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    fireEvent.input(box, { target: { value: 'Offline words' } });
    fireEvent.submit(box.closest('form')!);
    await waitFor(async () => expect((await store.listOutbox()).length).toBe(1));
    const log = ui.getByRole('log', { name: /HRD-7K3F9Q/ });
    await waitFor(() => expect(log.textContent).toMatch(/Offline words(Sending…|This will be sent when you are back online\.)/));
  });

  it('after the reply window, offers a new complaint that carries the old reference', async () => {
    const closed = status({ status: 'resolved', resolvedAt: '2026-03-03T14:05:00.000Z', answerableUntil: '2026-03-17T14:05:00.000Z' });
    const { ui, actor } = await mountThread([{ id: 'c1', status: closed }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const offer = await ui.findByRole('button', { name: 'Raise a new complaint about this' });
    expect(ui.getByLabelText('Write to us about HRD-7K3F9Q').closest('form')!.hidden).toBe(true);
    act(() => void fireEvent.click(offer));
    await waitFor(() => expect(actor.getSnapshot().context.previousReference).toBe('HRD-7K3F9Q'));
  });

  it('lists several open complaints and shows the one the visitor chooses', async () => {
    const { ui, actor } = await mountThread([
      { id: 'c1', status: status() },
      { id: 'c2', status: status({ reference: 'HRD-2222AA', replies: [{ at: '2026-03-05T10:00:00.000Z', text: 'About the second one.' }], messages: [] }) },
    ]);
    act(() => void actor.send({ type: 'panel.open' }));
    const second = await ui.findByRole('button', { name: 'HRD-2222AA' });
    expect(ui.queryByRole('log', { name: /HRD-2222AA/ })).toBeNull();
    act(() => void fireEvent.click(second));
    await waitFor(() => expect(ui.getByRole('log', { name: /HRD-2222AA/ }).textContent).toContain('About the second one.'));
    expect(ui.getByRole('button', { name: 'HRD-2222AA' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('one place to write', () => {
  const composerShown = (root: ShadowRoot) => getComputedStyle(root.querySelector<HTMLElement>('.heard-step > .heard-composer')!).display !== 'none';

  it("puts the new-complaint composer aside while the thread's box shows, and brings it back, focused, for something else", async () => {
    const { ui, actor, root } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const box = await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    expect(root.querySelector('.heard-step > .heard-composer')).not.toBeNull();
    await waitFor(() => expect(composerShown(root)).toBe(false));
    // The panel gave the composer focus when it opened; it is now the thread's box.
    expect(root.activeElement).toBe(box);
    expect(ui.getAllByRole('textbox')).toEqual([box]);

    const other = ui.getByRole('button', { name: 'Write about something else' });
    act(() => void fireEvent.click(other));
    expect(composerShown(root)).toBe(true);
    expect(root.activeElement).toBe(ui.getByRole('textbox', { name: 'Your message' }));
    expect(ui.queryByRole('button', { name: 'Write about something else' })).toBeNull();
  });

  it('leaves the new-complaint composer where it is when it already holds words', async () => {
    const store: HeardStore = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await store.addHistory({ id: 'c1', reference: 'HRD-7K3F9Q', at: 1, endpoint: ENDPOINT, statusKey: KEY });
    const delivery = createDelivery({ endpoint: ENDPOINT, store, answerWithinMs: 2_000, fetch: async () => new Response('{}', { status: 201 }) });
    const port: ThreadPort = { store, delivery, endpoint: ENDPOINT, changes: signal(0), unread: signal(null), translate, newRecordIds };
    cleanups.push(() => (delivery.dispose(), store.close()));
    const { ui, actor, root } = mountWidget({ thread: port, composer: { initial: 'The toaster too', onChange: () => {} } }, {}, { ...newFakes(), statuses: [{ id: 'c1', status: status() }] });
    act(() => void actor.send({ type: 'panel.open' }));
    await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    expect(composerShown(root)).toBe(true);
    expect((ui.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement).value).toBe('The toaster too');
    expect(ui.queryByRole('button', { name: 'Write about something else' })).toBeNull();
  });

  it('leaves the new-complaint composer where it is once the visitor has told it something', async () => {
    const { ui, actor, root } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'visitor.say', text: 'My toaster is broken.', at: '2026-03-06T10:00:00.000Z' }));
    act(() => void actor.send({ type: 'panel.open' }));
    await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    await settled();
    expect(composerShown(root)).toBe(true);
    expect(ui.queryByRole('button', { name: 'Write about something else' })).toBeNull();
  });

  it('gives a complaint started from the thanks step its composer, and the focus', async () => {
    const { ui, actor, root } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    act(() => sendComplaint(actor));
    await settled();
    const another = await ui.findByRole('button', { name: 'Raise another complaint' });
    await ui.findByLabelText('Write to us about HRD-7K3F9Q');
    expect(ui.queryByRole('button', { name: 'Write about something else' })).toBeNull();
    another.focus();
    act(() => void fireEvent.click(another));
    const composer = await ui.findByRole('textbox', { name: 'Your message' });
    await waitFor(() => expect(root.activeElement).toBe(composer));
    expect(composerShown(root)).toBe(true);
  });

  it("says the complaint's status once in the panel, not again in its thread", async () => {
    const { ui, actor, root } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const log = await ui.findByRole('log', { name: 'Conversation about your complaint HRD-7K3F9Q' });
    await waitFor(() => expect(log.textContent).toContain('It was the <i>kettle</i>.'));
    await waitFor(() => expect(root.querySelector('.heard-status')?.textContent).toContain('Your complaint HRD-7K3F9Q is being looked into.'));
    expect(root.querySelector('.heard-panel')!.textContent!.split('Your complaint HRD-7K3F9Q is being looked into.')).toHaveLength(2);
  });
});

describe('the unread count', () => {
  it('counts replies later than the thread was last read, and all of them before a first read', () => {
    const past = [{ id: 'c1', status: status({ replies: [{ at: '2026-03-02T10:00:00.000Z', text: 'a' }, { at: '2026-03-04T10:00:00.000Z', text: 'b' }] }) }];
    expect(unreadReplies(past, [{ id: 'c1', reference: 'HRD-7K3F9Q', at: 1 }])).toBe(2);
    expect(unreadReplies(past, [{ id: 'c1', reference: 'HRD-7K3F9Q', at: 1, readAt: '2026-03-02T10:00:00.000Z' }])).toBe(1);
    expect(unreadReplies(past, [{ id: 'c1', reference: 'HRD-7K3F9Q', at: 1, readAt: '2026-03-04T10:00:00.000Z' }])).toBe(0);
  });

  it('goes once the visitor has the thread on screen, and this device keeps when it was read', async () => {
    const { ui, actor, store, port } = await mountThread([{ id: 'c1', status: status() }]);
    port.unread.value = { count: 1, label: 'Raise a complaint, 1 new reply' };
    await waitFor(() => expect(ui.getByRole('button', { name: 'Raise a complaint, 1 new reply' })).toBeTruthy());
    act(() => void actor.send({ type: 'panel.open' }));
    await waitFor(() => expect(port.unread.value).toBeNull());
    expect((await store.listHistory())[0]!.readAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('says someone from the team is online now, or else by when the team expects to answer', async () => {
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const { ui, actor } = await mountThread([{ id: 'c1', status: status({ dueBy: due }) }]);
    act(() => void actor.send({ type: 'panel.open' }));
    const expected = `No one from our team is online right now. We expect to answer by ${formatDue('en', due, Date.now())}.`;
    expect(await ui.findByText(expected)).toBeTruthy();
    expect(ui.queryByText('Someone from our team is online now.')).toBeNull();

    const online = await mountThread([{ id: 'c2', status: status({ dueBy: due, teamOnline: true }) }]);
    act(() => void online.actor.send({ type: 'panel.open' }));
    expect(await online.ui.findByText('Someone from our team is online now.')).toBeTruthy();
  });

  it("shows an agent's reply in the open thread as soon as the stream says the complaint changed, and stops listening when the panel closes", async () => {
    const sources: FakeSource[] = [];
    class FakeSource extends EventTarget {
      closed = false;
      onopen: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly url: string) {
        super();
        sources.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    let replies = status().replies;
    const calls: { url: string; auth: string | null }[] = [];
    const win = document.defaultView as unknown as Record<string, unknown>;
    const before = { EventSource: win.EventSource, fetch: globalThis.fetch };
    win.EventSource = FakeSource;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      calls.push({ url, auth: new Headers(init.headers).get('authorization') });
      if (url.endsWith('/stream-ticket')) return new Response(JSON.stringify({ ticket: 'one-use-ticket', expiresAt: '2030-01-01T00:00:00.000Z' }), { status: 201 });
      return new Response(JSON.stringify(status({ replies })), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    cleanups.push(() => {
      win.EventSource = before.EventSource;
      vi.unstubAllGlobals();
    });

    const { ui, actor } = await mountThread([{ id: 'c1', status: status() }]);
    act(() => void actor.send({ type: 'panel.open' }));
    await waitFor(() => expect(sources).toHaveLength(1));
    expect(calls[0]).toEqual({ url: `${ENDPOINT}/c1/stream-ticket`, auth: `Bearer ${KEY}` });
    expect(sources[0]!.url).toBe(`${ENDPOINT}/c1/stream?ticket=one-use-ticket`);

    replies = [...replies, { at: '2026-03-04T10:00:00.000Z', text: 'A new kettle is on its way.' }];
    sources[0]!.dispatchEvent(new Event('changed'));
    const log = await ui.findByRole('log', { name: 'Conversation about your complaint HRD-7K3F9Q' });
    await waitFor(() => expect(log.textContent).toContain('A new kettle is on its way.'));

    // A lost stream comes back with a new ticket, and reads again what came meanwhile.
    replies = [...replies, { at: '2026-03-05T10:00:00.000Z', text: 'It was sent today.' }];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sources[0]!.onerror!();
    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    await waitFor(() => expect(sources).toHaveLength(2));
    expect(sources[0]!.closed).toBe(true);
    sources[1]!.onopen!();
    await waitFor(() => expect(log.textContent).toContain('It was sent today.'));

    act(() => void actor.send({ type: 'panel.close' }));
    await waitFor(() => expect(sources[1]!.closed).toBe(true));
  });
});
