import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDue } from '../../widget/src/i18n/due';
import { createActor, fromPromise } from 'xstate';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { loadCatalog } from '../../widget/src/i18n/load';
import type { PastStatus } from '../../widget/src/machine/context';
import type { ComplaintStatus } from '../../widget/src/transport/status';
import { renderWidget } from '../../widget/src/ui/mount';
import { baseInput, fakeMachine, newFakes, settle } from '../machine/harness';

/*
 * What a returning visitor sees and hears when they open the widget: the status of their
 * earlier complaints, above the greeting, inside the conversation's polite live region.
 */

const HOSTILE = '<img src=x onerror="globalThis.__heardPwned = true"> Refunded: <b>€89.99</b>\nThank you for your patience.';

const status = (over: Partial<ComplaintStatus> = {}): ComplaintStatus => ({
  reference: 'HRD-7K3F9Q',
  status: 'resolved',
  receivedAt: '2026-03-01T09:00:00.000Z',
  resolvedAt: '2026-03-03T14:05:00.000Z',
  dueBy: '2026-03-04T17:00:00.000Z',
  dueByReason: null,
  replies: [
    { at: '2026-03-02T10:00:00.000Z', text: 'We are checking with the courier.' },
    { at: '2026-03-03T14:00:00.000Z', text: HOSTILE },
  ],
  ...over,
});

const full = (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The widget with a status reader that answers `answers` in turn, one per opening. */
function mountWithStatuses(answers: PastStatus[][], locale: 'en' | 'hu' = 'en') {
  let reads = 0;
  const readStatus = fromPromise<PastStatus[]>(async () => answers[Math.min(reads++, answers.length - 1)]!);
  const actor = createActor(fakeMachine(newFakes()).provide({ actors: { readStatus } }), { input: baseInput({ locale }) }).start();
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheetsBefore = [...root.adoptedStyleSheets];
  let handle!: ReturnType<typeof renderWidget>;
  act(() => {
    handle = renderWidget(root, {
      actor,
      position: 'bottom-right',
      loadCatalog,
      initialCatalog: locale === 'en' ? en : hu,
      composer: { initial: '', onChange: () => {} },
      transcript: () => '',
      privacy: { erase: async () => 'erased', eraseWhenDelivered: async () => 'erased', erased: false },
    });
  });
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    handle.destroy();
  };
  cleanups.push(() => {
    destroy();
    actor.stop();
    host.remove();
  });
  const ui = within(root.querySelector<HTMLElement>('.heard-root')!);
  return { root, ui, actor, sheetsBefore, destroy, reads: () => reads };
}

const statusBlock = (root: ShadowRoot) => root.querySelector<HTMLElement>('.heard-status');

describe('the status of earlier complaints in the widget', () => {
  it('says what became of the latest complaint before the greeting, with the agent\'s latest reply', async () => {
    const m = mountWithStatuses([[{ id: 'a1', status: status() }]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    const block = statusBlock(m.root)!;
    expect(block.textContent).toContain(`Your complaint HRD-7K3F9Q was resolved on ${full('en', '2026-03-03T14:05:00.000Z')}.`);
    expect(block.textContent).toContain(`We replied on ${full('en', '2026-03-03T14:00:00.000Z')}.`);
    expect(block.querySelector('.heard-status-reply')!.textContent).toBe(HOSTILE);
    // Only the latest reply.
    expect(block.textContent).not.toContain('courier');
    // Above the greeting, which still offers a new complaint.
    const log = m.ui.getByRole('log');
    expect(block.compareDocumentPosition(log.querySelector('li')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(m.ui.getByRole('textbox', { name: 'Your message' })).toBeTruthy();
  });

  it('renders the reply as text: markup in it makes no element and runs nothing', async () => {
    const m = mountWithStatuses([[{ id: 'a1', status: status() }]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    expect(statusBlock(m.root)!.querySelector('img, b, script')).toBeNull();
    expect((globalThis as { __heardPwned?: boolean }).__heardPwned).toBeUndefined();
  });

  it('is announced politely: it arrives inside the conversation\'s live region, which was there before it', async () => {
    const m = mountWithStatuses([[{ id: 'a1', status: status() }]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    const log = m.ui.getByRole('log', { name: 'Conversation' });
    expect(statusBlock(m.root)).toBeNull();
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    expect(m.ui.getByRole('log')).toBe(log);
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.contains(statusBlock(m.root))).toBe(true);
  });

  it('does not touch the DOM when the same status is read again, so it is not read out twice', async () => {
    const same = status({ replies: [{ at: '2026-03-01T10:00:00.000Z', text: 'An older reply' }, ...status().replies] });
    const changed = status({ replies: [...status().replies, { at: '2026-03-04T10:00:00.000Z', text: 'The refund has reached your card.' }] });
    // Three openings: a status, the same status again (new objects, one older reply more), a new reply.
    const m = mountWithStatuses([[{ id: 'a1', status: status() }], [{ id: 'a1', status: same }], [{ id: 'a1', status: changed }]]);
    const reopen = () => {
      fireEvent.click(m.ui.getByRole('button', { name: 'Close' }));
      fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    };
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    const replaced: Node[] = [];
    new MutationObserver((records) => records.forEach((r) => replaced.push(...r.addedNodes))).observe(statusBlock(m.root)!.parentElement!, { childList: true, subtree: true });
    reopen();
    await waitFor(() => expect(m.reads()).toBe(2));
    reopen();
    await waitFor(() => expect(statusBlock(m.root)!.textContent).toContain('The refund has reached your card.'));
    // Reads are shown in order: only the changed status reached the live region again.
    expect(replaced).toHaveLength(1);
  });

  it('says a complaint is in progress, the date expected, and why that date moved', async () => {
    const moved = status({ status: 'in-progress', resolvedAt: null, dueBy: '2026-03-09T17:00:00.000Z', dueByReason: 'The part comes from the maker, who needs <i>a week</i>.', replies: [] });
    const received = status({ reference: 'HRD-AAAAAA', status: 'received', resolvedAt: null, dueBy: '2026-03-05T17:00:00.000Z', replies: [] });
    const m = mountWithStatuses([[{ id: 'a1', status: moved }, { id: 'a2', status: received }]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    const items = [...statusBlock(m.root)!.querySelectorAll('.heard-status-item')].map((el) => el.textContent);
    expect(items).toEqual([
      `Your complaint HRD-7K3F9Q is being looked into. We expect to answer by ${formatDue('en', '2026-03-09T17:00:00.000Z', Date.now())}. We had to move this date. The reason: “The part comes from the maker, who needs <i>a week</i>.”`,
      `We have received your complaint HRD-AAAAAA. We expect to answer by ${formatDue('en', '2026-03-05T17:00:00.000Z', Date.now())}.`,
    ]);
    expect(statusBlock(m.root)!.querySelector('i')).toBeNull();
  });

  it('speaks the visitor\'s language', async () => {
    const m = mountWithStatuses([[{ id: 'a1', status: status() }]], 'hu');
    fireEvent.click(m.ui.getByRole('button', { name: hu['ui.launcher'] }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    expect(statusBlock(m.root)!.textContent).toContain(`Panaszát (azonosító: HRD-7K3F9Q) lezártuk. A lezárás ideje: ${full('hu', '2026-03-03T14:05:00.000Z')}.`);
  });

  it('shows nothing, and stays out of the way, for a visitor with no earlier complaints', async () => {
    const m = mountWithStatuses([[]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(m.reads()).toBe(1));
    await act(async () => void (await settle()));
    expect(statusBlock(m.root)).toBeNull();
    expect(m.ui.getByRole('log').textContent).toContain('Please tell me what happened');
  });

  it('destroy() takes its stylesheet away with the rest of the widget', async () => {
    const m = mountWithStatuses([[{ id: 'a1', status: status() }]]);
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
    await waitFor(() => expect(statusBlock(m.root)).not.toBeNull());
    expect(m.root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.heard-status-reply')))).toBe(true);
    act(() => m.destroy());
    expect(m.root.adoptedStyleSheets).toEqual(m.sheetsBefore);
  });
});
