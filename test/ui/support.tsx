import { act, fireEvent, within, type BoundFunctions, type queries } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { loadCatalog } from '../../widget/src/i18n/load';
import type { ComplaintInput } from '../../widget/src/machine/context';
import type { ComplaintStatus } from '../../widget/src/transport/status';
import { renderWidget, type WidgetHandle, type WidgetProps } from '../../widget/src/ui/mount';
import { SPECIFIC, baseInput, newFakes, settle, start, type Fakes } from '../machine/harness';

export { SPECIFIC };

const mountedWidgets: Array<() => void> = [];

afterEach(() => {
  while (mountedWidgets.length) mountedWidgets.pop()!();
});

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  actor: ReturnType<typeof start>['actor'];
  fakes: Fakes;
  handle: WidgetHandle;
  /** Queries scoped to the widget's shadow root. */
  ui: BoundFunctions<typeof queries>;
  onDraft: ReturnType<typeof vi.fn>;
  /** The element focused inside the shadow root. */
  focused(): Element | null;
}

/**
 * The widget as the embed mounts it: a host element with an open shadow root in a page, a
 * started complaint machine with fake storage and delivery.
 */
export function mountWidget(
  over: Partial<Omit<WidgetProps, 'actor'>> = {},
  input: Partial<ComplaintInput> = {},
  fakes: Fakes = newFakes(),
): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const { actor } = start(fakes, baseInput(input));
  const onDraft = vi.fn();
  let handle!: WidgetHandle;
  act(() => {
    handle = renderWidget(root, {
      actor,
      position: 'bottom-right',
      loadCatalog,
      initialCatalog: en,
      composer: { initial: '', onChange: onDraft },
      transcript: () => 'Complaint HRD-7K3F9Q transcript',
      privacy: { erase: async () => 'erased', eraseWhenDelivered: async () => 'erased', erased: false },
      ...over,
    });
  });
  mountedWidgets.push(() => {
    handle.destroy();
    actor.stop();
    host.remove();
  });
  return {
    host,
    root,
    actor,
    fakes,
    handle,
    ui: within(root.querySelector<HTMLElement>('.heard-root')!),
    onDraft,
    focused: () => root.activeElement,
  };
}

/** Sends events to the machine as the host page would, and lets the UI catch up. */
export function send(m: Mounted, ...events: Parameters<Mounted['actor']['send']>[0][]): void {
  act(() => {
    for (const event of events) m.actor.send(event);
  });
}

/** Lets promise actors (outbox, delivery, catalog loads) settle and the UI re-render. */
export async function settled(): Promise<void> {
  await act(async () => {
    await settle();
    await settle();
  });
}

/** The text of every line in the log, in order. */
export function logLines(m: Mounted): string[] {
  return Array.from(m.root.querySelectorAll('[role="log"] li'), (li) => li.textContent ?? '');
}

/** Opens the panel by clicking the bubble, as a visitor would. */
export function openPanel(m: Mounted): HTMLElement {
  fireEvent.click(m.ui.getByRole('button', { name: 'Raise a complaint' }));
  return m.ui.getByRole('dialog');
}

/** Types into the composer and presses Enter. */
export function say(m: Mounted, text: string): void {
  const box = m.ui.getByRole('textbox', { name: 'Your message' });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

/** Tells the story and chooses "That’s everything". */
export function tell(m: Mounted, ...texts: string[]): void {
  for (const text of texts) say(m, text);
  fireEvent.click(m.ui.getByRole('button', { name: 'That’s everything' }));
}

/** From the greeting to the contact form: a specific complaint, confirmed, asking for a refund. */
export function toContact(m: Mounted): void {
  openPanel(m);
  tell(m, SPECIFIC);
  fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
  fireEvent.click(m.ui.getByRole('button', { name: 'Refund' }));
}

/** On to the commitment, with a valid email. */
export function toCommit(m: Mounted): void {
  toContact(m);
  fireEvent.input(m.ui.getByLabelText(/^Email/), { target: { value: 'ana@example.com' } });
  fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
}

/** An open complaint's status from a server that keeps threads: two replies, no follow-up yet. */
export function openStatus(over: Partial<ComplaintStatus> = {}): ComplaintStatus {
  return {
    reference: 'HRD-7K3F9Q',
    status: 'in-progress',
    receivedAt: '2026-03-01T09:00:00.000Z',
    resolvedAt: null,
    dueBy: null,
    dueByReason: null,
    replies: [
      { at: '2026-03-02T10:00:00.000Z', text: 'Could you send a photo?' },
      { at: '2026-03-03T10:00:00.000Z', text: 'And the order number?' },
    ],
    messages: [],
    answerableUntil: null,
    teamOnline: false,
    ...over,
  };
}
