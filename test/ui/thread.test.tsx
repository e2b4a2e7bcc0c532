import { signal } from '@preact/signals';
import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../widget/src/i18n/translate';
import type { PastStatus } from '../../widget/src/machine/context';
import { newRecordIds } from '../../widget/src/record/ids';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import type { ComplaintStatus } from '../../widget/src/transport/status';
import { unreadReplies } from '../../widget/src/ui/Thread';
import type { ThreadPort } from '../../widget/src/ui/widgetContext';
import { newFakes } from '../machine/harness';
import { mountWidget, openStatus } from './support';
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
    expect(log.textContent).toContain('Your complaint HRD-7K3F9Q is being looked into.');
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
});
